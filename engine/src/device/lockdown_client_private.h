/* device/lockdown_client_private.h - public lockdown values with a precise error; see lockdown_client.c. */
#ifndef RB_DEVICE_LOCKDOWN_CLIENT_PRIVATE_H
#define RB_DEVICE_LOCKDOWN_CLIENT_PRIVATE_H

#include <libimobiledevice/libimobiledevice.h>
#include <plist/plist.h>
#include <stdbool.h>

#include "rescuebay/common.h"

/* GetValue of the whole public domain, then (only if that fails) QueryType. `type`
 * receives the service type ("com.apple.mobile.lockdown", "com.apple.mobile.restored");
 * *values the dictionary (caller frees). The whole read ends within timeout_ms
 * (RB_ERR_TIMEOUT), or soon after stop(stop_arg) turns true (RB_ERR_CANCELLED; stop may be
 * NULL). On failure `err` says what the device did. */
rb_status rb__dev_lockdown_public(idevice_t dev, unsigned timeout_ms, bool (*stop)(void *),
                                  void *stop_arg, char *type, size_t type_cap, plist_t *values,
                                  char *err, size_t cap);

/* plist_from_memory of either libplist signature (2.2 has no format out-parameter). */
void rb__dev_plist_parse(const char *buf, uint32_t len, plist_t *out);

#endif
