/* restore/names.c - stable names of states, causes and next actions, and the English
 * fallback sentences (the kiosk translates from the codes; the CLI prints these). */
#include <stdio.h>
#include <string.h>

#include "restore/restore_private.h"

#include "rescuebay/catalog.h"

static const char *const state_names[] = {
    [0] = "unknown",
    [RB_RESTORE_PREFLIGHT] = "preflight",
    [RB_RESTORE_ENTERING_RECOVERY] = "entering_recovery",
    [RB_RESTORE_WAITING_FOR_BUTTONS] = "waiting_for_buttons",
    [RB_RESTORE_RESTORING] = "restoring",
    [RB_RESTORE_REBOOTING] = "rebooting",
    [RB_RESTORE_VERIFYING] = "verifying",
    [RB_RESTORE_DONE] = "done",
    [RB_RESTORE_INTERRUPTED] = "interrupted",
    [RB_RESTORE_FAILED] = "failed",
    [RB_RESTORE_CANCELLED] = "cancelled",
};

struct cause_entry {
    const char *name;
    const char *text;
    rb_restore_next next;
};

static const struct cause_entry causes[] = {
    [RB_CAUSE_NONE] = {"none", "", RB_RESTORE_NEXT_NONE},
    [RB_CAUSE_DEVICE_GONE] = {"device_gone", "The device dropped off the USB connection during the restore.",
                              RB_RESTORE_NEXT_RECONNECT},
    [RB_CAUSE_TOOL_FAILED] = {"tool_failed", "The restore tool stopped with an error.",
                              RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_TOOL_KILLED] = {"tool_killed", "The restore tool was stopped unexpectedly.",
                              RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_TOOL_HUNG] = {"tool_hung", "The device stopped answering during the restore.",
                            RB_RESTORE_NEXT_FORCE_RESTART},
    [RB_CAUSE_ENGINE_RESTARTED] = {"engine_restarted", "The kiosk was restarted while the restore ran.",
                                   RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_AMR_ERROR] = {"amr_error", "The device reported an error while restoring.",
                            RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_MASKED_FAILURE] = {"masked_failure", "The restore tool reported errors although it said it finished.",
                                 RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_RESTORE_MODE_FAILED] = {"restore_mode_failed", "The device did not start its restore mode.",
                                      RB_RESTORE_NEXT_CHANGE_CABLE},
    [RB_CAUSE_ENTER_RECOVERY_FAILED] = {"enter_recovery_failed", "The device did not go into recovery mode.",
                                        RB_RESTORE_NEXT_ENTER_RECOVERY},
    [RB_CAUSE_NOT_DETECTED] = {"not_detected", "The restore tool could not find the device.",
                               RB_RESTORE_NEXT_RECONNECT},
    [RB_CAUSE_SIGNING_FAILED] = {"signing_failed", "Apple's signing server could not be reached or refused.",
                                 RB_RESTORE_NEXT_CHECK_NETWORK},
    [RB_CAUSE_NOT_SIGNED] = {"not_signed", "Apple no longer signs this iOS version for this device.",
                             RB_RESTORE_NEXT_CHOOSE_BUILD},
    [RB_CAUSE_MODEL_TOO_NEW] = {"model_too_new", "The installed restore tool is too old for this model.",
                                RB_RESTORE_NEXT_UPDATE_TOOL},
    [RB_CAUSE_TOOL_MISSING] = {"tool_missing", "The restore tool (idevicerestore) is not installed.",
                               RB_RESTORE_NEXT_UPDATE_TOOL},
    [RB_CAUSE_NO_BACKUP] = {"no_backup", "An erase needs a verified backup of this device or a recorded waiver.",
                            RB_RESTORE_NEXT_VERIFY_BACKUP},
    [RB_CAUSE_BACKUP_NOT_RESTORABLE] = {"backup_not_restorable", "The backup could not be verified as restorable.",
                                        RB_RESTORE_NEXT_VERIFY_BACKUP},
    [RB_CAUSE_BACKUP_NOT_COMPATIBLE] = {"backup_not_compatible", "The backup does not fit this device or this iOS version.",
                                        RB_RESTORE_NEXT_VERIFY_BACKUP},
    [RB_CAUSE_BATTERY_LOW] = {"battery_low", "The battery is too low to restore safely.",
                              RB_RESTORE_NEXT_CHARGE},
    [RB_CAUSE_DISK_FULL] = {"disk_full", "This computer has not enough free disk space for the restore.",
                            RB_RESTORE_NEXT_FREE_DISK},
    [RB_CAUSE_FIRMWARE_UNAVAILABLE] = {"firmware_unavailable", "The firmware could not be found or downloaded.",
                                       RB_RESTORE_NEXT_CHECK_NETWORK},
    [RB_CAUSE_WRONG_BUILD] = {"wrong_build", "The device came back with another iOS build than asked for.",
                              RB_RESTORE_NEXT_WAIT},
    [RB_CAUSE_DID_NOT_RETURN] = {"did_not_return", "The device did not come back after the restore.",
                                 RB_RESTORE_NEXT_FORCE_RESTART},
    [RB_CAUSE_OUT_OF_RETRIES] = {"out_of_retries", "The restore failed too many times.",
                                 RB_RESTORE_NEXT_CHANGE_CABLE},
    [RB_CAUSE_CANCELLED] = {"cancelled", "The restore was cancelled.", RB_RESTORE_NEXT_NONE},
    [RB_CAUSE_DEVICE_NOT_FOUND] = {"device_not_found", "The device is not connected.",
                                   RB_RESTORE_NEXT_RECONNECT},
    [RB_CAUSE_WAIVER_REFUSED] = {"waiver_refused", "The waiver needs a ticket and a signed-in staff member.",
                                 RB_RESTORE_NEXT_SIGN_IN},
    [RB_CAUSE_BUTTONS_TIMEOUT] = {"buttons_timeout", "The device was not put into recovery or DFU mode in time.",
                                  RB_RESTORE_NEXT_ENTER_RECOVERY},
    [RB_CAUSE_ENGINE_ERROR] = {"engine_error", "The kiosk could not keep its records (disk or database).",
                               RB_RESTORE_NEXT_FREE_DISK},
    [RB_CAUSE_FIRMWARE_MISMATCH] = {"firmware_mismatch", "The firmware file is not made for this device model.",
                                    RB_RESTORE_NEXT_CHECK_FIRMWARE},
    [RB_CAUSE_UPDATE_NOT_OFFERED] = {"update_not_offered", "This firmware can only erase the device; it cannot update it and keep the data.",
                                     RB_RESTORE_NEXT_ERASE_INSTEAD},
    [RB_CAUSE_FIRMWARE_DAMAGED] = {"firmware_damaged", "The firmware file is damaged or not a firmware file.",
                                   RB_RESTORE_NEXT_CHECK_FIRMWARE},
    [RB_CAUSE_BACKUP_PASSWORD] = {"backup_password", "The backup is encrypted and its password is missing or wrong.",
                                  RB_RESTORE_NEXT_BACKUP_PASSWORD},
};
#define N_CAUSES (sizeof causes / sizeof causes[0])

