import QtQuick
import QtQuick.Controls.Basic
import QtQuick.VirtualKeyboard
import QtTest
import RescueBay.Screens
import RescueBay.Theme
import RescueBay.Core

// Settings behind the staff sign-in, the run-time language switch, the kiosk lock and the
// on-screen keyboard. Runs after tst_tickets.qml (file order): the staff member "ann"
// (PIN 1234) may already exist in this run's fresh data folder.
TestCase {
    id: tc
    name: "Settings"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component { id: settingsComponent; SettingsScreen { width: 1280; height: 720 } }
    Component { id: mainComponent; Main { startScreen: "settings"; width: 1280; height: 800 } }
    Component {
        id: fieldAndKeyboard
        Item {
            width: 1280
            height: 800
            property alias field: field
            property alias panel: panel
            TextField { id: field; objectName: "field"; y: 40; width: 400; height: 64; inputMethodHints: Qt.ImhNoPredictiveText }
            InputPanel { id: panel; width: parent.width; y: active ? parent.height - height : parent.height }
        }
    }

    function signIn(screen) {
        findChild(screen, "staffName").text = "ann"
        for (const d of "1234")
            mouseClick(findChild(screen, "pinKey_" + d))
        mouseClick(findChild(screen, "pinKey_OK"))
    }
    // The keyboard's key for `code`, found by walking the panel's items.
    function findKey(item, code) {
        if (!(item instanceof Item))
            return null
        let k
        try { k = item.key } catch (e) { k = undefined }   // some items have a key that throws
        if (k === code && item.visible && item.width > 0)
            return item
        for (let i = 0; i < item.children.length; i++) {
            const found = findKey(item.children[i], code)
            if (found)
                return found
        }
        return null
    }

    function cleanup() {
        KioskSettings.setLanguage("en")
        KioskSettings.setValue("kiosk.lock", "")
    }

    function test_settings_need_a_signed_in_staff_member() {
        if (!TicketStore.available)
            skip("no ticket store: " + TicketStore.errorText)
        TicketStore.signOut()
        if (!TicketStore.hasStaff)
            verify(TicketStore.addFirstStaff("ann", "1234") === Rb.StatusOk)
        TicketStore.signOut()
        const s = createTemporaryObject(settingsComponent, tc)
        verify(findChild(s, "settingsSignIn").visible)
        verify(!findChild(s, "saveSettings").visible, "nothing to change before signing in")
        signIn(s)
        tryVerify(() => s.signedIn)
        verify(findChild(s, "saveSettings").visible)

        findChild(s, "storeName").text = "Fix-it Corner"
        findChild(s, "baysField").text = "6"
        mouseClick(findChild(s, "saveSettings"))
        verify(!s.failed, s.message)
        compare(KioskSettings.value("store.name"), "Fix-it Corner")
        compare(KioskSettings.value("kiosk.bays"), "6")
        // A new screen shows what is stored.
        const again = createTemporaryObject(settingsComponent, tc)
        compare(findChild(again, "storeName").text, "Fix-it Corner")
        TicketStore.signOut()
    }

    function test_language_switches_at_run_time() {
        const s = createTemporaryObject(settingsComponent, tc)
        compare(s.title, "Settings")
        verify(KioskSettings.setLanguage("de"))
        compare(KioskSettings.language, "de")
        compare(s.title, "Einstellungen")
        compare(CommonStrings.buttonName(Rb.ButtonSide, Rb.DrawingIphoneFaceId), "Seitentaste")
        compare(CommonStrings.buttonName(Rb.ButtonSide, Rb.DrawingIphoneHomeTop), "obere Taste")
        compare(KioskSettings.value("kiosk.language"), "de", "the choice is stored")
        verify(KioskSettings.setLanguage("fr"))
        compare(s.title, "Réglages")
        compare(CommonStrings.procedureTitle(Rb.EnterRecovery), "Passer en mode de récupération")
        verify(KioskSettings.setLanguage("es"))
        compare(s.title, "Ajustes")
        compare(CommonStrings.buttonName(Rb.ButtonSide, Rb.DrawingIphoneFaceId), "Botón lateral")
        verify(!KioskSettings.setLanguage("xx"), "an unknown language is refused")
        compare(KioskSettings.language, "es")
        verify(KioskSettings.setLanguage("en"))
        compare(s.title, "Settings")
    }

    function test_locked_kiosk_does_not_close() {
        KioskSettings.setValue("kiosk.lock", "yes")
        verify(KioskSettings.locked)
        const w = createTemporaryObject(mainComponent, null)
        tryVerify(() => w.visible)
        w.close()
        verify(w.visible, "a locked kiosk refuses to close (Alt+F4, window manager)")
        keyClick(Qt.Key_Escape)
        verify(w.visible)
        KioskSettings.setValue("kiosk.lock", "no")
        w.close()
        verify(!w.visible, "unlocked, it closes normally")
    }

    function test_on_screen_keyboard_types_into_a_field() {
        const o = createTemporaryObject(fieldAndKeyboard, tc)
        // The input method serves the focus window's focus item only.
        o.Window.window.requestActivate()
        tryVerify(() => o.Window.window.active)
        mouseClick(o.field)
        verify(o.field.activeFocus, "the tap focuses the field")
        // Offscreen, Qt shows the input panel only on request (a touch screen does it on tap).
        Qt.inputMethod.show()
        tryVerify(() => Qt.inputMethod.visible || o.panel.active, 5000,
                  "tapping a field opens the keyboard (active " + o.panel.active + ")")
        let key = null
        tryVerify(() => (key = findKey(o.panel, Qt.Key_A)) !== null, 5000)
        mouseClick(key)
        key = findKey(o.panel, Qt.Key_B)
        mouseClick(key)
        // The keyboard starts a field with a capital letter, as for a name.
        tryVerify(() => o.field.text + o.field.preeditText === "Ab", 3000, "typed: " + o.field.text + o.field.preeditText)
        verify(o.field.mapToItem(o, 0, o.field.height).y <= o.panel.y, "the field stays above the keyboard")
    }

    function test_keyboard_never_covers_the_focused_field() {
        if (!TicketStore.available)
            skip("no ticket store: " + TicketStore.errorText)
        const w = createTemporaryObject(mainComponent, null)
        tryVerify(() => w.visible)
        w.requestActivate()
        tryVerify(() => w.active)
        const s = w.currentScreen
        if (!TicketStore.hasStaff)
            TicketStore.addFirstStaff("ann", "1234")
        compare(TicketStore.signIn("ann", "1234"), Rb.StatusOk)
        tryVerify(() => s.signedIn)
        // The last field of the form: at the bottom of the screen, under where the keyboard opens.
        const field = findChild(s, "rootsField").input
        field.forceActiveFocus()
        Qt.inputMethod.show()
        const panel = findChild(w.contentItem, "keyboard")
        tryVerify(() => panel.active, 5000)
        tryVerify(() => w.keyboardShift >= 0)
        const bottom = field.mapToItem(w.contentItem, 0, field.height).y
        verify(bottom <= panel.y, "field bottom " + bottom + " above keyboard top " + panel.y)
        verify(field.mapToItem(w.contentItem, 0, 0).y >= 0, "and not pushed off the top")
        TicketStore.signOut()
    }
}
