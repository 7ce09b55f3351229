import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Core

// Staff sign-in with name + PIN on the PIN pad (the very first staff member is set up here
// as administrator). Whoever is signed in shows in TicketStore.staff. Used by every staff
// screen (Tickets, Settings), so a sign-in looks and behaves the same everywhere.
ColumnLayout {
    id: signIn
    property string pin: ""
    property string message: ""
    signal signedIn()
    spacing: Theme.gap

    // After a sign-out the next person signs in with their own name.
    function clear() {
        nameField.text = ""
        pin = ""
        message = ""
    }

    function submit() {
        const st = TicketStore.hasStaff ? TicketStore.signIn(nameField.text, pin)
                                        : TicketStore.addFirstStaff(nameField.text, pin)
        pin = ""
        message = st === Rb.StatusOk ? "" : CommonStrings.signInText(st)
        if (st === Rb.StatusOk)
            signIn.signedIn()
    }

    Text {
        text: TicketStore.hasStaff ? qsTr("Staff sign-in") : qsTr("Set up the first staff member")
        font.pixelSize: Theme.titleText
        font.bold: true
        color: Theme.text
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    WarningBox {
        visible: !TicketStore.available && TicketStore.errorText !== ""
        Layout.fillWidth: true
        text: qsTr("Staff sign-in is not possible: the ticket store cannot be opened. Details: %1")
              .arg(TicketStore.errorText)
    }
    TextField {
        id: nameField
        objectName: "staffName"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        placeholderText: qsTr("Your name")
        font.pixelSize: Theme.bodyText
        inputMethodHints: Qt.ImhNoPredictiveText
    }
    Text {
        objectName: "pinDots"
        // One height for the hint and the dots: the pad below never moves.
        Layout.preferredHeight: Theme.titleText + 12
        verticalAlignment: Text.AlignVCenter
        text: signIn.pin.length > 0 ? "\u25CF ".repeat(signIn.pin.length) : qsTr("PIN (4 to 12 digits)")
        font.pixelSize: signIn.pin.length > 0 ? Theme.titleText : Theme.bodyText
        color: signIn.pin.length > 0 ? Theme.text : Theme.muted
    }
    PinPad {
        onDigit: d => { if (signIn.pin.length < 12) signIn.pin += d }
        onBack: signIn.pin = signIn.pin.slice(0, -1)
        onConfirm: signIn.submit()
    }
    Text {
        objectName: "signInMessage"
        // Always takes its room: a message appearing must not re-centre the pad.
        Layout.fillWidth: true
        Layout.preferredHeight: 2 * Theme.bodyText + 12
        text: signIn.message
        font.pixelSize: Theme.bodyText
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
}
