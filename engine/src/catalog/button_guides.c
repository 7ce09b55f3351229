/* catalog/button_guides.c - button procedures per scheme (button-guides.json) and the names of
 * the guide codes. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_private.h"
#include "core/internal.h"

static const char *const proc_names[RB_GUIDE_PROCEDURE_COUNT] = {
    "enter_recovery", "enter_dfu", "exit_recovery", "exit_dfu"};
static const char *const button_names[RB_BUTTON_COUNT] = {
    "home", "side", "volume_up", "volume_down", "volume_nearest_top", "volume_farthest_top"};
static const char *const action_names[] = {"connect", "press", "hold", "release"};
static const char *const until_names[] = {"none", "screen_black", "apple_logo",
                                          "recovery_screen", "usb_mode"};
static const char *const usb_names[] = {"any", "normal", "recovery", "dfu"};
static const char *const hazard_names[RB_HAZARD_COUNT] = {
    "emergency_sos", "action_button", "camera_control", "volume_on_top_edge", "solid_state_home",
    "top_button"};
/* Used when no guide file is loaded, so the kiosk never shows an empty warning. */
static const char *const hazard_fallback[RB_HAZARD_COUNT] = {
    "Holding Side and a volume button while iOS is running starts Emergency SOS.",
    "The Action button above the volume buttons is not Volume Up.",
    "Camera Control, below the Side button, is not the Side button.",
    "The volume buttons are on the top edge: use nearest, then farthest from the Top button.",
    "The Home button is a sensor and is not part of any combination.",
    "The power button is on the top edge (Top button), not on the side."};

#define NAME_OF(table, v) \
    ((int)(v) >= 0 && (size_t)(v) < sizeof table / sizeof table[0] ? table[v] : "unknown")

const char *rb_guide_procedure_name(rb_guide_procedure proc) { return NAME_OF(proc_names, proc); }
const char *rb_guide_action_name(rb_guide_action action) { return NAME_OF(action_names, action); }
const char *rb_guide_until_name(rb_guide_until until) { return NAME_OF(until_names, until); }

int rb__hazard_index(unsigned int bit)
{
    for (int i = 0; i < RB_HAZARD_COUNT; i++)
        if (bit == 1u << i)
            return i;
    return -1;
}

unsigned int rb__hazard_from_name(const char *name, size_t len)
{
    for (int i = 0; i < RB_HAZARD_COUNT; i++)
        if (strlen(hazard_names[i]) == len && !strncmp(name, hazard_names[i], len))
            return 1u << i;
    return 0;
}

const char *rb_hazard_name(rb_hazard hazard)
{
    int i = rb__hazard_index((unsigned)hazard);
    return i < 0 ? "unknown" : hazard_names[i];
}

const char *rb_hazard_text(const rb_catalog *cat, rb_hazard hazard)
{
    int i = rb__hazard_index((unsigned)hazard);
    if (i < 0)
        return "";
    return cat && cat->hazard_text[i] ? cat->hazard_text[i] : hazard_fallback[i];
}

const char *rb_button_name(rb_button button)
{
    for (int i = 0; i < RB_BUTTON_COUNT; i++)
        if ((unsigned)button == 1u << i)
            return button_names[i];
    return "unknown";
}

void rb__catalog_guides_clear(struct rb_catalog *cat)
{
    for (int s = 0; s < RB_SCHEME_SLOTS; s++)
        for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++) {
            struct rb_guide_proc *g = &cat->guides[s][p];
            for (size_t k = 0; k < g->n; k++) {
                rb__free_const(g->steps[k].id);
                rb__free_const(g->steps[k].text);
            }
            free(g->steps);
            free(g->source);
            memset(g, 0, sizeof *g);
        }
    for (int i = 0; i < RB_HAZARD_COUNT; i++) {
        free(cat->hazard_text[i]);
        cat->hazard_text[i] = NULL;
    }
    cat->has_guides = 0;
}

struct gload {
    const char *path;
    char err[640];
};

static rb_status gfail(struct gload *g, const char *fmt, ...) RB_PRINTF(2, 3);
static rb_status gfail(struct gload *g, const char *fmt, ...)
{
    char reason[560];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    snprintf(g->err, sizeof g->err, "%s: %s", g->path, reason);
    return RB_ERR_PARSE;
}

