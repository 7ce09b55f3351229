/* firmware.c - `rescuebay firmware`: catalog, fetch, import and cache upkeep. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define USAGE                                                                             \
    "firmware COMMAND ...\n"                                                              \
    "  list PRODUCTTYPE [--refresh]          builds, signed now (with its age), cached\n"   \
    "  fetch PRODUCTTYPE [--build B | --latest-signed] | fetch --sha1 H\n"               \
    "                                        download into the cache (resumable)\n"       \
    "  import FILE.ipsw                      add a local IPSW (verified against the catalog)\n" \
    "  status                                cached files, sizes, pins, partial downloads\n" \
    "  verify [SHA1 | --all]                 re-hash cached files; bad ones are removed\n" \
    "  prune [--to SIZE]                     evict least recently used (unpinned) files\n" \
    "  pin SHA1 | unpin SHA1                 keep a file regardless of the budget\n"      \
    "options: --cache DIR  --offline  --rate-limit BYTES/s  --retries N  --max-time SECONDS\n" \
    "         --pin  --quiet\n"                                                        \
    "exit codes: 0 ok, 1 failure, 2 usage, 3 verification failed, 130 interrupted"

enum { CLI_VERIFY = 3, CLI_INTERRUPTED = 130 };
enum { CLI_HELP_SHOWN = -1 }; /* parse_args() printed --help: exit 0 without running */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

