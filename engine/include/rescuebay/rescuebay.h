/*
 * rescuebay/rescuebay.h - umbrella header: includes every public capability header.
 */
#ifndef RESCUEBAY_H
#define RESCUEBAY_H

#include "common.h"
#include "context.h"
#if __has_include("catalog.h")
#include "catalog.h"
#endif
#if __has_include("device.h")
#include "device.h"
#endif
#if __has_include("backup.h")
#include "backup.h"
#endif
#if __has_include("firmware.h")
#include "firmware.h"
#endif
#if __has_include("tickets.h")
#include "tickets.h"
#endif

#endif
