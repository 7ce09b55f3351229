/* restore.c - `rescuebay restore`: start, follow, cancel, resume restore jobs.
 *
 * Without --wait a job is driven by a detached `rescuebay restore resume --wait` process
 * (its own session, output to <home>/restore-logs/driver.log), so that closing the
 * terminal does not stop a restore; the journal and the per-ECID lock keep it single. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "restore_view.h"

extern char **environ;

#define USAGE                                                                                \
    "restore COMMAND ...\n"                                                                  \
    "  start ID [--erase|--update] [--build B] [--ticket N] [--wait]\n"                     \
    "        [--backup PATH [--backup-password-stdin | --backup-password-file F]]\n"        \
    "        [--waiver TEXT --staff NAME --pin-stdin]\n"                                     \
    "                         preflight, then restore device ID (UDID or ECID)\n"            \
    "  status [JOB] [--watch] [--all]   a job (default: the newest), or every job\n"         \
    "  cancel JOB             stop a job; it ends cancelled\n"                               \
    "  resume [--wait]        drive every unfinished job (after a crash or power loss)\n"    \
    "  log JOB                the tool's output of every attempt\n"                          \
    "exit codes: 0 done/accepted, 1 failure, 2 usage, 3 refused by preflight, 4 job failed,\n" \
    "            5 job interrupted (waiting for its device), 6 cancelled, 7 busy, 130 Ctrl-C"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

struct rs_args {
    const char *cmd;
    const char *pos;
    const char *build, *backup, *ticket, *waiver, *staff, *password_file;
    bool erase, update, wait, watch, all, pin_stdin, password_stdin, driver;
};

static int parse_args(struct cli *c, int argc, char **argv, struct rs_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        const char **slot = NULL;
        if (cli_opt(argc, argv, &i, "--build", &v)) slot = &a->build;
        else if (cli_opt(argc, argv, &i, "--backup", &v)) slot = &a->backup;
        else if (cli_opt(argc, argv, &i, "--ticket", &v)) slot = &a->ticket;
        else if (cli_opt(argc, argv, &i, "--waiver", &v)) slot = &a->waiver;
        else if (cli_opt(argc, argv, &i, "--staff", &v)) slot = &a->staff;
        else if (cli_opt(argc, argv, &i, "--backup-password-file", &v)) slot = &a->password_file;
        if (slot) {
            if (!v)
                return cli_usage(c, USAGE);
            *slot = v;
            continue;
        }
        const char *s = argv[i];
        if (!strcmp(s, "--erase")) a->erase = true;
        else if (!strcmp(s, "--update")) a->update = true;
        else if (!strcmp(s, "--wait")) a->wait = true;
        else if (!strcmp(s, "--watch")) a->watch = true;
        else if (!strcmp(s, "--all")) a->all = true;
        else if (!strcmp(s, "--pin-stdin")) a->pin_stdin = true;
        else if (!strcmp(s, "--backup-password-stdin")) a->password_stdin = true;
        else if (!strcmp(s, "--driver")) a->driver = true;
        else if (cli_is_help(s)) {
            cli_help(c, USAGE);
            return -2;
        } else if (s[0] == '-' && s[1]) {
            cli_eprintf("%s: unknown option %s\n", c->prog, s);
            return cli_usage(c, USAGE);
        } else if (!a->cmd) a->cmd = s;
        else if (!a->pos) a->pos = s;
        else return cli_usage(c, USAGE);
    }
    if (!a->cmd)
        return cli_usage(c, USAGE);
    if (a->erase && a->update)
        return cli_usage(c, "restore start: --erase and --update exclude each other");
    return 0;
}

struct progress_view {
    bool quiet;
    int64_t last_job;
    int last_state;
    int last_pct;
};

static int on_progress(const rb_restore_progress *p, void *payload)
{
    struct progress_view *v = payload;
    if (v->quiet)
        return 0;
    int pct = p->percent < 0 ? -1 : (int)p->percent;
    /* One line per state change and per 10 %: a log, not an animation. */
    if (p->job == v->last_job && (int)p->state == v->last_state && pct / 10 == v->last_pct / 10)
        return 0;
    if (p->step == RB_RESTORE_STEP_FIRMWARE && p->bytes_total)
        cli_eprintf("job %lld: firmware %llu of %llu MiB\n", (long long)p->job,
                (unsigned long long)(p->bytes_done >> 20), (unsigned long long)(p->bytes_total >> 20));
    else if (p->state != RB_RESTORE_INTERRUPTED && p->state != RB_RESTORE_FAILED)
        cli_eprintf("job %lld: %s %d%%\n", (long long)p->job, rb_restore_state_name(p->state),
                pct < 0 ? 0 : pct);
    else
        cli_eprintf("job %lld: %s (%s)\n", (long long)p->job, rb_restore_state_name(p->state),
                rb_restore_cause_name(p->cause));
    v->last_job = p->job;
    v->last_state = (int)p->state;
    v->last_pct = pct;
    return 0;
}

