/* device/wire.h - public lockdown values with a precise error; see wire.c. */
#ifndef RB_DEVICE_WIRE_H
#define RB_DEVICE_WIRE_H

#include <libimobiledevice/libimobiledevice.h>
#include <plist/plist.h>

#include "rescuebay/common.h"

/* QueryType, then (lockdown only) GetValue of the whole public domain. `type` receives the
 * service type ("com.apple.mobile.lockdown", "com.apple.mobile.restored"); *values the
 * dictionary (caller frees). On failure `err` says what the device did. */
rb_status rb__dev_lockdown_public(idevice_t dev, unsigned timeout_ms, char *type, size_t type_cap,
                               plist_t *values, char *err, size_t cap);

#endif
