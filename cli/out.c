/* out.c - the only place the `rescuebay` command writes to stdout and stderr.
 *
 * Outside text (device names, backup file names, catalog fields, ticket text) reaches
 * the CLI as %s arguments, so cli_printf escapes every %s and %c argument with
 * rb_text_escape while the format string itself (ours) is written as is. JSON goes
 * through cli_print_json, which writes every string with rb_text_json. Families never
 * call printf/fputs themselves (tests/cli/out_only.sh checks that). */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli.h"

struct buf {
    char *s;
    size_t len, cap;
    int oom;
};

static void add(struct buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Number of characters (not bytes) in valid UTF-8, for column widths. */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

size_t cli_width(const char *s)
{
    char small[512];
    size_t need = rb_text_escape(small, sizeof small, s, strlen(s), NULL);
    if (need < sizeof small)
        return chars(small, need);
    char *e = malloc(need + 1);
    if (!e)
        return need;
    rb_text_escape(e, need + 1, s, strlen(s), NULL);
    size_t n = chars(e, need);
    free(e);
    return n;
}

/* Appends outside text escaped, then cut to `prec` characters and padded to `width`. */
static void add_text(struct buf *b, const char *s, size_t slen, int left, int width, int prec)
{
    char small[256];
    size_t need = rb_text_escape(small, sizeof small, s, slen, NULL);
    char *e = small;
    if (need >= sizeof small) {
        e = malloc(need + 1);
        if (!e) {
            b->oom = 1;
            return;
        }
        rb_text_escape(e, need + 1, s, slen, NULL);
    }
    size_t n = need;
    if (prec >= 0) { /* cut at a character boundary: never half a UTF-8 sequence */
        size_t c = 0, i = 0;
        for (; i < n; i++)
            if (((unsigned char)e[i] & 0xc0) != 0x80 && c++ == (size_t)prec)
                break;
        n = i;
    }
    size_t pad = width > 0 && chars(e, n) < (size_t)width ? (size_t)width - chars(e, n) : 0;
    for (size_t i = 0; !left && i < pad; i++)
        add(b, " ", 1);
    add(b, e, n);
    for (size_t i = 0; left && i < pad; i++)
        add(b, " ", 1);
    if (e != small)
        free(e);
}

/* `spec` is one conversion that format() rebuilt from the caller's format string, which
 * the format attribute on cli_printf checked against the arguments; a va_list format
 * function is the one place -Wformat-nonliteral lets a non-literal format through. */
static int RB_CLI_PRINTF(3, 0) format_one(char *out, size_t cap, const char *spec, va_list ap)
{
    return vsnprintf(out, cap, spec, ap);
}

/* One conversion other than %s/%c: formatted from a copy of the argument list, then the
 * argument is consumed by its real type. */
static void add_number(struct buf *b, const char *spec, const char *lenmod, char conv, va_list *ap)
{
    /* %n and unknown conversions: a programming error, caught by -Wformat */
    if (!conv || !strchr("diouxXfFeEgGaAp", conv))
        abort();
    char tmp[512];
    va_list one;
    va_copy(one, *ap);
    int n = format_one(tmp, sizeof tmp, spec, one);
    va_end(one);
    if (strchr("diouxX", conv)) {
        if (!strcmp(lenmod, "ll"))
            (void)va_arg(*ap, long long);
        else if (!strcmp(lenmod, "l"))
            (void)va_arg(*ap, long);
        else if (!strcmp(lenmod, "z"))
            (void)va_arg(*ap, size_t);
        else if (!strcmp(lenmod, "j"))
            (void)va_arg(*ap, intmax_t);
        else if (!strcmp(lenmod, "t"))
            (void)va_arg(*ap, ptrdiff_t);
        else /* hh, h and none are promoted to int */
            (void)va_arg(*ap, int);
    } else if (strchr("fFeEgGaA", conv)) {
        if (!strcmp(lenmod, "L"))
            (void)va_arg(*ap, long double);
        else
            (void)va_arg(*ap, double);
    } else {
        (void)va_arg(*ap, void *);
    }
    if (n > 0)
        add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void format(struct buf *b, const char *fmt, va_list ap0)
{
    va_list ap;
    va_copy(ap, ap0);
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            const char *q = strchr(p, '%');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            add(b, p, n);
            p += n;
            continue;
        }
        if (p[1] == '%') {
            add(b, "%", 1);
            p += 2;
            continue;
        }
        p++;
        char flags[8] = "";
        size_t nf = 0;
        int left = 0, width = -1, prec = -1;
        while (*p && strchr("-+ #0", *p)) {
            left |= *p == '-';
            if (nf < sizeof flags - 1)
                flags[nf++] = *p;
            p++;
        }
        if (*p == '*') {
            width = va_arg(ap, int);
            if (width < 0)
                left = 1, width = -width;
            p++;
        } else {
            for (width = isdigit((unsigned char)*p) ? 0 : -1; isdigit((unsigned char)*p); p++)
                width = width * 10 + (*p - '0');
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                prec = va_arg(ap, int);
                p++;
            } else {
                for (prec = 0; isdigit((unsigned char)*p); p++)
                    prec = prec * 10 + (*p - '0');
            }
        }
        char lenmod[3] = "";
        size_t nl = 0;
        while (*p && strchr("hljztL", *p) && nl < 2)
            lenmod[nl++] = *p++;
        char conv = *p ? *p++ : '\0';
        if (conv == 's' || conv == 'c') {
            char ch[2] = {0, 0};
            const char *s = conv == 'c' ? (ch[0] = (char)va_arg(ap, int), ch)
                                        : va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            add_text(b, s, conv == 'c' ? 1 : strlen(s), left, width, prec);
            continue;
        }
        if (left && !strchr(flags, '-') && nf < sizeof flags - 1)
            flags[nf++] = '-'; /* from a negative "*" width */
        char spec[48];
        int m = snprintf(spec, sizeof spec, "%%%s", flags);
        if (width >= 0)
            m += snprintf(spec + m, sizeof spec - (size_t)m, "%d", width);
        if (prec >= 0)
            m += snprintf(spec + m, sizeof spec - (size_t)m, ".%d", prec);
        snprintf(spec + m, sizeof spec - (size_t)m, "%s%c", lenmod, conv);
        add_number(b, spec, lenmod, conv, &ap);
    }
    va_end(ap);
}

