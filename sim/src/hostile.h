/* hostile.h - a fake usbmuxd / lockdownd that misbehaves on purpose (`ctl hostile`), to
 * test that clients bound every wait: silent, huge length, garbage, trickling. */
#ifndef RB_SIM_HOSTILE_H
#define RB_SIM_HOSTILE_H

#include <stdint.h>

struct sim_device;

/* `hostile muxd MODE [MS]` / `hostile ID MODE [MS]`; under sim.lock. 0, or -1 with the
 * error in *text (as run_command). */
int sim_hostile_command(int argc, const char **argv, char **text);
/* A usbmuxd request other than RbSim*: 1 if the hostile mode took the connection (the
 * caller closes it), 0 to answer normally. Without sim.lock. */
int sim_hostile_muxd(int fd, uint32_t tag);
/* A plain-text lockdown answer `xml` (len bytes) about to be framed and sent: 0 to send it
 * normally, 1 if the hostile mode sent something instead, -1 if the connection is over.
 * Without sim.lock. */
int sim_hostile_lockdown(int fd, const struct sim_device *d, const char *xml, uint32_t len);

#endif
