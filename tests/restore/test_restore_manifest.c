/* test_restore_manifest.c - the preflight's reading of an IPSW's BuildManifest: which
 * firmware fits which device and which kind of restore, and a specific refusal (never a
 * crash) for every damaged or hostile manifest. The sample manifests in manifests/ are
 * also replayed cut short and with flipped bytes, as a fuzz corpus. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rbtest.h"
#include "restore/restore_private.h"

static const struct rs_manifest_want ipod7_update = {"iPod9,1", "N112AP", 0x8010, 0x16, 0};
static const struct rs_manifest_want ipod7_erase = {"iPod9,1", "N112AP", 0x8010, 0x16, 1};

static char detail[512];

static char *slurp(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/restore/manifests/%s", getenv("RB_SOURCE_DIR"), name);
    FILE *f = fopen(path, "rb");
    rbt_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static rb_restore_cause check_file(const char *name, const struct rs_manifest_want *w)
{
    size_t len = 0;
    char *buf = slurp(name, &len);
    rb_restore_cause c = rb__rs_manifest_check_data(buf, len, w, "BuildManifest.plist", detail,
                                                    sizeof detail);
    free(buf);
    return c;
}

static rb_restore_cause check_text(const char *text, const struct rs_manifest_want *w)
{
    return rb__rs_manifest_check_data(text, strlen(text), w, "BuildManifest.plist", detail,
                                      sizeof detail);
}

static void test_restore_manifest__erase_and_update_identities_fit_both(void)
{
    rbt_assert_int(RB_CAUSE_NONE, check_file("ipod7-erase-update.plist", &ipod7_update));
    rbt_assert_int(RB_CAUSE_NONE, check_file("ipod7-erase-update.plist", &ipod7_erase));
}

/* The case idevicerestore 1.0.0 turns into a silent erase. */
static void test_restore_manifest__erase_only_refuses_an_update(void)
{
    rbt_assert_int(RB_CAUSE_UPDATE_NOT_OFFERED, check_file("ipod7-erase-only.plist", &ipod7_update));
    rbt_assert_contains(detail, "only an erase install");
    rbt_assert_int(RB_CAUSE_NONE, check_file("ipod7-erase-only.plist", &ipod7_erase));
    rbt_assert_int(RB_RESTORE_NEXT_ERASE_INSTEAD, rb__rs_next_for_cause(RB_CAUSE_UPDATE_NOT_OFFERED));
}

static void test_restore_manifest__another_model_or_board_is_refused(void)
{
    struct rs_manifest_want ipad = {"iPad7,5", "J71bAP", 0x8010, 0x18, 1};
    rbt_assert_int(RB_CAUSE_FIRMWARE_MISMATCH, check_file("ipod7-erase-update.plist", &ipad));
    rbt_assert_contains(detail, "for iPod9,1, not for this iPad7,5");
    /* iPhone8,1 comes as n71ap (Samsung) and n71map (TSMC): the board decides. */
    struct rs_manifest_want n71 = {"iPhone8,1", "n71ap", 0x8000, 0x4, 0};
    struct rs_manifest_want n71m = {"iPhone8,1", "n71map", 0x8003, 0x4, 0};
    rbt_assert_int(RB_CAUSE_UPDATE_NOT_OFFERED, check_file("two-boards.plist", &n71));
    rbt_assert_int(RB_CAUSE_NONE, check_file("two-boards.plist", &n71m));
    struct rs_manifest_want other = {"iPhone8,1", "n66ap", 0x8000, 0x6, 1};
    rbt_assert_int(RB_CAUSE_FIRMWARE_MISMATCH, check_file("two-boards.plist", &other));
    rbt_assert_contains(detail, "board n66ap");
    /* Board name unknown (e.g. read in DFU): the chip and board ids decide. */
    struct rs_manifest_want ids_only = {"iPhone8,1", "", 0x8003, 0x4, 1};
    rbt_assert_int(RB_CAUSE_NONE, check_file("two-boards.plist", &ids_only));
    ids_only.bdid = 0x6;
    rbt_assert_int(RB_CAUSE_FIRMWARE_MISMATCH, check_file("two-boards.plist", &ids_only));
}