static const char *const next_names[] = {
    [RB_RESTORE_NEXT_NONE] = "none",
    [RB_RESTORE_NEXT_WAIT] = "wait",
    [RB_RESTORE_NEXT_RECONNECT] = "reconnect",
    [RB_RESTORE_NEXT_CHANGE_CABLE] = "change_cable",
    [RB_RESTORE_NEXT_FORCE_RESTART] = "force_restart",
    [RB_RESTORE_NEXT_ENTER_RECOVERY] = "enter_recovery",
    [RB_RESTORE_NEXT_CHARGE] = "charge",
    [RB_RESTORE_NEXT_CONTACT_APPLE] = "contact_apple",
    [RB_RESTORE_NEXT_UPDATE_TOOL] = "update_tool",
    [RB_RESTORE_NEXT_VERIFY_BACKUP] = "verify_backup",
    [RB_RESTORE_NEXT_FREE_DISK] = "free_disk",
    [RB_RESTORE_NEXT_CHECK_NETWORK] = "check_network",
    [RB_RESTORE_NEXT_CHOOSE_BUILD] = "choose_build",
    [RB_RESTORE_NEXT_SIGN_IN] = "sign_in",
    [RB_RESTORE_NEXT_RETRY] = "retry",
    [RB_RESTORE_NEXT_SET_UP_DEVICE] = "set_up_device",
    [RB_RESTORE_NEXT_BACKUP_PASSWORD] = "backup_password",
    [RB_RESTORE_NEXT_ERASE_INSTEAD] = "erase_instead",
    [RB_RESTORE_NEXT_CHECK_FIRMWARE] = "check_firmware",
};
#define N_NEXT (sizeof next_names / sizeof next_names[0])

