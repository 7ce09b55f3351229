/* Tests of engine/src/guide: the suggested next action, drawings, verdicts, shortcuts. */
#include <string.h>

#include "rbtest.h"
#include "rescuebay/guide.h"

static rb_device_info dev(rb_device_mode mode, rb_trust_state trust)
{
    rb_device_info d;
    memset(&d, 0, sizeof d);
    d.version = RB_DEVICE_INFO_VERSION;
    d.mode = mode;
    d.trust = trust;
    d.battery_percent = -1;
    return d;
}

static void test_guide_next__follows_trust_in_normal_mode(void)
{
    rb_device_info d = dev(RB_MODE_NORMAL, RB_TRUST_NOT_PAIRED);
    rbt_assert_int(RB_NEXT_ASK_TRUST, rb_guide_next_action(&d, NULL));
    d.trust = RB_TRUST_PENDING;
    rbt_assert_int(RB_NEXT_WAIT_TRUST, rb_guide_next_action(&d, NULL));
    d.trust = RB_TRUST_REFUSED;
    rbt_assert_int(RB_NEXT_TRUST_REFUSED, rb_guide_next_action(&d, NULL));
    d.trust = RB_TRUST_PAIRED;
    rbt_assert_int(RB_NEXT_VERIFY_BACKUP, rb_guide_next_action(&d, NULL));
    rb_guide_state st = RB_GUIDE_STATE_INIT;
    st.backup_verified = 1;
    rbt_assert_int(RB_NEXT_CHOOSE, rb_guide_next_action(&d, &st));
}

static void test_guide_next__modes(void)
{
    rb_device_info d = dev(RB_MODE_RECOVERY, RB_TRUST_NOT_APPLICABLE);
    rbt_assert_int(RB_NEXT_EXIT_RECOVERY, rb_guide_next_action(&d, NULL));
    rb_guide_state st = RB_GUIDE_STATE_INIT;
    st.restore_wanted = 1;
    rbt_assert_int(RB_NEXT_RESTORE, rb_guide_next_action(&d, &st));
    d.mode = RB_MODE_DFU;
    rbt_assert_int(RB_NEXT_RESTORE, rb_guide_next_action(&d, NULL));
    d.mode = RB_MODE_RESTORE;
    rbt_assert_int(RB_NEXT_WAIT_RESTORE, rb_guide_next_action(&d, NULL));
    d.mode = RB_MODE_UNKNOWN;
    rbt_assert_int(RB_NEXT_WAIT_IDENTIFY, rb_guide_next_action(&d, NULL));
    rbt_assert_int(RB_NEXT_NONE, rb_guide_next_action(NULL, NULL));
}

static void test_guide_next__jobs_outrank_the_mode(void)
{
    rb_device_info d = dev(RB_MODE_NORMAL, RB_TRUST_PAIRED);
    rb_guide_state st = RB_GUIDE_STATE_INIT;
    st.restore_interrupted = 1;
    rbt_assert_int(RB_NEXT_RESUME_RESTORE, rb_guide_next_action(&d, &st));
    st.restore_interrupted = 0;
    st.restore_running = 1;
    rbt_assert_int(RB_NEXT_WAIT_RESTORE, rb_guide_next_action(&d, &st));
    /* Cannot be trusted (forgotten passcode) but must be restored: DFU. */
    d.trust = RB_TRUST_REFUSED;
    st.restore_running = 0;
    st.restore_wanted = 1;
    rbt_assert_int(RB_NEXT_GUIDE_DFU, rb_guide_next_action(&d, &st));
}

static void test_guide_next__state_init_is_nothing_known(void)
{
    rb_guide_state st;
    memset(&st, 0x5a, sizeof st);
    rbt_assert_ok(rb_guide_state_init(&st, RB_GUIDE_STATE_VERSION));
    rbt_assert_int(RB_GUIDE_STATE_VERSION, st.version);
    rbt_assert(!st.backup_verified && !st.restore_wanted && !st.restore_running &&
               !st.restore_interrupted);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_guide_state_init(&st, 2));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_guide_state_init(NULL, RB_GUIDE_STATE_VERSION));
}

static void test_guide_next__every_action_has_a_name(void)
{
    for (int a = RB_NEXT_NONE; a <= RB_NEXT_RESUME_RESTORE; a++)
        rbt_assert(strcmp(rb_next_action_name((rb_next_action)a), "unknown") != 0);
    rbt_assert_str("verify_backup", rb_next_action_name(RB_NEXT_VERIFY_BACKUP));
}

