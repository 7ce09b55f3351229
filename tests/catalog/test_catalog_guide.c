/* Tests of engine/src/catalog: the button guides behind the kiosk's Guide screen. */
#include <stdlib.h>

#include "catalog/catalog_private.h"
#include "cat_test.h"
#include "rbtest.h"

static rb_catalog *open_default(void)
{
    rb_catalog *cat = NULL;
    char *err = NULL;
    rb_status st = cat_open(&cat, NULL, &err);
    rbt_assert_msg(st == RB_OK, "rb_catalog_open: %s", err ? err : rb_status_name(st));
    return cat;
}

static void test_catalog_guide__every_scheme_has_every_procedure(void)
{
    rb_catalog *cat = open_default();
    for (int s = 1; s <= 4; s++)
        for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++) {
            const rb_guide_step *steps;
            size_t n;
            rbt_assert_ok(rb_catalog_guide_for_scheme(cat, (rb_button_scheme)s,
                                                      (rb_guide_procedure)p, &steps, &n));
            rbt_assert(n >= 2);
            rbt_assert(rb_catalog_guide_source(cat, (rb_button_scheme)s, (rb_guide_procedure)p));
            unsigned held = 0;
            for (size_t k = 0; k < n; k++) {
                rbt_assert(*steps[k].id && *steps[k].text);
                if (steps[k].action == RB_ACTION_HOLD)
                    held |= steps[k].buttons;
                if (steps[k].action == RB_ACTION_RELEASE)
                    held &= ~steps[k].buttons;
            }
            /* Every procedure ends with every button released and a mode to check. */
            rbt_assert_msg(held == 0, "scheme %d proc %d leaves buttons held", s, p);
            rb_guide_usb want = p == RB_GUIDE_ENTER_RECOVERY ? RB_GUIDE_USB_RECOVERY
                              : p == RB_GUIDE_ENTER_DFU ? RB_GUIDE_USB_DFU : RB_GUIDE_USB_NORMAL;
            rbt_assert_msg(steps[n - 1].expect == want, "scheme %d proc %d", s, p);
        }
    rb_catalog_free(cat);
}

static void test_catalog_guide__iphone11_dfu_sequence(void)
{
    rb_catalog *cat = open_default();
    const rb_model *m = rb_catalog_by_product_type(cat, "iPhone12,1");
    const rb_guide_step *s;
    size_t n;
    rbt_assert_ok(rb_catalog_guide(cat, m, RB_GUIDE_ENTER_DFU, &s, &n));
    rbt_assert_int(8, n);
    rbt_assert_int(RB_ACTION_CONNECT, s[0].action);
    rbt_assert_int(RB_ACTION_PRESS, s[1].action);
    rbt_assert_int(RB_BUTTON_VOLUME_UP, s[1].buttons);
    rbt_assert_int(RB_BUTTON_VOLUME_DOWN, s[2].buttons);
    rbt_assert_int(RB_BUTTON_SIDE, s[3].buttons);
    rbt_assert_int(RB_UNTIL_SCREEN_BLACK, s[3].until);
    rbt_assert(s[3].seconds == 10);
    rbt_assert_int(RB_BUTTON_SIDE | RB_BUTTON_VOLUME_DOWN, s[4].buttons);
    rbt_assert(s[4].seconds == 5);
    rbt_assert_int(RB_ACTION_RELEASE, s[5].action);
    rbt_assert_int(RB_BUTTON_SIDE, s[5].buttons);
    rbt_assert_int(RB_UNTIL_USB_MODE, s[6].until);
    rbt_assert_int(RB_GUIDE_USB_DFU, s[6].expect);
    rbt_assert_str("community", rb_catalog_guide_source(cat, m->buttons, RB_GUIDE_ENTER_DFU));
    rbt_assert_str("apple", rb_catalog_guide_source(cat, m->buttons, RB_GUIDE_ENTER_RECOVERY));
    rb_catalog_free(cat);
}

