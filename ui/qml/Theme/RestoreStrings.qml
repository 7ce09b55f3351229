pragma Singleton
import QtQml
import RescueBay.Core

// The restore engine's codes as staff words (STYLE 14): states, causes, next actions,
// preflight checks. Every cause says what happened, every next action what to do now.
QtObject {
    id: strings
    function stateWord(state: int): string {
        switch (state) {
        case RestoreController.StatePreflight: return qsTr("Checking")
        case RestoreController.StateEnteringRecovery: return qsTr("Entering recovery mode")
        case RestoreController.StateWaitingForButtons: return qsTr("Waiting for the buttons")
        case RestoreController.StateRestoring: return qsTr("Restoring")
        case RestoreController.StateRebooting: return qsTr("Restarting")
        case RestoreController.StateVerifying: return qsTr("Checking the result")
        case RestoreController.StateDone: return qsTr("Restored")
        case RestoreController.StateInterrupted: return qsTr("Interrupted")
        case RestoreController.StateFailed: return qsTr("Not restored")
        case RestoreController.StateCancelled: return qsTr("Cancelled")
        }
        return ""
    }
    // A shape per state, so status is never colour alone.
    function stateIcon(state: int): string {
        switch (state) {
        case RestoreController.StateDone: return "\u2713"
        case RestoreController.StateInterrupted: return "\u23F8"
        case RestoreController.StateFailed: return "\u2715"
        case RestoreController.StateCancelled: return "\u2205"
        }
        return "\u21BB"
    }
    function stepWord(step: int): string {
        switch (step) {
        case RestoreController.StepFirmware: return qsTr("Getting the firmware")
        case RestoreController.StepDetect: return qsTr("Finding the device")
        case RestoreController.StepPrepare: return qsTr("Preparing the device")
        case RestoreController.StepUploadFs: return qsTr("Sending the system")
        case RestoreController.StepVerifyFs: return qsTr("Checking the system")
        case RestoreController.StepFlashFw: return qsTr("Installing the firmware")
        case RestoreController.StepFlashBb: return qsTr("Installing the modem firmware")
        case RestoreController.StepFud: return qsTr("Updating components")
        case RestoreController.StepUploadImg: return qsTr("Sending images")
        }
        return ""
    }
    // What happened, in one sentence.
    function causeText(cause: int): string {
        switch (cause) {
        case RestoreController.CauseDeviceGone: return qsTr("The cable was disconnected.")
        case RestoreController.CauseToolFailed: return qsTr("The restore tool stopped with an error.")
        case RestoreController.CauseToolKilled: return qsTr("The restore tool was stopped.")
        case RestoreController.CauseToolHung: return qsTr("The restore stopped making progress.")
        case RestoreController.CauseEngineRestarted: return qsTr("The kiosk was restarted during the restore.")
        case RestoreController.CauseAmrError: return qsTr("The device reported a fault during the restore.")
        case RestoreController.CauseMaskedFailure: return qsTr("The restore did not finish properly.")
        case RestoreController.CauseRestoreModeFailed: return qsTr("The device could not start its restore mode.")
        case RestoreController.CauseEnterRecoveryFailed: return qsTr("The device did not go into recovery mode.")
        case RestoreController.CauseNotDetected: return qsTr("The restore tool could not find the device.")
        case RestoreController.CauseSigningFailed: return qsTr("Apple's signing server could not be reached.")
        case RestoreController.CauseNotSigned: return qsTr("Apple no longer allows this iOS version.")
        case RestoreController.CauseModelTooNew: return qsTr("This kiosk's restore tool does not know this model yet.")
        case RestoreController.CauseToolMissing: return qsTr("The restore tool is not installed on this kiosk.")
        case RestoreController.CauseNoBackup: return qsTr("Erasing needs a verified backup of this device, or the customer's signed waiver.")
        case RestoreController.CauseBackupNotRestorable: return qsTr("The backup did not pass its check: it could not bring the data back.")
        case RestoreController.CauseBackupNotCompatible: return qsTr("The backup does not fit this device or this iOS version.")
        case RestoreController.CauseBatteryLow: return qsTr("The battery is too low for a restore.")
        case RestoreController.CauseDiskFull: return qsTr("This kiosk's disk is too full for the restore.")
        case RestoreController.CauseFirmwareUnavailable: return qsTr("The firmware could not be downloaded.")
        case RestoreController.CauseWrongBuild: return qsTr("The device came back with another iOS version than chosen.")
        case RestoreController.CauseDidNotReturn: return qsTr("The device did not start up again after the restore.")
        case RestoreController.CauseOutOfRetries: return qsTr("The restore failed several times in a row.")
        case RestoreController.CauseCancelled: return qsTr("The restore was cancelled.")
        case RestoreController.CauseDeviceNotFound: return qsTr("The device is not connected.")
        case RestoreController.CauseWaiverRefused: return qsTr("The staff sign-in for the waiver did not work.")
        case RestoreController.CauseButtonsTimeout: return qsTr("Nobody put the device into recovery mode in time.")
        case RestoreController.CauseEngineError: return qsTr("The kiosk could not write its records.")
        case RestoreController.CauseFirmwareMismatch: return qsTr("The firmware file is not made for this device model.")
        case RestoreController.CauseUpdateNotOffered: return qsTr("This firmware can only erase the device; it cannot update it and keep the data.")
        case RestoreController.CauseFirmwareDamaged: return qsTr("The firmware file is damaged.")
        case RestoreController.CauseBackupPassword: return qsTr("The backup is encrypted and its password is missing or wrong.")
        }
        return ""
    }
    // What to do now.
    function nextText(next: int): string {
        switch (next) {
        case RestoreController.NextWait: return qsTr("Leave the cable in: rescuebay continues by itself.")
        case RestoreController.NextReconnect: return qsTr("Plug the phone back in \u2014 rescuebay continues by itself.")
        case RestoreController.NextChangeCable: return qsTr("Try another cable or port: rescuebay continues by itself.")
        case RestoreController.NextForceRestart: return qsTr("Force-restart the device with its buttons (see the guide).")
        case RestoreController.NextEnterRecovery: return qsTr("Put the device into recovery mode with its buttons (see the guide).")
        case RestoreController.NextCharge: return qsTr("Charge the device for a while, then start again.")
        case RestoreController.NextContactApple: return qsTr("This needs a hardware repair: send the device to Apple.")
        case RestoreController.NextUpdateTool: return qsTr("Ask your administrator to install a newer restore tool.")
        case RestoreController.NextVerifyBackup: return qsTr("Verify the customer's backup first, or record their waiver.")
        case RestoreController.NextFreeDisk: return qsTr("Remove old firmware on the Firmware screen, then start again.")
        case RestoreController.NextCheckNetwork: return qsTr("Check the kiosk's internet connection, then start again.")
        case RestoreController.NextChooseBuild: return qsTr("Choose an iOS version Apple still allows.")
        case RestoreController.NextSignIn: return qsTr("Sign in again with your PIN.")
        case RestoreController.NextRetry: return qsTr("Start the restore again.")
        case RestoreController.NextSetUpDevice: return qsTr("Hand the device over: it starts at the setup screen.")
        case RestoreController.NextBackupPassword: return qsTr("Ask the customer for the backup password (not the phone's passcode), then start again.")
        case RestoreController.NextEraseInstead: return qsTr("Verify a backup and restore with erase, or choose another iOS version.")
        case RestoreController.NextCheckFirmware: return qsTr("Tell your administrator the firmware file is wrong, or choose another iOS version.")
        }
        return ""
    }
    function checkTitle(check: int): string {
        switch (check) {
        case RestoreController.CheckTool: return qsTr("Restore tool installed")
        case RestoreController.CheckModel: return qsTr("Model supported")
        case RestoreController.CheckFirmware: return qsTr("Firmware ready and allowed by Apple")
        case RestoreController.CheckBackup: return qsTr("Customer data protected")
        case RestoreController.CheckBattery: return qsTr("Battery charged enough")
        case RestoreController.CheckFindMy: return qsTr("Find My")
        case RestoreController.CheckDisk: return qsTr("Room on this kiosk")
        }
        return ""
    }
    function checkWord(result: int): string {
        switch (result) {
        case RestoreController.CheckPassed: return qsTr("OK")
        case RestoreController.CheckWarning: return qsTr("Note")
        case RestoreController.CheckFailed: return qsTr("Stopped here")
        case RestoreController.CheckSkipped: return qsTr("Not needed")
        }
        return qsTr("Not checked yet")
    }
    function checkIcon(result: int): string {
        switch (result) {
        case RestoreController.CheckPassed: return "\u2713"
        case RestoreController.CheckWarning: return "!"
        case RestoreController.CheckFailed: return "\u2715"
        case RestoreController.CheckSkipped: return "\u2013"
        }
        return "\u2026"
    }
    function warningText(warning: int): string {
        switch (warning) {
        case RestoreController.WarnFindMy: return qsTr("Find My is on: the customer needs their Apple ID password after the erase.")
        case RestoreController.WarnSigningUnchecked: return qsTr("Apple's signing could not be checked now: the restore will try anyway.")
        case RestoreController.WarnBatteryUnknown: return qsTr("The charge cannot be read in this mode.")
        case RestoreController.WarnWaiver: return qsTr("Erasing without a backup: the customer signed a waiver.")
        }
        return ""
    }
    function etaText(seconds: int): string {
        if (seconds < 0)
            return ""
        if (seconds < 60)
            return qsTr("less than a minute left")
        return qsTr("about %n minute(s) left", "", Math.round(seconds / 60))
    }
    function attemptsText(attempts: int, max: int): string {
        return qsTr("Attempt %1 of %2").arg(attempts).arg(max)
    }
    // A ticket event's summary: the engine writes names ("restoring", "in_progress",
    // "device_gone", "success: iOS 17.5 (21F79)"); staff read words.
    function eventSummaryText(typeName: string, summary: string): string {
        const states = { preflight: RestoreController.StatePreflight,
            entering_recovery: RestoreController.StateEnteringRecovery,
            waiting_for_buttons: RestoreController.StateWaitingForButtons,
            restoring: RestoreController.StateRestoring, rebooting: RestoreController.StateRebooting,
            verifying: RestoreController.StateVerifying, done: RestoreController.StateDone,
            interrupted: RestoreController.StateInterrupted, failed: RestoreController.StateFailed,
            cancelled: RestoreController.StateCancelled }
        const statuses = { open: qsTr("Open"), waiting_for_customer: qsTr("Waiting for customer"),
            in_progress: qsTr("In progress"), done: qsTr("Done"), collected: qsTr("Collected") }
        const causes = { device_gone: RestoreController.CauseDeviceGone, tool_failed: RestoreController.CauseToolFailed,
            tool_killed: RestoreController.CauseToolKilled, tool_hung: RestoreController.CauseToolHung,
            engine_restarted: RestoreController.CauseEngineRestarted, amr_error: RestoreController.CauseAmrError,
            masked_failure: RestoreController.CauseMaskedFailure, restore_mode_failed: RestoreController.CauseRestoreModeFailed,
            enter_recovery_failed: RestoreController.CauseEnterRecoveryFailed, not_detected: RestoreController.CauseNotDetected,
            signing_failed: RestoreController.CauseSigningFailed, not_signed: RestoreController.CauseNotSigned,
            wrong_build: RestoreController.CauseWrongBuild, did_not_return: RestoreController.CauseDidNotReturn,
            out_of_retries: RestoreController.CauseOutOfRetries, cancelled: RestoreController.CauseCancelled }
        const word = s => s.trim()
        if (typeName === "restore_step" && states[word(summary)] !== undefined)
            return strings.stateWord(states[word(summary)])
        if (typeName === "status_changed") {
            // "open -> in_progress" or just the new status
            const parts = summary.split(/\s*(?:->|\u2192)\s*/)
            if (parts.every(p => statuses[word(p)] !== undefined))
                return parts.map(p => statuses[word(p)]).join(" \u2192 ")
        }
        if ((typeName === "interrupted" || typeName === "outcome") && causes[word(summary.replace(/^failed:\s*/, ""))] !== undefined)
            return strings.causeText(causes[word(summary.replace(/^failed:\s*/, ""))])
        if (typeName === "outcome" && summary.startsWith("success:"))
            return qsTr("Restored: %1").arg(summary.substring(8).trim())
        if (typeName === "backup_verified" && word(summary) === "ok")
            return qsTr("Restorable")
        // Anything else is already text (notes, names of changed fields) or a code the
        // engine added later: shown with spaces, never with underscores.
        return summary.replace(/_/g, " ")
    }
}
