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
    pthread_mutex_t lock;
    rb_errbuf err;
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

static rb_status put_setting(rb_context *ctx, const char *key, const char *value)
{
    struct setting *s = find_setting(ctx, key);
    if (s) {
        char *v = rb__strdup(value);
        if (!v)
            return RB_ERR_NOMEM;
        free(s->value);
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
    pthread_mutex_init(&ctx->lock, NULL);
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
    free(ctx->home);
    pthread_mutex_destroy(&ctx->lock);
    free(ctx);
}

const char *rb_context_home(const rb_context *ctx)
{
    return ctx ? ctx->home : NULL;
}

const char *rb_context_setting(const rb_context *ctx, const char *key, const char *fallback)
{
    if (!ctx || !key)
        return fallback;
    const struct setting *s = find_setting(ctx, key);
    return s ? s->value : fallback;
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
    pthread_mutex_lock(&ctx->lock);
    rb_status st = RB_OK;
    if (value) {
        st = put_setting(ctx, key, value);
    } else {
        struct setting *s = find_setting(ctx, key);
        if (s) {
            free(s->key);
            free(s->value);
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
    pthread_mutex_unlock(&ctx->lock);
    return st;
}

static rb_status verror(rb_context *ctx, rb_status status, const char *fmt, va_list ap)
{
    if (ctx) {
        ctx->err.status = status;
        vsnprintf(ctx->err.msg, sizeof ctx->err.msg, fmt, ap);
    }
    return status;
}

rb_status rb__error(rb_context *ctx, rb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(ctx, status, fmt, ap);
    va_end(ap);
    return status;
}

rb_status rb__errbuf_set(rb_errbuf *eb, rb_status status, const char *fmt, ...)
{
    if (eb) {
        va_list ap;
        va_start(ap, fmt);
        eb->status = status;
        vsnprintf(eb->msg, sizeof eb->msg, fmt, ap);
        va_end(ap);
    }
    return status;
}

const char *rb_context_last_error(const rb_context *ctx)
{
    return ctx ? ctx->err.msg : "";
}

rb_status rb_context_last_status(const rb_context *ctx)
{
    return ctx ? ctx->err.status : RB_OK;
}
