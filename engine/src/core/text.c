/* core/text.c - outside text made safe to show (rb_text_escape) or to embed in JSON
 * (rb_text_json). Both share one UTF-8 decoder and one list of characters that must
 * never reach a terminal or a label raw. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "rescuebay/text.h"

/* Decodes one UTF-8 sequence at p (n bytes left). Returns its length (1..4) and the code
 * point, or 0 for a byte that does not start a valid sequence (stray continuation,
 * overlong form, surrogate, beyond U+10FFFF, truncated). */
static size_t utf8_next(const unsigned char *p, size_t n, unsigned long *cp)
{
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t k;
    unsigned long v, min;
    if (c >= 0xc2 && c <= 0xdf)
        k = 2, v = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        k = 3, v = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        k = 4, v = c & 0x07, min = 0x10000;
    else
        return 0;
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return k;
}

static bool is_bidi(unsigned long cp)
{
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* C0, DEL, C1, and the Unicode line/paragraph separators (line breaks in Qt labels and
 * some terminals). */
static bool is_control(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
}

struct sink {
    char *out;
    size_t cap, len;
    bool full;
};

/* Appends a whole piece or, once one piece did not fit, nothing more: the output never
 * ends in half an escape or half a character. */
static void put(struct sink *s, const char *piece, size_t n)
{
    if (!s->full && s->cap && s->len + n < s->cap)
        memcpy(s->out + s->len, piece, n);
    else
        s->full = true;
    s->len += n;
}

enum form { DISPLAY, JSON };

static size_t convert(enum form form, char *out, size_t cap, const char *text, size_t len,
                      unsigned int *found)
{
    struct sink s = {out, cap, 0, false};
    size_t written = 0; /* bytes really in out, for the NUL */
    unsigned int f = 0;
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    if (!text)
        len = 0;
    char esc[16];
    if (form == JSON)
        put(&s, "\"", 1);
    written = s.full ? 0 : s.len;
    for (size_t i = 0; i < len;) {
        unsigned long cp = 0;
        size_t k = utf8_next(p + i, len - i, &cp);
        const char *piece = esc;
        size_t n;
        if (k == 0) {
            f |= RB_TEXT_INVALID_UTF8;
            n = form == JSON ? (size_t)snprintf(esc, sizeof esc, "\\ufffd")
                             : (size_t)snprintf(esc, sizeof esc, "\\x%02x", p[i]);
            k = 1;
        } else if (is_control(cp) || is_bidi(cp)) {
            f |= is_bidi(cp) ? RB_TEXT_BIDI : RB_TEXT_CONTROL;
            const char *named = cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : cp == '\t' ? "\\t"
                              : form == JSON && cp == '\b' ? "\\b"
                              : form == JSON && cp == '\f' ? "\\f" : NULL;
            if (named)
                n = (size_t)snprintf(esc, sizeof esc, "%s", named);
            else if (form == DISPLAY && cp < 0x80)
                n = (size_t)snprintf(esc, sizeof esc, "\\x%02lx", cp);
            else
                n = (size_t)snprintf(esc, sizeof esc, "\\u%04lx", cp);
        } else if (form == JSON && (cp == '"' || cp == '\\')) {
            esc[0] = '\\';
            esc[1] = (char)cp;
            n = 2;
        } else {
            piece = (const char *)p + i;
            n = k;
        }
        put(&s, piece, n);
        if (!s.full)
            written = s.len;
        i += k;
    }
    if (form == JSON) {
        put(&s, "\"", 1);
        if (!s.full)
            written = s.len;
    }
    if (cap)
        out[written] = '\0';
    if (found)
        *found = f;
    return s.len;
}

size_t rb_text_escape(char *out, size_t cap, const char *text, size_t len, unsigned int *found)
{
    return convert(DISPLAY, out, cap, text, len, found);
}

size_t rb_text_json(char *out, size_t cap, const char *text, size_t len, unsigned int *found)
{
    return convert(JSON, out, cap, text, len, found);
}
