/* ticket.c - `rescuebay ticket`: repair tickets, staff, export, receipts, privacy.
 * See docs/cli-ticket.md. Exit codes beyond cli.h: 3 sign-in refused, 4 locked out,
 * 5 no such ticket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { EXIT_AUTH = 3, EXIT_LOCKED = 4, EXIT_NOT_FOUND = 5 };
enum { CLI_HELP_SHOWN = -1 }; /* parse() printed --help: exit 0 without running */

static const char USAGE[] =
    "ticket COMMAND [OPTIONS]\n"
    "  new      [FIELDS] --staff NAME --pin-stdin\n"
    "  list     [--status S | --active] [--limit N] [--offset N]\n"
    "  show     NUMBER\n"
    "  search   [--number|--customer|--phone|--serial|--imei|--text] QUERY [--limit N]\n"
    "  update   NUMBER [FIELDS] [--status S] [--note TEXT] --staff NAME --pin-stdin\n"
    "  note     NUMBER TEXT --staff NAME --pin-stdin\n"
    "  close    NUMBER [--resolution TEXT] [--collected] --staff NAME --pin-stdin\n"
    "  export   [--format csv|json] [--output FILE] [--status S | --active]\n"
    "  receipt  NUMBER\n"
    "  erase    NUMBER --staff NAME --pin-stdin   (customer's personal data)\n"
    "  purge    [--dry-run]                       (tickets.retention_days)\n"
    "  staff    add NAME [--admin] | list | set-pin NAME | unlock NAME | disable NAME\n"
    "  settings [set KEY VALUE --staff ADMIN --pin-stdin]  (lock-out, kept in the database)\n"
    "FIELDS: --customer --phone --email --model --product-type --serial --imei --ecid\n"
    "        --udid --ios --problem --resolution --assign\n"
    "--pin-stdin reads the PIN from the first line of standard input (staff add/set-pin:\n"
    "the new PIN on the next line).";

struct tctx {
    struct cli *c;
    rb_ticket_store *store;
    const char *staff;
    int pin_stdin;
};

static int fail(struct tctx *t, rb_status st, const char *what)
{
    const char *detail = t->store ? rb_ticket_store_last_error(t->store) : "";
    cli_fail(t->c, st, "%s: %s", what, detail && *detail ? detail : rb_strerror(st));
    switch (st) {
    case RB_ERR_AUTH: return EXIT_AUTH;
    case RB_ERR_LOCKED: return EXIT_LOCKED;
    case RB_ERR_NOT_FOUND: return EXIT_NOT_FOUND;
    default: return CLI_FAIL;
    }
}

/* Only the commands that create data may create the database; the others say there is
 * none yet. Returns CLI_OK, or -1 (no database) with *st set, or an exit code. */
static int open_store(struct tctx *t, int may_create, rb_status *st)
{
    rb_context *ctx = cli_context(t->c);
    if (!ctx)
        return CLI_FAIL;
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    o.must_exist = !may_create;
    *st = rb_ticket_store_open(&t->store, ctx, &o);
    if (*st == RB_ERR_NOT_FOUND)
        return -1;
    return *st == RB_OK ? CLI_OK : fail(t, *st, "cannot open the ticket store");
}

static int read_line(char *buf, size_t cap)
{
    if (!fgets(buf, (int)cap, stdin))
        return 0;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 1;
}

static int sign_in(struct tctx *t)
{
    if (!t->staff || !t->pin_stdin) {
        cli_eprintf("rescuebay: this command needs --staff NAME --pin-stdin\n");
        return CLI_USAGE;
    }
    char pin[64];
    if (!read_line(pin, sizeof pin)) {
        cli_eprintf("rescuebay: no PIN on standard input\n");
        return CLI_USAGE;
    }
    rb_status st = rb_ticket_store_sign_in(t->store, t->staff, pin);
    memset(pin, 0, sizeof pin);
    return st == RB_OK ? CLI_OK : fail(t, st, "sign-in refused");
}

