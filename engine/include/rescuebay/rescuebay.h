/*
 * rescuebay/rescuebay.h - umbrella header: includes every public capability header.
 */
#ifndef RESCUEBAY_H
#define RESCUEBAY_H

#include "common.h"
#include "context.h"
#include "catalog.h"
#include "device.h"
#include "guide.h"
#include "backup.h"
#include "firmware.h"
#include "tickets.h"
#include "restore.h"
#include "text.h"

#endif