const char *rb_restore_state_name(rb_restore_state state)
{
    if ((int)state > 0 && (size_t)state < sizeof state_names / sizeof state_names[0])
        return state_names[state];
    return "unknown";
}

const char *rb_restore_cause_name(rb_restore_cause cause)
{
    return (int)cause >= 0 && (size_t)cause < N_CAUSES ? causes[cause].name : "unknown";
}

const char *rb_restore_cause_text(rb_restore_cause cause)
{
    return (int)cause >= 0 && (size_t)cause < N_CAUSES ? causes[cause].text : "";
}

const char *rb_restore_next_name(rb_restore_next next)
{
    return (int)next >= 0 && (size_t)next < N_NEXT ? next_names[next] : "none";
}

int rb_restore_state_is_final(rb_restore_state state)
{
    return state == RB_RESTORE_DONE || state == RB_RESTORE_FAILED || state == RB_RESTORE_CANCELLED;
}

rb_restore_state rb__rs_state_from_name(const char *name)
{
    for (size_t i = 1; name && i < sizeof state_names / sizeof state_names[0]; i++)
        if (strcmp(state_names[i], name) == 0)
            return (rb_restore_state)i;
    return (rb_restore_state)0;
}

rb_restore_cause rb__rs_cause_from_name(const char *name)
{
    for (size_t i = 0; name && i < N_CAUSES; i++)
        if (strcmp(causes[i].name, name) == 0)
            return (rb_restore_cause)i;
    return RB_CAUSE_NONE;
}

rb_restore_next rb__rs_next_from_name(const char *name)
{
    for (size_t i = 0; name && i < N_NEXT; i++)
        if (strcmp(next_names[i], name) == 0)
            return (rb_restore_next)i;
    return RB_RESTORE_NEXT_NONE;
}

rb_restore_next rb__rs_next_for_cause(rb_restore_cause cause)
{
    return (int)cause >= 0 && (size_t)cause < N_CAUSES ? causes[cause].next : RB_RESTORE_NEXT_NONE;
}

/* The model's force-restart (exit recovery/DFU) or enter-recovery steps as one sentence,
 * from the catalog's guide, so the sentence is right for this exact model. */
static void guide_text(char *out, size_t cap, const struct rs_job *job, int enter)
{
    out[0] = '\0';
    rb_catalog *cat = NULL;
    if (rb_catalog_open(&cat, NULL, NULL) != RB_OK)
        return;
    const rb_model *m = job->product_type[0] ? rb_catalog_by_product_type(cat, job->product_type)
                                             : NULL;
    if (!m && job->cpid)
        m = rb_catalog_by_chip(cat, job->cpid, job->bdid);
    const rb_guide_step *steps = NULL;
    size_t n = 0;
    if (m && rb_catalog_guide(cat, m, enter ? RB_GUIDE_ENTER_RECOVERY : RB_GUIDE_EXIT_DFU, &steps,
                              &n) == RB_OK) {
        size_t len = 0;
        for (size_t i = 0; i < n && len + 2 < cap; i++) {
            int w = snprintf(out + len, cap - len, "%s%s", i ? " " : "", steps[i].text);
            if (w < 0)
                break;
            len += (size_t)w < cap - len ? (size_t)w : cap - len - 1;
        }
    }
    rb_catalog_free(cat);
}