struct progress_line {
    rb_firmware *fw;
    const char *prog;
    int quiet;
    int tty;
    uint64_t t0_ms, last_ms, first_bytes;
    int step, have_first, printed;
};

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void human(char *out, size_t cap, double b)
{
    const char *u[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    while (b >= 1024 && i < 4) {
        b /= 1024;
        i++;
    }
    snprintf(out, cap, i ? "%.1f %s" : "%.0f %s", b, u[i]);
}

static void age_text(char *out, size_t cap, int64_t secs)
{
    if (secs < 0)
        secs = 0;
    if (secs < 120)
        snprintf(out, cap, "%lld s ago", (long long)secs);
    else if (secs < 7200)
        snprintf(out, cap, "%lld min ago", (long long)(secs / 60));
    else if (secs < 172800)
        snprintf(out, cap, "%lld h ago", (long long)(secs / 3600));
    else
        snprintf(out, cap, "%lld days ago", (long long)(secs / 86400));
}

static int on_progress(const rb_progress *p, void *payload)
{
    struct progress_line *pl = payload;
    if (interrupted)
        return -1;
    if (p->step == RB_FIRMWARE_STEP_INSECURE) {
        /* Shown even with --quiet: it is about the shop's network, not progress. */
        cli_eprintf("%s%s: warning: %s\n", pl->printed && pl->tty ? "\r\033[K" : "",
                pl->prog, rb_firmware_last_warning(pl->fw));
        return 0;
    }
    if (pl->quiet)
        return 0;
    uint64_t t = now_ms();
    if (p->step != pl->step) {
        pl->step = p->step;
        pl->have_first = 0;
        pl->last_ms = 0;
        if (pl->printed && pl->tty)
            cli_eprintf("\n");
    }
    if (!pl->have_first) {
        pl->have_first = 1;
        pl->t0_ms = t;
        pl->first_bytes = p->bytes_done;
    }
    bool final = p->bytes_total && p->bytes_done >= p->bytes_total;
    if (t - pl->last_ms < (pl->tty ? 250u : 2000u) && !final)
        return 0;
    if (final && pl->last_ms && t == pl->last_ms)
        return 0;
    pl->last_ms = t;
    const char *what = p->step == 2 ? "waiting for another download"
                       : p->step == 3 ? "downloading"
                       : p->step == 4 ? "verifying"
                       : p->step == 6 ? "network trouble, retrying"
                                      : NULL;
    if (!what)
        return 0;
    char done[32], total[32], rate[32], eta[32] = "";
    if (p->step == 6) {
        cli_eprintf("%s%s (attempt %llu of %llu)%s", pl->tty ? "\r\033[K" : "", what,
                (unsigned long long)p->bytes_done, (unsigned long long)p->bytes_total,
                pl->tty ? "" : "\n");
        pl->printed = 1;
        return 0;
    }
    human(done, sizeof done, (double)p->bytes_done);
    human(total, sizeof total, (double)p->bytes_total);
    double secs = (double)(t - pl->t0_ms) / 1000.0;
    double bps = secs > 0.2 ? (double)(p->bytes_done - pl->first_bytes) / secs : 0;
    human(rate, sizeof rate, bps);
    if (bps <= 0)
        snprintf(rate, sizeof rate, "-");
    if (bps > 0 && p->bytes_total > p->bytes_done) {
        uint64_t left = (uint64_t)((double)(p->bytes_total - p->bytes_done) / bps);
        snprintf(eta, sizeof eta, "  ETA %llum%02llus", (unsigned long long)(left / 60),
                 (unsigned long long)(left % 60));
    }
    cli_eprintf("%s%s %s / %s  %3.0f%%  %s%s%s%s", pl->tty ? "\r\033[K" : "", what, done,
            total, p->bytes_total ? 100.0 * (double)p->bytes_done / (double)p->bytes_total : 0.0,
            rate, bps > 0 ? "/s" : "", eta, pl->tty ? "" : "\n");
    pl->printed = 1;
    return 0;
}

struct fw_args {
    const char *cache, *rate, *retries, *build, *sha1, *to, *max_time;
    bool offline, latest, pin, quiet, refresh, all;
    const char *cmd;          /* the first word that is not an option */
    const char *pos[4];
    int npos;
};

static const char *const OPTIONS[] = {
    "--cache", "--rate-limit", "--retries", "--max-time", "--build", "--sha1", "--to", "--offline",
    "--latest-signed", "--pin", "--quiet", "--refresh", "--all"};

static int parse_args(struct cli *c, int argc, char **argv, struct fw_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        const char **slot = NULL;
        if (cli_opt(argc, argv, &i, "--cache", &v)) slot = &a->cache;
        else if (cli_opt(argc, argv, &i, "--rate-limit", &v)) slot = &a->rate;
        else if (cli_opt(argc, argv, &i, "--retries", &v)) slot = &a->retries;
        else if (cli_opt(argc, argv, &i, "--build", &v)) slot = &a->build;
        else if (cli_opt(argc, argv, &i, "--sha1", &v)) slot = &a->sha1;
        else if (cli_opt(argc, argv, &i, "--to", &v)) slot = &a->to;
        else if (cli_opt(argc, argv, &i, "--max-time", &v)) slot = &a->max_time;
        else if (strcmp(argv[i], "--offline") == 0) a->offline = true;
        else if (strcmp(argv[i], "--latest-signed") == 0) a->latest = true;
        else if (strcmp(argv[i], "--pin") == 0) a->pin = true;
        else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) a->quiet = true;
        else if (strcmp(argv[i], "--refresh") == 0) a->refresh = true;
        else if (strcmp(argv[i], "--all") == 0) a->all = true;
        else if (cli_is_help(argv[i])) return cli_help(c, USAGE) == CLI_OK ? CLI_HELP_SHOWN : CLI_USAGE;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_unknown(c, "option", argv[i], OPTIONS, sizeof OPTIONS / sizeof *OPTIONS, USAGE);
        else if (!a->cmd) a->cmd = argv[i];
        else if (a->npos < 4) a->pos[a->npos++] = argv[i];
        else return cli_unknown(c, "argument", argv[i], NULL, 0, USAGE);
        if (slot) {
            if (!v)
                return CLI_USAGE;
            *slot = v;
        }
    }
    /* Numbers are checked before anything is opened or fetched. */
    uint64_t size;
    long long n;
    if (a->rate && cli_parse_size(c, "--rate-limit", a->rate, &size) != CLI_OK)
        return CLI_USAGE;
    if (a->to && cli_parse_size(c, "--to", a->to, &size) != CLI_OK)
        return CLI_USAGE;
    if (a->retries && cli_parse_int(c, "--retries", a->retries, 0, 1000, &n) != CLI_OK)
        return CLI_USAGE;
    if (a->max_time && cli_parse_int(c, "--max-time", a->max_time, 0, 1000000000LL, &n) != CLI_OK)
        return CLI_USAGE;
    return CLI_OK;
}

