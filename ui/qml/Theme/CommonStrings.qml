pragma Singleton
import QtQml
import RescueBay.Core

// Every staff-facing word for an engine code, in one place, translated. The engine returns
// codes (STYLE 14); this file is where they become language.
QtObject {
    readonly property string appName: "rescuebay"

    function modeWord(mode: int): string {
        switch (mode) {
        case Rb.ModeNormal: return qsTr("Normal")
        case Rb.ModeRecovery: return qsTr("Recovery")
        case Rb.ModeDfu: return qsTr("DFU")
        case Rb.ModeRestore: return qsTr("Restoring")
        }
        return qsTr("Identifying")
    }
    // A shape per mode so the badge does not rely on colour.
    function modeIcon(mode: int): string {
        switch (mode) {
        case Rb.ModeNormal: return "\u25CF"     // ●
        case Rb.ModeRecovery: return "\u25B2"   // ▲
        case Rb.ModeDfu: return "\u25A0"        // ■
        case Rb.ModeRestore: return "\u21BB"    // ↻
        }
        return "?"
    }
    function trustText(trust: int): string {
        switch (trust) {
        case Rb.TrustNotPaired: return qsTr("Not trusted yet")
        case Rb.TrustPending: return qsTr("Trust prompt showing on the device")
        case Rb.TrustPaired: return qsTr("Trusts this kiosk")
        case Rb.TrustRefused: return qsTr("Customer tapped \u201CDon\u2019t Trust\u201D")
        case Rb.TrustNotApplicable: return qsTr("Trust not needed in this mode")
        }
        return qsTr("Trust not known yet")
    }
    function nextActionText(action: int): string {
        switch (action) {
        case Rb.NextWaitIdentify: return qsTr("Wait a moment: identifying")
        case Rb.NextAskTrust: return qsTr("Ask customer to unlock and tap Trust")
        case Rb.NextWaitTrust: return qsTr("Ask customer to tap Trust on the phone")
        case Rb.NextTrustRefused: return qsTr("Unplug, plug in again, tap Trust")
        case Rb.NextVerifyBackup: return qsTr("Verify backup")
        case Rb.NextChoose: return qsTr("Choose what to do")
        case Rb.NextGuideDfu: return qsTr("Guide into DFU")
        case Rb.NextExitRecovery: return qsTr("Exit recovery")
        case Rb.NextRestore: return qsTr("Restore firmware")
        case Rb.NextWaitRestore: return qsTr("Restoring: leave the cable in")
        case Rb.NextResumeRestore: return qsTr("Resume restore")
        }
        return qsTr("Open details")
    }
    function buttonName(button: int, drawing: int): string {
        switch (button) {
        case Rb.ButtonHome: return qsTr("Home")
        case Rb.ButtonSide:
            // iPads and the oldest iPhones call it Top, later iPhones Side.
            return (drawing === Rb.DrawingIpadHome || drawing === Rb.DrawingIpadTop
                    || drawing === Rb.DrawingIpadTopVolume) ? qsTr("Top") : qsTr("Side")
        case Rb.ButtonVolumeUp: return qsTr("Volume Up")
        case Rb.ButtonVolumeDown: return qsTr("Volume Down")
        case Rb.ButtonVolumeNear: return qsTr("volume button nearest the Top button")
        case Rb.ButtonVolumeFar: return qsTr("volume button farthest from the Top button")
        }
        return ""
    }
    function procedureTitle(procedure: int): string {
        switch (procedure) {
        case Rb.EnterRecovery: return qsTr("Enter recovery mode")
        case Rb.EnterDfu: return qsTr("Enter DFU mode")
        case Rb.ExitRecovery: return qsTr("Exit recovery mode")
        case Rb.ExitDfu: return qsTr("Exit DFU mode")
        }
        return ""
    }
    function untilText(until: int): string {
        switch (until) {
        case Rb.UntilScreenBlack: return qsTr("until the screen goes black")
        case Rb.UntilAppleLogo: return qsTr("until the Apple logo appears, then let go")
        case Rb.UntilRecoveryScreen: return qsTr("past the Apple logo, until the cable-and-computer screen")
        case Rb.UntilUsbMode: return qsTr("until the kiosk detects the new mode")
        }
        return ""
    }
    function verdictText(verdict: int): string {
        switch (verdict) {
        case Rb.VerdictSuccess: return qsTr("Done: the device is in the right mode \u2713")
        case Rb.VerdictReleasedTooLate: return qsTr("This is recovery mode, not DFU: you released the side button too late. Try again.")
        case Rb.VerdictHeldTooLong: return qsTr("The Apple logo means you held too long: start over.")
        case Rb.VerdictReleasedTooEarly: return qsTr("The device started normally: keep holding past the Apple logo. Try again.")
        case Rb.VerdictDfuInstead: return qsTr("DFU mode detected instead of recovery: a restore works from here too.")
        case Rb.VerdictStillRecovery: return qsTr("Still in recovery mode: restore it, or try once more.")
        }
        return qsTr("Listening for the device\u2026")
    }
    function warningText(warning: int): string {
        switch (warning) {
        case Rb.WarnEmergencySos: return qsTr("Never hold Side and a volume button on a phone that is switched on: that calls Emergency SOS.")
        case Rb.WarnActionButton: return qsTr("The Action button above the volume keys is not Volume Up.")
        case Rb.WarnCameraControl: return qsTr("Camera Control below the Side button is not the Side button.")
        case Rb.WarnRecoveryTimeout: return qsTr("Recovery mode ends by itself after about 15 minutes.")
        case Rb.WarnDirectCable: return qsTr("Use a data cable straight into the kiosk port, not a hub.")
        }
        return ""
    }
    function flowStepTitle(step: int): string {
        switch (step) {
        case Rb.FlowIdentify: return qsTr("Identify")
        case Rb.FlowBackup: return qsTr("Backup")
        case Rb.FlowChoose: return qsTr("Choose")
        case Rb.FlowMode: return qsTr("Mode")
        case Rb.FlowRestore: return qsTr("Restore")
        case Rb.FlowDone: return qsTr("Done")
        }
        return ""
    }
    function actionResultText(status: int): string {
        switch (status) {
        case Rb.StatusOk: return qsTr("Done.")
        case Rb.StatusNeedsButtons: return qsTr("Only the buttons can do this: follow the guide below.")
        case Rb.StatusNotPaired: return qsTr("The phone has not trusted this kiosk: ask the customer to tap Trust, or use the buttons.")
        case Rb.StatusPairPending: return qsTr("The Trust prompt is showing: ask the customer to tap Trust.")
        case Rb.StatusPairRefused: return qsTr("The customer tapped \u201CDon\u2019t Trust\u201D: unplug, plug in again and tap Trust.")
        case Rb.StatusNotFound: return qsTr("The device is gone: plug it in again.")
        case Rb.StatusUnsupported: return qsTr("This kiosk cannot do that by software: use the buttons.")
        }
        return qsTr("That did not work: use the buttons below.")
    }
    // One guide step as a sentence; `held` is what stays pressed after a release, `before`
    // what was held during the step before.
    function buttonList(buttons: int, drawing: int): string {
        const names = []
        for (const b of [Rb.ButtonVolumeUp, Rb.ButtonVolumeNear, Rb.ButtonVolumeDown,
                         Rb.ButtonVolumeFar, Rb.ButtonHome, Rb.ButtonSide]) {
            if (buttons & b)
                names.push(buttonName(b, drawing))
        }
        return names.join(qsTr(" and "))
    }
    function stepText(action: int, buttons: int, held: int, before: int, drawing: int): string {
        switch (action) {
        case Rb.StepConnect: return qsTr("Connect the device with a data cable")
        case Rb.StepPress: return qsTr("Press and quickly release %1").arg(buttonList(buttons, drawing))
        case Rb.StepRelease:
            return held !== 0 ? qsTr("Let go of %1, keep holding %2").arg(buttonList(buttons, drawing))
                                                                      .arg(buttonList(held, drawing))
                              : qsTr("Let go of %1").arg(buttonList(buttons, drawing))
        }
        const kept = buttons & before, added = buttons & ~before
        if (kept !== 0 && added !== 0)
            return qsTr("Keep holding %1 and also press and hold %2").arg(buttonList(kept, drawing))
                                                                      .arg(buttonList(added, drawing))
        return qsTr("Press and hold %1").arg(buttonList(buttons, drawing))
    }
    function backupVerdictWord(verdict: int): string {
        switch (verdict) {
        case 0: return qsTr("Restorable")
        case 1: return qsTr("Damaged")
        case 2: return qsTr("Does not fit this device")
        case 3: return qsTr("Password needed")
        case 4: return qsTr("Wrong password")
        }
        return ""
    }
    function backupStepText(step: int): string {
        switch (step) {
        case 1: return qsTr("Reading the backup's own records…")
        case 2: return qsTr("Checking the password…")
        case 3: return qsTr("Checking the list of files…")
        case 4: return qsTr("Checking every file…")
        case 5: return qsTr("Looking for stray files…")
        }
        return qsTr("Starting…")
    }
    // Plain reasons for the engine's finding codes (docs/cli-backup.md).
    function backupReasonText(code: string, count: int): string {
        switch (code) {
        case "file_missing": return qsTr("%n file(s) missing from the backup", "", count)
        case "file_size_mismatch": return qsTr("%n file(s) with the wrong size", "", count)
        case "file_digest_mismatch": return qsTr("%n file(s) whose content changed", "", count)
        case "file_unreadable": return qsTr("%n file(s) that cannot be read", "", count)
        case "file_padding_invalid":
        case "file_key_invalid":
        case "file_decrypted_size_mismatch": return qsTr("%n file(s) that cannot be decrypted", "", count)
        case "manifest_db_missing": return qsTr("The backup's file list is missing")
        case "manifest_db_integrity":
        case "manifest_db_truncated":
        case "manifest_db_unreadable":
        case "manifest_db_schema":
        case "manifest_mbdb_unreadable":
        case "manifest_mbdb_invalid":
        case "manifest_mbdb_truncated":
        case "mbdb_record_invalid": return qsTr("The backup's file list is damaged")
        case "snapshot_unfinished":
        case "snapshot_folder_left": return qsTr("The backup was not finished")
        case "ios_newer_than_device": return qsTr("The backup comes from a newer iOS than this device has")
        case "device_family_mismatch": return qsTr("The backup comes from another kind of device")
        case "password_needed": return qsTr("The backup is encrypted: enter its password")
        case "wrong_password": return qsTr("The password does not open this backup")
        case "legacy_format": return qsTr("The backup is from iOS 9 or older: it cannot be checked")
        case "orphan_file": return qsTr("%n stray file(s) not in the file list", "", count)
        }
        return qsTr("Other problem (%1): %2").arg(code).arg(count)
    }
    function inventoryText(category: string, intact: int, damaged: int): string {
        const names = {
            photos: qsTr("Photos"), messages: qsTr("Messages"), contacts: qsTr("Contacts"),
            call_history: qsTr("Call history"), notes: qsTr("Notes"), voice_memos: qsTr("Voice memos"),
            safari: qsTr("Safari"), app_data: qsTr("App data"), health: qsTr("Health"),
            keychain: qsTr("Passwords (keychain)"), other: qsTr("Other")
        }
        const name = names[category] !== undefined ? names[category] : category
        // %n: the plural comes from the translation (English too: rescuebay_en.ts).
        const ok = qsTr("%n file(s) intact", "", intact)
        return damaged > 0 ? qsTr("%1: %2, %3").arg(name).arg(ok).arg(qsTr("%n damaged", "", damaged))
                           : qsTr("%1: %2").arg(name).arg(ok)
    }
    function signInText(status: int): string {
        switch (status) {
        case -23: return qsTr("Wrong name or PIN.")
        case -24: return qsTr("Too many wrong PINs: locked for a few minutes.")
        case -25: return qsTr("That name is taken.")
        case -3: return qsTr("Enter a name and a PIN of 4 to 12 digits.")
        }
        return qsTr("Signing in did not work.")
    }
    function ticketStatusWord(status: int): string {
        switch (status) {
        case 1: return qsTr("Open")
        case 2: return qsTr("Waiting for customer")
        case 3: return qsTr("In progress")
        case 4: return qsTr("Done")
        case 5: return qsTr("Collected")
        }
        return ""
    }
    function ticketEventWord(typeName: string): string {
        const words = {
            created: qsTr("Ticket opened"), updated: qsTr("Details changed"),
            status_changed: qsTr("Status changed"), note: qsTr("Note"),
            device_detected: qsTr("Device detected"), backup_verified: qsTr("Backup verified"),
            firmware_fetched: qsTr("Firmware ready"), restore_step: qsTr("Restore step"),
            interrupted: qsTr("Interrupted"), resumed: qsTr("Resumed"), outcome: qsTr("Outcome"),
            consent_recorded: qsTr("Customer consent"), previous_restore_log: qsTr("Earlier restore log"),
            personal_data_erased: qsTr("Customer data erased")
        }
        return words[typeName] !== undefined ? words[typeName] : typeName
    }
    readonly property string unavailable: qsTr("Not available in this version yet")
    readonly property string notYet: qsTr("not in this version")
    readonly property string details: qsTr("Details")
    readonly property string back: qsTr("Back")
}
