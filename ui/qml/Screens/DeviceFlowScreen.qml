import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// One device's way through Identify -> Backup -> Choose -> Mode -> Restore -> Done.
// Choose, Restore and Done need engine parts the kiosk does not drive yet: they are shown
// as unavailable, never faked.
Item {
    id: screen
    property string deviceKey: ""
    property int current: Rb.FlowIdentify
    property var device: ({})
    // The last info seen stays on screen while the device is unplugged or rebooting.
    property bool present: false
    readonly property bool known: device.key !== undefined
    readonly property string title: known ? device.name : qsTr("Device unplugged")
    signal guideRequested(string key, int procedure)

    function refresh() {
        const row = DeviceMonitor.devices.indexOf(deviceKey)
        present = row >= 0
        if (present)
            device = DeviceMonitor.devices.get(row)
    }
    Component.onCompleted: refresh()
    onDeviceKeyChanged: refresh()
    Connections {
        target: DeviceMonitor.devices
        function onDataChanged() { screen.refresh() }
        function onCountChanged() { screen.refresh() }
    }

    readonly property var stepStates: [
        { step: Rb.FlowIdentify, state: current === Rb.FlowIdentify ? "current" : (present ? "done" : "open"), reason: "" },
        { step: Rb.FlowBackup, state: current === Rb.FlowBackup ? "current" : "open", reason: "" },
        { step: Rb.FlowChoose, state: current === Rb.FlowChoose ? "current" : "unavailable", reason: CommonStrings.notYet },
        { step: Rb.FlowMode, state: current === Rb.FlowMode ? "current" : "open", reason: "" },
        { step: Rb.FlowRestore, state: current === Rb.FlowRestore ? "current" : "unavailable", reason: CommonStrings.notYet },
        { step: Rb.FlowDone, state: current === Rb.FlowDone ? "current" : "unavailable", reason: CommonStrings.notYet }
    ]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        StepperBar {
            objectName: "stepper"
            Layout.fillWidth: true
            steps: screen.stepStates
            onPicked: step => screen.current = step
        }

        WarningBox {
            Layout.fillWidth: true
            visible: !screen.present
            text: qsTr("This device was unplugged. Plug it back in: it will appear here again.")
        }

        // Identify: everything the engine knows about the device.
        GridLayout {
            visible: screen.current === Rb.FlowIdentify && screen.known
            Layout.fillWidth: true
            columns: 4
            columnSpacing: Theme.gap
            rowSpacing: 10
            Repeater {
                model: [
                    [qsTr("Model"), screen.device.name],
                    [qsTr("Model number"), screen.device.productType],
                    [qsTr("Mode"), CommonStrings.modeWord(screen.device.mode ?? 0)],
                    [qsTr("Trust"), CommonStrings.trustText(screen.device.trust ?? 0)],
                    [qsTr("iOS"), screen.device.iosVersion ? screen.device.iosVersion + " (" + screen.device.buildVersion + ")" : ""],
                    [qsTr("Serial number"), screen.device.serial],
                    [qsTr("ECID"), screen.device.ecid],
                    [qsTr("UDID"), screen.device.udid],
                    [qsTr("IMEI"), screen.device.imei],
                    [qsTr("Activation"), screen.device.activationState],
                    [qsTr("Find My"), screen.device.findMy === 1 ? qsTr("On") : screen.device.findMy === 0 ? qsTr("Off") : ""],
                    [qsTr("Battery"), screen.device.batteryPercent >= 0 ? screen.device.batteryPercent + " %" : ""],
                    [qsTr("Free storage"), screen.device.diskFree >= 0 ? qsTr("%1 GB of %2 GB").arg((screen.device.diskFree / 1e9).toFixed(1)).arg((screen.device.diskTotal / 1e9).toFixed(0)) : ""],
                    [qsTr("Port"), screen.device.location]
                ]
                delegate: RowLayout {
                    required property var modelData
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    spacing: Theme.gap
                    Text {
                        text: parent.modelData[0]
                        font.pixelSize: Theme.bodyText
                        color: Theme.muted
                        Layout.preferredWidth: 190
                    }
                    Text {
                        text: parent.modelData[1] ? parent.modelData[1] : qsTr("not known yet")
                        font.pixelSize: Theme.bodyText
                        color: parent.modelData[1] ? Theme.text : Theme.muted
                        elide: Text.ElideMiddle
                        readonly property bool mayElide: true   // long identifiers (UDID)
                        Layout.fillWidth: true
                    }
                }
            }
        }

        BackupPanel {
            visible: screen.current === Rb.FlowBackup
            Layout.fillWidth: true
            Layout.fillHeight: true
            deviceKey: screen.deviceKey
            deviceUdid: screen.device.udid ?? ""
            deviceIos: screen.device.iosVersion ?? ""
            deviceProductType: screen.device.productType ?? ""
        }

        // Mode: the guide for every procedure, software shortcut first.
        ColumnLayout {
            visible: screen.current === Rb.FlowMode
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                text: qsTr("Which mode does the device need?")
                font.pixelSize: Theme.headingText
                color: Theme.text
            }
            Repeater {
                model: [Rb.EnterRecovery, Rb.EnterDfu, Rb.ExitRecovery, Rb.ExitDfu]
                onItemAdded: (i, item) => item.clicked.connect(() => screen.guideRequested(screen.deviceKey, item.modelData))
                ActionButton {
                    required property int modelData
                    text: CommonStrings.procedureTitle(modelData)
                    Layout.preferredWidth: 560
                }
            }
        }

        // Steps whose engine part is not in this version.
        ColumnLayout {
            visible: screen.current === Rb.FlowChoose
                     || screen.current === Rb.FlowRestore || screen.current === Rb.FlowDone
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                objectName: "unavailableTitle"
                text: CommonStrings.unavailable
                font.pixelSize: Theme.titleText
                font.bold: true
                color: Theme.muted
            }
            Text {
                text: qsTr("This kiosk cannot do this step yet. Do not erase or restore this device from here.")
                font.pixelSize: Theme.bodyText
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        Item {
            visible: screen.current !== Rb.FlowBackup
            Layout.fillHeight: true
        }
    }
}