static int open_cache(struct cli *c, const struct fw_args *a, rb_firmware **fw)
{
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    rb_firmware_options o = RB_FIRMWARE_OPTIONS_INIT;
    o.cache_dir = a->cache;
    o.offline = a->offline;
    long long retries;
    if (a->rate && cli_parse_size(c, "--rate-limit", a->rate, &o.rate_limit) != CLI_OK)
        return CLI_USAGE;
    if (a->retries) {
        if (cli_parse_int(c, "--retries", a->retries, 0, 1000, &retries) != CLI_OK)
            return CLI_USAGE;
        o.max_retries = (int)retries;
    }
    rb_status st = rb_firmware_open(fw, ctx, &o);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot open the firmware cache");
    return CLI_OK;
}

static int fw_fail(struct cli *c, rb_firmware *fw, rb_status st, const char *what)
{
    /* The handle's detail is the useful part; route it through cli_fail's format. */
    cli_fail(c, st, "%s: %s", what, rb_firmware_last_error(fw));
    return st == RB_ERR_VERIFY ? CLI_VERIFY : st == RB_ERR_CANCELLED ? CLI_INTERRUPTED : CLI_FAIL;
}

static void iso(int64_t t, char out[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int cmd_list(struct cli *c, rb_firmware *fw, const struct fw_args *a)
{
    if (a->npos != 1)
        return cli_usage(c, USAGE);
    rb_firmware_list *l = NULL;
    rb_status st = rb_firmware_catalog(&l, fw, a->pos[0], a->refresh ? RB_FIRMWARE_REFRESH : 0);
    if (*rb_firmware_last_warning(fw))
        cli_eprintf("%s: warning: %s\n", c->prog, rb_firmware_last_warning(fw));
    if (st != RB_OK)
        return fw_fail(c, fw, st, "cannot read the catalog");
    int64_t age = (int64_t)time(NULL) - l->checked_at;
    char when[32], ago[32];
    iso(l->checked_at, when);
    age_text(ago, sizeof ago, age);
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "product_type", l->product_type);
        cJSON_AddStringToObject(o, "name", l->name);
        cJSON_AddStringToObject(o, "signing_checked_at", when);
        cJSON_AddNumberToObject(o, "signing_age_seconds", (double)age);
        cJSON_AddBoolToObject(o, "offline", l->offline);
        cJSON *arr = cJSON_AddArrayToObject(o, "builds");
        for (size_t i = 0; i < l->count; i++) {
            const rb_firmware_build *b = &l->builds[i];
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "version", b->version);
            cJSON_AddStringToObject(e, "build", b->build);
            cJSON_AddStringToObject(e, "sha1", b->sha1);
            cJSON_AddStringToObject(e, "sha256", b->sha256);
            cJSON_AddNumberToObject(e, "size", (double)b->size);
            cJSON_AddStringToObject(e, "url", b->url);
            cJSON_AddStringToObject(e, "released", b->released);
            cJSON_AddBoolToObject(e, "signed", b->signed_now);
            cJSON_AddBoolToObject(e, "cached", b->cached);
            cJSON_AddBoolToObject(e, "pinned", b->pinned);
            cJSON_AddItemToArray(arr, e);
        }
        cli_print_json(o);
    } else {
        cli_printf("%s%s%s%s: signing status as of %s (%s)%s\n", l->product_type,
               *l->name ? " (" : "", l->name, *l->name ? ")" : "", when, ago,
               l->offline ? ", OFFLINE: server unreachable" : "");
        cli_printf("%-10s %-10s %10s  %-6s %-8s %s\n", "VERSION", "BUILD", "SIZE", "SIGNED",
               "CACHED", "SHA1");
        for (size_t i = 0; i < l->count; i++) {
            const rb_firmware_build *b = &l->builds[i];
            char sz[32];
            human(sz, sizeof sz, (double)b->size);
            cli_printf("%-10s %-10s %10s  %-6s %-8s %s\n", b->version, b->build, sz,
                   b->signed_now ? "yes" : "no", b->cached ? (b->pinned ? "pinned" : "yes") : "-",
                   b->sha1);
        }
    }
    rb_firmware_list_free(l);
    return CLI_OK;
}

