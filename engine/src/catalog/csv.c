/* catalog/csv.c - strict in-place CSV reader; see csv_private.h. */
#include "catalog/csv_private.h"

#include <stdio.h>
#include <string.h>

void rb__csv_init(rb__csv *c, char *buf, size_t len)
{
    c->p = buf;
    c->end = buf + len;
    c->line_start = buf;
    c->line = 1;
}

static unsigned col_of(const rb__csv *c, const char *at)
{
    return (unsigned)(at - c->line_start) + 1;
}

static int fail(const rb__csv *c, const char *at, char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%u:%u: %s", c->line, col_of(c, at), what);
    return -1;
}

int rb__utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char b = u[i];
        size_t need;
        unsigned long cp;
        if (b < 0x80) {
            i++;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            need = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            need = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            need = 3;
            cp = b & 0x07;
        } else {
            goto bad;
        }
        if (len - i <= need)
            goto bad;
        for (size_t k = 1; k <= need; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) ||
            (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += need + 1;
    }
    return 1;
bad:
    if (bad)
        *bad = i;
    return 0;
}

/* Skips blank and comment lines; returns 0 at end of data. */
static int skip_ignorable(rb__csv *c)
{
    for (;;) {
        if (c->p >= c->end)
            return 0;
        char *q = c->p;
        if (*q == '#') {
            while (q < c->end && *q != '\n')
                q++;
        } else if (*q == '\r' && q + 1 < c->end && q[1] == '\n') {
            q++;
        } else if (*q != '\n') {
            return 1;
        }
        if (q >= c->end) {
            c->p = q;
            return 0;
        }
        c->p = q + 1;
        c->line++;
        c->line_start = c->p;
    }
}

static int bad_byte(unsigned char b)
{
    return (b < 0x20 && b != '\t') || b == 0x7F;
}

int rb__csv_row(rb__csv *c, char **fields, unsigned *cols, size_t max, size_t *n,
                unsigned *line, char *err, size_t errlen)
{
    char msg[96];
    *n = 0;
    if (!skip_ignorable(c))
        return 0;
    *line = c->line;
    for (;;) {
        char *start = c->p, *w = c->p, *q = c->p;
        if (*n == max)
            return snprintf(msg, sizeof msg, "too many fields (at most %zu)", max),
                   fail(c, start, err, errlen, msg);
        if (q < c->end && *q == '"') {
            q++;
            for (;;) {
                if (q >= c->end)
                    return fail(c, start, err, errlen, "unterminated quoted field");
                if (*q == '"') {
                    if (q + 1 < c->end && q[1] == '"') {
                        *w++ = '"';
                        q += 2;
                        continue;
                    }
                    q++;
                    break;
                }
                if (*q == '\n' || *q == '\r')
                    return fail(c, q, err, errlen, "line break inside a quoted field");
                if (bad_byte((unsigned char)*q))
                    return snprintf(msg, sizeof msg, "control character 0x%02X",
                                    (unsigned)(unsigned char)*q),
                           fail(c, q, err, errlen, msg);
                *w++ = *q++;
            }
            if (q < c->end && *q != ',' && *q != '\n' && *q != '\r')
                return fail(c, q, err, errlen, "unexpected character after a closing quote");
        } else {
            while (q < c->end && *q != ',' && *q != '\n' && *q != '\r') {
                if (*q == '"')
                    return fail(c, q, err, errlen, "quote inside an unquoted field");
                if (bad_byte((unsigned char)*q))
                    return snprintf(msg, sizeof msg, "control character 0x%02X",
                                    (unsigned)(unsigned char)*q),
                           fail(c, q, err, errlen, msg);
                w++;
                q++;
            }
        }
        /* q is at a delimiter or the end; read it before w may overwrite it. */
        char delim = q < c->end ? *q : '\n';
        int at_end = q >= c->end;
        if (delim == '\r') {
            if (q + 1 >= c->end || q[1] != '\n')
                return fail(c, q, err, errlen, "carriage return without a line feed");
        }
        *w = '\0';
        size_t bad = 0;
        if (!rb__utf8_valid(start, (size_t)(w - start), &bad))
            return fail(c, start + bad, err, errlen, "invalid UTF-8");
        fields[*n] = start;
        cols[*n] = col_of(c, start);
        (*n)++;
        if (delim == ',') {
            c->p = q + 1;
            continue;
        }
        if (at_end) {
            c->p = c->end;
        } else {
            c->p = q + (delim == '\r' ? 2 : 1);
            c->line++;
            c->line_start = c->p;
        }
        return 1;
    }
}
