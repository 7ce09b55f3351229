/* models.c - `rescuebay models`: search the model catalog, show a model's button guide.
 * Documented in docs/cli-models.md (keep the --json shape there in step). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char models_usage[] =
    "models [QUERY...] [--all] [--guide [--procedure NAME]] [--data FILE] [--json]\n"
    "  QUERY      product type (iPhone12,1), name (\"iphone 11\"), board (n104ap),\n"
    "             chip (A13, 0x8030) or chip:board (0x8030:0x04); none = every model\n"
    "  --all      without QUERY, also list Apple devices that are identified only\n"
    "             (Watch, Apple TV, Mac...)\n"
    "  --guide    print the button procedures (recovery, DFU, exit) for the one model\n"
    "             QUERY names; --procedure enter_recovery|enter_dfu|exit_recovery|exit_dfu\n"
    "  --data F   read this models.csv instead of the installed table (checks an edit)";

/* Family words as in models.csv: stable for scripts, unlike the display names. */
static const char *family_code(rb_device_family f)
{
    switch (f) {
    case RB_FAMILY_IPHONE: return "iPhone";
    case RB_FAMILY_IPAD: return "iPad";
    case RB_FAMILY_IPOD: return "iPod";
    case RB_FAMILY_OTHER: return "other";
    default: return "unknown";
    }
}

static cJSON *hazards_json(const rb_catalog *cat, unsigned hazards, int with_text)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < RB_HAZARD_COUNT; i++) {
        rb_hazard h = (rb_hazard)(1u << i);
        if (!(hazards & h))
            continue;
        if (!with_text) {
            cJSON_AddItemToArray(arr, cJSON_CreateString(rb_hazard_name(h)));
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "code", rb_hazard_name(h));
        cJSON_AddStringToObject(o, "text", rb_hazard_text(cat, h));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *model_json(const rb_catalog *cat, const rb_model *m)
{
    char hex[16];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "product_type", m->product_type);
    cJSON_AddStringToObject(o, "name", m->name);
    cJSON_AddStringToObject(o, "variant", m->variant);
    cJSON_AddStringToObject(o, "family", family_code(m->family));
    cJSON_AddStringToObject(o, "hardware_model", m->hardware_model);
    cJSON_AddStringToObject(o, "chip", m->chip);
    snprintf(hex, sizeof hex, "0x%04X", (unsigned)m->cpid);
    cJSON_AddStringToObject(o, "cpid", hex);
    snprintf(hex, sizeof hex, "0x%02X", (unsigned)m->bdid);
    cJSON_AddStringToObject(o, "bdid", hex);
    cJSON_AddStringToObject(o, "buttons", rb_button_scheme_name(m->buttons));
    cJSON_AddStringToObject(o, "home_button", rb_home_button_name(m->home_button));
    cJSON_AddStringToObject(o, "connector", m->connector);
    cJSON_AddItemToObject(o, "hazards", hazards_json(cat, m->hazards, 0));
    cJSON_AddStringToObject(o, "controls_note", m->controls_note);
    cJSON_AddBoolToObject(o, "dfu_may_use_kis", m->dfu_may_use_kis);
    cJSON_AddBoolToObject(o, "in_debian12_libirecovery", m->in_debian12_libirecovery);
    return o;
}

/* "iPad (9th gen)" + "Wi-Fi" -> "iPad (9th gen, Wi-Fi)"; "iPhone 4" + "GSM" -> "iPhone 4 (GSM)". */
static void full_name(const rb_model *m, char *out, size_t cap)
{
    size_t len = strlen(m->name);
    if (!*m->variant)
        snprintf(out, cap, "%s", m->name);
    else if (len && m->name[len - 1] == ')')
        snprintf(out, cap, "%.*s, %s)", (int)(len - 1), m->name, m->variant);
    else
        snprintf(out, cap, "%s (%s)", m->name, m->variant);
}

static void print_table(const rb_model **ms, size_t n)
{
    int w[4] = {7, 4, 5, 4}; /* PRODUCT NAME BOARD CHIP */
    char name[256];
    for (size_t i = 0; i < n; i++) {
        full_name(ms[i], name, sizeof name);
        int l[4] = {(int)cli_width(ms[i]->product_type), (int)cli_width(name),
                    (int)cli_width(ms[i]->hardware_model), (int)cli_width(ms[i]->chip)};
        for (int k = 0; k < 4; k++)
            if (l[k] > w[k])
                w[k] = l[k];
    }
    cli_printf("%-*s  %-*s  %-*s  %-*s  %-11s  %-18s  %-11s  %s\n", w[0], "PRODUCT", w[1], "NAME",
           w[2], "BOARD", w[3], "CHIP", "CPID/BDID", "BUTTONS", "HOME", "CONNECTOR");
    for (size_t i = 0; i < n; i++) {
        const rb_model *m = ms[i];
        char ids[24];
        full_name(m, name, sizeof name);
        snprintf(ids, sizeof ids, "0x%04X/0x%02X", (unsigned)m->cpid, (unsigned)m->bdid);
        cli_printf("%-*s  %-*s  %-*s  %-*s  %-11s  %-18s  %-11s  %s\n", w[0], m->product_type, w[1],
               name, w[2], m->hardware_model, w[3], m->chip, ids,
               m->family == RB_FAMILY_OTHER ? "-" : rb_button_scheme_name(m->buttons),
               m->family == RB_FAMILY_OTHER ? "-" : rb_home_button_name(m->home_button),
               *m->connector ? m->connector : "-");
    }
}

