import QtQuick
import QtTest
import RescueBay.Controls
import RescueBay.Core

TestCase {
    name: "Controls"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    ModeBadge { id: badge; mode: Rb.ModeDfu }
    DeviceDrawing { id: drawing; width: 400; height: 600; kind: Rb.DrawingIphoneCamera }

    function test_badge_has_word_and_is_big_enough() {
        compare(findChild(badge, "modeWord").text, "DFU")
        verify(badge.height >= 40)
        badge.mode = Rb.ModeRecovery
        compare(findChild(badge, "modeWord").text, "Recovery")
    }

    function test_drawings_name_their_buttons() {
        const kinds = [Rb.DrawingIphoneHome, Rb.DrawingIphoneSolidHome, Rb.DrawingIphoneFaceId,
                       Rb.DrawingIphoneAction, Rb.DrawingIphoneCamera, Rb.DrawingIpadHome,
                       Rb.DrawingIpadTop, Rb.DrawingIpadTopVolume]
        for (const k of kinds) {
            drawing.kind = k
            const bits = drawing.parts.reduce((acc, p) => acc | p.bits, 0)
            verify(bits & Rb.ButtonSide, "drawing " + k + " has a Side/Top key")
        }
        drawing.kind = Rb.DrawingIphoneCamera
        const names = drawing.parts.map(p => p.label)
        verify(names.indexOf("Camera Control") >= 0)
        verify(names.indexOf("Action") >= 0)
        drawing.kind = Rb.DrawingIpadTopVolume
        const near = drawing.parts.filter(p => p.bits & Rb.ButtonVolumeNear)
        compare(near.length, 1)
        compare(near[0].edge, "top")
    }

    function test_highlight_marks_only_the_pressed_key() {
        drawing.kind = Rb.DrawingIphoneFaceId
        drawing.highlight = Rb.ButtonVolumeDown
        const active = drawing.parts.filter(p => (p.bits & p.highlight) !== 0)
        compare(active.length, 1)
        compare(active[0].bits, Rb.ButtonVolumeDown)
    }
}
