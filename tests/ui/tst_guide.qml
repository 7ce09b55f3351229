import QtQuick
import QtTest
import RescueBay.Core

// The ButtonCoach shim over the catalog's steps and the engine's verdicts.
TestCase {
    name: "Guide"

    ButtonCoach { id: dfu; scheme: Rb.SchemeVolUpVolDownSide; procedure: Rb.EnterDfu }
    ButtonCoach { id: recovery; scheme: Rb.SchemeHomeTop; procedure: Rb.EnterRecovery }
    ButtonCoach { id: unknown; scheme: Rb.SchemeUnknown; procedure: Rb.EnterDfu }

    function test_verdicts() {
        compare(dfu.judge(Rb.ModeDfu), Rb.VerdictSuccess)
        compare(dfu.judge(Rb.ModeRecovery), Rb.VerdictReleasedTooLate)
        compare(dfu.judge(Rb.ModeNormal), Rb.VerdictHeldTooLong)
        compare(recovery.judge(Rb.ModeRecovery), Rb.VerdictSuccess)
        compare(dfu.targetMode, Rb.ModeDfu)
    }
    function test_shortcuts() {
        compare(recovery.shortcutFrom(Rb.ModeNormal), Rb.ShortcutEnterRecovery)
        compare(dfu.shortcutFrom(Rb.ModeNormal), Rb.ShortcutNone)
    }
    function test_warnings_without_a_model() {
        verify(dfu.warnings & Rb.WarnEmergencySos)
        verify(dfu.warnings & Rb.WarnDirectCable)
        verify(!(recovery.warnings & Rb.WarnEmergencySos))
        verify(recovery.warnings & Rb.WarnRecoveryTimeout)
    }
    function test_steps_from_the_catalog() {
        if (!ModelCatalog.available)
            skip("no model catalog: " + ModelCatalog.errorText)
        const s = dfu.steps
        verify(s.length >= 5, "DFU for iPhone 8+ has at least five steps")
        compare(s[0].action, Rb.StepConnect)
        compare(s[1].action, Rb.StepPress)
        compare(s[1].buttons, Rb.ButtonVolumeUp)
        let sawRelease = false, sawUsb = false
        for (const step of s) {
            if (step.action === Rb.StepRelease) {
                sawRelease = true
                // Letting go of Side keeps Volume Down held.
                if (step.buttons === Rb.ButtonSide)
                    compare(step.held, Rb.ButtonVolumeDown)
            }
            if (step.until === Rb.UntilUsbMode) {
                sawUsb = true
                // The engine's pacing: the screen waits for the mode, not a timer.
                verify(step.waits)
            }
        }
        // Pacing is the engine's (rb_guide_pace): the cable 2.5 s, a tap 1.5 s.
        compare(s[0].durationMs, 2500)
        compare(s[1].durationMs, 1500)
        verify(!s[0].waits)
        verify(sawRelease)
        verify(sawUsb, "the last hold ends when the kiosk sees DFU")
        compare(unknown.steps.length, 0)
    }
    function test_model_lookup() {
        if (!ModelCatalog.available)
            skip("no model catalog")
        const m = ModelCatalog.lookup("iPhone17,1")
        compare(m.name, "iPhone 16 Pro")
        compare(m.drawing, Rb.DrawingIphoneCamera)
        compare(m.scheme, Rb.SchemeVolUpVolDownSide)
        compare(Object.keys(ModelCatalog.lookup("NoSuch9,9")).length, 0)
    }
}
