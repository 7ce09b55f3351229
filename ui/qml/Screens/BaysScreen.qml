import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// Home: one card per bay, devices in port order, then the empty bays.
Item {
    id: screen
    readonly property string title: qsTr("Bays")
    signal openDevice(string key)
    signal actionChosen(string key, int action)

    readonly property int deviceCount: DeviceMonitor.devices.count
    readonly property int bays: Math.max(DeviceMonitor.bayCount, deviceCount)
    readonly property int columns: bays <= 4 ? 2 : 3
    readonly property var emptyPorts: {
        const ports = []
        for (let p = deviceCount + 1; p <= bays; p++)
            ports.push(p)
        return ports
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        WarningBox {
            objectName: "monitorUnavailable"
            Layout.fillWidth: true
            visible: !DeviceMonitor.available
            text: qsTr("Device detection is not running, so no device can appear here. Details: %1")
                  .arg(DeviceMonitor.errorText) + "\n"
                  + qsTr("Start the usbmuxd service (sudo systemctl start usbmuxd), then plug the devices in again.")
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.columns
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap

            Repeater {
                model: DeviceMonitor.devices
                onItemAdded: (i, item) => {
                    item.opened.connect(() => screen.openDevice(item.key))
                    item.actionChosen.connect(() => screen.actionChosen(item.key, item.nextAction))
                }
                DeviceCard {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: 10
                }
            }
            Repeater {
                // Without detection an empty bay would be a lie: only the warning shows.
                model: DeviceMonitor.available ? screen.emptyPorts : []
                EmptyBayCard {
                    required property int modelData
                    port: modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: 10
                }
            }
        }
    }
}