static void test_restore_manifest__damaged_manifests_say_what_is_wrong(void)
{
    static const struct {
        const char *file, *text, *says;
    } cases[] = {
        {"binary.plist", NULL, "binary plist"},
        {"wrong-types.plist", NULL, "build identity 0 is not a dictionary"},
        {"deep.plist", NULL, "nests more than"},
        {"not-closed.plist", NULL, "not a readable XML plist"},
        {NULL, "", "not a plist"},
        {NULL, "PK\3\4 this is a zip, not a plist", "not a plist"},
        {NULL, "<?xml version=\"1.0\"?><plist><array/></plist>", "not a dictionary"},
        {NULL, "<plist><dict/></plist>", "no SupportedProductTypes"},
        {NULL, "<plist><dict><key>SupportedProductTypes</key><string>iPod9,1</string></dict></plist>",
         "no SupportedProductTypes"},
        {NULL, "<plist><dict><key>SupportedProductTypes</key><array><string>iPod9,1</string>"
               "</array></dict></plist>", "no BuildIdentities"},
        {NULL, "<plist><dict><key>SupportedProductTypes</key><array><string>iPod9,1</string>"
               "</array><key>BuildIdentities</key><array/></dict></plist>", "no BuildIdentities"},
        {NULL, "<plist><dict><key>SupportedProductTypes</key><array><string>iPod9,1</string>"
               "</array><key>BuildIdentities</key><array><dict/></array></dict></plist>",
         "build identity 0 has no Info"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rb_restore_cause c = cases[i].file ? check_file(cases[i].file, &ipod7_update)
                                           : check_text(cases[i].text, &ipod7_update);
        rbt_assert_msg(c == RB_CAUSE_FIRMWARE_DAMAGED, "case %zu: cause %s (%s)", i,
                       rb_restore_cause_name(c), detail);
        rbt_assert_contains(detail, cases[i].says);
    }
    /* Types a hostile manifest may swap in: DeviceClass as a number, ids as dates ... the
     * identity then matches nothing it could be confused with. */
    rbt_assert_int(RB_CAUSE_FIRMWARE_MISMATCH,
                   check_text("<plist><dict><key>SupportedProductTypes</key><array><string>iPod9,1"
                              "</string></array><key>BuildIdentities</key><array><dict><key>Info"
                              "</key><dict><key>DeviceClass</key><integer>1</integer></dict>"
                              "<key>ApChipID</key><date>2020-01-01T00:00:00Z</date></dict></array>"
                              "</dict></plist>", &ipod7_update));
    /* Far too big: refused from its length, never parsed. */
    size_t huge = (32u << 20) + 1;
    char *big = malloc(huge);
    memset(big, ' ', huge);
    rbt_assert_int(RB_CAUSE_FIRMWARE_DAMAGED, rb__rs_manifest_check_data(
        big, huge, &ipod7_update, "BuildManifest.plist", detail, sizeof detail));
    rbt_assert_contains(detail, "more than a real one");
    free(big);
}

static void test_restore_manifest__ipsw_that_is_no_zip(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/restore/manifests/binary.plist", getenv("RB_SOURCE_DIR"));
    rbt_assert_int(RB_CAUSE_FIRMWARE_DAMAGED, rb__rs_manifest_check(path, &ipod7_update, detail,
                                                                  sizeof detail));
    rbt_assert_contains(detail, "not a readable zip");
    rbt_assert_int(RB_CAUSE_FIRMWARE_DAMAGED,
                   rb__rs_manifest_check("/nonexistent/x.ipsw", &ipod7_update, detail, sizeof detail));
}

/* Every sample, cut short and with single bytes flipped: some cause, always explained. */
static void replay(const char *buf, size_t n, const struct rs_manifest_want *w)
{
    rb_restore_cause c = rb__rs_manifest_check_data(buf, n, w, "m", detail, sizeof detail);
    rbt_assert(c == RB_CAUSE_NONE || detail[0]);
}

static void test_restore_manifest__corpus_cut_and_flipped(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/restore/manifests", getenv("RB_SOURCE_DIR"));
    DIR *d = opendir(dir);
    rbt_assert(d != NULL);
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = 0;
        char *buf = slurp(e->d_name, &n);
        char *c = malloc(n + 1);
        for (int erase = 0; erase < 2; erase++) {
            const struct rs_manifest_want *w = erase ? &ipod7_erase : &ipod7_update;
            for (size_t cut = 0; cut < n; cut += 1 + n / 64)
                replay(buf, cut, w);
            for (size_t i = 0; i < n; i += 1 + n / 256) {
                memcpy(c, buf, n);
                c[i] ^= 0xff;
                replay(c, n, w);
                c[i] = (char)(c[i] == '<' ? '>' : '<');
                replay(c, n, w);
            }
        }
        free(c);
        free(buf);
        files++;
    }
    closedir(d);
    rbt_assert(files >= 5);
}

RBT_MAIN(T(test_restore_manifest__erase_and_update_identities_fit_both),
         T(test_restore_manifest__erase_only_refuses_an_update),
         T(test_restore_manifest__another_model_or_board_is_refused),
         T(test_restore_manifest__damaged_manifests_say_what_is_wrong),
         T(test_restore_manifest__ipsw_that_is_no_zip),
         T(test_restore_manifest__corpus_cut_and_flipped))
