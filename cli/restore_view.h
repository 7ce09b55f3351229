/* restore_view.h - how `rescuebay restore` shows jobs: text or JSON, and the exit code
 * that a job's state maps to. Split from restore.c, which drives the jobs. */
#ifndef RB_CLI_RESTORE_VIEW_H
#define RB_CLI_RESTORE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rescuebay/restore.h>

#include "cli.h"

enum {
    CLI_REFUSED = 3,
    CLI_JOB_FAILED = 4,
    CLI_JOB_INTERRUPTED = 5,
    CLI_JOB_CANCELLED = 6,
    CLI_BUSY = 7,
    CLI_SIGINT = 130
};

/* The exit code for a job that ended (or stopped) in state ST. */
int cli_restore_exit_code(rb_restore_state st);

/* Prints one job (JSON or text; COMPACT: one JSON line); returns its state, or 0 if it
 * could not be read. */
rb_restore_state cli_restore_show(struct cli *c, rb_restore *rs, int64_t id, bool compact);

/* Prints jobs (JSON: {"jobs": [...]}, plus "adopted" when >= 0); returns the exit code of
 * the worst state among them. */
int cli_restore_print_jobs(struct cli *c, rb_restore *rs, const int64_t *ids, size_t n,
                           long adopted);

#endif
