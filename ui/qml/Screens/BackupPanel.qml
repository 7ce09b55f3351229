import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The Backup step: this device's backups first, deep verification with progress, and the
// verdict as a big word with plain reasons and what can still be saved.
Item {
    id: panel
    property string deviceKey: ""
    property string deviceUdid: ""
    property string deviceIos: ""
    property string deviceProductType: ""
    // var: the ListView only knows its items as Items.
    readonly property var currentRow: list.currentItem
    readonly property var selected: list.currentIndex >= 0 && currentRow ? currentRow.entry : null
    readonly property var reasons: verifier.reasons
    readonly property var inventory: verifier.inventory
    readonly property bool verdictShown: !verifier.running && verifier.verdict >= 0
                                         && selected !== null && verifier.verifiedPath === selected.path
    // The backup whose deep verification said "restorable" ("" if none): the restore's
    // safety gate gets this one.
    readonly property string restorablePath: !verifier.running && verifier.verdict === 0
                                             && verifier.status === 0 ? verifier.verifiedPath : ""
    // The password that opened it (encrypted backups): the restore's gate checks the backup
    // again and needs it. Held in memory for this device's flow only, never written anywhere.
    readonly property string restorablePassword: restorablePath !== "" ? verifiedPassword : ""
    property string verifiedPassword: ""
    property string pendingPassword: ""

    BackupVerifier {
        id: verifier
        deviceUdid: panel.deviceUdid
        deviceIos: panel.deviceIos
        deviceProductType: panel.deviceProductType
        Component.onCompleted: refresh()
        onResultChanged: {
            if (!running) {
                panel.verifiedPassword = verdict === 0 && status === 0 ? panel.pendingPassword : ""
                panel.pendingPassword = ""
            }
            // A restorable deep check of this device's own backup changes its next action.
            if (verdict === 0 && status === 0 && panel.selected && panel.selected.thisDevice)
                DeviceMonitor.devices.setBackupVerified(panel.deviceKey, true)
        }
    }

    // The list beside the verification on a landscape screen; above it (a few rows high,
    // scrolling) on a narrow (portrait) one.
    readonly property bool wide: width >= 900
    GridLayout {
        anchors.fill: parent
        columns: panel.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.gap

        Rectangle {
            Layout.preferredWidth: panel.wide ? (panel.width >= 1200 ? 540 : panel.width * 0.36) : -1
            Layout.fillWidth: !panel.wide
            Layout.fillHeight: panel.wide
            Layout.preferredHeight: 4 * (Theme.touchTarget + 26)
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line

            Text {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: verifier.listing ? qsTr("Looking for backups\u2026")
                                       : qsTr("No backups found on this computer.")
                font.pixelSize: Theme.bodyText
                color: Theme.muted
            }
            ListView {
                id: list
                objectName: "backupList"
                anchors.fill: parent
                anchors.margins: 8
                clip: true
                spacing: 6
                model: verifier.backups
                currentIndex: count > 0 ? 0 : -1
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string path
                    required property string deviceName
                    required property string modelName
                    required property string productType
                    required property string iosVersion
                    required property string date
                    required property string status
                    required property int encrypted
                    required property bool thisDevice
                    readonly property var entry: ({ path: path, encrypted: encrypted, thisDevice: thisDevice })
                    readonly property var facts: [modelName !== "" ? modelName : productType,
                                                  iosVersion !== "" ? "iOS " + iosVersion : "",
                                                  date.substring(0, 10),
                                                  encrypted === 1 ? qsTr("encrypted") : ""]
                    width: ListView.view.width
                    height: Math.max(Theme.touchTarget + 20, rowText.implicitHeight + 20)
                    radius: 10
                    color: ListView.isCurrentItem ? "#E8F0FC" : Theme.surface
                    border.color: ListView.isCurrentItem ? Theme.accent : Theme.line
                    border.width: ListView.isCurrentItem ? 2 : 1
                    Column {
                        id: rowText
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.margins: 12
                        spacing: 2
                        Text {
                            width: parent.width
                            text: (row.thisDevice ? "\u2605 " + qsTr("This device") + " \u00B7 " : "")
                                  + (row.deviceName !== "" ? row.deviceName : qsTr("Unnamed device"))
                            font.pixelSize: Theme.bodyText
                            font.bold: row.thisDevice
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            width: parent.width
                            text: row.facts.filter(s => s !== "").join(" \u00B7 ")
                            font.pixelSize: Theme.smallText
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: row.ListView.view.currentIndex = row.index
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap
            visible: panel.selected !== null

            TextField {
                id: password
                objectName: "backupPassword"
                // Kept in place when not needed, so the Verify button never moves.
                enabled: panel.selected !== null && panel.selected.encrypted === 1
                opacity: enabled ? 1 : 0
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                echoMode: TextInput.Password
                placeholderText: qsTr("Backup password (used once, never stored)")
                font.pixelSize: Theme.bodyText
            }
            RowLayout {
                spacing: Theme.gap
                ActionButton {
                    objectName: "verifyButton"
                    primary: true
                    enabled: !verifier.running
                    text: qsTr("Verify backup")
                    onClicked: {
                        panel.verifiedPassword = ""
                        panel.pendingPassword = password.text
                        verifier.verify(panel.selected.path, password.text)
                        password.text = ""
                    }
                }
                ActionButton {
                    visible: verifier.running
                    text: qsTr("Stop")
                    onClicked: verifier.cancel()
                }
            }
            ColumnLayout {
                visible: verifier.running
                Layout.fillWidth: true
                Text {
                    text: CommonStrings.backupStepText(verifier.step)
                    font.pixelSize: Theme.bodyText
                    color: Theme.text
                }
                ProgressBar {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 24
                    from: 0
                    to: 1
                    value: Math.max(0, verifier.fraction)
                    indeterminate: verifier.fraction < 0
                }
            }

            // The verdict: one big word, then the reasons and what can be saved; a long
            // list of findings scrolls, the Next button below never moves off screen.
            Flickable {
                id: verdictFlick
                visible: panel.verdictShown
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentHeight: verdictColumn.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: verdictColumn
                    width: verdictFlick.width
                    spacing: 8
                    Text {
                        objectName: "backupVerdict"
                        text: (verifier.verdict === 0 ? "\u2713 " : "\u2715 ") + CommonStrings.backupVerdictWord(verifier.verdict)
                        font.pixelSize: Theme.hugeText
                        font.bold: true
                        color: verifier.verdict === 0 ? Theme.ok : Theme.danger
                    }
                    Text {
                        text: panel.selected && !panel.selected.thisDevice && verifier.verdict === 0
                              ? qsTr("This backup is from another device.") : ""
                        visible: text !== ""
                        font.pixelSize: Theme.bodyText
                        color: Theme.warning
                    }
                    Text {
                        Layout.fillWidth: true
                        text: panel.reasons.map(r => "\u2022 " + CommonStrings.backupReasonText(r.code, r.count)).join("\n")
                        visible: text !== ""
                        font.pixelSize: Theme.bodyText
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: panel.inventory.map(c => CommonStrings.inventoryText(c.category, c.intact, c.damaged)).join("\n")
                        visible: text !== ""
                        font.pixelSize: Theme.smallText
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                    }
                }
            }
            Text {
                visible: !verifier.running && verifier.status !== 0 && verifier.verdict < 0
                Layout.fillWidth: true
                text: qsTr("The backup could not be checked.") + " " + CommonStrings.details + ": " + verifier.detail
                font.pixelSize: Theme.bodyText
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
            Item {
                visible: !panel.verdictShown
                Layout.fillHeight: true
            }
        }
    }
}