static int open_rs(struct cli *c, rb_restore **rs, struct progress_view *view)
{
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    rb_restore_options o = RB_RESTORE_OPTIONS_INIT;
    if (view) {
        o.progress = on_progress;
        o.payload = view;
    }
    rb_status st = rb_restore_new(rs, ctx, &o);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot open the restore journal");
    return CLI_OK;
}

/* A detached driver (own session) that adopts the unfinished jobs. */
static int spawn_driver(struct cli *c)
{
    rb_context *ctx = cli_context(c);
    char *log = NULL;
    if (asprintf(&log, "%s/restore-logs", rb_context_home(ctx)) < 0)
        return -1;
    mkdir(log, 0700);
    char *logfile = NULL;
    if (asprintf(&logfile, "%s/driver.log", log) < 0) {
        free(log);
        return -1;
    }
    free(log);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, logfile, O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
    /* posix_spawn's argv is char *const[] though it never writes to the strings: writable
     * copies rather than casts keep -Wcast-qual meaningful. */
    char a0[] = "rescuebay", a1[] = "--home", a3[] = "restore", a4[] = "resume", a5[] = "--wait",
         a6[] = "--driver";
    char *home = strdup(rb_context_home(ctx));
    char *argv[] = {a0, a1, home, a3, a4, a5, a6, NULL};
    pid_t pid;
    int rc = home ? posix_spawn(&pid, "/proc/self/exe", &fa, &at, argv, environ) : -1;
    free(home);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    free(logfile);
    return rc == 0 ? 0 : -1;
}

static int wait_job(struct cli *c, rb_restore *rs, int64_t id)
{
    while (rb_restore_wait(rs, id, 300) == RB_ERR_TIMEOUT)
        if (interrupted) {
            cli_eprintf("%s: stopped following job %lld; it stays resumable "
                            "(rescuebay restore resume)\n", c->prog, (long long)id);
            return CLI_SIGINT;
        }
    return -1;
}

static int cmd_start(struct cli *c, const struct rs_args *a)
{
    if (!a->pos)
        return cli_usage(c, "restore start ID [--erase|--update] ...");
    if ((a->waiver != NULL) != (a->staff != NULL) || (a->waiver && !a->pin_stdin))
        return cli_usage(c, "restore start: --waiver needs --staff NAME and --pin-stdin");
    if ((a->password_stdin || a->password_file) && !a->backup)
        return cli_usage(c, "restore start: a backup password needs --backup PATH");
    if (a->password_stdin && a->password_file)
        return cli_usage(c, "restore start: --backup-password-stdin or --backup-password-file, "
                            "not both");
    if (a->password_stdin && a->pin_stdin)
        return cli_usage(c, "restore start: only one secret can come from standard input; give "
                            "the backup password with --backup-password-file F");
    char *pin = NULL;
    if (cli_read_secret(c, "PIN", a->pin_stdin, NULL, &pin) != CLI_OK)
        return CLI_USAGE;
    /* Only the preflight (here, in this process) reads the backup: the password goes no
     * further than rb_restore_start, never into the journal or a driver's argv. */
    char *password = NULL;
    int rc = cli_read_secret(c, "backup password", a->password_stdin, a->password_file, &password);
    struct progress_view view = {c->json, 0, -1, -1};
    rb_restore *rs = NULL;
    if (rc == CLI_OK)
        rc = open_rs(c, &rs, &view);
    if (rc != CLI_OK) {
        cli_secret_free(pin);
        cli_secret_free(password);
        return rc;
    }
    rb_restore_request rq = RB_RESTORE_REQUEST_INIT;
    rq.device_id = a->pos;
    rq.erase = a->erase;
    rq.build = a->build;
    rq.backup_path = a->backup;
    rq.backup_password = password;
    rq.ticket = a->ticket;
    rq.waiver = a->waiver;
    rq.staff = a->staff;
    rq.pin = pin;
    /* Without --wait a detached driver restores: this process must not start on the device
     * itself (a tool it started would be killed by the hand-over, costing an attempt or
     * leaving the device half-way). */
    rq.hand_off = !a->wait;
    int64_t id = 0;
    rb_status st = rb_restore_start(&id, rs, &rq);
    cli_secret_free(pin);
    cli_secret_free(password);
    if (st == RB_ERR_REFUSED) {
        cli_restore_show(c, rs, id, false);
        cli_eprintf("%s: the restore was refused before anything was touched\n", c->prog);
        rb_restore_free(rs);
        return CLI_REFUSED;
    }
    if (st != RB_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s", rb_restore_last_error(rs));
        rb_restore_free(rs);
        cli_fail(c, st, "restore start %s: %s", a->pos, msg);
        return st == RB_ERR_BUSY ? CLI_BUSY : CLI_FAIL;
    }
    if (!a->wait) {
        /* Hand the job to a detached driver, which adopts it from the journal. */
        rb_restore_free(rs);
        if (spawn_driver(c) != 0)
            return cli_fail(c, RB_ERR_GENERIC, "cannot start the background driver");
        if (open_rs(c, &rs, NULL) == CLI_OK) {
            /* Show it once the driver has taken it (it starts within a second or two). */
            for (int i = 0; i < 50; i++) {
                rb_restore_job *j = NULL;
                int driven = rb_restore_job_get(&j, rs, id) == RB_OK &&
                             (rb_restore_job_driven(j) ||
                              rb_restore_state_is_final(rb_restore_job_state(j)));
                rb_restore_job_free(j);
                if (driven)
                    break;
                poll(NULL, 0, 100);
            }
            cli_restore_show(c, rs, id, false);
            rb_restore_free(rs);
        }
        return CLI_OK;
    }
    rc = wait_job(c, rs, id);
    rb_restore_state fin = cli_restore_show(c, rs, id, false);
    rb_restore_free(rs);
    return rc >= 0 ? rc : cli_restore_exit_code(fin);
}

