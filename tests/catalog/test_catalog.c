/* Tests of engine/src/catalog: the shipped model table and its lookups. */
#include <stdlib.h>

#include "catalog/csv_private.h"
#include "cat_test.h"
#include "rbtest.h"
#include "rescuebay/catalog.h"

static rb_catalog *open_default(void)
{
    rb_catalog *cat = NULL;
    char *err = NULL;
    rb_status st = cat_open(&cat, NULL, &err);
    rbt_assert_msg(st == RB_OK, "rb_catalog_open(NULL): %s", err ? err : rb_status_name(st));
    rb_free(err);
    return cat;
}

static void test_catalog_open__default_location_is_found(void)
{
    rb_catalog *cat = open_default();
    rbt_assert_contains(rb_catalog_path(cat), "models.csv");
    rbt_assert(rb_catalog_count(cat) > 300);
    rb_catalog_free(cat);
    rb_catalog_free(NULL);
}

static void test_catalog_open__data_dir_from_environment(void)
{
    char *src = NULL;
    rbt_assert_ok(rb_catalog_default_path(&src, NULL));
    const char *dir = rbt_tmpdir();
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "cp '%s' \"$(dirname '%s')/chips.csv\" '%s'/", src, src, dir);
    rbt_assert_int(0, rbt_run_cmd(cmd, NULL, 0));
    rb_free(src);
    setenv("RESCUEBAY_DATA_DIR", dir, 1);
    rb_catalog *cat = open_default();
    rbt_assert_contains(rb_catalog_path(cat), dir);
    rbt_assert(rb_catalog_by_product_type(cat, "iPhone12,1") != NULL);
    rb_catalog_free(cat);

    /* An explicit directory without the table is an error, not a silent fallback. */
    char missing[4200];
    snprintf(missing, sizeof missing, "%s/nowhere", dir);
    setenv("RESCUEBAY_DATA_DIR", missing, 1);
    char *err = NULL;
    rbt_assert_int(RB_ERR_NOT_FOUND, cat_open(&cat, NULL, &err));
    rbt_assert(cat == NULL);
    rbt_assert_contains(err, "nowhere/models.csv");
    rb_free(err);
    unsetenv("RESCUEBAY_DATA_DIR");
}

static void test_catalog_lookup__by_product_type(void)
{
    rb_catalog *cat = open_default();
    const rb_model *m = rb_catalog_by_product_type(cat, "iPhone12,1");
    rbt_assert(m != NULL);
    rbt_assert_str("iPhone 11", m->name);
    rbt_assert_str("n104ap", m->hardware_model);
    rbt_assert_str("A13 Bionic", m->chip);
    rbt_assert_str("Lightning", m->connector);
    rbt_assert_int(0x8030, m->cpid);
    rbt_assert_int(0x04, m->bdid);
    rbt_assert_int(RB_FAMILY_IPHONE, m->family);
    rbt_assert_int(RB_BUTTONS_VOLUP_VOLDOWN_SIDE, m->buttons);
    rbt_assert_int(RB_HOME_NONE, m->home_button);
    rbt_assert_int(0, m->dfu_may_use_kis);
    rbt_assert(m->hazards & RB_HAZARD_EMERGENCY_SOS);
    rbt_assert(rb_catalog_by_product_type(cat, "iphone12,1") == m);
    rbt_assert(rb_catalog_by_product_type(cat, "iPhone12,2") == NULL);
    rbt_assert(rb_catalog_by_product_type(cat, "") == NULL);
    rbt_assert(rb_catalog_by_product_type(cat, NULL) == NULL);
    rbt_assert(rb_catalog_by_product_type(NULL, "iPhone12,1") == NULL);
    rb_catalog_free(cat);
}