static void test_catalog_guide__home_and_ipad_schemes_use_their_buttons(void)
{
    rb_catalog *cat = open_default();
    const rb_guide_step *s;
    size_t n;
    rbt_assert_ok(rb_catalog_guide(cat, rb_catalog_by_product_type(cat, "iPhone8,4"),
                                   RB_GUIDE_ENTER_RECOVERY, &s, &n));
    rbt_assert_int(RB_BUTTON_HOME | RB_BUTTON_SIDE, s[1].buttons);
    rbt_assert_int(RB_UNTIL_RECOVERY_SCREEN, s[1].until);
    rbt_assert_ok(rb_catalog_guide(cat, rb_catalog_by_product_type(cat, "iPad14,1"),
                                   RB_GUIDE_ENTER_RECOVERY, &s, &n));
    rbt_assert_int(RB_BUTTON_VOLUME_NEAREST_TOP, s[1].buttons);
    rbt_assert_int(RB_BUTTON_VOLUME_FARTHEST_TOP, s[2].buttons);
    for (size_t k = 0; k < n; k++)
        rbt_assert(!(s[k].buttons & (RB_BUTTON_VOLUME_UP | RB_BUTTON_VOLUME_DOWN | RB_BUTTON_HOME)));
    rbt_assert_ok(rb_catalog_guide(cat, rb_catalog_by_product_type(cat, "iPhone9,1"),
                                   RB_GUIDE_ENTER_DFU, &s, &n));
    rbt_assert_int(RB_BUTTON_SIDE | RB_BUTTON_VOLUME_DOWN, s[1].buttons);
    /* Identification-only devices have no procedure. */
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_catalog_guide(cat, rb_catalog_by_product_type(cat, "Watch6,18"),
                                                      RB_GUIDE_ENTER_DFU, &s, &n));
    rbt_assert(s == NULL && n == 0);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_catalog_guide(cat, NULL, RB_GUIDE_ENTER_DFU, &s, &n));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_catalog_guide_for_scheme(cat, RB_BUTTONS_HOME_TOP,
                                                                   (rb_guide_procedure)9, &s, &n));
    rbt_assert_contains(rb_hazard_text(cat, RB_HAZARD_EMERGENCY_SOS), "Emergency SOS");
    rb_catalog_free(cat);
}

static rb_status load_guides_text(rb_catalog *cat, const char *text, char **err)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/g.json", rbt_tmpdir());
    rbt_write_file(path, text, strlen(text));
    return cat_load_guides(cat, path, err);
}

static void test_catalog_guide__malformed_guides_are_refused(void)
{
    static const struct {
        const char *text, *expect;
    } bad[] = {
        {"{\n  \"format\": 1,\n  \"schemes\": {,\n}", "g.json:3:"},
        {"[]", "the top level must be an object"},
        {"{\"format\": 2, \"schemes\": {}}", "format: this engine reads format 1"},
        {"{\"format\": 1, \"schemes\": {}}", "schemes.HOME_TOP: missing"},
        {"{\"format\": 1, \"schemas\": {}}", "top level: unknown key \"schemas\""},
        {"{\"format\": 1, \"hazards\": {\"lava\": \"hot\"}, \"schemes\": {}}", "unknown hazard \"lava\""},
        {"{\"format\": 1, \"schemes\": {\"HOME_TOP\": {\"enter_recovery\": {\"source\": \"apple\", "
         "\"steps\": [{\"id\": \"a\", \"action\": \"hold\", \"buttons\": [\"vol_up\"], \"text\": \"x\"}]}}}}",
         "schemes.HOME_TOP.enter_recovery.steps[0].buttons: unknown button \"vol_up\""},
        {"{\"format\": 1, \"schemes\": {\"HOME_TOP\": {\"enter_recovery\": {\"source\": \"apple\", "
         "\"steps\": [{\"id\": \"a\", \"action\": \"squeeze\", \"text\": \"x\"}]}}}}",
         "steps[0].action: want connect, press, hold or release"},
        {"{\"format\": 1, \"schemes\": {\"HOME_TOP\": {\"enter_recovery\": {\"source\": \"apple\", "
         "\"steps\": [{\"id\": \"a\", \"action\": \"hold\", \"text\": \"x\"}]}}}}",
         "steps[0].buttons: this action needs at least one button"},
        {"{\"format\": 1, \"schemes\": {\"HOME_TOP\": {\"enter_recovery\": {\"source\": \"apple\", "
         "\"steps\": [{\"id\": \"a\", \"action\": \"hold\", \"buttons\": [\"home\"], \"seconds\": -1, \"text\": \"x\"}]}}}}",
         "steps[0].seconds: want a number of seconds"},
    };
    rb_catalog *cat = open_default();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *err = NULL;
        rb_status st = load_guides_text(cat, bad[i].text, &err);
        rbt_assert_msg(st == RB_ERR_PARSE, "case %zu: %s", i, rb_status_name(st));
        rbt_assert_msg(err && strstr(err, bad[i].expect), "case %zu: expected \"%s\" in \"%s\"", i,
                       bad[i].expect, err ? err : "(null)");
        rb_free(err);
        /* A refused file leaves no half-loaded guide behind. */
        const rb_guide_step *s;
        size_t n;
        rbt_assert_int(RB_ERR_NOT_FOUND, rb_catalog_guide_for_scheme(cat, RB_BUTTONS_HOME_TOP,
                                                                     RB_GUIDE_ENTER_RECOVERY, &s, &n));
    }
    rb_catalog_free(cat);
}

RBT_MAIN(T(test_catalog_guide__every_scheme_has_every_procedure),
         T(test_catalog_guide__iphone11_dfu_sequence),
         T(test_catalog_guide__home_and_ipad_schemes_use_their_buttons),
         T(test_catalog_guide__malformed_guides_are_refused))
