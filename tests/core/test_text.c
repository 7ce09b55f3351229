/* Tests of rb_text_escape / rb_text_json (engine/src/core/text.c): a table of hostile
 * inputs with their exact display and JSON forms, the found bits, and the buffer rules. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "rbtest.h"
#include "rescuebay/text.h"

struct row {
    const char *in;
    size_t len;          /* 0: strlen(in) */
    const char *shown;   /* rb_text_escape */
    const char *json;    /* rb_text_json */
    unsigned found;
};

#define C RB_TEXT_CONTROL
#define B RB_TEXT_BIDI
#define U RB_TEXT_INVALID_UTF8

static const struct row rows[] = {
    {"iPhone 11", 0, "iPhone 11", "\"iPhone 11\"", 0},
    {"", 0, "", "\"\"", 0},
    {"Ann\xe2\x80\x99s iPhone \xf0\x9f\x93\xb1", 0, "Ann\xe2\x80\x99s iPhone \xf0\x9f\x93\xb1",
     "\"Ann\xe2\x80\x99s iPhone \xf0\x9f\x93\xb1\"", 0},
    {"red\x1b[31mX\a", 0, "red\\x1b[31mX\\x07", "\"red\\u001b[31mX\\u0007\"", C},
    {"\x1b]0;title\a", 0, "\\x1b]0;title\\x07", "\"\\u001b]0;title\\u0007\"", C},
    {"two\nlines\r\tend", 0, "two\\nlines\\r\\tend", "\"two\\nlines\\r\\tend\"", C},
    {"del\x7f", 0, "del\\x7f", "\"del\\u007f\"", C},
    {"csi\xc2\x9b" "2J", 0, "csi\\u009b2J", "\"csi\\u009b2J\"", C},
    {"osc\xc2\x9dx\xc2\x9c", 0, "osc\\u009dx\\u009c", "\"osc\\u009dx\\u009c\"", C},
    {"photo\xe2\x80\xaegpj.exe", 0, "photo\\u202egpj.exe", "\"photo\\u202egpj.exe\"", B},
    {"\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 0, "\\u202a\\u202b\\u202c\\u202d",
     "\"\\u202a\\u202b\\u202c\\u202d\"", B},
    {"\xe2\x81\xa6i\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0, "\\u2066i\\u2067\\u2068\\u2069",
     "\"\\u2066i\\u2067\\u2068\\u2069\"", B},
    {"\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", 0, "\\u200e\\u200f\\u061c", "\"\\u200e\\u200f\\u061c\"", B},
    {"ls\xe2\x80\xa8ps\xe2\x80\xa9", 0, "ls\\u2028ps\\u2029", "\"ls\\u2028ps\\u2029\"", C},
    {"bad\xffutf8", 0, "bad\\xffutf8", "\"bad\\ufffdutf8\"", U},
    {"\xc0\xaf", 0, "\\xc0\\xaf", "\"\\ufffd\\ufffd\"", U},                 /* overlong "/" */
    {"\xed\xa0\x80", 0, "\\xed\\xa0\\x80", "\"\\ufffd\\ufffd\\ufffd\"", U}, /* surrogate */
    {"\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"", U},
    {"cut\xe2\x80", 0, "cut\\xe2\\x80", "\"cut\\ufffd\\ufffd\"", U},      /* truncated */
    {"nul\0x", 5, "nul\\x00x", "\"nul\\u0000x\"", C},
    {"q\"b\\s", 0, "q\"b\\s", "\"q\\\"b\\\\s\"", 0},
    {"C:\\Users\\ann", 0, "C:\\Users\\ann", "\"C:\\\\Users\\\\ann\"", 0},
    {"\x1b\xe2\x80\xae\xff", 0, "\\x1b\\u202e\\xff", "\"\\u001b\\u202e\\ufffd\"", C | B | U},
};

static void test_core_text__table(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct row *r = &rows[i];
        size_t len = r->len ? r->len : strlen(r->in);
        char out[256];
        unsigned found = 99;
        size_t n = rb_text_escape(out, sizeof out, r->in, len, &found);
        rbt_assert_msg(strcmp(out, r->shown) == 0, "row %zu shown as \"%s\"", i, out);
        rbt_assert_int(strlen(r->shown), n);
        rbt_assert_int(r->found, found);
        found = 99;
        n = rb_text_json(out, sizeof out, r->in, len, &found);
        rbt_assert_msg(strcmp(out, r->json) == 0, "row %zu json %s", i, out);
        rbt_assert_int(strlen(r->json), n);
        rbt_assert_int(r->found, found);
        /* The JSON form parses and, without invalid bytes, gives the exact text back. */
        cJSON *j = cJSON_Parse(out);
        rbt_assert_msg(j && cJSON_IsString(j), "row %zu does not parse", i);
        if (!(r->found & U) && !memchr(r->in, 0, len))
            rbt_assert_str(r->in, j->valuestring);
        cJSON_Delete(j);
    }
}

static void test_core_text__small_buffers_hold_whole_pieces(void)
{
    const char *in = "ab\x1b" "c\xe2\x80\xae" "d\xf0\x9f\x93\xb1";
    char full[64];
    size_t need = rb_text_escape(full, sizeof full, in, strlen(in), NULL);
    for (size_t cap = 0; cap <= need + 1; cap++) {
        char out[64];
        memset(out, 'Z', sizeof out);
        size_t n = rb_text_escape(cap ? out : NULL, cap, in, strlen(in), NULL);
        rbt_assert_int(need, n);
        if (!cap)
            continue;
        size_t got = strlen(out);
        rbt_assert(got < cap);
        /* A prefix of the full result that ends at a piece boundary. */
        rbt_assert(strncmp(out, full, got) == 0);
        static const size_t ends[] = {0, 1, 2, 6, 7, 13, 14, 18};
        int at_boundary = 0;
        for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
            at_boundary |= got == ends[k];
        rbt_assert_msg(at_boundary, "cap %zu cut at %zu", cap, got);
    }
    char out[4];
    rbt_assert_int(4, rb_text_json(out, sizeof out, "ab", 2, NULL));
    rbt_assert_str("\"ab", out); /* too small: the caller sees n >= cap and retries */
}

static void test_core_text__null_text_is_empty(void)
{
    char out[8];
    unsigned found = 7;
    rbt_assert_int(0, rb_text_escape(out, sizeof out, NULL, 5, &found));
    rbt_assert_str("", out);
    rbt_assert_int(0, found);
    rbt_assert_int(2, rb_text_json(out, sizeof out, NULL, 0, NULL));
    rbt_assert_str("\"\"", out);
}

RBT_MAIN(T(test_core_text__table), T(test_core_text__small_buffers_hold_whole_pieces),
         T(test_core_text__null_text_is_empty))
