/* test_firmware.c - catalog parsing on the real ipsw.me v4 shapes, sizes, and the cache
 * handle without a network (the HTTP scenarios are the tests/cli/firmware_*.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "firmware/firmware_private.h"
#include "rbtest.h"

static char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/firmware/corpus/%s", rbt_source_dir(), rel);
    char *out = NULL;
    rbt_assert_msg(rb__read_file(path, 1 << 24, &out, len) == 0, "cannot read %s", path);
    return out;
}

static void test_firmware_parse__device_shape(void)
{
    size_t len;
    char *j = slurp("device_iPhone12-1.json", &len);
    rb_firmware_list *l = NULL;
    char err[256];
    rbt_assert_ok(rb__fw_parse_catalog(&l, j, len, "iPhone12,1", err, sizeof err));
    rbt_assert_str("iPhone12,1", l->product_type);
    rbt_assert_str("iPhone 11", l->name);
    rbt_assert_int(1, l->count);
    rbt_assert_str("19A404", l->builds[0].build);
    rbt_assert_str("118f78109b1f6956b8113fa6d47505bb94816bad", l->builds[0].sha1);
    rbt_assert_int(64, strlen(l->builds[0].sha256));
    rbt_assert(l->builds[0].size == 6954571244ull);   /* > 4 GiB: 64-bit */
    rbt_assert_int(1, l->builds[0].signed_now);
    rb_firmware_list_free(l);
    /* the wrong device is refused */
    rbt_assert_int(RB_ERR_PARSE, rb__fw_parse_catalog(&l, j, len, "iPhone11,8", err, sizeof err));
    rbt_assert_contains(err, "not \"iPhone11,8\"");
    free(j);
}

static void test_firmware_parse__malformed(void)
{
    static const struct { const char *json, *why; } cases[] = {
        {"", "not valid JSON"},
        {"{\"identifier\":\"iPhone12,1\"}", "firmwares"},
        {"{\"identifier\":\"../etc\",\"firmwares\":[]}", "identifier"},
        {"{\"identifier\":\"iPhone12,1\",\"firmwares\":[{\"identifier\":\"iPhone12,1\","
         "\"version\":\"1\",\"buildid\":\"A\",\"sha1sum\":\"0123456789abcdef0123456789abcdef01234567\","
         "\"filesize\":-5,\"url\":\"http://x/\",\"signed\":true}]}", "filesize"},
        {"{\"identifier\":\"iPhone12,1\",\"firmwares\":[{\"identifier\":\"iPhone12,1\","
         "\"version\":\"1\",\"buildid\":\"A\",\"sha1sum\":\"0123456789abcdef0123456789abcdef01234567\","
         "\"filesize\":5,\"url\":\"file:///etc/passwd\",\"signed\":true}]}", "url"},
        {"{\"identifier\":\"iPhone12,1\",\"firmwares\":[{\"identifier\":\"iPhone12,1\","
         "\"version\":\"1\",\"buildid\":\"A\",\"sha1sum\":\"0123456789abcdef0123456789abcdef01234567\","
         "\"sha256sum\":\"xyz\",\"filesize\":5,\"url\":\"http://x/\",\"signed\":true}]}", "sha256sum"},
        {"{\"identifier\":\"iPhone12,1\",\"firmwares\":[{\"identifier\":\"iPad1,1\","
         "\"version\":\"1\",\"buildid\":\"A\",\"sha1sum\":\"0123456789abcdef0123456789abcdef01234567\","
         "\"filesize\":5,\"url\":\"http://x/\",\"signed\":true}]}", "is for"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rb_firmware_list *l = NULL;
        char err[256] = "";
        rb_status st = rb__fw_parse_catalog(&l, cases[i].json, strlen(cases[i].json), NULL, err,
                                            sizeof err);
        rbt_assert_msg(st == RB_ERR_PARSE, "case %zu accepted", i);
        rbt_assert(l == NULL);
        rbt_assert_contains(err, cases[i].why);
    }
}

static void test_firmware_parse__bare_firmware_array(void)
{
    size_t len;
    char *j = slurp("ipsw_single.json", &len);
    /* /ipsw/{id}/{build} is one object without "firmwares": wrap it as an array */
    char *arr = rb__sprintf("[%s]", j);
    rb_firmware_list *l = NULL;
    char err[256];
    rbt_assert_ok(rb__fw_parse_catalog(&l, arr, strlen(arr), NULL, err, sizeof err));
    rbt_assert_int(1, l->count);
    rbt_assert_str("iPod4,1", l->builds[0].product_type);
    rbt_assert(l->builds[0].size == 888894104ull);
    rb_firmware_list_free(l);
    free(arr);
    free(j);
}

static void test_firmware_size__parse(void)
{
    uint64_t v;
    rbt_assert_ok(rb_firmware_parse_size(&v, "12G"));
    rbt_assert(v == 12ull << 30);
    rbt_assert_ok(rb_firmware_parse_size(&v, "500MiB"));
    rbt_assert(v == 500ull << 20);
    rbt_assert_ok(rb_firmware_parse_size(&v, "1024"));
    rbt_assert(v == 1024);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_firmware_parse_size(&v, "12X"));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_firmware_parse_size(&v, "-1"));
}

static void test_firmware_cache__offline_empty(void)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rb_firmware_options o = RB_FIRMWARE_OPTIONS_INIT;
    o.offline = 1;
    rb_firmware *fw = NULL;
    rbt_assert_ok(rb_firmware_open(&fw, ctx, &o));
    rb_firmware_list *l = NULL;
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_firmware_catalog(&l, fw, "iPhone12,1", 0));
    rbt_assert_contains(rb_firmware_last_error(fw), "offline");
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_firmware_catalog(&l, fw, "../x", 0));
    rb_firmware_status *st = NULL;
    rbt_assert_ok(rb_firmware_status_get(&st, fw));
    rbt_assert_int(0, st->count);
    rb_firmware_status_free(st);
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_firmware_pin(fw, "abcdef12", 1));
    uint64_t freed = 1;
    rbt_assert_ok(rb_firmware_prune(&freed, fw, 0));
    rbt_assert(freed == 0);
    /* an unindexed verified object (crash between rename and INSERT) is picked up */
    char *p = rb__sprintf("%s/objects/%s.ipsw", rb_firmware_cache_dir(fw),
                          "0123456789abcdef0123456789abcdef01234567");
    rbt_write_file(p, "x", 1);
    rbt_assert_ok(rb_firmware_status_get(&st, fw));
    rbt_assert_int(1, st->count);
    rb_firmware_status_free(st);
    free(p);
    rb_firmware_free(fw);
    rb_firmware_free(NULL);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_firmware_parse__device_shape), T(test_firmware_parse__malformed),
         T(test_firmware_parse__bare_firmware_array), T(test_firmware_size__parse),
         T(test_firmware_cache__offline_empty))
