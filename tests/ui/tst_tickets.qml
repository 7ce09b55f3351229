import QtQuick
import QtTest
import RescueBay.Screens
import RescueBay.Core

// Staff sign-in on the PIN pad, in a fresh data folder (set up by tst_kiosk_qml.cpp).
TestCase {
    name: "Tickets"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component { id: ticketsComponent; TicketsScreen { width: 1280; height: 720 } }

    function typePin(screen, digits) {
        for (const d of digits)
            mouseClick(findChild(screen, "pinKey_" + d))
    }

    function test_first_staff_then_sign_in() {
        if (!TicketStore.available)
            skip("no ticket store: " + TicketStore.errorText)
        let s = createTemporaryObject(ticketsComponent, this)
        verify(!s.signedIn)
        verify(!TicketStore.hasStaff, "a fresh store has no staff")
        findChild(s, "staffName").text = "ann"
        typePin(s, "1234")
        compare(findChild(s, "pinDots").text.length > 0, true)
        mouseClick(findChild(s, "pinKey_OK"))
        tryVerify(() => s.signedIn)
        compare(TicketStore.staff, "ann")
        compare(findChild(s, "ticketList").count, 0)
        TicketStore.signOut()
        verify(!s.signedIn)

        findChild(s, "staffName").text = "ann"
        typePin(s, "9999")
        mouseClick(findChild(s, "pinKey_OK"))
        verify(!s.signedIn)
        verify(findChild(s, "signInMessage").text.indexOf("Wrong") >= 0)
        compare(findChild(s, "ticketsSignIn").pin, "", "a wrong PIN is cleared")
        typePin(s, "12345")
        mouseClick(findChild(s, "pinKey_back"))
        mouseClick(findChild(s, "pinKey_OK"))
        tryVerify(() => s.signedIn)
        TicketStore.signOut()
    }
}