int cli_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    struct buf b = {0};
    format(&b, fmt, ap);
    int n = -1;
    if (!b.oom && b.s)
        n = fwrite(b.s, 1, b.len, f) == b.len ? (int)b.len : -1;
    else if (!b.oom)
        n = 0;
    free(b.s);
    return n;
}

int cli_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = cli_vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int cli_eprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = cli_vfprintf(stderr, fmt, ap);
    va_end(ap);
    return n;
}

void cli_text(FILE *f, const char *text)
{
    fputs(text, f); /* our own text (usage): its newlines are meant */
}

/* ---- JSON ---- */

/* Appends a JSON Pointer segment (RFC 6901: "~" -> "~0", "/" -> "~1"). */
static size_t ptr_push(char *path, size_t len, size_t cap, const char *seg)
{
    char buf[256];
    size_t n = 0;
    buf[n++] = '/';
    for (const char *s = seg; *s && n + 3 < sizeof buf; s++) {
        if (*s == '~' || *s == '/') {
            buf[n++] = '~';
            buf[n++] = *s == '~' ? '0' : '1';
        } else {
            buf[n++] = *s;
        }
    }
    if (len + n + 1 > cap)
        n = 0;
    memcpy(path + len, buf, n);
    path[len + n] = '\0';
    return len + n;
}

/* Keys are ours, but the output must not depend on it: one that is not clean text is
 * replaced by its display form. */
static void safe_key(cJSON *it)
{
    unsigned found = 0;
    size_t n = strlen(it->string);
    size_t need = rb_text_escape(NULL, 0, it->string, n, &found);
    char *k = found ? cJSON_malloc(need + 1) : NULL;
    if (!k)
        return;
    rb_text_escape(k, need + 1, it->string, n, NULL);
    if (!(it->type & cJSON_StringIsConst))
        cJSON_free(it->string);
    it->string = k;
    it->type &= ~cJSON_StringIsConst;
}

/* Replaces a string by its rb_text_json literal as a raw item, so cJSON prints exactly
 * that, and records where bytes that are not UTF-8 were replaced; recurses into
 * containers. `path` is the item's JSON Pointer. */
static void safe_item(cJSON *it, char *path, size_t plen, size_t pcap, cJSON *replaced)
{
    if ((it->type & 0xff) == cJSON_String && it->valuestring) {
        unsigned found = 0;
        size_t sl = strlen(it->valuestring);
        size_t need = rb_text_json(NULL, 0, it->valuestring, sl, &found);
        char *lit = cJSON_malloc(need + 1);
        if (lit)
            rb_text_json(lit, need + 1, it->valuestring, sl, NULL);
        cJSON_free(it->valuestring);
        it->valuestring = lit;
        it->type = lit ? cJSON_Raw : cJSON_NULL; /* out of memory: print nothing of it */
        if (lit && (found & RB_TEXT_INVALID_UTF8))
            cJSON_AddItemToArray(replaced, cJSON_CreateString(path));
        return;
    }
    size_t idx = 0;
    for (cJSON *c = it->child; c; c = c->next, idx++) {
        size_t l;
        if (c->string) {
            safe_key(c);
            l = ptr_push(path, plen, pcap, c->string);
        } else {
            char num[24];
            snprintf(num, sizeof num, "%zu", idx);
            l = ptr_push(path, plen, pcap, num);
        }
        safe_item(c, path, l, pcap, replaced);
        path[plen] = '\0';
    }
}

static void print_json(cJSON *value, int pretty)
{
    if (!value)
        return;
    char path[1024] = "";
    cJSON *replaced = cJSON_CreateArray();
    safe_item(value, path, 0, sizeof path, replaced);
    if (cJSON_GetArraySize(replaced) > 0 && cJSON_IsObject(value)) {
        /* Said so: these strings had bytes that are not UTF-8, shown as U+FFFD. */
        cJSON_AddItemToObject(value, "replaced_invalid_utf8", replaced);
        replaced = NULL;
    }
    cJSON_Delete(replaced);
    char *s = pretty ? cJSON_Print(value) : cJSON_PrintUnformatted(value);
    if (s) {
        fputs(s, stdout);
        fputc('\n', stdout);
        cJSON_free(s);
    }
    cJSON_Delete(value);
}

void cli_print_json(cJSON *value)
{
    print_json(value, 1);
}

void cli_print_json_line(cJSON *value)
{
    print_json(value, 0);
    fflush(stdout);
}