static void test_catalog_lookup__by_chip_and_board(void)
{
    rb_catalog *cat = open_default();
    const rb_model *m = rb_catalog_by_chip(cat, 0x8030, 0x04);
    rbt_assert(m != NULL);
    rbt_assert_str("iPhone12,1", m->product_type);
    /* iPhone 6s: one product type, two boards (Samsung and TSMC A9). */
    const rb_model *a = rb_catalog_by_chip(cat, 0x8000, 0x04), *b = rb_catalog_by_chip(cat, 0x8003, 0x04);
    rbt_assert(a && b && a != b);
    rbt_assert_str("iPhone8,1", a->product_type);
    rbt_assert_str("iPhone8,1", b->product_type);
    rbt_assert_str("n71map", b->hardware_model);
    rbt_assert_str("A9 (TSMC)", b->chip);
    rbt_assert(rb_catalog_by_product_type(cat, "iPhone8,1") == a); /* first in file order */
    rbt_assert(rb_catalog_by_chip(cat, 0x8030, 0x05) == NULL);
    rbt_assert(rb_catalog_by_chip(cat, 0xFFFF, 0xFF) == NULL);
    rbt_assert_str("A13 Bionic", rb_catalog_chip_name(cat, 0x8030));
    rbt_assert(rb_catalog_chip_name(cat, 0x1234) == NULL);
    rb_catalog_free(cat);
}

/* Debian 12's libirecovery stops at iPhone12,8: the engine must know what came later. */
static void test_catalog_lookup__iphone12_and_later_known(void)
{
    rb_catalog *cat = open_default();
    const rb_model *m = rb_catalog_by_product_type(cat, "iPhone15,4");
    rbt_assert(m != NULL);
    rbt_assert(rb_catalog_by_chip(cat, 0x8120, 0x08) == m);
    rbt_assert_str("iPhone 15", m->name);
    rbt_assert_str("USB-C", m->connector);
    rbt_assert_str("A16 Bionic", m->chip);
    rbt_assert_int(1, m->dfu_may_use_kis);
    rbt_assert_int(0, m->in_debian12_libirecovery);
    static const char *const later[] = {
        "iPhone13,1", "iPhone13,2", "iPhone13,3", "iPhone13,4", "iPhone14,2", "iPhone14,3",
        "iPhone14,4", "iPhone14,5", "iPhone14,6", "iPhone14,7", "iPhone14,8", "iPhone15,2",
        "iPhone15,3", "iPhone15,4", "iPhone15,5", "iPhone16,1", "iPhone16,2", "iPhone17,1",
        "iPhone17,2", "iPhone17,3", "iPhone17,4", "iPhone17,5", "iPhone18,1", "iPhone18,2",
        "iPhone18,3", "iPhone18,4", "iPhone18,5"};
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
        const rb_model *x = rb_catalog_by_product_type(cat, later[i]);
        rbt_assert_msg(x != NULL, "%s missing", later[i]);
        rbt_assert_msg(x->buttons == RB_BUTTONS_VOLUP_VOLDOWN_SIDE, "%s scheme", later[i]);
        rbt_assert_msg(!x->in_debian12_libirecovery, "%s marked as known to Debian 12", later[i]);
    }
    rbt_assert_str("A18 Pro", rb_catalog_by_product_type(cat, "iPhone17,1")->chip);
    rbt_assert_str("A18", rb_catalog_by_product_type(cat, "iPhone17,3")->chip);
    rbt_assert_str("iPhone 17 Pro", rb_catalog_by_chip(cat, 0x8150, 0x0C)->name);
    rb_catalog_free(cat);
}

/* The reference (libirecovery @04d04f7) has 66 iPhones (without the iPhone99,11 research
 * VM), 107 iPads and 7 iPod touches; all must be here with complete service columns. */