static void print_result(struct cli *c, const rb_firmware_result *r)
{
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "sha1", r->sha1);
        cJSON_AddStringToObject(o, "path", r->path);
        cJSON_AddNumberToObject(o, "size", (double)r->size);
        cJSON_AddNumberToObject(o, "bytes_downloaded", (double)r->bytes_downloaded);
        cJSON_AddNumberToObject(o, "bytes_resumed", (double)r->bytes_resumed);
        cJSON_AddBoolToObject(o, "already_cached", r->already_cached);
        cJSON_AddBoolToObject(o, "waited_for_other", r->waited_for_other);
        cJSON_AddNumberToObject(o, "transfer_ms", (double)r->transfer_ms);
        cJSON_AddNumberToObject(o, "verify_tail_ms", (double)r->verify_tail_ms);
        cli_print_json(o);
    } else {
        cli_printf("%s\n", r->path);
    }
}

static int cmd_fetch(struct cli *c, rb_firmware *fw, const struct fw_args *a, bool import)
{
    struct progress_line pl = {.fw = fw, .prog = c->prog, .quiet = a->quiet, .tty = isatty(2)};
    rb_firmware_fetch_options fo = RB_FIRMWARE_FETCH_OPTIONS_INIT;
    fo.progress = on_progress;
    fo.payload = &pl;
    fo.pin = a->pin;
    long long max_s;
    if (a->max_time) {
        if (cli_parse_int(c, "--max-time", a->max_time, 0, 1000000000LL, &max_s) != CLI_OK)
            return CLI_USAGE;
        fo.max_seconds = (int)max_s;
    }
    rb_firmware_result r;
    rb_status st;
    if (import) {
        if (a->npos != 1)
            return cli_usage(c, USAGE);
        st = rb_firmware_import(&r, fw, a->pos[0], &fo);
    } else if (a->sha1) {
        if (a->npos || a->build || a->latest)
            return cli_usage(c, USAGE);
        st = rb_firmware_fetch_sha1(&r, fw, a->sha1, &fo);
    } else {
        if (a->npos != 1 || (a->build && a->latest))
            return cli_usage(c, USAGE);
        st = rb_firmware_ensure(&r, fw, a->pos[0], a->build, &fo);
    }
    if (pl.printed && pl.tty)
        cli_eprintf("\n");
    if (st != RB_OK)
        return fw_fail(c, fw, st, import ? "import failed" : "download failed");
    if (!a->quiet && !c->json) {
        char sz[32];
        human(sz, sizeof sz, (double)r.size);
        cli_eprintf("%s %s (%s)%s\n", r.already_cached ? "already cached:" : "verified:",
                r.sha1, sz, r.waited_for_other ? ", downloaded by another process" : "");
    }
    print_result(c, &r);
    return CLI_OK;
}

static int cmd_status(struct cli *c, rb_firmware *fw)
{
    rb_firmware_status *s = NULL;
    rb_status st = rb_firmware_status_get(&s, fw);
    if (st != RB_OK)
        return fw_fail(c, fw, st, "cannot read the cache");
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "cache_dir", rb_firmware_cache_dir(fw));
        cJSON_AddNumberToObject(o, "total_bytes", (double)s->total_bytes);
        cJSON_AddNumberToObject(o, "budget_bytes", (double)s->budget_bytes);
        cJSON_AddNumberToObject(o, "partial_bytes", (double)s->partial_bytes);
        cJSON_AddNumberToObject(o, "partial_count", (double)s->partial_count);
        cJSON *arr = cJSON_AddArrayToObject(o, "files");
        for (size_t i = 0; i < s->count; i++) {
            const rb_firmware_entry *e = &s->entries[i];
            cJSON *j = cJSON_CreateObject();
            char t[32];
            cJSON_AddStringToObject(j, "sha1", e->sha1);
            cJSON_AddStringToObject(j, "sha256", e->sha256);
            cJSON_AddStringToObject(j, "label", e->label);
            cJSON_AddNumberToObject(j, "size", (double)e->size);
            cJSON_AddBoolToObject(j, "pinned", e->pinned);
            iso(e->last_used, t);
            cJSON_AddStringToObject(j, "last_used", t);
            iso(e->verified_at, t);
            cJSON_AddStringToObject(j, "verified_at", e->verified_at ? t : "");
            cJSON_AddItemToArray(arr, j);
        }
        cli_print_json(o);
    } else {
        char tot[32], bud[32], part[32];
        human(tot, sizeof tot, (double)s->total_bytes);
        human(bud, sizeof bud, (double)s->budget_bytes);
        human(part, sizeof part, (double)s->partial_bytes);
        cli_printf("cache %s: %zu file(s), %s (budget %s); %zu partial download(s), %s\n",
               rb_firmware_cache_dir(fw), s->count, tot, s->budget_bytes ? bud : "none",
               s->partial_count, part);
        for (size_t i = 0; i < s->count; i++) {
            const rb_firmware_entry *e = &s->entries[i];
            char sz[32];
            human(sz, sizeof sz, (double)e->size);
            cli_printf("%s %10s %-6s %s\n", e->sha1, sz, e->pinned ? "pinned" : "", e->label);
        }
    }
    rb_firmware_status_free(s);
    return CLI_OK;
}

