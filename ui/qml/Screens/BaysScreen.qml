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

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        WarningBox {
            objectName: "monitorUnavailable"
            Layout.fillWidth: true
            visible: !DeviceMonitor.available
            text: qsTr("Device detection is not running, so no device can appear here. Details: %1")
                  .arg(DeviceMonitor.errorText)
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.columns
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            readonly property int rows: Math.ceil(screen.bays / screen.columns)
            readonly property real cellHeight: (height - (rows - 1) * rowSpacing) / rows

            Repeater {
                model: DeviceMonitor.devices
                DeviceCard {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: grid.cellHeight
                    onOpened: screen.openDevice(key)
                    onActionChosen: screen.actionChosen(key, nextAction)
                }
            }
            Repeater {
                model: Math.max(0, screen.bays - screen.deviceCount)
                EmptyBayCard {
                    required property int index
                    port: screen.deviceCount + index + 1
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: grid.cellHeight
                }
            }
        }
    }
}