static void test_catalog_table__families_complete(void)
{
    rb_catalog *cat = open_default();
    size_t fam[5] = {0};
    for (size_t i = 0; i < rb_catalog_count(cat); i++) {
        const rb_model *m = rb_catalog_at(cat, i);
        rbt_assert((int)m->family >= 1 && (int)m->family <= 4);
        fam[m->family]++;
        rbt_assert_msg(*m->name && *m->product_type && *m->hardware_model, "row %zu", i);
        rbt_assert_msg(*m->chip, "%s has no chip name", m->product_type);
        if (m->family == RB_FAMILY_OTHER) {
            rbt_assert_msg(m->buttons == RB_BUTTONS_UNKNOWN, "%s", m->product_type);
            continue;
        }
        rbt_assert_msg(m->buttons != RB_BUTTONS_UNKNOWN, "%s has no button scheme", m->product_type);
        rbt_assert_msg(*m->connector, "%s has no connector", m->product_type);
        if (m->buttons == RB_BUTTONS_HOME_TOP)
            rbt_assert_msg(m->home_button == RB_HOME_MECHANICAL, "%s", m->product_type);
        if (m->buttons == RB_BUTTONS_IPAD_NOHOME)
            rbt_assert_msg(m->family == RB_FAMILY_IPAD && m->home_button == RB_HOME_NONE, "%s",
                           m->product_type);
        if (m->buttons == RB_BUTTONS_VOLUP_VOLDOWN_SIDE)
            rbt_assert_msg(m->hazards & RB_HAZARD_EMERGENCY_SOS, "%s lacks the SOS hazard",
                           m->product_type);
        if (m->home_button == RB_HOME_SOLID_STATE)
            rbt_assert_msg(m->hazards & RB_HAZARD_SOLID_STATE_HOME, "%s", m->product_type);
    }
    rbt_assert_int(66, fam[RB_FAMILY_IPHONE]);
    rbt_assert_int(107, fam[RB_FAMILY_IPAD]);
    rbt_assert_int(7, fam[RB_FAMILY_IPOD]);
    rbt_assert_int(136, fam[RB_FAMILY_OTHER]);
    rbt_assert(rb_catalog_at(cat, rb_catalog_count(cat)) == NULL);
    rbt_assert(rb_catalog_by_product_type(cat, "iPhone99,11") == NULL);
    rb_catalog_free(cat);
}

static void test_catalog_table__schemes_and_hazards_by_model(void)
{
    rb_catalog *cat = open_default();
    const rb_model *m;
    m = rb_catalog_by_product_type(cat, "iPhone8,4");   /* SE 1st gen */
    rbt_assert_int(RB_BUTTONS_HOME_TOP, m->buttons);
    m = rb_catalog_by_product_type(cat, "iPhone9,1");   /* iPhone 7 */
    rbt_assert_int(RB_BUTTONS_VOLDOWN_SIDE, m->buttons);
    rbt_assert_int(RB_HOME_SOLID_STATE, m->home_button);
    rbt_assert(!(m->hazards & RB_HAZARD_EMERGENCY_SOS));
    m = rb_catalog_by_product_type(cat, "iPod9,1");     /* iPod touch 7 */
    rbt_assert_int(RB_BUTTONS_VOLDOWN_SIDE, m->buttons);
    rbt_assert_int(RB_FAMILY_IPOD, m->family);
    m = rb_catalog_by_product_type(cat, "iPhone14,6");  /* SE 3rd gen */
    rbt_assert_int(RB_BUTTONS_VOLUP_VOLDOWN_SIDE, m->buttons);
    rbt_assert_int(RB_HOME_SOLID_STATE, m->home_button);
    m = rb_catalog_by_product_type(cat, "iPhone16,1");  /* 15 Pro */
    rbt_assert(m->hazards & RB_HAZARD_ACTION_BUTTON);
    rbt_assert(!(m->hazards & RB_HAZARD_CAMERA_CONTROL));
    m = rb_catalog_by_product_type(cat, "iPhone17,1");  /* 16 Pro */
    rbt_assert(m->hazards & RB_HAZARD_CAMERA_CONTROL);
    m = rb_catalog_by_product_type(cat, "iPhone17,5");  /* 16e */
    rbt_assert(m->hazards & RB_HAZARD_ACTION_BUTTON);
    rbt_assert(!(m->hazards & RB_HAZARD_CAMERA_CONTROL));
    m = rb_catalog_by_product_type(cat, "iPad14,1");    /* mini 6 */
    rbt_assert_int(RB_BUTTONS_IPAD_NOHOME, m->buttons);
    rbt_assert(m->hazards & RB_HAZARD_VOLUME_ON_TOP_EDGE);
    /* The power key's place decides the guide's drawing and the key's name (Top vs Side). */
    m = rb_catalog_by_product_type(cat, "iPhone8,4");   /* SE 1st gen: Top button */
    rbt_assert(m->hazards & RB_HAZARD_TOP_BUTTON);
    m = rb_catalog_by_product_type(cat, "iPhone6,1");   /* 5s */
    rbt_assert(m->hazards & RB_HAZARD_TOP_BUTTON);
    m = rb_catalog_by_product_type(cat, "iPod9,1");     /* iPod touch 7 */
    rbt_assert(m->hazards & RB_HAZARD_TOP_BUTTON);
    m = rb_catalog_by_product_type(cat, "iPhone8,1");   /* 6s: Side button */
    rbt_assert(!(m->hazards & RB_HAZARD_TOP_BUTTON));
    m = rb_catalog_by_product_type(cat, "iPhone7,2");   /* 6 */
    rbt_assert(!(m->hazards & RB_HAZARD_TOP_BUTTON));
    m = rb_catalog_by_product_type(cat, "iPad12,1");    /* iPad 9 */
    rbt_assert_int(RB_BUTTONS_HOME_TOP, m->buttons);
    rbt_assert_str("iPad (9th gen)", m->name);
    rbt_assert_str("Wi-Fi", m->variant);
    m = rb_catalog_by_product_type(cat, "Watch6,18");
    rbt_assert_int(RB_FAMILY_OTHER, m->family);
    rbt_assert_str("Apple Watch Ultra", m->name);
    rb_catalog_free(cat);
}

