/* core/context.c - data home, settings file and last-error detail. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

#define SETTINGS_FILE "rescuebay.conf"
#define SETTINGS_MAX_BYTES (1u << 20)

struct setting {
    char *key;
    char *value;
};

struct rb_context {
    char *home;
    struct setting *settings;
    size_t n_settings;
    pthread_mutex_t lock_storage;
    pthread_mutex_t *lock;     /* &lock_storage (lockable through a const handle); guards settings; values are never freed before the
                                * context (see `retired`), so a returned value stays valid */
    char **retired;            /* values replaced or removed while the context lived */
    size_t n_retired;
    rb__errs *err;
};

static char *default_home(void)
{
    const char *env = getenv("RESCUEBAY_HOME");
    if (env && *env)
        return rb__strdup(env);
#if defined(_WIN32)
    const char *base = getenv("LOCALAPPDATA");
    return base ? rb__sprintf("%s\\rescuebay", base) : NULL;
#elif defined(__APPLE__)
    const char *h = getenv("HOME");
    return h ? rb__sprintf("%s/Library/Application Support/rescuebay", h) : NULL;
#else
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg == '/')
        return rb__sprintf("%s/rescuebay", xdg);
    const char *h = getenv("HOME");
    return h ? rb__sprintf("%s/.local/share/rescuebay", h) : NULL;
#endif
}

/* Settings that tests, demo mode and docs also set through the environment. The variable
 * wins over rescuebay.conf and is never written back to it. */
static const struct env_setting {
    const char *key;
    const char *env;
} env_settings[] = {
    {"catalog.data_dir", "RESCUEBAY_DATA_DIR"},
    {"device.grace_ms", "RESCUEBAY_DEVICE_GRACE_MS"},
    {"firmware.backoff_ms", "RESCUEBAY_FW_BACKOFF_MS"},
    {"firmware.catalog_url", "RESCUEBAY_CATALOG_URL"},
};

static const char *env_override(const char *key)
{
    for (size_t i = 0; i < sizeof env_settings / sizeof env_settings[0]; i++)
        if (strcmp(env_settings[i].key, key) == 0) {
            const char *v = getenv(env_settings[i].env);
            return v && *v ? v : NULL;
        }
    return NULL;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

static void free_settings(rb_context *ctx)
{
    for (size_t i = 0; i < ctx->n_settings; i++) {
        free(ctx->settings[i].key);
        free(ctx->settings[i].value);
    }
    free(ctx->settings);
    ctx->settings = NULL;
    ctx->n_settings = 0;
}

static struct setting *find_setting(const rb_context *ctx, const char *key)
{
    for (size_t i = 0; i < ctx->n_settings; i++)
        if (strcmp(ctx->settings[i].key, key) == 0)
            return &ctx->settings[i];
    return NULL;
}

/* Keeps a replaced value alive until rb_context_free: another thread may still hold the
 * pointer rb_context_setting gave it. Settings change rarely (staff edits), so this is
 * bounded by the edits of one run. */
static rb_status retire(rb_context *ctx, char *value)
{
    char **grown = realloc(ctx->retired, (ctx->n_retired + 1) * sizeof *grown);
    if (!grown)
        return RB_ERR_NOMEM;
    ctx->retired = grown;
    grown[ctx->n_retired++] = value;
    return RB_OK;
}

static rb_status put_setting(rb_context *ctx, const char *key, const char *value)
{
    struct setting *s = find_setting(ctx, key);
    if (s) {
        char *v = rb__strdup(value);
        if (!v || retire(ctx, s->value) != RB_OK) {
            free(v);
            return RB_ERR_NOMEM;
        }
        s->value = v;
        return RB_OK;
    }
    struct setting *grown = realloc(ctx->settings, (ctx->n_settings + 1) * sizeof *grown);
    if (!grown)
        return RB_ERR_NOMEM;
    ctx->settings = grown;
    grown[ctx->n_settings].key = rb__strdup(key);
    grown[ctx->n_settings].value = rb__strdup(value);
    if (!grown[ctx->n_settings].key || !grown[ctx->n_settings].value) {
        free(grown[ctx->n_settings].key);
        free(grown[ctx->n_settings].value);
        return RB_ERR_NOMEM;
    }
    ctx->n_settings++;
    return RB_OK;
}

static rb_status load_settings(rb_context *ctx)
{
    char *path = rb__path_join(ctx->home, SETTINGS_FILE);
    if (!path)
        return RB_ERR_NOMEM;
    char *text = NULL;
    int e = rb__read_file(path, SETTINGS_MAX_BYTES, &text, NULL);
    if (e == ENOENT) {
        free(path);
        return RB_OK;
    }
    if (e != 0) {
        rb_status st = rb__error(ctx, rb__status_from_errno(e), "cannot read settings %s: %s",
                                 path, strerror(e));
        free(path);
        return st;
    }
    rb_status st = RB_OK;
    int lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        char *l = trim(line);
        if (*l == '\0' || *l == '#')
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            st = rb__error(ctx, RB_ERR_PARSE, "%s line %d: expected 'key = value'", path, lineno);
            break;
        }
        *eq = '\0';
        char *k = trim(l), *v = trim(eq + 1);
        if (*k == '\0') {
            st = rb__error(ctx, RB_ERR_PARSE, "%s line %d: empty setting name", path, lineno);
            break;
        }
        if ((st = put_setting(ctx, k, v)) != RB_OK)
            break;
    }
    free(text);
    free(path);
    return st;
}

