/* Tests of engine/src/catalog: malformed model tables and guide files are refused with
 * path:line:column and a reason, and garbage never crashes the loader. */
#include <stdio.h>
#include <stdlib.h>

#include "catalog/catalog_private.h"
#include "cat_test.h"
#include "rbtest.h"

#define HEAD "product_type,hardware_model,cpid,bdid,name,family,buttons,home_button,connector\n"
#define ROW1 "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n"

static rb_status open_text(const char *text, char **err)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/t/models.csv", rbt_tmpdir());
    rbt_write_file(path, text, strlen(text));
    rb_catalog *cat = NULL;
    rb_status st = cat_open(&cat, path, err);
    rbt_assert((st == RB_OK) == (cat != NULL));
    rb_catalog_free(cat);
    return st;
}

static void test_catalog_parse__minimal_table_loads(void)
{
    char *err = NULL;
    rbt_assert_ok(open_text("# comment\n\n" HEAD ROW1, &err));
    rbt_assert(err == NULL);
    /* CRLF line ends and a missing final newline are fine. */
    rbt_assert_ok(open_text("product_type,hardware_model,cpid,bdid,name,family,buttons,home_button,connector\r\n"
                            "\"iPhone12,1\",n104ap,0x8030,0x04,\"iPhone \"\"11\"\"\",iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning",
                            &err));
}

static const struct {
    const char *text;
    const char *expect; /* substring of the message after the path */
} bad[] = {
    {"", "no header row"},
    {"# only a comment\n", "no header row"},
    {HEAD "\"iPhone12,1\",n104ap,0x80Z0,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     "models.csv:2:21: cpid: bad hex number \"0x80Z0\""},
    {HEAD "\"iPhone12,1\",n104ap,8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:21: cpid: bad hex"},
    {HEAD "\"iPhone12,1\",n104ap,0x18030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:21: cpid"},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x100,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:28: bdid"},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:33: name: missing"},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_SIDE,none,Lightning\n",
     "buttons: unknown scheme \"VOLUP_SIDE\""},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,NONE,none,Lightning\n",
     "buttons: unknown scheme \"NONE\""},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,Phone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     "family: \"Phone\""},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Thunderbolt\n",
     "connector: \"Thunderbolt\""},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,,Lightning\n",
     "home_button: missing"},
    {HEAD "iPhone12-1,n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:1: product_type: \"iPhone12-1\""},
    {HEAD "\"iPhone12,1\",N104AP,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:14: hardware_model"},
    {HEAD ROW1 ROW1, ":3:1: duplicate (cpid, bdid) (0x8030, 0x04), first on line 2"},
    {HEAD ROW1 "\"iPhone12,1\",n105ap,0x8030,0x05,iPhone 12,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":3:1: duplicate product type iPhone12,1 (first on line 2)"},
    {HEAD ROW1 "\"iPhone12,1\",n104ap,0x8030,0x05,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":3:1: duplicate product type"},
    {HEAD "\"iPhone12,1,n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n",
     ":2:82: line break inside a quoted field"},
    {HEAD "\"iPhone12,1", ":2:1: unterminated quoted field"},
    {HEAD "\"iPhone12,1\"x,n104ap\n", ":2:13: unexpected character after a closing quote"},
    {HEAD "iPhone\"12,n104ap\n", ":2:7: quote inside an unquoted field"},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none\n",
     ":2:69: expected 9 fields, found 8"},
    {HEAD "a\rb\n", ":2:2: carriage return without a line feed"},
    {HEAD "a\x01" "b\n", ":2:2: control character 0x01"},
    {HEAD "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone \xff,iPhone\n", ":2:40: invalid UTF-8"},
    {"product_type,hardware_model,cpid,bdid,name,family,buttons,colour\n", ":1:59: unknown column \"colour\""},
    {"product_type,hardware_model,cpid,bdid,name,family\n", ":1:1: header lacks the \"buttons\" column"},
    {"product_type,product_type\n", ":1:14: column \"product_type\" appears twice"},
    {"product_type,hardware_model,cpid,bdid,name,family,buttons,home_button,connector,hazards\n"
     "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,USB-C,emergency_sos;lava\n",
     "hazards: unknown hazard \"lava\""},
    {"product_type,hardware_model,cpid,bdid,name,family,buttons,home_button,connector,dfu_may_use_kis\n"
     "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,USB-C,maybe\n",
     "dfu_may_use_kis: \"maybe\""},
};

static void test_catalog_parse__malformed_tables_are_refused_with_position(void)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *err = NULL;
        rb_status st = open_text(bad[i].text, &err);
        rbt_assert_msg(st == RB_ERR_PARSE, "case %zu: status %s (%s)", i, rb_status_name(st),
                       err ? err : "");
        rbt_assert_msg(err && strstr(err, bad[i].expect), "case %zu: expected \"%s\" in \"%s\"",
                       i, bad[i].expect, err ? err : "(null)");
        rbt_assert_msg(strstr(err, "/t/models.csv"), "case %zu: no path in \"%s\"", i, err);
        rb_free(err);
    }
}

