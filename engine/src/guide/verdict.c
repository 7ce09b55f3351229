/* What a mode seen during a button procedure means, and the software shortcuts. */
#include "rescuebay/guide.h"

rb_device_mode rb_guide_target_mode(rb_guide_procedure proc)
{
    switch (proc) {
    case RB_GUIDE_ENTER_RECOVERY: return RB_MODE_RECOVERY;
    case RB_GUIDE_ENTER_DFU: return RB_MODE_DFU;
    case RB_GUIDE_EXIT_RECOVERY:
    case RB_GUIDE_EXIT_DFU: return RB_MODE_NORMAL;
    }
    return RB_MODE_UNKNOWN;
}

rb_guide_verdict rb_guide_judge(rb_guide_procedure proc, rb_device_mode seen)
{
    switch (proc) {
    case RB_GUIDE_ENTER_DFU:
        if (seen == RB_MODE_DFU) return RB_VERDICT_SUCCESS;
        /* iBoot got to run: the power button was let go after the screen went black. */
        if (seen == RB_MODE_RECOVERY) return RB_VERDICT_RELEASED_TOO_LATE;
        /* It rebooted all the way into iOS: the Apple logo showed, both were held too long. */
        if (seen == RB_MODE_NORMAL) return RB_VERDICT_HELD_TOO_LONG;
        return RB_VERDICT_WAITING;
    case RB_GUIDE_ENTER_RECOVERY:
        if (seen == RB_MODE_RECOVERY) return RB_VERDICT_SUCCESS;
        if (seen == RB_MODE_DFU) return RB_VERDICT_DFU_INSTEAD;
        if (seen == RB_MODE_NORMAL) return RB_VERDICT_RELEASED_TOO_EARLY;
        return RB_VERDICT_WAITING;
    case RB_GUIDE_EXIT_RECOVERY:
    case RB_GUIDE_EXIT_DFU:
        if (seen == RB_MODE_NORMAL) return RB_VERDICT_SUCCESS;
        if (seen == RB_MODE_RECOVERY) return RB_VERDICT_STILL_RECOVERY;
        return RB_VERDICT_WAITING;
    }
    return RB_VERDICT_WAITING;
}

int rb_guide_verdict_reached(rb_guide_verdict verdict)
{
    /* DFU when recovery was wanted is not a failure: a restore works from there too. */
    return verdict == RB_VERDICT_SUCCESS || verdict == RB_VERDICT_DFU_INSTEAD;
}

rb_guide_shortcut rb_guide_shortcut_for(rb_guide_procedure proc, rb_device_mode mode)
{
    if (proc == RB_GUIDE_ENTER_RECOVERY && mode == RB_MODE_NORMAL)
        return RB_GUIDE_SHORTCUT_ENTER_RECOVERY;
    if (proc == RB_GUIDE_EXIT_RECOVERY && mode == RB_MODE_RECOVERY)
        return RB_GUIDE_SHORTCUT_EXIT_RECOVERY;
    /* DFU has no software way in, and leaving it needs the buttons (RB_ERR_NEEDS_BUTTONS). */
    return RB_GUIDE_SHORTCUT_NONE;
}
