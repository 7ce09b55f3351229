import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// Settings (staff only, behind the PIN sign-in): language, store details for receipts,
// ports, firmware cache, backup folders, kiosk lock. Values live in the engine's
// rescuebay.conf (KioskSettings over rb_context); nothing is decided here.
Item {
    id: screen
    readonly property string title: qsTr("Settings")
    readonly property bool signedIn: TicketStore.staff !== ""
    property string message: ""
    property bool failed: false
    signal quitRequested()

    // The fields and the settings they store, written together by Save.
    readonly property var fields: [[storeName, "store.name"], [storeAddress, "store.address"],
                                   [storePhone, "store.phone"], [bays, "kiosk.bays"],
                                   [budget, "firmware.cache_budget"], [mirror, "firmware.catalog_url"],
                                   [roots, "backup.roots"]]
    function load() {
        for (const f of fields)
            f[0].text = KioskSettings.value(f[1], "")
    }
    function save() {
        let failures = 0
        for (const f of fields)
            if (f[0].text !== KioskSettings.value(f[1], "") && KioskSettings.setValue(f[1], f[0].text) !== Rb.StatusOk)
                failures++
        failed = failures > 0
        message = failed ? qsTr("Some settings could not be saved. Details: %1").arg(KioskSettings.errorText)
                         : qsTr("Saved. The number of ports and the kiosk lock apply from the next start.")
    }
    Component.onCompleted: load()

    StaffSignIn {
        objectName: "settingsSignIn"
        visible: !screen.signedIn
        anchors.centerIn: parent
        width: Math.min(560, parent.width - 2 * Theme.margin)
    }

    ColumnLayout {
        visible: screen.signedIn
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            ColumnLayout {
                id: column
                width: flick.width
                spacing: Theme.gap

                Text {
                    text: qsTr("Language")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Repeater {
                        model: KioskSettings.languages
                        onItemAdded: (i, item) => item.clicked.connect(() => KioskSettings.setLanguage(item.code))
                        ActionButton {
                            required property var modelData
                            readonly property string code: modelData.code
                            objectName: "language_" + modelData.code
                            text: modelData.name
                            primary: KioskSettings.language === modelData.code
                        }
                    }
                }

                Text {
                    text: qsTr("Store (printed on receipts)")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
                SettingField { id: storeName; objectName: "storeName"; label: qsTr("Store name"); Layout.fillWidth: true }
                SettingField { id: storeAddress; label: qsTr("Address"); Layout.fillWidth: true }
                SettingField {
                    id: storePhone
                    label: qsTr("Phone")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                    Layout.fillWidth: true
                }

                Text {
                    text: qsTr("Ports, firmware and backups")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
                SettingField {
                    id: bays
                    objectName: "baysField"
                    label: qsTr("Number of ports")
                    hint: qsTr("One card per port on the Bays screen (1 to 16).")
                    validator: IntValidator { bottom: 1; top: 16 }
                    inputMethodHints: Qt.ImhDigitsOnly
                    Layout.fillWidth: true
                }
                PortsPanel {
                    objectName: "portsPanel"
                    Layout.fillWidth: true
                }
                SettingField {
                    id: budget
                    label: qsTr("Firmware cache size")
                    hint: qsTr("For example 60G. The least recently used firmware files are removed above it.")
                    Layout.fillWidth: true
                }
                SettingField {
                    id: mirror
                    label: qsTr("Firmware catalog address")
                    hint: qsTr("Leave empty for the public catalog; a store chain can enter its own mirror.")
                    inputMethodHints: Qt.ImhUrlCharactersOnly
                    Layout.fillWidth: true
                }
                SettingField {
                    id: roots
                    objectName: "rootsField"
                    label: qsTr("Extra backup folders")
                    hint: qsTr("Folders with customer backups, separated by a colon (:).")
                    Layout.fillWidth: true
                }

                Text {
                    text: qsTr("Kiosk lock")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: KioskSettings.locked
                          ? qsTr("Locked: the kiosk fills the screen and cannot be closed without a staff PIN.")
                          : qsTr("Not locked: the kiosk runs in a normal window.")
                    font.pixelSize: Theme.bodyText
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    ActionButton {
                        objectName: "lockToggle"
                        text: KioskSettings.locked ? qsTr("Unlock the kiosk") : qsTr("Lock the kiosk")
                        onClicked: KioskSettings.setValue("kiosk.lock", KioskSettings.locked ? "no" : "yes")
                    }
                    ActionButton {
                        objectName: "quitKiosk"
                        destructive: true
                        text: qsTr("Close the kiosk")
                        onClicked: screen.quitRequested()
                    }
                }
            }
        }
        Text {
            objectName: "settingsMessage"
            visible: screen.message !== ""
            Layout.fillWidth: true
            text: screen.message
            font.pixelSize: Theme.bodyText
            color: screen.failed ? Theme.danger : Theme.ok
            wrapMode: Text.WordWrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            ActionButton {
                objectName: "saveSettings"
                primary: true
                text: qsTr("Save")
                onClicked: screen.save()
            }
            ActionButton {
                text: qsTr("Sign out %1").arg(TicketStore.staff)
                onClicked: TicketStore.signOut()
            }
        }
    }
}