static void test_catalog_parse__chip_table_errors(void)
{
    char path[4200], *err = NULL;
    snprintf(path, sizeof path, "%s/t/chips.csv", rbt_tmpdir());
    const char *chips = "cpid,chip\n0x8030,A13 Bionic\n0x8030,A13 again\n";
    rbt_write_file(path, chips, strlen(chips));
    rbt_assert_int(RB_ERR_PARSE, open_text(HEAD ROW1, &err));
    rbt_assert_contains(err, "chips.csv:3:1: duplicate cpid 0x8030, first on line 2");
    rb_free(err);
    chips = "cpid,chip\n0x8020,A12 Bionic\n";
    rbt_write_file(path, chips, strlen(chips));
    rbt_assert_int(RB_ERR_PARSE, open_text(HEAD ROW1, &err));
    rbt_assert_contains(err, "models.csv:2:21: cpid: no chip name for 0x8030");
    rb_free(err);
    chips = "cpid,chip\n0x8030,A13 Bionic\n";
    rbt_write_file(path, chips, strlen(chips));
    rbt_assert_ok(open_text(HEAD ROW1, &err));
    remove(path);
}

static void test_catalog_parse__missing_file(void)
{
    rb_catalog *cat = NULL;
    char *err = NULL;
    rbt_assert_int(RB_ERR_NOT_FOUND, cat_open(&cat, "/nonexistent/models.csv", &err));
    rbt_assert_contains(err, "/nonexistent/models.csv: cannot read");
    rb_free(err);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_catalog_open(NULL, NULL, NULL));
}

/* xorshift: deterministic, so a failure reproduces. */
static uint32_t rnd_state = 2463534242u;
static uint32_t rnd(void)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 17;
    rnd_state ^= rnd_state << 5;
    return rnd_state;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    rbt_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    rbt_assert(b && fread(b, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Mutates `src` into `dst`: byte flips, structural characters, cuts and splices. */
static size_t mutate(const char *src, size_t len, char *dst, size_t cap)
{
    static const char inject[] = ",\"\n\r#\0\xff\xc3;x0";
    size_t n = len < cap ? len : cap;
    memcpy(dst, src, n);
    int edits = 1 + (int)(rnd() % 8);
    for (int e = 0; e < edits && n; e++) {
        size_t at = rnd() % n;
        switch (rnd() % 4) {
        case 0: dst[at] = (char)rnd(); break;
        case 1: dst[at] = inject[rnd() % (sizeof inject - 1)]; break;
        case 2: n = at; break; /* truncate */
        case 3: {              /* duplicate a chunk (repeats rows) */
            char tmp[200];
            size_t from = rnd() % n, k = rnd() % sizeof tmp;
            if (from + k > n)
                k = n - from;
            if (n + k <= cap) {
                memcpy(tmp, dst + from, k);
                memmove(dst + at + k, dst + at, n - at);
                memcpy(dst + at, tmp, k);
                n += k;
            }
            break;
        }
        }
    }
    return n;
}

static void test_catalog_parse__garbage_never_crashes(void)
{
    char path[4200];
    size_t mlen, clen, glen;
    snprintf(path, sizeof path, "%s/data/models.csv", rbt_source_dir());
    char *models = read_all(path, &mlen);
    snprintf(path, sizeof path, "%s/data/chips.csv", rbt_source_dir());
    char *chips = read_all(path, &clen);
    snprintf(path, sizeof path, "%s/data/button-guides.json", rbt_source_dir());
    char *guides = read_all(path, &glen);
    size_t cap = mlen + glen + 4096;
    char *buf = malloc(cap);
    rbt_assert(buf != NULL);
    int ok = 0, refused = 0;
    for (int i = 0; i < 600; i++) {
        rb_catalog *cat = NULL;
        char *err = NULL;
        rb_status st;
        int which = i % 3;
        if (which == 0) {
            size_t n = mutate(models, mlen, buf, cap);
            st = rb__catalog_from_buffers(&cat, buf, n, chips, clen, NULL, 0, &err);
        } else if (which == 1) {
            size_t n = mutate(guides, glen, buf, cap);
            st = rb__catalog_from_buffers(&cat, models, mlen, chips, clen, buf, n, &err);
        } else {
            size_t n = rnd() % 512;
            for (size_t k = 0; k < n; k++)
                buf[k] = (char)rnd();
            st = rb__catalog_from_buffers(&cat, buf, n, NULL, 0, buf, n, &err);
        }
        if (st == RB_OK) {
            ok++;
            rbt_assert(cat != NULL && err == NULL);
        } else {
            refused++;
            rbt_assert_msg(cat == NULL && err && *err, "iteration %d: no message", i);
            rbt_assert_msg(!strncmp(err, "models.csv", 10) || !strncmp(err, "chips.csv", 9) ||
                           !strncmp(err, "button-guides.json", 18), "iteration %d: %s", i, err);
        }
        rb_catalog_free(cat);
        rb_free(err);
    }
    rbt_assert(refused > 100);
    free(buf);
    free(models);
    free(chips);
    free(guides);
}

RBT_MAIN(T(test_catalog_parse__minimal_table_loads),
         T(test_catalog_parse__malformed_tables_are_refused_with_position),
         T(test_catalog_parse__chip_table_errors),
         T(test_catalog_parse__missing_file),
         T(test_catalog_parse__garbage_never_crashes))
