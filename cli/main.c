/* main.c - `rescuebay` entry point: global options and dispatch to command families. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifdef RB_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

struct family {
    const char *name;
    int (*run)(struct cli *c, int argc, char **argv);
    const char *summary;
};

static const struct family families[] = {
    {"devices", cli_devices, "list connected devices in every mode (--watch to follow)"},
    {"device", cli_device, "info | pair | enter-recovery | exit-recovery for one device"},
    {"models", cli_models, "search the model catalog"},
    {"backup", cli_backup, "list | verify | inventory | extract customer backups"},
    {"firmware", cli_firmware, "list | fetch | import | status | verify | prune | pin | unpin"},
    {"ticket", cli_ticket, "new | list | show | search | update | close | export repair tickets"},
    {"restore", cli_restore, "start | status | cancel | resume | log restore jobs"},
};

/* Which allocator actually serves malloc in this process (cmake/RbAllocator.cmake): a
 * link-order slip would silently hand libplist's allocations back to glibc. */
static const char *allocator(void)
{
#ifdef RB_HAVE_MIMALLOC
    void *p = malloc(32);
    bool ours = p && mi_is_in_heap_region(p);
    free(p);
    if (ours)
        return "mimalloc";
#endif
    return "system";
}

static void usage(FILE *out)
{
    cli_text(out, "usage: rescuebay [--home DIR] [--json] COMMAND [ARGS...]\n\n"
                  "Global options (accepted anywhere on the line):\n"
                  "  --home DIR   data folder (default: $RESCUEBAY_HOME, else the platform's data "
                  "folder)\n"
                  "  --json       machine-readable output (see docs/cli.md)\n\n"
                  "Commands:\n");
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        char line[160];
        snprintf(line, sizeof line, "  %-9s %s\n", families[i].name, families[i].summary);
        cli_text(out, line);
    }
    cli_text(out, "  version   print the version\n"
                  "\nRun 'rescuebay COMMAND --help' for a command's options.\n");
}

rb_context *cli_context(struct cli *c)
{
    if (c->ctx)
        return c->ctx;
    rb_status st = rb_context_new(&c->ctx, c->home);
    if (st != RB_OK) {
        cli_eprintf("%s: cannot open the data folder %s: %s\n", c->prog,
                c->home ? c->home : "(default)", rb_strerror(st));
        c->ctx = NULL;
    }
    return c->ctx;
}

int cli_fail(struct cli *c, rb_status status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *detail = c->ctx ? rb_context_last_error(c->ctx) : "";
    if (detail && *detail && strstr(msg, detail) == NULL)
        cli_eprintf("%s: %s (%s)\n", c->prog, msg, detail);
    else
        cli_eprintf("%s: %s\n", c->prog, msg);
    if (c->json) {
        cJSON *root = cJSON_CreateObject();
        cJSON *err = cJSON_AddObjectToObject(root, "error");
        cJSON_AddStringToObject(err, "code", rb_status_name(status));
        cJSON_AddNumberToObject(err, "status", status);
        cJSON_AddStringToObject(err, "message", msg);
        if (detail && *detail)
            cJSON_AddStringToObject(err, "detail", detail);
        cli_print_json(root);
    }
    return CLI_FAIL;
}

int main(int argc, char **argv)
{
    struct cli c = {.prog = "rescuebay"};
    /* A phone that reboots or is unplugged hangs up its sockets; libimobiledevice's next
     * write would then kill the whole process with SIGPIPE instead of returning an error. */
    signal(SIGPIPE, SIG_IGN);
    /* Strip the global options wherever they appear so families never see them. */
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--json") == 0) {
            c.json = true;
        } else if (cli_opt(argc, argv, &i, "--home", &v)) {
            if (!v)
                return CLI_USAGE;
            c.home = v;
        } else {
            argv[n++] = argv[i];
        }
    }
    argv[n] = NULL;
    if (n >= 2 && strcmp(argv[0], "help") == 0) { /* "help backup" = "backup --help" */
        argv[0] = argv[1];
        argv[1] = "--help";
        n = 2;
    }
    if (n == 0 || strcmp(argv[0], "help") == 0 || cli_is_help(argv[0])) {
        usage(n == 0 ? stderr : stdout);
        return n == 0 ? CLI_USAGE : CLI_OK;
    }
    if (strcmp(argv[0], "version") == 0 || strcmp(argv[0], "--version") == 0) {
        if (c.json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "version", rb_version());
            cJSON_AddStringToObject(o, "allocator", allocator());
            cli_print_json(o);
        } else {
            cli_printf("rescuebay %s\n", rb_version());
        }
        return CLI_OK;
    }
    int rc = -1;
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
        if (strcmp(argv[0], families[i].name) == 0) {
            rc = families[i].run(&c, n, argv);
            break;
        }
    if (rc < 0) {
        const char *known[sizeof families / sizeof families[0] + 2];
        size_t nk = 0;
        for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
            known[nk++] = families[i].name;
        known[nk++] = "version";
        known[nk++] = "help";
        rc = cli_unknown(&c, "command", argv[0], known, nk, NULL);
        cli_text(stderr, "\n");
        usage(stderr);
    }
    rb_context_free(c.ctx);
    return rc;
}