static void print_detail(const rb_catalog *cat, const rb_model *m)
{
    char name[256];
    full_name(m, name, sizeof name);
    cli_printf("%s\n", name);
    cli_printf("  product type    %s\n", m->product_type);
    cli_printf("  board           %s\n", m->hardware_model);
    cli_printf("  chip            %s (CPID 0x%04X, BDID 0x%02X)\n", m->chip, (unsigned)m->cpid,
           (unsigned)m->bdid);
    if (m->family == RB_FAMILY_OTHER) {
        cli_printf("  family          other Apple device: identified only, not serviced here\n");
        return;
    }
    cli_printf("  family          %s\n", rb_device_family_name(m->family));
    cli_printf("  buttons         %s\n", rb_button_scheme_name(m->buttons));
    cli_printf("  home button     %s\n", rb_home_button_name(m->home_button));
    cli_printf("  connector       %s\n", m->connector);
    cli_printf("  DFU over KIS    %s\n", m->dfu_may_use_kis ? "possible (USB 0x1881)" : "no");
    cli_printf("  Debian 12       %s\n", m->in_debian12_libirecovery
               ? "known to its libirecovery 1.0.0" : "unknown to its libirecovery 1.0.0");
    if (*m->controls_note)
        cli_printf("  note            %s\n", m->controls_note);
    for (int i = 0; i < RB_HAZARD_COUNT; i++)
        if (m->hazards & (1u << i))
            cli_printf("  caution         %s\n", rb_hazard_text(cat, (rb_hazard)(1u << i)));
}

static int print_guide(struct cli *c, const rb_catalog *cat, const rb_model *m, int only)
{
    cJSON *root = c->json ? cJSON_CreateObject() : NULL, *procs = NULL;
    if (root) {
        cJSON_AddItemToObject(root, "model", model_json(cat, m));
        cJSON_AddItemToObject(root, "hazards", hazards_json(cat, m->hazards, 1));
        procs = cJSON_AddObjectToObject(root, "procedures");
    } else {
        char name[256];
        full_name(m, name, sizeof name);
        cli_printf("%s (%s): button scheme %s\n", name, m->product_type, rb_button_scheme_name(m->buttons));
        for (int i = 0; i < RB_HAZARD_COUNT; i++)
            if (m->hazards & (1u << i))
                cli_printf("  caution: %s\n", rb_hazard_text(cat, (rb_hazard)(1u << i)));
    }
    for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++) {
        if (only >= 0 && p != only)
            continue;
        const rb_guide_step *s;
        size_t n;
        rb_status st = rb_catalog_guide(cat, m, (rb_guide_procedure)p, &s, &n);
        if (st != RB_OK) {
            cJSON_Delete(root);
            return cli_fail(c, st, "no button guide for %s (%s)", m->product_type,
                            m->family == RB_FAMILY_OTHER ? "not an iPhone, iPad or iPod touch"
                                                         : "button-guides.json not loaded");
        }
        const char *source = rb_catalog_guide_source(cat, m->buttons, (rb_guide_procedure)p);
        cJSON *steps = NULL;
        if (root) {
            cJSON *po = cJSON_AddObjectToObject(procs, rb_guide_procedure_name((rb_guide_procedure)p));
            cJSON_AddStringToObject(po, "source", source ? source : "");
            steps = cJSON_AddArrayToObject(po, "steps");
        } else {
            cli_printf("\n%s (%s):\n", rb_guide_procedure_name((rb_guide_procedure)p), source ? source : "");
        }
        for (size_t k = 0; k < n; k++) {
            if (!root) {
                cli_printf("  %zu. %s\n", k + 1, s[k].text);
                continue;
            }
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "id", s[k].id);
            cJSON_AddStringToObject(o, "action", rb_guide_action_name(s[k].action));
            cJSON *b = cJSON_AddArrayToObject(o, "buttons");
            for (int i = 0; i < RB_BUTTON_COUNT; i++)
                if (s[k].buttons & (1u << i))
                    cJSON_AddItemToArray(b, cJSON_CreateString(rb_button_name((rb_button)(1u << i))));
            cJSON_AddNumberToObject(o, "seconds", s[k].seconds);
            cJSON_AddNumberToObject(o, "seconds_max", s[k].seconds_max);
            cJSON_AddStringToObject(o, "until", rb_guide_until_name(s[k].until));
            static const char *const usb[] = {"any", "normal", "recovery", "dfu"};
            cJSON_AddStringToObject(o, "expect", (unsigned)s[k].expect < 4 ? usb[s[k].expect] : "any");
            cJSON_AddStringToObject(o, "text", s[k].text);
            cJSON_AddItemToArray(steps, o);
        }
    }
    if (root)
        cli_print_json(root);
    return CLI_OK;
}

