/*
 * rescuebay/guide.h - what the counter should do next with a device, and the button
 * coaching for recovery and DFU mode.
 *
 * Threading: every function is pure (no I/O, no state): call from any thread. The kiosk
 * and the CLI ask the same questions and get the same answers. The kiosk turns codes into
 * translated sentences; the only text returned is English for the CLI and logs. The
 * button steps themselves are the catalog's (rb_catalog_guide in catalog.h); this header
 * paces them (rb_guide_pace) and judges what the device did.
 *
 *   rb_next_action next = rb_guide_next_action(&info, NULL);
 *   ... while a procedure runs, for every mode the device monitor reports:
 *   rb_guide_verdict v = rb_guide_judge(RB_GUIDE_ENTER_DFU, info.mode);
 */
#ifndef RESCUEBAY_GUIDE_H
#define RESCUEBAY_GUIDE_H

#include "common.h"
#include "catalog.h"
#include "device.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The one suggested next action for a device card. Values are stable (UI and JSON). */
typedef enum rb_next_action {
    RB_NEXT_NONE = 0,
    RB_NEXT_WAIT_IDENTIFY = 1,   /* mode not known yet: wait a moment */
    RB_NEXT_ASK_TRUST = 2,       /* not paired: ask the customer to unlock and tap Trust */
    RB_NEXT_WAIT_TRUST = 3,      /* the Trust prompt is showing on the device */
    RB_NEXT_TRUST_REFUSED = 4,   /* Don't Trust was tapped: unplug, plug in, tap Trust */
    RB_NEXT_VERIFY_BACKUP = 5,   /* paired, no verified backup yet */
    RB_NEXT_CHOOSE = 6,          /* backup verified: choose what to do (update, restore) */
    RB_NEXT_GUIDE_DFU = 7,       /* a restore is wanted but the phone cannot be trusted */
    RB_NEXT_EXIT_RECOVERY = 8,   /* stuck in recovery mode: one tap brings it back */
    RB_NEXT_RESTORE = 9,         /* in recovery/DFU and a restore is wanted (or DFU) */
    RB_NEXT_WAIT_RESTORE = 10,   /* a restore is running: leave the cable alone */
    RB_NEXT_RESUME_RESTORE = 11  /* a restore was interrupted and can continue */
} rb_next_action;

#define RB_GUIDE_STATE_VERSION 1

/* What the kiosk knows about a device beyond its live info (from backup and restore jobs).
 * Zero-initialised (or NULL) means: nothing known yet. */
typedef struct rb_guide_state {
    unsigned int version;      /* RB_GUIDE_STATE_VERSION */
    int backup_verified;       /* 1 if a backup of this device passed deep verification */
    int restore_wanted;        /* 1 if staff chose to restore/erase this device */
    int restore_running;       /* 1 while a restore job runs on it */
    int restore_interrupted;   /* 1 if its restore job is waiting to resume */
} rb_guide_state;

#define RB_GUIDE_STATE_INIT { RB_GUIDE_STATE_VERSION, 0, 0, 0, 0 }

/* Fills state with "nothing known" (as RB_GUIDE_STATE_INIT); RB_ERR_INVALID_ARG for an
 * unknown version. */
RB_EXTERN rb_status rb_guide_state_init(rb_guide_state *state, unsigned int version);

/* The suggested next action for `dev`; `state` may be NULL. */
RB_EXTERN rb_next_action rb_guide_next_action(const rb_device_info *dev,
                                              const rb_guide_state *state);

/* "verify_backup", ... for JSON and logs; never NULL. */
RB_EXTERN const char *rb_next_action_name(rb_next_action action);

/* The English instruction for an action ("ask the customer to unlock and tap Trust"),
 * lower case without a full stop, "" for RB_NEXT_NONE and unknown values; never NULL.
 * For the CLI and logs: the kiosk shows its own translated sentence for the code. */
RB_EXTERN const char *rb_next_action_text(rb_next_action action);

/* The drawings the kiosk has, one per physical button layout. */
typedef enum rb_guide_drawing {
    RB_DRAWING_GENERIC = 0,            /* unknown model */
    RB_DRAWING_IPHONE_HOME = 1,        /* mechanical Home button (and iPod touch) */
    RB_DRAWING_IPHONE_SOLID_HOME = 2,  /* iPhone 7/8/SE 2-3: Home is not used */
    RB_DRAWING_IPHONE_FACE_ID = 3,
    RB_DRAWING_IPHONE_ACTION = 4,      /* Action button above the volume keys */
    RB_DRAWING_IPHONE_CAMERA = 5,      /* Action button and Camera Control */
    RB_DRAWING_IPAD_HOME = 6,
    RB_DRAWING_IPAD_TOP = 7,           /* Top button, volume keys on the side */
    RB_DRAWING_IPAD_TOP_VOLUME = 8,    /* iPad mini 6+, iPad 10+: volume keys on the top edge */
    RB_DRAWING_IPHONE_HOME_TOP = 9     /* mechanical Home, power key on top (iPhone to 5s, SE 1, iPod) */
} rb_guide_drawing;

