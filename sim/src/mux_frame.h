/* mux_frame.h - framing helpers shared by rescuebay-sim, its ctl client and the fake libusb. */
#ifndef RB_SIM_MUX_FRAME_H
#define RB_SIM_MUX_FRAME_H

#include <plist/plist.h>
#include <stddef.h>
#include <stdint.h>

int sim_read_full(int fd, void *buf, size_t n);
int sim_write_full(int fd, const void *buf, size_t n);
/* usbmux framing: 16-byte little-endian header (length, version 1, message 8, tag) + XML. */
int sim_mux_send(int fd, uint32_t tag, plist_t msg);
int sim_mux_recv(int fd, uint32_t *tag, plist_t *msg, int timeout_ms);
/* addr as in USBMUXD_SOCKET_ADDRESS: "UNIX:/path" or "host:port". */
int sim_connect(const char *addr);
int sim_listen(const char *addr);
const char *sim_dict_str(plist_t dict, const char *key);
int sim_dict_uint(plist_t dict, const char *key, uint64_t *out);
/* plist_from_memory across libplist versions (2.3 added a format out-parameter). */
void sim_plist_parse(const char *buf, uint32_t len, plist_t *out);
void sim_msleep(int ms);

#endif
