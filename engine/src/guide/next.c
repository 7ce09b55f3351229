/* The suggested next action for a device card, and which drawing shows a model. */
#include "rescuebay/guide.h"

static rb_next_action next_in_normal_mode(const rb_device_info *dev, const rb_guide_state *st)
{
    switch (dev->trust) {
    case RB_TRUST_PENDING:
        return RB_NEXT_WAIT_TRUST;
    case RB_TRUST_REFUSED:
        /* A phone whose owner cannot unlock it can still be restored from DFU. */
        return st->restore_wanted ? RB_NEXT_GUIDE_DFU : RB_NEXT_TRUST_REFUSED;
    case RB_TRUST_PAIRED:
        if (!st->backup_verified)
            return RB_NEXT_VERIFY_BACKUP;
        return RB_NEXT_CHOOSE;
    default:
        return st->restore_wanted ? RB_NEXT_GUIDE_DFU : RB_NEXT_ASK_TRUST;
    }
}

rb_status rb_guide_state_init(rb_guide_state *state, unsigned int version)
{
    if (!state || version != RB_GUIDE_STATE_VERSION)
        return RB_ERR_INVALID_ARG;
    const rb_guide_state d = RB_GUIDE_STATE_INIT;
    *state = d;
    return RB_OK;
}

rb_next_action rb_guide_next_action(const rb_device_info *dev, const rb_guide_state *state)
{
    static const rb_guide_state none = RB_GUIDE_STATE_INIT;
    const rb_guide_state *st = state ? state : &none;
    if (!dev)
        return RB_NEXT_NONE;
    /* A job's state outranks the device's: an interrupted restore must be finished first,
     * whatever mode the phone came back in. */
    if (st->restore_interrupted)
        return RB_NEXT_RESUME_RESTORE;
    if (st->restore_running)
        return RB_NEXT_WAIT_RESTORE;
    switch (dev->mode) {
    case RB_MODE_NORMAL:
        return next_in_normal_mode(dev, st);
    case RB_MODE_RECOVERY:
        return st->restore_wanted ? RB_NEXT_RESTORE : RB_NEXT_EXIT_RECOVERY;
    case RB_MODE_DFU:
        /* Leaving DFU needs the buttons and boots the old system; a DFU device is almost
         * always there to be restored. */
        return RB_NEXT_RESTORE;
    case RB_MODE_RESTORE:
        return RB_NEXT_WAIT_RESTORE;
    default:
        return RB_NEXT_WAIT_IDENTIFY;
    }
}

const char *rb_next_action_name(rb_next_action action)
{
    switch (action) {
    case RB_NEXT_NONE: return "none";
    case RB_NEXT_WAIT_IDENTIFY: return "wait_identify";
    case RB_NEXT_ASK_TRUST: return "ask_trust";
    case RB_NEXT_WAIT_TRUST: return "wait_trust";
    case RB_NEXT_TRUST_REFUSED: return "trust_refused";
    case RB_NEXT_VERIFY_BACKUP: return "verify_backup";
    case RB_NEXT_CHOOSE: return "choose";
    case RB_NEXT_GUIDE_DFU: return "guide_dfu";
    case RB_NEXT_EXIT_RECOVERY: return "exit_recovery";
    case RB_NEXT_RESTORE: return "restore";
    case RB_NEXT_WAIT_RESTORE: return "wait_restore";
    case RB_NEXT_RESUME_RESTORE: return "resume_restore";
    }
    return "unknown";
}

const char *rb_next_action_text(rb_next_action action)
{
    /* Lower case, no full stop: the CLI puts it after the device's state and a colon. */
    switch (action) {
    case RB_NEXT_NONE: return "";
    case RB_NEXT_WAIT_IDENTIFY: return "wait a moment while it is identified";
    case RB_NEXT_ASK_TRUST: return "ask the customer to unlock and tap Trust";
    case RB_NEXT_WAIT_TRUST: return "ask the customer to tap Trust";
    case RB_NEXT_TRUST_REFUSED: return "unplug and plug in again to ask once more";
    case RB_NEXT_VERIFY_BACKUP: return "verify the customer's backup next";
    case RB_NEXT_CHOOSE: return "backup verified: choose to update or restore";
    case RB_NEXT_GUIDE_DFU: return "put it in DFU mode with the button guide to restore it";
    case RB_NEXT_EXIT_RECOVERY: return "exit recovery to start it normally, or restore it";
    case RB_NEXT_RESTORE: return "ready to restore";
    case RB_NEXT_WAIT_RESTORE: return "leave the cable in until the restore is done";
    case RB_NEXT_RESUME_RESTORE: return "a restore was interrupted: resume it";
    }
    return "";
}

rb_guide_drawing rb_guide_drawing_for(const rb_model *m)
{
    if (!m)
        return RB_DRAWING_GENERIC;
    if (m->family == RB_FAMILY_IPAD) {
        if (m->home_button != RB_HOME_NONE)
            return RB_DRAWING_IPAD_HOME;
        return (m->hazards & RB_HAZARD_VOLUME_ON_TOP_EDGE) ? RB_DRAWING_IPAD_TOP_VOLUME
                                                           : RB_DRAWING_IPAD_TOP;
    }
    if (m->family != RB_FAMILY_IPHONE && m->family != RB_FAMILY_IPOD)
        return RB_DRAWING_GENERIC;
    if (m->home_button == RB_HOME_MECHANICAL)
        return (m->hazards & RB_HAZARD_TOP_BUTTON) ? RB_DRAWING_IPHONE_HOME_TOP : RB_DRAWING_IPHONE_HOME;
    if (m->home_button == RB_HOME_SOLID_STATE)
        return RB_DRAWING_IPHONE_SOLID_HOME;
    if (m->hazards & RB_HAZARD_CAMERA_CONTROL)
        return RB_DRAWING_IPHONE_CAMERA;
    if (m->hazards & RB_HAZARD_ACTION_BUTTON)
        return RB_DRAWING_IPHONE_ACTION;
    return RB_DRAWING_IPHONE_FACE_ID;
}

unsigned int rb_guide_warnings(const rb_model *m, rb_button_scheme scheme,
                               rb_guide_procedure proc)
{
    /* Hubs and charge-only cables are the most common reason a mode is "not detected". */
    unsigned int w = RB_WARN_DIRECT_CABLE;
    if (m && m->buttons != RB_BUTTONS_UNKNOWN)
        scheme = m->buttons;
    if ((m && (m->hazards & RB_HAZARD_EMERGENCY_SOS))
        || (!m && scheme == RB_BUTTONS_VOLUP_VOLDOWN_SIDE))
        w |= RB_WARN_EMERGENCY_SOS;
    if (m && (m->hazards & RB_HAZARD_ACTION_BUTTON))
        w |= RB_WARN_ACTION_BUTTON;
    if (m && (m->hazards & RB_HAZARD_CAMERA_CONTROL))
        w |= RB_WARN_CAMERA_CONTROL;
    if (proc == RB_GUIDE_ENTER_RECOVERY)
        w |= RB_WARN_RECOVERY_TIMEOUT;
    return w;
}