/* Which drawing shows `model`; NULL gives RB_DRAWING_GENERIC. */
RB_EXTERN rb_guide_drawing rb_guide_drawing_for(const rb_model *model);

/* The mode a procedure is meant to end in. */
RB_EXTERN rb_device_mode rb_guide_target_mode(rb_guide_procedure proc);

/* What a mode seen while a procedure runs means. */
typedef enum rb_guide_verdict {
    RB_VERDICT_WAITING = 0,          /* nothing conclusive yet */
    RB_VERDICT_SUCCESS = 1,          /* the target mode was reached */
    RB_VERDICT_RELEASED_TOO_LATE = 2,/* DFU wanted, recovery seen: released the power button too late */
    RB_VERDICT_HELD_TOO_LONG = 3,    /* DFU wanted, the phone booted (Apple logo): start over */
    RB_VERDICT_RELEASED_TOO_EARLY = 4,/* recovery wanted, the phone booted: hold past the logo */
    RB_VERDICT_DFU_INSTEAD = 5,      /* recovery wanted, DFU reached: a restore works from here too */
    RB_VERDICT_STILL_RECOVERY = 6    /* leaving recovery, but it came back in recovery */
} rb_guide_verdict;

/* Judges a mode the monitor reported (after the staff member pressed Start) against the
 * procedure. Call on every appearance or mode change of the device. */
RB_EXTERN rb_guide_verdict rb_guide_judge(rb_guide_procedure proc, rb_device_mode seen);

/* 1 when the verdict ends the procedure well (every step counts as done, the kiosk shows
 * a tick): RB_VERDICT_SUCCESS, and RB_VERDICT_DFU_INSTEAD (a restore works from DFU). */
RB_EXTERN int rb_guide_verdict_reached(rb_guide_verdict verdict);

/* How the Guide screen shows one step of a procedure (rb_catalog_guide's steps): the
 * kiosk draws `held` and advances after `duration_ms` unless the step `waits`. */
typedef struct rb_guide_step_pace {
    unsigned int held;         /* RB_BUTTON_* bits under the fingers during the step: a
                                * release keeps the other keys held, a press is momentary */
    unsigned int duration_ms;  /* a hold: its seconds (else seconds_max; 0 if neither);
                                * connecting the cable 2500; a press or release 1500 */
    int waits;                 /* 1: the step ends on something seen (the expected USB mode,
                                * the Apple logo, the recovery screen): do not advance alone */
} rb_guide_step_pace;

/* Fills out[0..n-1] for steps[0..n-1] (the held keys depend on the steps before).
 * RB_ERR_INVALID_ARG for NULL arrays with n > 0. */
RB_EXTERN rb_status rb_guide_pace(rb_guide_step_pace *out, const rb_guide_step *steps, size_t n);

/* A way to do a procedure by software instead of buttons. */
typedef enum rb_guide_shortcut {
    RB_GUIDE_SHORTCUT_NONE = 0,
    RB_GUIDE_SHORTCUT_ENTER_RECOVERY = 1,
    RB_GUIDE_SHORTCUT_EXIT_RECOVERY = 2
} rb_guide_shortcut;

/* Software shortcut for `proc` from `mode`, when one exists: RB_GUIDE_SHORTCUT_ENTER_RECOVERY
 * (rb_device_enter_recovery) or RB_GUIDE_SHORTCUT_EXIT_RECOVERY (rb_device_exit_recovery). */
RB_EXTERN rb_guide_shortcut rb_guide_shortcut_for(rb_guide_procedure proc, rb_device_mode mode);

/* Warnings to show with a procedure, as bits (the model's hazards from the catalog plus
 * what applies to the procedure itself). */
#define RB_WARN_EMERGENCY_SOS    0x01u  /* side + volume held on a booted iPhone 8+ calls SOS */
#define RB_WARN_ACTION_BUTTON    0x02u  /* the Action button is not Volume Up */
#define RB_WARN_CAMERA_CONTROL   0x04u  /* Camera Control is not the Side button */
#define RB_WARN_RECOVERY_TIMEOUT 0x08u  /* recovery mode leaves after about 15 minutes */
#define RB_WARN_DIRECT_CABLE     0x10u  /* data cable straight into the kiosk port, no hub */

/* Which warnings apply to `proc` on `model` (NULL: the scheme's warnings only). */
RB_EXTERN unsigned int rb_guide_warnings(const rb_model *model, rb_button_scheme scheme,
                                         rb_guide_procedure proc);

#ifdef __cplusplus
}
#endif

#endif