static int lookup(const char *const *table, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(table[i], s))
            return (int)i;
    return -1;
}

/* Refuses keys other than `allowed`: a typo in a hand-edited file must not pass. */
static rb_status only_keys(struct gload *g, const cJSON *obj, const char *where,
                           const char *const *allowed)
{
    for (const cJSON *it = obj->child; it; it = it->next) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= it->string && !strcmp(it->string, *a);
        if (!ok)
            return gfail(g, "%s: unknown key \"%s\"", where, it->string ? it->string : "");
    }
    return RB_OK;
}

static rb_status parse_seconds(struct gload *g, const cJSON *step, const char *key,
                               const char *where, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(step, key);
    *out = 0;
    if (!v)
        return RB_OK;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0 && v->valuedouble <= 600))
        return gfail(g, "%s.%s: want a number of seconds from 0 to 600", where, key);
    *out = v->valuedouble;
    return RB_OK;
}

static rb_status parse_step(struct gload *g, const cJSON *js, const char *where,
                            rb_guide_step *st)
{
    static const char *const keys[] = {"id", "action", "buttons", "seconds", "seconds_max",
                                       "until", "expect", "text", NULL};
    if (!cJSON_IsObject(js))
        return gfail(g, "%s: want an object", where);
    rb_status s = only_keys(g, js, where, keys);
    if (s != RB_OK)
        return s;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(js, "id");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(js, "text");
    const cJSON *action = cJSON_GetObjectItemCaseSensitive(js, "action");
    if (!cJSON_IsString(id) || !*id->valuestring || strspn(id->valuestring,
        "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(id->valuestring))
        return gfail(g, "%s.id: want a lowercase identifier", where);
    if (!cJSON_IsString(text) || !*text->valuestring)
        return gfail(g, "%s.text: missing", where);
    int a = cJSON_IsString(action) ? lookup(action_names, 4, action->valuestring) : -1;
    if (a < 0)
        return gfail(g, "%s.action: want connect, press, hold or release", where);
    st->action = (rb_guide_action)a;
    const cJSON *buttons = cJSON_GetObjectItemCaseSensitive(js, "buttons");
    st->buttons = 0;
    if (buttons && !cJSON_IsArray(buttons))
        return gfail(g, "%s.buttons: want an array", where);
    const cJSON *b;
    cJSON_ArrayForEach(b, buttons) {
        int i = cJSON_IsString(b) ? lookup(button_names, RB_BUTTON_COUNT, b->valuestring) : -1;
        if (i < 0)
            return gfail(g, "%s.buttons: unknown button %s%s%s", where,
                         cJSON_IsString(b) ? "\"" : "", cJSON_IsString(b) ? b->valuestring : "(not a string)",
                         cJSON_IsString(b) ? "\"" : "");
        st->buttons |= 1u << i;
    }
    if ((st->action == RB_ACTION_CONNECT) != (st->buttons == 0))
        return gfail(g, "%s.buttons: %s", where, st->action == RB_ACTION_CONNECT
                     ? "a connect step presses no button" : "this action needs at least one button");
    if ((s = parse_seconds(g, js, "seconds", where, &st->seconds)) != RB_OK ||
        (s = parse_seconds(g, js, "seconds_max", where, &st->seconds_max)) != RB_OK)
        return s;
    if (st->seconds_max && st->seconds_max < st->seconds)
        return gfail(g, "%s.seconds_max: smaller than seconds", where);
    const cJSON *until = cJSON_GetObjectItemCaseSensitive(js, "until");
    int u = until ? (cJSON_IsString(until) ? lookup(until_names, 5, until->valuestring) : -1) : 0;
    if (u < 0)
        return gfail(g, "%s.until: want none, screen_black, apple_logo, recovery_screen or usb_mode", where);
    st->until = (rb_guide_until)u;
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(js, "expect");
    int e = expect ? (cJSON_IsString(expect) ? lookup(usb_names, 4, expect->valuestring) : -1) : 0;
    if (e < 0)
        return gfail(g, "%s.expect: want any, normal, recovery or dfu", where);
    st->expect = (rb_guide_usb)e;
    if (st->until == RB_UNTIL_USB_MODE && st->expect == RB_GUIDE_USB_ANY)
        return gfail(g, "%s.expect: until usb_mode needs an expected mode", where);
    st->id = rb__strdup(id->valuestring);
    st->text = rb__strdup(text->valuestring);
    if (!st->id || !st->text)
        return RB_ERR_NOMEM;
    return RB_OK;
}

static rb_status parse_proc(struct gload *g, const cJSON *js, const char *where,
                            struct rb_guide_proc *out)
{
    static const char *const keys[] = {"source", "steps", NULL};
    if (!cJSON_IsObject(js))
        return gfail(g, "%s: missing or not an object", where);
    rb_status s = only_keys(g, js, where, keys);
    if (s != RB_OK)
        return s;
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(js, "source");
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(js, "steps");
    if (!cJSON_IsString(source) || !*source->valuestring)
        return gfail(g, "%s.source: missing", where);
    int n = cJSON_GetArraySize(steps);
    if (!cJSON_IsArray(steps) || n < 1 || n > 64)
        return gfail(g, "%s.steps: want 1 to 64 steps", where);
    out->source = rb__strdup(source->valuestring);
    out->steps = calloc((size_t)n, sizeof *out->steps);
    if (!out->source || !out->steps)
        return RB_ERR_NOMEM;
    const cJSON *js_step;
    cJSON_ArrayForEach(js_step, steps) {
        char w[160];
        snprintf(w, sizeof w, "%s.steps[%zu]", where, out->n);
        rb_guide_step *st = &out->steps[out->n];
        s = parse_step(g, js_step, w, st);
        if (st->id || st->text)
            out->n++; /* owned strings get freed even when the step failed half-way */
        if (s != RB_OK)
            return s;
        for (size_t k = 0; k + 1 < out->n; k++)
            if (!strcmp(out->steps[k].id, st->id))
                return gfail(g, "%s.id: \"%s\" repeats step %zu", w, st->id, k);
    }
    return RB_OK;
}

static rb_status parse_doc(rb_catalog *cat, struct gload *g, const cJSON *doc)
{
    static const char *const keys[] = {"_about", "format", "hazards", "schemes", NULL};
    if (!cJSON_IsObject(doc))
        return gfail(g, "the top level must be an object");
    rb_status s = only_keys(g, doc, "top level", keys);
    if (s != RB_OK)
        return s;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(doc, "format");
    if (!cJSON_IsNumber(format) || format->valuedouble != 1)
        return gfail(g, "format: this engine reads format 1");
    const cJSON *hz = cJSON_GetObjectItemCaseSensitive(doc, "hazards");
    if (hz && !cJSON_IsObject(hz))
        return gfail(g, "hazards: want an object");
    for (const cJSON *it = hz ? hz->child : NULL; it; it = it->next) {
        int i = lookup(hazard_names, RB_HAZARD_COUNT, it->string ? it->string : "");
        if (i < 0)
            return gfail(g, "hazards: unknown hazard \"%s\"", it->string ? it->string : "");
        if (!cJSON_IsString(it) || !*it->valuestring)
            return gfail(g, "hazards.%s: want a non-empty string", it->string);
        free(cat->hazard_text[i]);
        if (!(cat->hazard_text[i] = rb__strdup(it->valuestring)))
            return RB_ERR_NOMEM;
    }
    const cJSON *schemes = cJSON_GetObjectItemCaseSensitive(doc, "schemes");
    if (!cJSON_IsObject(schemes))
        return gfail(g, "schemes: missing");
    for (const cJSON *it = schemes->child; it; it = it->next) {
        rb_button_scheme sc;
        if (rb_button_scheme_from_name(&sc, it->string ? it->string : "") != RB_OK)
            return gfail(g, "schemes: unknown scheme \"%s\"", it->string ? it->string : "");
    }
    for (int sc = 1; sc < RB_SCHEME_SLOTS; sc++) {
        const char *sname = rb_button_scheme_name((rb_button_scheme)sc);
        const cJSON *js = cJSON_GetObjectItemCaseSensitive(schemes, sname);
        if (!cJSON_IsObject(js))
            return gfail(g, "schemes.%s: missing", sname);
        char where[96];
        snprintf(where, sizeof where, "schemes.%s", sname);
        static const char *const proc_keys[] = {"enter_recovery", "enter_dfu", "exit_recovery",
                                                "exit_dfu", NULL};
        if ((s = only_keys(g, js, where, proc_keys)) != RB_OK)
            return s;
        for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++) {
            snprintf(where, sizeof where, "schemes.%s.%s", sname, proc_names[p]);
            s = parse_proc(g, cJSON_GetObjectItemCaseSensitive(js, proc_names[p]), where,
                           &cat->guides[sc][p]);
            if (s != RB_OK)
                return s;
        }
    }
    return RB_OK;
}

/* 1-based line and column of `at` in buf. */
static void line_col(const char *buf, const char *at, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = buf; p < at; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

rb_status rb__catalog_guides_from_buffer(rb_catalog *cat, const char *name, const char *buf,
                                         size_t len, char **error_out)
{
    struct gload g = {name, ""};
    rb__catalog_guides_clear(cat);
    rb_status s;
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
    if (!doc) {
        unsigned line, col;
        line_col(buf, end && end >= buf && end <= buf + len ? end : buf + len, &line, &col);
        snprintf(g.err, sizeof g.err, "%s:%u:%u: malformed JSON", name, line, col);
        s = RB_ERR_PARSE;
    } else {
        s = parse_doc(cat, &g, doc);
        if (s == RB_ERR_NOMEM)
            snprintf(g.err, sizeof g.err, "%s: out of memory", name);
        cJSON_Delete(doc);
    }
    if (s != RB_OK) {
        rb__catalog_guides_clear(cat);
        if (error_out)
            *error_out = rb__strdup(g.err);
        return s;
    }
    cat->has_guides = 1;
    return RB_OK;
}

rb_status rb_catalog_load_guides(rb_catalog *cat, rb_context *ctx, const char *path)
{
    if (!cat || !path)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "rb_catalog_load_guides: no catalog or path");
    char *buf = NULL;
    size_t len = 0;
    int e = rb__read_file(path, 1024 * 1024, &buf, &len);
    if (e) {
        rb__catalog_guides_clear(cat);
        return rb__error(ctx, e == EFBIG ? RB_ERR_PARSE : rb__status_from_errno(e),
                         "%s: cannot read: %s", path,
                         e == EFBIG ? "file too large" : strerror(e));
    }
    char *why = NULL;
    rb_status s = rb__catalog_guides_from_buffer(cat, path, buf, len, &why);
    free(buf);
    if (s != RB_OK)
        rb__error(ctx, s, "%s", why ? why : "cannot load the button guides");
    free(why);
    return s;
}

rb_status rb_catalog_guide_for_scheme(const rb_catalog *cat, rb_button_scheme scheme,
                                      rb_guide_procedure proc,
                                      const rb_guide_step **steps, size_t *n)
{
    if (steps)
        *steps = NULL;
    if (n)
        *n = 0;
    if (!cat || !steps || !n || (int)proc < 0 || proc >= RB_GUIDE_PROCEDURE_COUNT ||
        (int)scheme < 0 || (int)scheme >= RB_SCHEME_SLOTS)
        return RB_ERR_INVALID_ARG;
    if (!cat->has_guides || scheme == RB_BUTTONS_UNKNOWN)
        return RB_ERR_NOT_FOUND;
    *steps = cat->guides[scheme][proc].steps;
    *n = cat->guides[scheme][proc].n;
    return RB_OK;
}

rb_status rb_catalog_guide(const rb_catalog *cat, const rb_model *model, rb_guide_procedure proc,
                           const rb_guide_step **steps, size_t *n)
{
    if (!model)
        return RB_ERR_INVALID_ARG;
    return rb_catalog_guide_for_scheme(cat, model->buttons, proc, steps, n);
}

const char *rb_catalog_guide_source(const rb_catalog *cat, rb_button_scheme scheme,
                                    rb_guide_procedure proc)
{
    if (!cat || !cat->has_guides || (int)scheme <= 0 || (int)scheme >= RB_SCHEME_SLOTS ||
        (int)proc < 0 || proc >= RB_GUIDE_PROCEDURE_COUNT)
        return NULL;
    return cat->guides[scheme][proc].source;
}