static void test_catalog_search__queries(void)
{
    rb_catalog *cat = open_default();
    const rb_model *out[400];
    size_t n = rb_catalog_search(cat, "iphone 11", out, 400);
    rbt_assert_int(3, n);
    rbt_assert_str("iPhone12,1", out[0]->product_type); /* the exact name first */
    n = rb_catalog_search(cat, "iPhone12,1", out, 400);
    rbt_assert_int(1, n);
    n = rb_catalog_search(cat, "iPad8,1", out, 400);     /* not iPad8,10..8,12 */
    rbt_assert_int(1, n);
    n = rb_catalog_search(cat, "0x8030", out, 400);
    rbt_assert(n >= 5);
    for (size_t i = 0; i < n; i++)
        rbt_assert_int(0x8030, out[i]->cpid);
    n = rb_catalog_search(cat, "0x8030:0x04", out, 400);
    rbt_assert_int(1, n);
    rbt_assert_str("iPhone12,1", out[0]->product_type);
    rbt_assert_int(1, rb_catalog_search(cat, "N104AP", out, 400));
    rbt_assert(rb_catalog_search(cat, "A13", out, 400) >= 5);
    rbt_assert_int(0, rb_catalog_search(cat, "no such phone", out, 400));
    rbt_assert_int(rb_catalog_count(cat), rb_catalog_search(cat, "", out, 1));
    rbt_assert_int(rb_catalog_count(cat), rb_catalog_search(cat, NULL, NULL, 0));
    rbt_assert(rb_catalog_search(cat, "iPhone", NULL, 0) >= 66);
    const rb_model *byc[8];
    rbt_assert_int(8, rb_catalog_by_cpid(cat, 0x8101, byc, 2)); /* iPhone 12s, Air 4, iPad 10 */
    rbt_assert_int(0x8101, byc[1]->cpid);
    rb_catalog_free(cat);
}

