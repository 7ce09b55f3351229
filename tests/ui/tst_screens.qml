import QtQuick
import QtTest
import RescueBay.Screens
import RescueBay.Core

// Screens without a running device monitor (the test process never starts it).
TestCase {
    name: "Screens"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component { id: baysComponent; BaysScreen { width: 1280; height: 720 } }
    Component { id: guideComponent; GuideScreen { width: 1280; height: 720 } }
    Component { id: stripComponent; LiveStrip { width: 800 } }

    // Detection is off here (no monitor started): the note says so and how to fix it, and
    // no empty bay pretends that a phone plugged in now would show up.
    function test_no_empty_bays_without_detection() {
        const bays = createTemporaryObject(baysComponent, this)
        verify(bays)
        verify(!DeviceMonitor.available)
        const note = findChild(bays, "monitorUnavailable")
        verify(note.visible, "an honest note when detection is off")
        verify(note.text.indexOf("usbmuxd") >= 0, "and how to fix it")
        verify(DeviceMonitor.bayCount > 0)
        for (let port = 1; port <= DeviceMonitor.bayCount; port++)
            verify(!findText(bays, "Plug a device into port " + port), "no empty bay " + port)
    }

    function test_guide_preview_for_a_model() {
        if (!ModelCatalog.available)
            skip("no model catalog")
        const g = createTemporaryObject(guideComponent, this,
                                        { procedure: Rb.EnterDfu, previewProductType: "iPhone17,1" })
        verify(g.title.indexOf("iPhone 16 Pro") >= 0)
        verify(g.steps.length >= 5)
        compare(g.stepIndex, -1)
        // Idle: the first key to press pulses on the drawing.
        compare(findChild(g, "drawing").highlight, Rb.ButtonVolumeUp)
        g.start()
        verify(g.running)
        compare(g.stepIndex, 0)
        tryVerify(() => g.stepIndex >= 1, 5000, "the guide advances by itself")
        // The first hold: the ring counts down the engine's seconds, the key glows.
        tryVerify(() => g.step !== null && g.step.action === Rb.StepHold, 10000)
        compare(findChild(g, "drawing").highlight, Rb.ButtonSide)
        verify(findChild(g, "drawing").holding)
        const ring = findChild(g, "holdRing")
        verify(ring.visible)
        tryVerify(() => ring.secondsLeft > 0 && ring.secondsLeft <= 10, 2000)
        tryVerify(() => ring.fraction > 0, 5000, "the ring fills while the key is held")
        grabImage(g).save("guide_hold.png")
    }

    function test_live_strip_words() {
        const s = createTemporaryObject(stripComponent, this)
        const label = findChild(s, "verdictText")
        verify(label.text.indexOf("Listening") >= 0)
        s.verdict = Rb.VerdictReleasedTooLate
        verify(label.text.indexOf("recovery mode, not DFU") >= 0)
        s.verdict = Rb.VerdictSuccess
        s.seen = true
        s.seenMode = Rb.ModeDfu
        verify(label.text.indexOf("Seen now: DFU") >= 0)
    }

    function findText(item, text) {
        if (item.text !== undefined && item.text === text)
            return item
        for (let i = 0; i < item.children.length; i++) {
            const r = findText(item.children[i], text)
            if (r)
                return r
        }
        return null
    }
}
