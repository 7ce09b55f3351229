/*
 * device/device_hold.h - the one engine-internal call the device module offers other
 * modules beyond its public API (restore jobs use it). Not installed; not private: any
 * module the design lets use device may include it (tests/meta/module_edges.txt), whereas
 * device_private.h stays inside engine/src/device/.
 */
#ifndef RB_DEVICE_DEVICE_HOLD_H
#define RB_DEVICE_DEVICE_HOLD_H

#include <stdbool.h>
#include <stdint.h>

#include "rescuebay/device.h"

/* A restore job's tool works on this ECID: the monitor opens nothing on it (pair, enter
 * or exit recovery answer RB_ERR_BUSY: one USB claim at a time) and keeps its entry through
 * the tool's reboots. hold 0 lets go. Any thread (takes the monitor's lock). */
void rb__dev_hold(rb_device_monitor *mon, uint64_t ecid, bool hold);

#endif