int cli_models(struct cli *c, int argc, char **argv)
{
    const char *data = NULL, *proc_name = NULL;
    int all = 0, guide = 0, only = -1;
    char query[512] = "";
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (cli_is_help(argv[i])) {
            return cli_help(c, models_usage);
        } else if (!strcmp(argv[i], "--all")) {
            all = 1;
        } else if (!strcmp(argv[i], "--guide")) {
            guide = 1;
        } else if (cli_opt(argc, argv, &i, "--procedure", &v)) {
            if (!v)
                return CLI_USAGE;
            proc_name = v;
        } else if (cli_opt(argc, argv, &i, "--data", &v)) {
            if (!v)
                return CLI_USAGE;
            data = v;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            static const char *const opts[] = {"--all", "--guide", "--procedure", "--data"};
            return cli_unknown(c, "option", argv[i], opts, 4, models_usage);
        } else {
            size_t len = strlen(query);
            if (len + strlen(argv[i]) + 2 > sizeof query)
                return cli_usage(c, models_usage);
            snprintf(query + len, sizeof query - len, "%s%s", len ? " " : "", argv[i]);
        }
    }
    if (proc_name) {
        for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++)
            if (!strcmp(proc_name, rb_guide_procedure_name((rb_guide_procedure)p)))
                only = p;
        if (only < 0 || !guide)
            return cli_usage(c, models_usage);
    }
    if (guide && !*query)
        return cli_usage(c, models_usage);

    rb_catalog *cat = NULL;
    rb_context *ctx = cli_context(c);
    rb_status st = rb_catalog_open(&cat, ctx, data);
    if (st != RB_OK) {
        const char *why = ctx ? rb_context_last_error(ctx) : "";
        return cli_fail(c, st, "cannot load the model table: %s", *why ? why : rb_strerror(st));
    }
    size_t total = rb_catalog_search(cat, query, NULL, 0);
    const rb_model **ms = calloc(total ? total : 1, sizeof *ms);
    if (!ms) {
        rb_catalog_free(cat);
        return cli_fail(c, RB_ERR_NOMEM, "out of memory");
    }
    rb_catalog_search(cat, query, ms, total);
    size_t n = 0;
    for (size_t i = 0; i < total; i++) /* plain listing: serviced families unless --all */
        if (*query || all || ms[i]->family != RB_FAMILY_OTHER)
            ms[n++] = ms[i];
    int rc = CLI_OK;
    if (guide) {
        /* Several boards of one model share a scheme: any row will do. Different schemes
         * would make the guide ambiguous. */
        for (size_t i = 1; i < n && rc == CLI_OK; i++)
            if (ms[i]->buttons != ms[0]->buttons)
                rc = cli_fail(c, RB_ERR_INVALID_ARG, "\"%s\" matches %zu models with different "
                              "button schemes; name one product type", query, n);
        if (rc == CLI_OK && n == 0)
            rc = cli_fail(c, RB_ERR_NOT_FOUND, "no model matches \"%s\"", query);
        if (rc == CLI_OK)
            rc = print_guide(c, cat, ms[0], only);
    } else if (c->json) {
        cJSON *root = cJSON_CreateObject();
        if (*query)
            cJSON_AddStringToObject(root, "query", query);
        else
            cJSON_AddNullToObject(root, "query");
        cJSON_AddNumberToObject(root, "count", (double)n);
        cJSON *arr = cJSON_AddArrayToObject(root, "models");
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, model_json(cat, ms[i]));
        cli_print_json(root);
        if (!n) {
            cli_eprintf("%s: no model matches \"%s\"\n", c->prog, query);
            rc = CLI_FAIL;
        }
    } else if (!n) {
        cli_eprintf("%s: no model matches \"%s\"\n", c->prog, query);
        rc = CLI_FAIL;
    } else if (n == 1 && *query) {
        print_detail(cat, ms[0]);
    } else {
        print_table(ms, n);
    }
    free(ms);
    rb_catalog_free(cat);
    return rc;
}