static rb_model model(rb_device_family fam, rb_home_button home, rb_button_scheme scheme,
                      unsigned int hazards)
{
    rb_model m;
    memset(&m, 0, sizeof m);
    m.family = fam;
    m.home_button = home;
    m.buttons = scheme;
    m.hazards = hazards;
    m.controls_note = "";
    return m;
}

static void test_guide_drawing__per_family(void)
{
    rbt_assert_int(RB_DRAWING_GENERIC, rb_guide_drawing_for(NULL));
    rb_model m = model(RB_FAMILY_IPHONE, RB_HOME_MECHANICAL, RB_BUTTONS_HOME_TOP, 0);
    rbt_assert_int(RB_DRAWING_IPHONE_HOME, rb_guide_drawing_for(&m));
    m.hazards = RB_HAZARD_TOP_BUTTON;   /* iPhone SE 1st gen, 5s and older, iPod touch */
    rbt_assert_int(RB_DRAWING_IPHONE_HOME_TOP, rb_guide_drawing_for(&m));
    m.family = RB_FAMILY_IPOD;
    rbt_assert_int(RB_DRAWING_IPHONE_HOME_TOP, rb_guide_drawing_for(&m));
    m = model(RB_FAMILY_IPHONE, RB_HOME_SOLID_STATE, RB_BUTTONS_VOLDOWN_SIDE, RB_HAZARD_SOLID_STATE_HOME);
    rbt_assert_int(RB_DRAWING_IPHONE_SOLID_HOME, rb_guide_drawing_for(&m));
    m = model(RB_FAMILY_IPHONE, RB_HOME_NONE, RB_BUTTONS_VOLUP_VOLDOWN_SIDE, RB_HAZARD_EMERGENCY_SOS);
    rbt_assert_int(RB_DRAWING_IPHONE_FACE_ID, rb_guide_drawing_for(&m));
    m.hazards |= RB_HAZARD_ACTION_BUTTON;
    rbt_assert_int(RB_DRAWING_IPHONE_ACTION, rb_guide_drawing_for(&m));
    m.hazards |= RB_HAZARD_CAMERA_CONTROL;
    rbt_assert_int(RB_DRAWING_IPHONE_CAMERA, rb_guide_drawing_for(&m));
    m = model(RB_FAMILY_IPAD, RB_HOME_MECHANICAL, RB_BUTTONS_HOME_TOP, 0);
    rbt_assert_int(RB_DRAWING_IPAD_HOME, rb_guide_drawing_for(&m));
    m = model(RB_FAMILY_IPAD, RB_HOME_NONE, RB_BUTTONS_IPAD_NOHOME, 0);
    rbt_assert_int(RB_DRAWING_IPAD_TOP, rb_guide_drawing_for(&m));
    m.hazards = RB_HAZARD_VOLUME_ON_TOP_EDGE;
    rbt_assert_int(RB_DRAWING_IPAD_TOP_VOLUME, rb_guide_drawing_for(&m));
    m = model(RB_FAMILY_OTHER, RB_HOME_NONE, RB_BUTTONS_UNKNOWN, 0);
    rbt_assert_int(RB_DRAWING_GENERIC, rb_guide_drawing_for(&m));
}

static void test_guide_judge__dfu_attempts(void)
{
    rbt_assert_int(RB_VERDICT_SUCCESS, rb_guide_judge(RB_GUIDE_ENTER_DFU, RB_MODE_DFU));
    rbt_assert_int(RB_VERDICT_RELEASED_TOO_LATE, rb_guide_judge(RB_GUIDE_ENTER_DFU, RB_MODE_RECOVERY));
    rbt_assert_int(RB_VERDICT_HELD_TOO_LONG, rb_guide_judge(RB_GUIDE_ENTER_DFU, RB_MODE_NORMAL));
    rbt_assert_int(RB_VERDICT_WAITING, rb_guide_judge(RB_GUIDE_ENTER_DFU, RB_MODE_UNKNOWN));
}