/* JOB as a number (0 or absent: the newest); -1 after printing what is wrong. */
static int64_t parse_job(struct cli *c, const char *s)
{
    if (!s)
        return 0;
    if (*s == '#')
        s++;
    long long v = 0;
    if (cli_parse_int(c, "JOB", s, 0, INT64_MAX, &v) != CLI_OK)
        return -1;
    return (int64_t)v;
}

static int cmd_status(struct cli *c, const struct rs_args *a)
{
    int64_t id = parse_job(c, a->pos);
    if (id < 0)
        return cli_usage(c, "restore status [JOB] [--watch] [--all]");
    rb_restore *rs = NULL;
    int rc = open_rs(c, &rs, NULL);
    if (rc != CLI_OK)
        return rc;
    if (a->all) {
        int64_t *ids = NULL;
        size_t n = 0;
        rb_status st = rb_restore_job_list(&ids, &n, rs, 0, 100);
        if (st != RB_OK) {
            rb_restore_free(rs);
            return cli_fail(c, st, "cannot read the restore journal");
        }
        cli_restore_print_jobs(c, rs, ids, n, -1);
        if (!n && !c->json)
            cli_printf("no restore jobs\n");
        free(ids);
        rb_restore_free(rs);
        return CLI_OK;
    }
    rb_restore_job *j = NULL;
    rb_status st = rb_restore_job_get(&j, rs, id);
    if (st != RB_OK) {
        rb_restore_free(rs);
        return cli_fail(c, st, id ? "no restore job %lld" : "no restore jobs yet", (long long)id);
    }
    id = rb_restore_job_id(j);
    rb_restore_job_free(j);
    if (!a->watch) {
        cli_restore_show(c, rs, id, false);
        rb_restore_free(rs);
        return CLI_OK;
    }
    char last[64] = "";
    for (;;) {
        rb_restore_job *s = NULL;
        if (rb_restore_job_get(&s, rs, id) != RB_OK)
            break;
        char now[64];
        snprintf(now, sizeof now, "%s %.0f %d %d", rb_restore_state_name(rb_restore_job_state(s)),
                 rb_restore_job_percent(s), rb_restore_job_attempts(s), rb_restore_job_driven(s));
        rb_restore_state stt = rb_restore_job_state(s);
        rb_restore_job_free(s);
        if (strcmp(now, last) != 0) {
            snprintf(last, sizeof last, "%s", now);
            cli_restore_show(c, rs, id, true);
        }
        if (rb_restore_state_is_final(stt) || interrupted)
            break;
        poll(NULL, 0, 300);
    }
    rb_restore_free(rs);
    return interrupted ? CLI_SIGINT : CLI_OK;
}