static void test_catalog_names__round_trip(void)
{
    rbt_assert_str("iPhone", rb_device_family_name(RB_FAMILY_IPHONE));
    rbt_assert_str("iPod touch", rb_device_family_name(RB_FAMILY_IPOD));
    rbt_assert_str("unknown", rb_device_family_name((rb_device_family)42));
    for (int s = 1; s <= 4; s++) {
        rb_button_scheme back;
        rbt_assert_ok(rb_button_scheme_from_name(&back, rb_button_scheme_name((rb_button_scheme)s)));
        rbt_assert_int(s, back);
    }
    rb_button_scheme x;
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_button_scheme_from_name(&x, "home_top"));
    rbt_assert_str("UNKNOWN", rb_button_scheme_name(RB_BUTTONS_UNKNOWN));
    rbt_assert_str("solid_state", rb_home_button_name(RB_HOME_SOLID_STATE));
    rbt_assert_str("volume_farthest_top", rb_button_name(RB_BUTTON_VOLUME_FARTHEST_TOP));
    rbt_assert_str("unknown", rb_button_name((rb_button)(RB_BUTTON_HOME | RB_BUTTON_SIDE)));
    rbt_assert_str("camera_control", rb_hazard_name(RB_HAZARD_CAMERA_CONTROL));
    rbt_assert(*rb_hazard_text(NULL, RB_HAZARD_EMERGENCY_SOS));
    rbt_assert_str("enter_dfu", rb_guide_procedure_name(RB_GUIDE_ENTER_DFU));
    rbt_assert_str("usb_mode", rb_guide_until_name(RB_UNTIL_USB_MODE));
    rbt_assert_str("release", rb_guide_action_name(RB_ACTION_RELEASE));
}

/* Cross-check against the research table the catalog was imported from, when this
 * machine has it (RB_REFERENCE_DATA, default the shared reference folder): every
 * iPhone/iPad/iPod row must be here with the same ids, scheme and connector. */
static void test_catalog_table__matches_reference_when_present(void)
{
    const char *path = getenv("RB_REFERENCE_DATA");
    if (!path)
        path = "/work/shared/reference/data/devices_ui.csv";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("  (no reference table at %s: skipped)\n", path);
        return;
    }
    static char buf[1 << 17];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    rb__csv csv;
    rb__csv_init(&csv, buf, len);
    char *fl[16], err[200];
    unsigned cols[16], line;
    size_t n, rows = 0;
    rb_catalog *cat = open_default();
    rbt_assert(rb__csv_row(&csv, fl, cols, 16, &n, &line, err, sizeof err) == 1); /* header */
    int r;
    while ((r = rb__csv_row(&csv, fl, cols, 16, &n, &line, err, sizeof err)) == 1) {
        rbt_assert(n >= 9);
        uint32_t bdid = (uint32_t)strtoul(fl[2], NULL, 16), cpid = (uint32_t)strtoul(fl[3], NULL, 16);
        const rb_model *m = rb_catalog_by_chip(cat, cpid, bdid);
        rbt_assert_msg(m != NULL, "%s (%s) missing", fl[0], fl[1]);
        rbt_assert_str(fl[0], m->product_type);
        rbt_assert_str(fl[1], m->hardware_model);
        rbt_assert_str(fl[6], rb_button_scheme_name(m->buttons));
        rbt_assert_str(fl[8], m->connector);
        rows++;
    }
    rbt_assert_msg(r == 0, "reference unreadable: %s", err);
    rbt_assert_int(180, rows);
    rb_catalog_free(cat);
}

RBT_MAIN(T(test_catalog_open__default_location_is_found),
         T(test_catalog_open__data_dir_from_environment),
         T(test_catalog_lookup__by_product_type),
         T(test_catalog_lookup__by_chip_and_board),
         T(test_catalog_lookup__iphone12_and_later_known),
         T(test_catalog_table__families_complete),
         T(test_catalog_table__schemes_and_hazards_by_model),
         T(test_catalog_search__queries),
         T(test_catalog_names__round_trip),
         T(test_catalog_table__matches_reference_when_present))
