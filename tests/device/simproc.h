/*
 * simproc.h - run rescuebay-sim from a test: start it on a private UNIX socket with a
 * scenario written by the test, steer it with `ctl`, kill and restart it.
 */
#ifndef RB_TEST_SIMPROC_H
#define RB_TEST_SIMPROC_H

#include <stdbool.h>
#include <sys/types.h>

struct simproc {
    pid_t pid;
    char sock[512];
    char scenario[512];
    char addr[600];
};

/* Writes `scenario_text` to a file in dir and starts the sim; sets USBMUXD_SOCKET_ADDRESS
 * for this process. Aborts the test case on failure. */
void simproc_start(struct simproc *s, const char *dir, const char *scenario_text);
/* Starts the sim again with the same socket and scenario (after simproc_kill). */
void simproc_restart(struct simproc *s);
void simproc_kill(struct simproc *s);
/* Runs `rescuebay-sim ctl --listen ADDR <args>`; returns its exit status. */
int simproc_ctl(struct simproc *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