rb_status rb_context_new(rb_context **out, const char *home)
{
    if (!out)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return RB_ERR_NOMEM;
    ctx->lock = &ctx->lock_storage;
    pthread_mutex_init(ctx->lock, NULL);
    ctx->err = rb__errs_new();
    ctx->home = (home && *home) ? rb__strdup(home) : default_home();
    if (!ctx->home) {
        rb_context_free(ctx);
        return RB_ERR_NOT_FOUND;
    }
    int e = rb__mkdirs(ctx->home, 0700);
    if (e != 0) {
        rb_context_free(ctx);
        return rb__status_from_errno(e);
    }
    rb_status st = load_settings(ctx);
    if (st != RB_OK) {
        rb_context_free(ctx);
        return st;
    }
    *out = ctx;
    return RB_OK;
}

void rb_context_free(rb_context *ctx)
{
    if (!ctx)
        return;
    free_settings(ctx);
    for (size_t i = 0; i < ctx->n_retired; i++)
        free(ctx->retired[i]);
    free(ctx->retired);
    free(ctx->home);
    rb__errs_free(ctx->err);
    pthread_mutex_destroy(ctx->lock);
    free(ctx);
}

const char *rb_context_home(const rb_context *ctx)
{
    return ctx ? ctx->home : NULL;
}

const char *rb_context_setting(const rb_context *ctx, const char *key, const char *fallback)
{
    if (!key)
        return fallback;
    const char *env = env_override(key);
    if (env)
        return env;
    if (!ctx)
        return fallback;
    pthread_mutex_lock(ctx->lock);
    const struct setting *s = find_setting(ctx, key);
    const char *v = s ? s->value : fallback;
    pthread_mutex_unlock(ctx->lock);
    return v;
}