static int cmd_cancel(struct cli *c, const struct rs_args *a)
{
    int64_t id = parse_job(c, a->pos);
    if (id <= 0)
        return cli_usage(c, "restore cancel JOB");
    rb_restore *rs = NULL;
    int rc = open_rs(c, &rs, NULL);
    if (rc != CLI_OK)
        return rc;
    rb_status st = rb_restore_cancel(rs, id);
    if (st != RB_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s", rb_restore_last_error(rs));
        rb_restore_free(rs);
        return cli_fail(c, st, "restore cancel %lld: %s", (long long)id, msg);
    }
    /* Another process drives it: give it a moment to stop the tool and record it. */
    rb_restore_wait(rs, id, 15000);
    cli_restore_show(c, rs, id, false);
    rb_restore_free(rs);
    return CLI_OK;
}

static int cmd_resume(struct cli *c, const struct rs_args *a)
{
    if (!a->wait)
        return spawn_driver(c) == 0 ? (cli_printf("resuming unfinished restore jobs in the background\n"), CLI_OK)
                                    : cli_fail(c, RB_ERR_GENERIC, "cannot start the background driver");
    struct progress_view view = {c->json || a->driver, 0, -1, -1};
    rb_restore *rs = NULL;
    int rc = open_rs(c, &rs, &view);
    if (rc != CLI_OK)
        return rc;
    int64_t *before = NULL;
    size_t n = 0;
    rb_restore_job_list(&before, &n, rs, 1, 0);
    size_t adopted = 0;
    rb_status st = rb_restore_resume(&adopted, rs);
    if (st != RB_OK) {
        free(before);
        rb_restore_free(rs);
        return cli_fail(c, st, "restore resume");
    }
    if (!c->json && !a->driver)
        cli_eprintf("%zu unfinished job%s, %zu adopted here\n", n, n == 1 ? "" : "s", adopted);
    while (rb_restore_wait_all(rs, 300) == RB_ERR_TIMEOUT)
        if (interrupted)
            break;
    int worst = cli_restore_print_jobs(c, rs, before, n, (long)adopted);
    free(before);
    rb_restore_free(rs);
    return interrupted ? CLI_SIGINT : worst;
}

static int cmd_log(struct cli *c, const struct rs_args *a)
{
    int64_t id = parse_job(c, a->pos);
    if (id <= 0)
        return cli_usage(c, "restore log JOB");
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    cJSON *arr = c->json ? cJSON_CreateArray() : NULL;
    int found = 0;
    for (int n = 1; n < 1000; n++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/restore-logs/job-%lld-attempt-%d.log", rb_context_home(ctx),
                 (long long)id, n);
        FILE *f = fopen(path, "r");
        if (!f)
            break;
        found++;
        /* The tool's output is outside text: shown escaped, or carried in JSON. */
        char *text = NULL;
        size_t len = 0;
        if (!arr)
            cli_printf("==> attempt %d (%s)\n", n, path);
        char line[8192];
        while (fgets(line, sizeof line, f)) {
            size_t k = strlen(line);
            if (arr) {
                char *t = realloc(text, len + k + 1);
                if (!t)
                    break;
                text = t;
                memcpy(text + len, line, k + 1);
                len += k;
            } else {
                if (k && line[k - 1] == '\n')
                    line[k - 1] = '\0';
                cli_printf("%s\n", line);
            }
        }
        fclose(f);
        if (arr) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "attempt", n);
            cJSON_AddStringToObject(o, "path", path);
            cJSON_AddStringToObject(o, "text", text ? text : "");
            cJSON_AddItemToArray(arr, o);
            free(text);
        }
    }
    if (arr) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "job", (double)id);
        cJSON_AddItemToObject(o, "attempts", arr);
        cli_print_json(o);
    }
    if (!found)
        return cli_fail(c, RB_ERR_NOT_FOUND, "job %lld has no tool log yet", (long long)id);
    return CLI_OK;
}

int cli_restore(struct cli *c, int argc, char **argv)
{
    struct rs_args a;
    int rc = parse_args(c, argc, argv, &a);
    if (rc == -2)
        return CLI_OK;
    if (rc != 0)
        return rc;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    if (!strcmp(a.cmd, "start"))
        return cmd_start(c, &a);
    if (!strcmp(a.cmd, "status"))
        return cmd_status(c, &a);
    if (!strcmp(a.cmd, "cancel"))
        return cmd_cancel(c, &a);
    if (!strcmp(a.cmd, "resume"))
        return cmd_resume(c, &a);
    if (!strcmp(a.cmd, "log"))
        return cmd_log(c, &a);
    cli_eprintf("%s: unknown restore command '%s'\n", c->prog, a.cmd);
    return cli_usage(c, USAGE);
}
