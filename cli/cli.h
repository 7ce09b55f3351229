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
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "rescuebay/rescuebay.h"

#if defined(__GNUC__)
#define RB_CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RB_CLI_PRINTF(a, b)
#endif

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
int cli_fail(struct cli *c, rb_status status, const char *fmt, ...) RB_CLI_PRINTF(3, 4);

/* ---- output (out.c): the only code that writes to stdout/stderr ---- */

/* printf to stdout / stderr, except that every %s and %c argument is outside text and is
 * written escaped (rb_text_escape: no control or bidi character, no invalid UTF-8);
 * widths and precisions count characters. The format string itself is written as is. */
int cli_printf(const char *fmt, ...) RB_CLI_PRINTF(1, 2);
int cli_eprintf(const char *fmt, ...) RB_CLI_PRINTF(1, 2);
int cli_vfprintf(FILE *f, const char *fmt, va_list ap) RB_CLI_PRINTF(2, 0);

/* Columns that cli_printf("%s", s) takes (characters of the escaped form). */
size_t cli_width(const char *s);

/* Writes our own multi-line text (usage) as is; never outside text. */
void cli_text(FILE *f, const char *text);

/* Prints a cJSON value (pretty, with newline) to stdout and deletes it. Every string is
 * written with rb_text_json, so the output is valid UTF-8 JSON whatever the strings held;
 * an object gets "replaced_invalid_utf8": [JSON Pointers] when bytes had to be replaced. */
void cli_print_json(cJSON *value);
/* The same on one line, flushed (for --watch streams). */
void cli_print_json_line(cJSON *value);

/* ---- arguments (args.c): one parser for every family ---- */

/* Option scanning for families: returns true if argv[*i] is `name` (then *value is the
 * next argument, or NULL with an error printed) or `name=value`. */
bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value);

/* "--help" or "-h". */
bool cli_is_help(const char *arg);

/* Prints "usage: rescuebay <usage>" to stdout and returns CLI_OK (for --help). */
int cli_help(struct cli *c, const char *usage);

/* Prints the usage to stderr and returns CLI_USAGE. */
int cli_usage(struct cli *c, const char *usage);

/* Parses `text`, the value of option `opt`, as a whole decimal number in [min, max];
 * otherwise prints what is wrong, naming the option, and returns CLI_USAGE. */
int cli_parse_int(struct cli *c, const char *opt, const char *text, long long min,
                  long long max, long long *out);
/* The same for an iOS version ("16", "16.7", "16.7.2"). */
int cli_parse_version(struct cli *c, const char *opt, const char *text);
/* The same for a size ("500M", "2G", "1048576"). */
int cli_parse_size(struct cli *c, const char *opt, const char *text, uint64_t *out);

/* The known word nearest to `word` (a typo two edits away at most), or NULL. */
const char *cli_nearest(const char *word, const char *const *known, size_t n);
/* "rescuebay: unknown <what> '<word>' (did you mean <nearest>?)", then the usage if
 * given; returns CLI_USAGE. */
int cli_unknown(struct cli *c, const char *what, const char *word, const char *const *known,
                size_t n, const char *usage);

/* A secret (a backup password) from the first line of standard input (from_stdin) or of
 * `file`, without its line end, into *out (NULL when neither is asked). `what` names it in
 * errors ("password"). Prints what is wrong and returns CLI_FAIL. */
int cli_read_secret(struct cli *c, const char *what, bool from_stdin, const char *file, char **out);
/* Overwrites the secret, then frees it; NULL is a no-op. */
void cli_secret_free(char *s);

/* Command families (one file each). argv[0] is the family name. */
int cli_models(struct cli *c, int argc, char **argv);
int cli_devices(struct cli *c, int argc, char **argv);
int cli_device(struct cli *c, int argc, char **argv);
int cli_backup(struct cli *c, int argc, char **argv);
int cli_firmware(struct cli *c, int argc, char **argv);
int cli_ticket(struct cli *c, int argc, char **argv);
int cli_restore(struct cli *c, int argc, char **argv);

#endif
