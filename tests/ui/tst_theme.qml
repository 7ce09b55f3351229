import QtQuick
import QtTest
import RescueBay.Theme
import RescueBay.Core

TestCase {
    name: "Theme"

    function test_touch_and_text_sizes() {
        verify(Theme.touchTarget >= 40, "touch target below 9 mm at 1280x800")
        verify(Theme.smallText >= 18, "text below 18 px")
        verify(Theme.bodyText >= 18)
        verify(Theme.headingText >= 24)
    }
    function test_every_mode_has_word_and_icon() {
        const modes = [Rb.ModeUnknown, Rb.ModeNormal, Rb.ModeRecovery, Rb.ModeDfu, Rb.ModeRestore]
        const icons = {}
        for (const m of modes) {
            verify(CommonStrings.modeWord(m).length > 0)
            icons[CommonStrings.modeIcon(m)] = true
        }
        compare(Object.keys(icons).length, modes.length, "each mode needs its own shape")
        compare(CommonStrings.modeWord(Rb.ModeDfu), "DFU")
    }
    function test_every_next_action_has_text() {
        for (let a = Rb.NextWaitIdentify; a <= Rb.NextResumeRestore; a++)
            verify(CommonStrings.nextActionText(a) !== CommonStrings.nextActionText(Rb.NextNone), "action " + a)
    }
    function test_verdict_texts() {
        verify(CommonStrings.verdictText(Rb.VerdictReleasedTooLate).indexOf("recovery mode, not DFU") >= 0)
        verify(CommonStrings.verdictText(Rb.VerdictHeldTooLong).indexOf("Apple logo") >= 0)
    }
    function test_step_sentences() {
        compare(CommonStrings.stepText(Rb.StepPress, Rb.ButtonVolumeUp, Rb.ButtonVolumeUp, 0, Rb.DrawingIphoneFaceId),
                "Press and quickly release Volume Up")
        compare(CommonStrings.stepText(Rb.StepRelease, Rb.ButtonSide, Rb.ButtonVolumeDown, Rb.ButtonSide | Rb.ButtonVolumeDown, Rb.DrawingIphoneFaceId),
                "Let go of Side, keep holding Volume Down")
        compare(CommonStrings.stepText(Rb.StepHold, Rb.ButtonSide | Rb.ButtonVolumeDown, Rb.ButtonSide | Rb.ButtonVolumeDown,
                                       Rb.ButtonSide, Rb.DrawingIphoneFaceId),
                "Keep holding Side and also press and hold Volume Down")
        compare(CommonStrings.buttonName(Rb.ButtonSide, Rb.DrawingIpadTop), "Top")
    }
}
