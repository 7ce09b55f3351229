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

static void test_guide_judge__which_verdicts_are_reached(void)
{
    rbt_assert(rb_guide_verdict_reached(RB_VERDICT_SUCCESS));
    rbt_assert(rb_guide_verdict_reached(RB_VERDICT_DFU_INSTEAD));
    rbt_assert(!rb_guide_verdict_reached(RB_VERDICT_WAITING));
    rbt_assert(!rb_guide_verdict_reached(RB_VERDICT_RELEASED_TOO_LATE));
    rbt_assert(!rb_guide_verdict_reached(RB_VERDICT_HELD_TOO_LONG));
    rbt_assert(!rb_guide_verdict_reached(RB_VERDICT_RELEASED_TOO_EARLY));
    rbt_assert(!rb_guide_verdict_reached(RB_VERDICT_STILL_RECOVERY));
    rbt_assert(rb_guide_verdict_reached(rb_guide_judge(RB_GUIDE_ENTER_RECOVERY, RB_MODE_DFU)));
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

/* The CLI says what the kiosk's card says: its sentence comes from the engine's action. */
static void test_guide_next__every_action_has_an_instruction(void)
{
    for (int a = RB_NEXT_WAIT_IDENTIFY; a <= RB_NEXT_RESUME_RESTORE; a++) {
        const char *t = rb_next_action_text((rb_next_action)a);
        rbt_assert_msg(t && t[0], "action %d has no text", a);
        rbt_assert_msg(t[strlen(t) - 1] != '.', "action %d ends with a full stop", a);
    }
    rbt_assert_str("", rb_next_action_text(RB_NEXT_NONE));
    rbt_assert_str("", rb_next_action_text((rb_next_action)99));
    rb_device_info d = dev(RB_MODE_NORMAL, RB_TRUST_NOT_PAIRED);
    rbt_assert_str("ask the customer to unlock and tap Trust",
                   rb_next_action_text(rb_guide_next_action(&d, NULL)));
    d.trust = RB_TRUST_PENDING;
    rbt_assert_str("ask the customer to tap Trust",
                   rb_next_action_text(rb_guide_next_action(&d, NULL)));
    d.trust = RB_TRUST_REFUSED;
    rbt_assert_str("unplug and plug in again to ask once more",
                   rb_next_action_text(rb_guide_next_action(&d, NULL)));
}

static rb_guide_step step(rb_guide_action action, unsigned int buttons, double seconds,
                          double seconds_max, rb_guide_until until)
{
    rb_guide_step s;
    memset(&s, 0, sizeof s);
    s.id = "x";
    s.text = "x";
    s.action = action;
    s.buttons = buttons;
    s.seconds = seconds;
    s.seconds_max = seconds_max;
    s.until = until;
    return s;
}

/* The DFU dance on a Face ID iPhone: what is under the fingers at each step and how long
 * the kiosk shows it, as the Guide screen draws and times it. */
static void test_guide_pace__held_keys_and_durations(void)
{
    const unsigned int side = RB_BUTTON_SIDE, down = RB_BUTTON_VOLUME_DOWN;
    const rb_guide_step steps[] = {
        step(RB_ACTION_CONNECT, 0, 0, 0, RB_UNTIL_NONE),
        step(RB_ACTION_PRESS, RB_BUTTON_VOLUME_UP, 0, 0, RB_UNTIL_NONE),
        step(RB_ACTION_HOLD, side, 0, 10, RB_UNTIL_SCREEN_BLACK),
        step(RB_ACTION_HOLD, side | down, 5, 0, RB_UNTIL_NONE),
        step(RB_ACTION_RELEASE, side, 0, 0, RB_UNTIL_NONE),
        step(RB_ACTION_HOLD, down, 10, 15, RB_UNTIL_USB_MODE),
        step(RB_ACTION_RELEASE, down, 0, 0, RB_UNTIL_NONE),
        step(RB_ACTION_HOLD, side, 0, 0, RB_UNTIL_APPLE_LOGO),
    };
    const size_t n = sizeof steps / sizeof steps[0];
    rb_guide_step_pace p[sizeof steps / sizeof steps[0]];
    memset(p, 0xff, sizeof p);
    rbt_assert_ok(rb_guide_pace(p, steps, n));
    const unsigned int held[] = {0, RB_BUTTON_VOLUME_UP, side, side | down, down, down, 0, side};
    const unsigned int ms[] = {2500, 1500, 10000, 5000, 1500, 10000, 1500, 0};
    const int waits[] = {0, 0, 0, 0, 0, 1, 0, 1};
    for (size_t i = 0; i < n; i++) {
        rbt_assert_msg(p[i].held == held[i], "step %zu held %u", i, p[i].held);
        rbt_assert_msg(p[i].duration_ms == ms[i], "step %zu lasts %u ms", i, p[i].duration_ms);
        rbt_assert_msg(p[i].waits == waits[i], "step %zu waits %d", i, p[i].waits);
    }
}

static void test_guide_pace__recovery_screen_waits_and_bad_input(void)
{
    const rb_guide_step steps[] = {
        step(RB_ACTION_HOLD, RB_BUTTON_HOME | RB_BUTTON_SIDE, 0, 0, RB_UNTIL_RECOVERY_SCREEN),
        /* A hostile guide file's duration does not wrap the kiosk's timer. */
        step(RB_ACTION_HOLD, RB_BUTTON_HOME, 1e12, 0, RB_UNTIL_NONE),
        step(RB_ACTION_HOLD, RB_BUTTON_HOME, -3, 0, RB_UNTIL_NONE),
    };
    rb_guide_step_pace p[3];
    rbt_assert_ok(rb_guide_pace(p, steps, 3));
    rbt_assert_int(1, p[0].waits);
    rbt_assert_int(RB_BUTTON_HOME | RB_BUTTON_SIDE, p[0].held);
    rbt_assert_int(3600000, p[1].duration_ms);
    rbt_assert_int(0, p[2].duration_ms);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_guide_pace(NULL, steps, 3));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_guide_pace(p, NULL, 3));
    rbt_assert_ok(rb_guide_pace(NULL, NULL, 0));
}

RBT_MAIN(T(test_guide_next__follows_trust_in_normal_mode), T(test_guide_next__modes),
         T(test_guide_next__every_action_has_an_instruction),
         T(test_guide_pace__held_keys_and_durations),
         T(test_guide_pace__recovery_screen_waits_and_bad_input),
         T(test_guide_next__jobs_outrank_the_mode), T(test_guide_next__state_init_is_nothing_known),
         T(test_guide_next__every_action_has_a_name),
         T(test_guide_drawing__per_family), T(test_guide_judge__dfu_attempts),
         T(test_guide_judge__recovery_and_exit), T(test_guide_judge__which_verdicts_are_reached),
         T(test_guide_shortcut__software_first_where_possible),
         T(test_guide_warnings__hazards_and_procedure))