static const struct {
    const char *opt;
    size_t off;
} FIELD_OPTS[] = {
    {"--customer", offsetof(rb_ticket_fields, customer_name)},
    {"--phone", offsetof(rb_ticket_fields, customer_phone)},
    {"--email", offsetof(rb_ticket_fields, customer_email)},
    {"--model", offsetof(rb_ticket_fields, device_model)},
    {"--product-type", offsetof(rb_ticket_fields, product_type)},
    {"--serial", offsetof(rb_ticket_fields, serial)},
    {"--imei", offsetof(rb_ticket_fields, imei)},
    {"--ecid", offsetof(rb_ticket_fields, ecid)},
    {"--udid", offsetof(rb_ticket_fields, udid)},
    {"--ios", offsetof(rb_ticket_fields, ios_version)},
    {"--problem", offsetof(rb_ticket_fields, problem)},
    {"--resolution", offsetof(rb_ticket_fields, resolution)},
    {"--assign", offsetof(rb_ticket_fields, assigned_staff)},
};

struct args {
    rb_ticket_fields fields;
    int nfields;
    const char *pos[3];
    int npos;
    const char *status, *note, *limit, *offset, *format, *output;
    int active, collected, admin, dry_run;
    rb_ticket_search_field field;
};

/* Parses everything after the sub-command; returns CLI_OK or CLI_USAGE. */
static int parse(struct tctx *t, int argc, char **argv, int first, struct args *a)
{
    static const char *const search_flags[] = {NULL, "--number", "--customer", "--phone",
                                               "--serial", "--imei", "--text"};
    int searching = strcmp(argv[first - 1], "search") == 0;
    memset(a, 0, sizeof *a);
    rb_ticket_fields_init(&a->fields, RB_TICKET_FIELDS_VERSION);
    for (int i = first; i < argc; i++) {
        const char *v = NULL;
        int matched = 0;
        /* In a search, --phone etc. name the field to search, not a value to set. */
        for (int f = 1; f <= 6 && !matched && searching; f++)
            if (strcmp(argv[i], search_flags[f]) == 0) {
                a->field = (rb_ticket_search_field)f;
                matched = 1;
            }
        for (size_t f = 0; f < sizeof FIELD_OPTS / sizeof FIELD_OPTS[0] && !matched; f++)
            if (cli_opt(argc, argv, &i, FIELD_OPTS[f].opt, &v)) {
                if (!v)
                    return CLI_USAGE;
                *(const char **)((char *)&a->fields + FIELD_OPTS[f].off) = v;
                a->nfields++;
                matched = 1;
            }
        if (matched)
            continue;
        if (cli_opt(argc, argv, &i, "--staff", &v)) {
            if (!(t->staff = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--status", &v)) {
            if (!(a->status = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--note", &v)) {
            if (!(a->note = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--limit", &v)) {
            if (!(a->limit = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--offset", &v)) {
            if (!(a->offset = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--format", &v)) {
            if (!(a->format = v))
                return CLI_USAGE;
        } else if (cli_opt(argc, argv, &i, "--output", &v)) {
            if (!(a->output = v))
                return CLI_USAGE;
        } else if (strcmp(argv[i], "--pin-stdin") == 0) {
            t->pin_stdin = 1;
        } else if (strcmp(argv[i], "--active") == 0) {
            a->active = 1;
        } else if (strcmp(argv[i], "--collected") == 0) {
            a->collected = 1;
        } else if (strcmp(argv[i], "--admin") == 0) {
            a->admin = 1;
        } else if (strcmp(argv[i], "--dry-run") == 0) {
            a->dry_run = 1;
        } else if (cli_is_help(argv[i])) {
            return cli_help(t->c, USAGE) == CLI_OK ? CLI_HELP_SHOWN : CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2]) {
            cli_unknown(t->c, "option", argv[i], NULL, 0, NULL);
            return CLI_USAGE;
        } else if (a->npos < 3) {
            a->pos[a->npos++] = argv[i];
        } else {
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

static int parse_query(struct cli *c, struct args *a, rb_ticket_query *q)
{
    rb_ticket_query_init(q, RB_TICKET_QUERY_VERSION);
    q->field = a->field;
    q->active_only = a->active;
    if (a->status && !(q->status = (int)rb_ticket_status_from_name(a->status))) {
        cli_eprintf("rescuebay: unknown status %s (open, waiting_for_customer, "
                        "in_progress, done, collected)\n", a->status);
        return CLI_USAGE;
    }
    long long n;
    if (a->limit) {
        if (cli_parse_int(c, "--limit", a->limit, 1, 1000000, &n) != CLI_OK)
            return CLI_USAGE;
        q->limit = (size_t)n;
    }
    if (a->offset) {
        if (cli_parse_int(c, "--offset", a->offset, 0, 1000000000, &n) != CLI_OK)
            return CLI_USAGE;
        q->offset = (size_t)n;
    }
    return CLI_OK;
}

/* The engine's one shape of a ticket (rb_ticket_json), as a tree for the CLI's output. */
static rb_status ticket_json(cJSON **out, struct tctx *t, const rb_ticket *tk,
                             unsigned int flags)
{
    char *text = NULL;
    rb_status st = rb_ticket_json(&text, t->store, tk, flags);
    *out = st == RB_OK ? cJSON_Parse(text) : NULL;
    rb_free(text);
    if (st == RB_OK && !*out)
        st = RB_ERR_NOMEM;
    return st;
}

static void print_row(const rb_ticket *tk)
{
    cli_printf("%-16s %-21s ", tk->number, rb_ticket_status_name(tk->status));
    cli_printf("%s", tk->customer_name[0] ? tk->customer_name : "-");
    cli_printf("  ");
    cli_printf("%s", tk->device_model[0] ? tk->device_model : "-");
    cli_printf("  %s\n", tk->created_at);
}

static int print_list(struct tctx *t, rb_ticket_list *l)
{
    if (t->c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON *arr = cJSON_AddArrayToObject(o, "tickets");
        rb_status st = RB_OK;
        for (size_t i = 0; i < l->count && st == RB_OK; i++) {
            cJSON *j = NULL;
            st = ticket_json(&j, t, l->items[i], 0);
            cJSON_AddItemToArray(arr, j);
        }
        rb_ticket_list_free(l);
        if (st != RB_OK) {
            cJSON_Delete(o);
            return fail(t, st, "cannot list the tickets");
        }
        cli_print_json(o);
        return CLI_OK;
    }
    for (size_t i = 0; i < l->count; i++)
        print_row(l->items[i]);
    if (l->count == 0)
        cli_eprintf("no tickets\n");
    rb_ticket_list_free(l);
    return CLI_OK;
}

/* --json: the ticket with its events, exactly one element of `export --format json`. */
static int cmd_show(struct tctx *t, const char *number)
{
    rb_ticket *tk = NULL;
    cJSON *o = NULL;
    rb_status st = rb_ticket_get(&tk, t->store, number);
    if (st == RB_OK)
        st = ticket_json(&o, t, tk, t->c->json ? RB_TICKET_JSON_EVENTS : 0);
    rb_ticket_free(tk);
    if (st != RB_OK)
        return fail(t, st, "cannot show the ticket");
    if (t->c->json) {
        cli_print_json(o);
        return CLI_OK;
    }
    for (cJSON *f = o->child; f; f = f->next) {
        if (cJSON_IsString(f) && f->valuestring[0])
            cli_printf("%-15s %s\n", f->string, f->valuestring);
    }
    cJSON_Delete(o);
    /* Text shows each event's detail as stored (one line of JSON). */
    rb_ticket_event_list *ev = NULL;
    st = rb_ticket_events_get(&ev, t->store, number);
    if (st != RB_OK)
        return fail(t, st, "cannot show the ticket");
    cli_printf("events:\n");
    for (size_t i = 0; i < ev->count; i++) {
        cli_printf("  %s  %-20s %-10s ", ev->items[i].at,
                   rb_ticket_event_type_name(ev->items[i].type), ev->items[i].actor);
        cli_printf("%s", ev->items[i].summary);
        if (ev->items[i].detail[0]) {
            cli_printf("  ");
            cli_printf("%s", ev->items[i].detail);
        }
        cli_printf("%s\n", ev->items[i].redacted ? "  [redacted]" : "");
    }
    rb_ticket_event_list_free(ev);
    return CLI_OK;
}

static int cmd_receipt(struct tctx *t, const char *number)
{
    rb_ticket_receipt *r = NULL;
    rb_status st = rb_ticket_receipt_get(&r, t->store, number);
    if (st != RB_OK)
        return fail(t, st, "cannot make the receipt");
    if (t->c->json) {
        char *text = NULL;
        st = rb_ticket_receipt_json(&text, r);
        /* Through the same safe JSON path as every other --json output. */
        cJSON *j = st == RB_OK ? cJSON_Parse(text) : NULL;
        if (st == RB_OK && !j)
            st = RB_ERR_PARSE;
        if (j)
            cli_print_json(j);
        rb_free(text);
    } else {
        const char *head[][2] = {{"", r->store_name}, {"", r->store_address}, {"", r->store_phone},
                                 {"Ticket", r->number}, {"Opened", r->created_at},
                                 {"Status", r->status}, {"Customer", r->customer_name},
                                 {"Phone", r->customer_phone}, {"Device", r->device_model},
                                 {"Serial", r->serial}, {"IMEI", r->imei},
                                 {"Problem", r->problem}, {"Resolution", r->resolution},
                                 {"Staff", r->staff}, {"Closed", r->closed_at}};
        for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
            if (!head[i][1][0])
                continue;
            if (head[i][0][0])
                cli_printf("%-11s ", head[i][0]);
            cli_printf("%s", head[i][1]);
            cli_printf("\n");
        }
        for (size_t i = 0; i < r->line_count; i++) {
            cli_printf("  %s  ", r->lines[i].at);
            cli_printf("%s", r->lines[i].text);
            cli_printf("\n");
        }
        if (r->terms[0]) {
            cli_printf("%s", r->terms);
            cli_printf("\n");
        }
    }
    rb_ticket_receipt_free(r);
    return st == RB_OK ? CLI_OK : fail(t, st, "cannot make the receipt");
}

static int cmd_staff(struct tctx *t, struct args *a)
{
    const char *verb = a->npos > 0 ? a->pos[0] : "";
    const char *name = a->npos > 1 ? a->pos[1] : NULL;
    rb_status st = RB_OK;
    if (strcmp(verb, "list") == 0) {
        rb_ticket_staff_list *l = NULL;
        if ((st = rb_ticket_staff_list_get(&l, t->store)) != RB_OK)
            return fail(t, st, "cannot list staff");
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < l->count; i++) {
            rb_ticket_staff_info *s = &l->items[i];
            if (t->c->json) {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "name", s->name);
                cJSON_AddBoolToObject(o, "admin", s->is_admin);
                cJSON_AddBoolToObject(o, "disabled", s->disabled);
                cJSON_AddNumberToObject(o, "failed_attempts", s->failed_attempts);
                cJSON_AddStringToObject(o, "locked_until", s->locked_until);
                cJSON_AddStringToObject(o, "created_at", s->created_at);
                cJSON_AddStringToObject(o, "last_sign_in", s->last_sign_in);
                cJSON_AddItemToArray(arr, o);
            } else {
                cli_printf("%s", s->name);
                cli_printf("%s%s%s%s\n", s->is_admin ? "  admin" : "", s->disabled ? "  disabled" : "",
                       s->locked_until[0] ? "  locked until " : "", s->locked_until);
            }
        }
        if (t->c->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToObject(o, "staff", arr);
            cli_print_json(o);
        } else {
            cJSON_Delete(arr);
        }
        rb_ticket_staff_list_free(l);
        return CLI_OK;
    }
    if (!name)
        return cli_usage(t->c, USAGE);
    int rc;
    if (strcmp(verb, "add") == 0 || strcmp(verb, "set-pin") == 0) {
        if (!t->pin_stdin)
            return cli_usage(t->c, USAGE);
        /* Signing in is optional for the very first member; the engine decides. */
        if (t->staff && (rc = sign_in(t)) != CLI_OK)
            return rc;
        char pin[64];
        if (!read_line(pin, sizeof pin)) {
            cli_eprintf("rescuebay: no new PIN on standard input\n");
            return CLI_USAGE;
        }
        st = verb[0] == 'a' ? rb_ticket_staff_add(t->store, name, pin, a->admin)
                            : rb_ticket_staff_set_pin(t->store, name, pin);
        memset(pin, 0, sizeof pin);
    } else if (strcmp(verb, "unlock") == 0 || strcmp(verb, "disable") == 0) {
        if ((rc = sign_in(t)) != CLI_OK)
            return rc;
        st = verb[0] == 'u' ? rb_ticket_staff_unlock(t->store, name)
                            : rb_ticket_staff_disable(t->store, name);
    } else {
        return cli_usage(t->c, USAGE);
    }
    return st == RB_OK ? CLI_OK : fail(t, st, "staff");
}

static int cmd_settings(struct tctx *t, struct args *a)
{
    const char *verb = a->npos > 0 ? a->pos[0] : "list";
    if (strcmp(verb, "set") == 0) {
        if (a->npos != 3)
            return cli_usage(t->c, USAGE);
        int rc = sign_in(t);
        if (rc != CLI_OK)
            return rc;
        rb_status st = rb_ticket_setting_set(t->store, a->pos[1], a->pos[2]);
        return st == RB_OK ? CLI_OK : fail(t, st, "settings");
    }
    if (strcmp(verb, "list") != 0)
        return cli_usage(t->c, USAGE);
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; rb_ticket_setting_name(i); i++) {
        char *v = NULL;
        rb_status st = rb_ticket_setting_get(&v, t->store, rb_ticket_setting_name(i));
        if (st != RB_OK) {
            cJSON_Delete(o);
            return fail(t, st, "settings");
        }
        if (t->c->json)
            cJSON_AddStringToObject(o, rb_ticket_setting_name(i), v);
        else
            cli_printf("%s = %s\n", rb_ticket_setting_name(i), v);
        rb_free(v);
    }
    if (t->c->json)
        cli_print_json(o);
    else
        cJSON_Delete(o);
    return CLI_OK;
}

/* No database yet: reading commands have nothing to show, the rest nothing to change. */
static int no_database(struct tctx *t, const char *cmd, struct args *a)
{
    const char *verb = a->npos > 0 ? a->pos[0] : "";
    int empty_list = strcmp(cmd, "list") == 0 || strcmp(cmd, "search") == 0 ||
                     strcmp(cmd, "purge") == 0 ||
                     (strcmp(cmd, "staff") == 0 && strcmp(verb, "list") == 0) ||
                     (strcmp(cmd, "settings") == 0 && (!*verb || strcmp(verb, "list") == 0));
    if (!empty_list)
        return fail(t, RB_ERR_NOT_FOUND, cmd);
    cli_eprintf("rescuebay: %s\n", rb_ticket_store_last_error(t->store));
    if (t->c->json) {
        cJSON *o = cJSON_CreateObject();
        if (cmd[0] == 'p') {
            cJSON_AddNumberToObject(o, "erased", 0);
            cJSON_AddBoolToObject(o, "dry_run", a->dry_run);
        } else if (strcmp(cmd, "settings") != 0) {
            cJSON_AddArrayToObject(o, strcmp(cmd, "staff") == 0 ? "staff" : "tickets");
        }
        cli_print_json(o);
    }
    return CLI_OK;
}

static int run(struct tctx *t, const char *cmd, struct args *a)
{
    rb_status st = RB_OK;
    rb_ticket_query q;
    int rc;
    const char *number = a->npos > 0 ? a->pos[0] : NULL;
    if (strcmp(cmd, "list") == 0 || strcmp(cmd, "search") == 0 || strcmp(cmd, "export") == 0) {
        if ((rc = parse_query(t->c, a, &q)) != CLI_OK)
            return cli_usage(t->c, USAGE);
        if (cmd[0] == 's') {
            if (!number)
                return cli_usage(t->c, USAGE);
            q.text = number;
        }
        if (cmd[0] == 'e') {
            const char *fmt = a->format ? a->format : "csv";
            if (strcmp(fmt, "csv") != 0 && strcmp(fmt, "json") != 0)
                return cli_usage(t->c, USAGE);
            rb_ticket_export_format f = fmt[0] == 'c' ? RB_TICKET_EXPORT_CSV
                                                      : RB_TICKET_EXPORT_JSON;
            /* Both are all or nothing: a failed export prints or leaves nothing. */
            st = a->output ? rb_ticket_export_file(t->store, a->output, f, &q)
                           : rb_ticket_export(t->store, stdout, f, &q);
            return st == RB_OK ? CLI_OK : fail(t, st, "export failed");
        }
        rb_ticket_list *l = NULL;
        if ((st = rb_ticket_search(&l, t->store, &q)) != RB_OK)
            return fail(t, st, "search failed");
        return print_list(t, l);
    }
    if (strcmp(cmd, "show") == 0 || strcmp(cmd, "receipt") == 0) {
        if (!number)
            return cli_usage(t->c, USAGE);
        return cmd[0] == 's' ? cmd_show(t, number) : cmd_receipt(t, number);
    }
    if (strcmp(cmd, "purge") == 0) {
        size_t n = 0;
        if ((st = rb_ticket_purge_expired(&n, t->store, a->dry_run)) != RB_OK)
            return fail(t, st, "purge failed");
        if (t->c->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "erased", (double)n);
            cJSON_AddBoolToObject(o, "dry_run", a->dry_run);
            cli_print_json(o);
        } else {
            cli_printf("%s%zu ticket(s)\n", a->dry_run ? "would erase " : "erased ", n);
        }
        return CLI_OK;
    }
    if (strcmp(cmd, "staff") == 0)
        return cmd_staff(t, a);
    if (strcmp(cmd, "settings") == 0)
        return cmd_settings(t, a);
    /* Everything below changes tickets and needs a signed-in staff member. */
    int is_new = strcmp(cmd, "new") == 0;
    if (!is_new && !number)
        return cli_usage(t->c, USAGE);
    rb_ticket_status status = 0;
    if (a->status && !(status = rb_ticket_status_from_name(a->status)))
        return cli_usage(t->c, USAGE);
    if ((rc = sign_in(t)) != CLI_OK)
        return rc;
    char *created = NULL;
    if (is_new) {
        st = rb_ticket_create(&created, t->store, &a->fields);
        if (st == RB_OK && a->note)
            st = rb_ticket_event_append(t->store, created, RB_TICKET_EVENT_NOTE, a->note, NULL);
        if (st == RB_OK && status && status != RB_TICKET_OPEN)
            st = rb_ticket_set_status(t->store, created, status, NULL);
        number = created;
    } else if (strcmp(cmd, "update") == 0) {
        st = a->nfields ? rb_ticket_update(t->store, number, &a->fields) : RB_OK;
        if (st == RB_OK && status)
            st = rb_ticket_set_status(t->store, number, status, a->note);
        else if (st == RB_OK && a->note)
            st = rb_ticket_event_append(t->store, number, RB_TICKET_EVENT_NOTE, a->note, NULL);
    } else if (strcmp(cmd, "note") == 0) {
        if (a->npos < 2)
            return cli_usage(t->c, USAGE);
        st = rb_ticket_event_append(t->store, number, RB_TICKET_EVENT_NOTE, a->pos[1], NULL);
    } else if (strcmp(cmd, "close") == 0) {
        st = rb_ticket_close(t->store, number, a->fields.resolution,
                             a->collected ? RB_TICKET_COLLECTED : RB_TICKET_DONE);
    } else if (strcmp(cmd, "erase") == 0) {
        st = rb_ticket_erase_personal_data(t->store, number);
    } else {
        return cli_usage(t->c, USAGE);
    }
    if (st == RB_OK) {
        if (t->c->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "number", number);
            cli_print_json(o);
        } else {
            cli_printf("%s\n", number);
        }
    }
    rb_free(created);
    return st == RB_OK ? CLI_OK : fail(t, st, cmd);
}

int cli_ticket(struct cli *c, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage(c, USAGE);
    if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0)
        return cli_help(c, USAGE);
    static const char *const cmds[] = {"new", "list", "show", "search", "update", "note",
                                       "close", "export", "receipt", "erase", "purge", "staff",
                                       "settings"};
    bool known = false;
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        known |= strcmp(argv[1], cmds[i]) == 0;
    struct tctx t = {.c = c};
    struct args a;
    int rc = parse(&t, argc, argv, 2, &a);
    if (rc == CLI_HELP_SHOWN)
        return CLI_OK;
    if (rc != CLI_OK)
        return cli_usage(c, USAGE);
    if (!known)
        return cli_unknown(c, "ticket command", argv[1], cmds, sizeof cmds / sizeof *cmds, USAGE);
    /* Numbers and names are checked before the store is looked at, found or not. */
    rb_ticket_query q;
    if ((strcmp(argv[1], "list") == 0 || strcmp(argv[1], "search") == 0 ||
         strcmp(argv[1], "export") == 0) && parse_query(c, &a, &q) != CLI_OK)
        return cli_usage(c, USAGE);
    /* Only these create data, so only these may create the database. */
    int creates = strcmp(argv[1], "new") == 0 ||
                  (strcmp(argv[1], "staff") == 0 && a.npos > 0 && strcmp(a.pos[0], "add") == 0);
    rb_status st = RB_OK;
    rc = open_store(&t, creates, &st);
    if (rc == CLI_OK)
        rc = run(&t, argv[1], &a);
    else if (rc < 0)
        rc = no_database(&t, argv[1], &a);
    rb_ticket_store_free(t.store);
    return rc;
}