void rb__rs_next_text(char *out, size_t cap, rb_restore_next next, const struct rs_job *job)
{
    char steps[480];
    const char *name = job && job->model_name[0] ? job->model_name : "the device";
    switch (next) {
    case RB_RESTORE_NEXT_NONE:
        snprintf(out, cap, "%s", "");
        break;
    case RB_RESTORE_NEXT_WAIT:
        snprintf(out, cap, "Leave %s connected; the restore continues by itself.", name);
        break;
    case RB_RESTORE_NEXT_RECONNECT:
        snprintf(out, cap, "Plug %s back in; the restore continues by itself.", name);
        break;
    case RB_RESTORE_NEXT_CHANGE_CABLE:
        snprintf(out, cap, "Try another cable or USB port for %s, then resume the restore.", name);
        break;
    case RB_RESTORE_NEXT_FORCE_RESTART:
        guide_text(steps, sizeof steps, job, 0);
        snprintf(out, cap, "Force-restart %s%s%s", name, steps[0] ? ": " : ".", steps);
        break;
    case RB_RESTORE_NEXT_ENTER_RECOVERY:
        guide_text(steps, sizeof steps, job, 1);
        snprintf(out, cap, "Put %s into recovery mode with its buttons%s%s", name,
                 steps[0] ? ": " : ".", steps);
        break;
    case RB_RESTORE_NEXT_CHARGE:
        snprintf(out, cap, "Charge %s for a while, then start the restore again.", name);
        break;
    case RB_RESTORE_NEXT_CONTACT_APPLE:
        snprintf(out, cap, "%s may have a hardware fault: contact Apple or an authorised repairer.",
                 name);
        break;
    case RB_RESTORE_NEXT_UPDATE_TOOL:
        snprintf(out, cap, "Install a newer idevicerestore and libirecovery (iPhone 12 and later need "
                           "newer tools than Debian 12's), then start again.");
        break;
    case RB_RESTORE_NEXT_VERIFY_BACKUP:
        snprintf(out, cap, "Verify a backup of %s, or record the customer's waiver, then start again.",
                 name);
        break;
    case RB_RESTORE_NEXT_FREE_DISK:
        snprintf(out, cap, "Free disk space on this computer (old firmware, logs), then start again.");
        break;
    case RB_RESTORE_NEXT_CHECK_NETWORK:
        snprintf(out, cap, "Check the internet connection; Apple's servers must be reachable.");
        break;
    case RB_RESTORE_NEXT_CHOOSE_BUILD:
        snprintf(out, cap, "Choose an iOS version Apple still signs, then start again.");
        break;
    case RB_RESTORE_NEXT_SIGN_IN:
        snprintf(out, cap, "Sign in with your staff PIN on a ticket to record the waiver.");
        break;
    case RB_RESTORE_NEXT_RETRY:
        snprintf(out, cap, "Start the restore again.");
        break;
    case RB_RESTORE_NEXT_SET_UP_DEVICE:
        snprintf(out, cap, "%s is restored; hand it over or set it up.", name);
        break;
    case RB_RESTORE_NEXT_BACKUP_PASSWORD:
        snprintf(out, cap, "Ask the customer for the backup password (set in Finder or iTunes; not "
                           "the passcode of the device), then start again with it.");
        break;
    case RB_RESTORE_NEXT_ERASE_INSTEAD:
        snprintf(out, cap, "This firmware cannot keep the data of %s: verify a backup and restore "
                           "with erase, or choose another iOS version.", name);
        break;
    case RB_RESTORE_NEXT_CHECK_FIRMWARE:
        snprintf(out, cap, "The firmware file offered for %s is wrong or damaged: tell whoever "
                           "looks after the firmware catalog, or choose another iOS version.", name);
        break;
    }
}
