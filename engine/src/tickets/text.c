/* tickets/text.c - text hygiene: UTF-8 repair, phone digits, the password guard, FTS5
 * query quoting. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tickets/tickets_private.h"

/* Length of a valid UTF-8 sequence at p (1..4), or 0 if invalid (overlong, surrogate,
 * beyond U+10FFFF, truncated). */
static size_t utf8_seq(const unsigned char *p)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        return (p[1] & 0xc0) == 0x80 ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
            return 0;
        if (c == 0xe0 && p[1] < 0xa0)
            return 0;
        if (c == 0xed && p[1] >= 0xa0)
            return 0;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
            return 0;
        if (c == 0xf0 && p[1] < 0x90)
            return 0;
        if (c == 0xf4 && p[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

char *rb__tk_utf8_clean(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1); /* every bad byte may become 3 bytes of U+FFFD */
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    while (*p) {
        size_t k = utf8_seq(p);
        if (k == 0) {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            p++;
        } else {
            memcpy(out + o, p, k);
            o += k;
            p += k;
        }
    }
    out[o] = '\0';
    return out;
}

char *rb__tk_phone_rev(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s), o = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] >= '0' && s[i] <= '9')
            out[o++] = s[i];
    out[o] = '\0';
    return out;
}

static int word_at(const char *p, const char *word)
{
    size_t n = strlen(word);
    return strncasecmp(p, word, n) == 0;
}

rb_status rb__tk_check_no_password(rb_ticket_store *s, const char *what, const char *text)
{
    /* A backup password must never reach the database or its journal. Staff sometimes
     * type one into a note ("pw: 1234"); so anything shaped like a credential, in prose
     * ("password: x", "passcode=x") or as a JSON key ("password": ...), is refused. Words
     * alone are fine: "customer forgot the passcode" carries no secret. */
    static const char *const words[] = {"password", "passwort", "passcode", "passwd",
                                        "pwd", "pw", "secret", "mot de passe"};
    if (!text)
        return RB_OK;
    for (const char *p = text; *p; p++) {
        if (p != text && isalnum((unsigned char)p[-1]))
            continue;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            if (!word_at(p, words[w]))
                continue;
            const char *q = p + strlen(words[w]);
            if (*q == '"')
                q++; /* a JSON key */
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == ':' || *q == '=')
                return rb__tk_err(s, RB_ERR_INVALID_ARG,
                              "%s looks like it holds a password; passwords are never "
                              "stored (write 'password given' without the value)", what);
        }
    }
    return RB_OK;
}

char *rb__tk_fts_query(const char *text)
{
    /* Each word becomes a quoted FTS5 string (quotes doubled), so that user input can
     * never be read as FTS5 syntax (AND, NEAR, column filters, *). The last word matches
     * as a prefix for search-as-you-type. */
    size_t n = strlen(text);
    char *q = malloc(n * 2 + 8 + n * 3);
    if (!q)
        return NULL;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)text;
    int words = 0;
    while (*p) {
        while (*p && (isspace(*p) || (*p < 0x80 && ispunct(*p) && *p != '@' && *p != '.')))
            p++;
        if (!*p)
            break;
        if (words++)
            q[o++] = ' ';
        q[o++] = '"';
        while (*p && !isspace(*p) && !(*p < 0x80 && ispunct(*p) && *p != '@' && *p != '.')) {
            if (*p == '"')
                q[o++] = '"';
            q[o++] = (char)*p++;
        }
        q[o++] = '"';
    }
    if (!words) {
        free(q);
        return NULL;
    }
    q[o++] = '*';
    q[o] = '\0';
    return q;
}