int cli_firmware(struct cli *c, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage(c, USAGE);
    if (strcmp(argv[1], "help") == 0)
        return cli_help(c, USAGE);
    struct fw_args a;
    int rc = parse_args(c, argc, argv, &a);
    if (rc == CLI_HELP_SHOWN)
        return CLI_OK;
    if (rc != CLI_OK)
        return rc;
    const char *cmd = a.cmd ? a.cmd : "";
    static const char *const known[] = {"list", "fetch", "import", "status", "verify", "prune",
                                        "pin", "unpin"};
    bool ok = false;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        ok |= strcmp(cmd, known[i]) == 0;
    if (!ok && !*cmd)
        return cli_usage(c, USAGE);
    if (!ok)
        return cli_unknown(c, "firmware command", cmd, known, sizeof known / sizeof *known, USAGE);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    rb_firmware *fw = NULL;
    if ((rc = open_cache(c, &a, &fw)) != CLI_OK)
        return rc;
    rb_status st;
    if (strcmp(cmd, "list") == 0) {
        rc = cmd_list(c, fw, &a);
    } else if (strcmp(cmd, "fetch") == 0 || strcmp(cmd, "import") == 0) {
        rc = cmd_fetch(c, fw, &a, strcmp(cmd, "import") == 0);
    } else if (strcmp(cmd, "status") == 0) {
        rc = cmd_status(c, fw);
    } else if (strcmp(cmd, "verify") == 0) {
        struct progress_line pl = {.quiet = a.quiet, .tty = isatty(2)};
        rb_firmware_fetch_options fo = RB_FIRMWARE_FETCH_OPTIONS_INIT;
        fo.progress = on_progress;
        fo.payload = &pl;
        size_t bad = 0;
        if (a.npos > 1 || (a.npos == 1 && a.all))
            rc = cli_usage(c, USAGE);
        else if ((st = rb_firmware_verify(&bad, fw, a.npos ? a.pos[0] : NULL, &fo)) != RB_OK)
            rc = fw_fail(c, fw, st, "verification failed");
        else if (c->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "bad", (double)bad);
            cli_print_json(o);
        } else {
            if (pl.printed && pl.tty)
                cli_eprintf("\n");
            cli_printf("all verified\n");
        }
    } else if (strcmp(cmd, "prune") == 0) {
        uint64_t to = UINT64_MAX, freed = 0;
        if (a.to && cli_parse_size(c, "--to", a.to, &to) != CLI_OK)
            rc = CLI_USAGE;
        else if ((st = rb_firmware_prune(&freed, fw, to)) != RB_OK)
            rc = fw_fail(c, fw, st, "prune failed");
        else if (c->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "freed_bytes", (double)freed);
            cli_print_json(o);
        } else {
            char f[32];
            human(f, sizeof f, (double)freed);
            cli_printf("freed %s\n", f);
        }
    } else {
        if (a.npos != 1)
            rc = cli_usage(c, USAGE);
        else if ((st = rb_firmware_pin(fw, a.pos[0], strcmp(cmd, "pin") == 0)) != RB_OK)
            rc = fw_fail(c, fw, st, "cannot change the pin");
    }
    rb_firmware_free(fw);
    return rc;
}
