/*
 * cli.h - shared plumbing of the `rescuebay` command: global options, the engine
 * context, error reporting and JSON output. One file per command family.
 *
 * Exit codes common to every command: 0 success, 1 failure (message on stderr),
 * 2 usage error. Families document any further codes in `rescuebay help FAMILY` and in
 * docs/cli.md (e.g. backup verdicts).
 */
#ifndef RB_CLI_H
#define RB_CLI_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "rescuebay/rescuebay.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli {
    const char *prog;   /* "rescuebay" */
    const char *home;   /* --home DIR, else NULL (engine applies RESCUEBAY_HOME/default) */
    bool json;          /* --json anywhere on the line */
    rb_context *ctx;    /* opened on first use by cli_context() */
};

/* Opens (once) and returns the engine context; prints the reason and returns NULL on
 * failure. */
rb_context *cli_context(struct cli *c);

/* Prints "rescuebay: <message>" to stderr, adding the context's last error detail if
 * any. With --json, also writes {"error": {...}} to stdout so scripts can parse it.
 * Returns CLI_FAIL. */
int cli_fail(struct cli *c, rb_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prints a usage error and returns CLI_USAGE. */
int cli_usage(struct cli *c, const char *usage);

/* Prints a cJSON value (pretty, with newline) to stdout and deletes it. */
void cli_print_json(cJSON *value);

/* Option scanning for families: returns true if argv[*i] is `name` (then *value is the
 * next argument, or NULL with an error printed) or `name=value`. */
bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value);

/* Command families (one file each). argv[0] is the family name. */
int cli_models(struct cli *c, int argc, char **argv);
int cli_devices(struct cli *c, int argc, char **argv);
int cli_device(struct cli *c, int argc, char **argv);
int cli_backup(struct cli *c, int argc, char **argv);
int cli_firmware(struct cli *c, int argc, char **argv);
int cli_ticket(struct cli *c, int argc, char **argv);
int cli_restore(struct cli *c, int argc, char **argv);

#endif