static int valid_key(const char *key)
{
    if (!key || !*key)
        return 0;
    for (const char *p = key; *p; p++)
        if (!(*p == '.' || *p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    return 1;
}

rb_status rb_context_set_setting(rb_context *ctx, const char *key, const char *value)
{
    if (!ctx || !valid_key(key))
        return ctx ? rb__error(ctx, RB_ERR_INVALID_ARG, "invalid setting name") : RB_ERR_INVALID_ARG;
    if (value && strpbrk(value, "\r\n"))
        return rb__error(ctx, RB_ERR_INVALID_ARG, "a setting value cannot contain a line break");
    pthread_mutex_lock(ctx->lock);
    rb_status st = RB_OK;
    if (value) {
        st = put_setting(ctx, key, value);
    } else {
        struct setting *s = find_setting(ctx, key);
        if (s && (st = retire(ctx, s->value)) == RB_OK) {
            free(s->key);
            *s = ctx->settings[--ctx->n_settings];
        }
    }
    size_t cap = 64;
    for (size_t i = 0; i < ctx->n_settings; i++)
        cap += strlen(ctx->settings[i].key) + strlen(ctx->settings[i].value) + 4;
    char *buf = st == RB_OK ? malloc(cap) : NULL;
    if (st == RB_OK && !buf)
        st = RB_ERR_NOMEM;
    if (st == RB_OK) {
        size_t off = (size_t)snprintf(buf, cap, "# rescuebay settings\n");
        for (size_t i = 0; i < ctx->n_settings; i++)
            off += (size_t)snprintf(buf + off, cap - off, "%s = %s\n", ctx->settings[i].key,
                                    ctx->settings[i].value);
        char *path = rb__path_join(ctx->home, SETTINGS_FILE);
        int e = path ? rb__write_file_atomic(path, buf, off) : ENOMEM;
        if (e != 0)
            st = rb__error(ctx, rb__status_from_errno(e), "cannot write settings: %s", strerror(e));
        free(path);
    }
    free(buf);
    pthread_mutex_unlock(ctx->lock);
    return st;
}

rb__errs *rb__errs_new(void)
{
    rb__errs *e = calloc(1, sizeof *e);
    if (e)
        pthread_mutex_init(&e->mu, NULL);
    return e;
}

void rb__errs_free(rb__errs *e)
{
    if (!e)
        return;
    pthread_mutex_destroy(&e->mu);
    free(e);
}

/* The calling thread's slot, or NULL; with `take`, the slot to write (its own, else an
 * unused one, else the least recently written). Called with e->mu held. */
static struct rb__errslot *errs_slot(rb__errs *e, int take)
{
    pthread_t self = pthread_self();
    struct rb__errslot *oldest = &e->slot[0];
    for (size_t i = 0; i < RB__ERR_SLOTS; i++) {
        struct rb__errslot *s = &e->slot[i];
        if (s->written && pthread_equal(s->tid, self))
            return s;
        if (s->written < oldest->written)
            oldest = s;
    }
    return take ? oldest : NULL;
}

static rb_status errs_put(rb__errs *e, int shared, rb_status status, const char *fmt,
                          va_list ap)
{
    if (!e)
        return status;
    char msg[RB__ERR_MSG];
    vsnprintf(msg, sizeof msg, fmt, ap);
    pthread_mutex_lock(&e->mu);
    struct rb__errslot *s = shared ? &e->shared : errs_slot(e, 1);
    s->tid = pthread_self();
    s->written = ++e->tick;
    s->status = status;
    memcpy(s->msg, msg, sizeof msg);
    pthread_mutex_unlock(&e->mu);
    return status;
}

rb_status rb__errs_vset(rb__errs *e, rb_status status, const char *fmt, va_list ap)
{
    return errs_put(e, 0, status, fmt, ap);
}

rb_status rb__errs_vset_shared(rb__errs *e, rb_status status, const char *fmt, va_list ap)
{
    return errs_put(e, 1, status, fmt, ap);
}

rb_status rb__errs_set(rb__errs *e, rb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset(e, status, fmt, ap);
    va_end(ap);
    return status;
}

rb_status rb__errs_get(rb__errs *e, char *buf, size_t size)
{
    if (buf && size)
        buf[0] = '\0';
    if (!e)
        return RB_OK;
    pthread_mutex_lock(&e->mu);
    const struct rb__errslot *s = errs_slot(e, 0);
    if (e->shared.written && (!s || s->written < e->shared.written))
        s = &e->shared;
    rb_status st = s ? s->status : RB_OK;
    if (s && buf && size)
        snprintf(buf, size, "%s", s->msg);
    pthread_mutex_unlock(&e->mu);
    return st;
}

rb_status rb__errs_status(rb__errs *e)
{
    return rb__errs_get(e, NULL, 0);
}

const char *rb__errs_last(rb__errs *e)
{
    static _Thread_local char copy[RB__ERR_MSG];
    rb__errs_get(e, copy, sizeof copy);
    return copy;
}

rb_status rb__error(rb_context *ctx, rb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset(ctx ? ctx->err : NULL, status, fmt, ap);
    va_end(ap);
    return status;
}

const char *rb_context_last_error(const rb_context *ctx)
{
    return rb__errs_last(ctx ? ctx->err : NULL);
}

rb_status rb_context_last_status(const rb_context *ctx)
{
    return rb__errs_status(ctx ? ctx->err : NULL);
}