static void test_guide_judge__recovery_and_exit(void)
{
    rbt_assert_int(RB_VERDICT_SUCCESS, rb_guide_judge(RB_GUIDE_ENTER_RECOVERY, RB_MODE_RECOVERY));
    rbt_assert_int(RB_VERDICT_DFU_INSTEAD, rb_guide_judge(RB_GUIDE_ENTER_RECOVERY, RB_MODE_DFU));
    rbt_assert_int(RB_VERDICT_RELEASED_TOO_EARLY, rb_guide_judge(RB_GUIDE_ENTER_RECOVERY, RB_MODE_NORMAL));
    rbt_assert_int(RB_VERDICT_SUCCESS, rb_guide_judge(RB_GUIDE_EXIT_RECOVERY, RB_MODE_NORMAL));
    rbt_assert_int(RB_VERDICT_STILL_RECOVERY, rb_guide_judge(RB_GUIDE_EXIT_RECOVERY, RB_MODE_RECOVERY));
    rbt_assert_int(RB_VERDICT_SUCCESS, rb_guide_judge(RB_GUIDE_EXIT_DFU, RB_MODE_NORMAL));
    rbt_assert_int(RB_MODE_DFU, rb_guide_target_mode(RB_GUIDE_ENTER_DFU));
    rbt_assert_int(RB_MODE_NORMAL, rb_guide_target_mode(RB_GUIDE_EXIT_DFU));
}

static void test_guide_shortcut__software_first_where_possible(void)
{
    rbt_assert_int(RB_GUIDE_SHORTCUT_ENTER_RECOVERY,
                   rb_guide_shortcut_for(RB_GUIDE_ENTER_RECOVERY, RB_MODE_NORMAL));
    rbt_assert_int(RB_GUIDE_SHORTCUT_EXIT_RECOVERY,
                   rb_guide_shortcut_for(RB_GUIDE_EXIT_RECOVERY, RB_MODE_RECOVERY));
    rbt_assert_int(RB_GUIDE_SHORTCUT_NONE, rb_guide_shortcut_for(RB_GUIDE_ENTER_DFU, RB_MODE_NORMAL));
    rbt_assert_int(RB_GUIDE_SHORTCUT_NONE, rb_guide_shortcut_for(RB_GUIDE_EXIT_DFU, RB_MODE_DFU));
    rbt_assert_int(RB_GUIDE_SHORTCUT_NONE, rb_guide_shortcut_for(RB_GUIDE_EXIT_RECOVERY, RB_MODE_DFU));
}

static void test_guide_warnings__hazards_and_procedure(void)
{
    rb_model m = model(RB_FAMILY_IPHONE, RB_HOME_NONE, RB_BUTTONS_VOLUP_VOLDOWN_SIDE,
                       RB_HAZARD_EMERGENCY_SOS | RB_HAZARD_ACTION_BUTTON | RB_HAZARD_CAMERA_CONTROL);
    unsigned int w = rb_guide_warnings(&m, RB_BUTTONS_UNKNOWN, RB_GUIDE_ENTER_RECOVERY);
    rbt_assert(w & RB_WARN_EMERGENCY_SOS);
    rbt_assert(w & RB_WARN_ACTION_BUTTON);
    rbt_assert(w & RB_WARN_CAMERA_CONTROL);
    rbt_assert(w & RB_WARN_RECOVERY_TIMEOUT);
    rbt_assert(w & RB_WARN_DIRECT_CABLE);
    m = model(RB_FAMILY_IPHONE, RB_HOME_MECHANICAL, RB_BUTTONS_HOME_TOP, 0);
    w = rb_guide_warnings(&m, RB_BUTTONS_UNKNOWN, RB_GUIDE_EXIT_DFU);
    rbt_assert_int(RB_WARN_DIRECT_CABLE, w);
    /* No model: the scheme alone still warns about SOS. */
    w = rb_guide_warnings(NULL, RB_BUTTONS_VOLUP_VOLDOWN_SIDE, RB_GUIDE_ENTER_DFU);
    rbt_assert(w & RB_WARN_EMERGENCY_SOS);
}

RBT_MAIN(T(test_guide_next__follows_trust_in_normal_mode), T(test_guide_next__modes),
         T(test_guide_next__jobs_outrank_the_mode), T(test_guide_next__state_init_is_nothing_known),
         T(test_guide_next__every_action_has_a_name),
         T(test_guide_drawing__per_family), T(test_guide_judge__dfu_attempts),
         T(test_guide_judge__recovery_and_exit),
         T(test_guide_shortcut__software_first_where_possible),
         T(test_guide_warnings__hazards_and_procedure))
