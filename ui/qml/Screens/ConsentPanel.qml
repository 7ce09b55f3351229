import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The last word before anything touches the device. An update says it keeps the data. An
// erase says, in large type for the customer, what will be erased and what protects it: the
// verified backup, or else the customer's waiver, which a staff member signs with their PIN.
Item {
    id: panel
    property string deviceName: ""
    property bool erase: false
    property string build: ""
    property string backupPath: ""       // a backup whose verification said restorable
    property string ticket: ""
    property string busyText: ""         // set while the engine checks and starts
    property bool customerAgreed: false
    property string pin: ""
    readonly property bool waiver: erase && backupPath === ""
    signal confirmed(var request)

    function reset() {
        customerAgreed = false
        pin = ""
    }
    onEraseChanged: reset()

    // A short screen (1024x600): the words scroll above the PIN pad, which sits between
    // the staff's lines and the confirm button, all on one row.
    property bool compact: false
    readonly property bool oneRow: width >= 1180 || compact

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

      ScrollIfShort {
        id: wordsFlick
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredHeight: words.implicitHeight
        Layout.maximumHeight: words.implicitHeight
        contentHeight: words.implicitHeight
      ColumnLayout {
        id: words
        width: wordsFlick.width
        spacing: Theme.gap

        Text {
            objectName: "consentHeadline"
            text: !panel.erase ? qsTr("Update iOS on %1. The customer's data stays on it.").arg(panel.deviceName)
                               : qsTr("Your data on this %1 will be erased.").arg(panel.deviceName)
            font.pixelSize: panel.erase ? Theme.hugeText : Theme.titleText
            font.bold: true
            color: panel.erase ? Theme.danger : Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            visible: panel.erase
            text: panel.waiver ? qsTr("There is no verified backup: photos, messages and everything else on it cannot be recovered.")
                               : qsTr("It is kept safe in the backup checked today. It can be put back on the device after the restore.")
            font.pixelSize: Theme.headingText
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            visible: panel.erase && !panel.waiver
            text: "\u2713 " + qsTr("Backup: %1").arg(panel.backupPath)
            font.pixelSize: Theme.smallText
            color: Theme.ok
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }

        // The waiver: the customer agrees, then staff sign with their PIN.
        ColumnLayout {
            visible: panel.waiver
            spacing: Theme.gap
            Layout.fillWidth: true
            // Once agreed it gives its room to the PIN pad (the agreement shows beside it).
            ActionButton {
                objectName: "customerAgrees"
                destructive: true
                visible: !panel.customerAgreed
                text: qsTr("I understand: erase my data without a backup")
                font.pixelSize: Theme.headingText
                Layout.preferredWidth: 760
                Layout.maximumWidth: panel.width
                onClicked: panel.customerAgreed = true
            }
        }
      }
      }

        Item { Layout.fillHeight: true }

        // The staff's PIN beside the confirm button where the screen is wide enough: on a
        // landscape counter screen the pad and the button never push each other off screen.
        GridLayout {
            Layout.fillWidth: true
            columns: panel.oneRow ? 3 : 2
            columnSpacing: Theme.margin
            rowSpacing: Theme.gap
            ColumnLayout {
                visible: panel.waiver && panel.customerAgreed
                spacing: 8
                Layout.alignment: Qt.AlignTop
                Text {
                    objectName: "customerAgreed"
                    text: "\u2713 " + qsTr("The customer agreed")
                    font.pixelSize: Theme.bodyText
                    font.bold: true
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    Layout.preferredWidth: panel.compact ? 280 : 360
                }
                Text {
                    text: TicketStore.staff !== "" ? qsTr("Staff: %1, enter your PIN to sign the waiver").arg(TicketStore.staff)
                                                   : qsTr("Staff: type your name and PIN to sign the waiver")
                    font.pixelSize: Theme.bodyText
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.preferredWidth: panel.compact ? 280 : 360
                }
                TextField {
                    id: staffName
                    visible: TicketStore.staff === ""
                    placeholderText: qsTr("Staff name")
                    font.pixelSize: Theme.bodyText
                    Layout.preferredWidth: panel.compact ? 280 : 360
                    Layout.preferredHeight: Theme.touchTarget
                }
                Text {
                    objectName: "pinDots"
                    // Fixed height: the pad below never moves as digits are typed.
                    Layout.preferredHeight: Theme.titleText + 8
                    text: panel.pin.length > 0 ? "\u25CF ".repeat(panel.pin.length) : qsTr("PIN")
                    font.pixelSize: Theme.titleText
                    color: panel.pin.length > 0 ? Theme.text : Theme.muted
                }
            }
            PinPad {
                visible: panel.waiver && panel.customerAgreed
                objectName: "waiverPinPad"
                keyHeight: panel.compact ? Theme.touchTarget : Theme.touchTarget + 8
                onDigit: d => { if (panel.pin.length < 12) panel.pin += d }
                onBack: panel.pin = panel.pin.slice(0, -1)
                onConfirm: confirmButton.clicked()
            }
            ColumnLayout {
                Layout.columnSpan: panel.waiver && panel.customerAgreed && !panel.oneRow ? 2 : 1
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignBottom
                spacing: Theme.gap

                Text {
                    visible: panel.busyText !== ""
                    text: panel.busyText
                    font.pixelSize: Theme.bodyText
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ActionButton {
                    id: confirmButton
                    objectName: "confirmRestore"
                    // An erase is never the accent default: it is the red, deliberate one.
                    primary: !panel.erase
                    destructive: panel.erase
                    enabled: panel.busyText === "" && (!panel.waiver || (panel.customerAgreed && panel.pin.length >= 4))
                    text: !panel.erase ? qsTr("Start the update") : qsTr("Erase and restore")
                    font.pixelSize: Theme.headingText
                    Layout.alignment: Qt.AlignRight
                    Layout.preferredWidth: panel.compact ? 320 : 420
                    onClicked: {
                        const pin = panel.pin
                        panel.pin = ""
                        panel.confirmed({
                            erase: panel.erase, build: panel.build,
                            backupPath: panel.waiver ? "" : panel.backupPath,
                            ticket: panel.ticket,
                            waiver: panel.waiver ? qsTr("The customer agreed on the kiosk to erase the device without a backup.") : "",
                            staff: panel.waiver ? (TicketStore.staff !== "" ? TicketStore.staff : staffName.text) : "",
                            pin: panel.waiver ? pin : ""
                        })
                    }
                }
            }
        }
    }
}
