import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// Home: one card per bay in port order (the engine orders the devices: named ports by
// name, then the others). A named port without a device keeps its place as an empty bay
// ("Plug a device into port 2"); unnamed empty bays follow up to the number of ports.
Item {
    id: screen
    readonly property string title: qsTr("Bays")
    signal openDevice(string key)
    signal actionChosen(string key, int action)

    readonly property int deviceCount: DeviceMonitor.devices.count
    // usbmuxd down: phones in normal mode cannot appear, so no bay may look ready.
    readonly property bool usbmuxdDown: DeviceMonitor.available
        && (DeviceMonitor.usbmuxdState === DeviceMonitor.UsbmuxdNotRunning
            || DeviceMonitor.usbmuxdState === DeviceMonitor.UsbmuxdBadAnswer)
    property int revision: 0
    Connections {
        target: DeviceMonitor.devices
        function onDataChanged() { screen.revision++ }
        function onRowsMoved() { screen.revision++ }
        function onCountChanged() { screen.revision++ }
    }
    // The grid's cells in order: {row: model row} for a device, {label} for an empty bay.
    readonly property var slots: {
        void revision
        const rows = []
        for (let i = 0; i < deviceCount; i++)
            rows.push(DeviceMonitor.devices.get(i))
        const out = []
        const placed = {}
        for (const p of DeviceMonitor.ports) {
            const at = rows.findIndex(r => r.location === p.port)
            if (at >= 0) {
                out.push({ row: at })
                placed[at] = true
            } else {
                out.push({ row: -1, label: p.label })
            }
        }
        for (let i = 0; i < rows.length; i++)
            if (!placed[i])
                out.push({ row: i })
        // unnamed empty bays are numbered by position, skipping numbers staff gave a port
        let k = out.length + 1
        while (out.length < DeviceMonitor.bayCount) {
            const label = String(k++)
            if (!DeviceMonitor.ports.some(p => p.label === label))
                out.push({ row: -1, label: label })
        }
        return out
    }
    readonly property int bays: slots.length
    readonly property int columns: bays <= 4 ? 2 : 3
    readonly property var emptyPorts: slots.filter(s => s.row < 0).map(s => s.label)
    function slotOf(row) {
        const i = slots.findIndex(s => s.row === row)
        return i < 0 ? slots.length : i
    }
    function slotOfEmpty(label) {
        const i = slots.findIndex(s => s.row < 0 && s.label === label)
        return i < 0 ? slots.length : i
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        WarningBox {
            objectName: "usbmuxdDown"
            Layout.fillWidth: true
            visible: screen.usbmuxdDown
            text: DeviceMonitor.usbmuxdState === DeviceMonitor.UsbmuxdBadAnswer
                  ? qsTr("usbmuxd does not answer properly, so phones that are switched on cannot be seen. Restart it: run \"sudo systemctl restart usbmuxd\".")
                  : qsTr("usbmuxd is not running, so phones that are switched on cannot be seen. Run \"sudo systemctl start usbmuxd\", or plug a phone in to start it.")
        }

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
                    item.slot = Qt.binding(() => screen.slotOf(item.index))
                    item.columns = Qt.binding(() => screen.columns)
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
                model: DeviceMonitor.available && !screen.usbmuxdDown ? screen.emptyPorts : []
                onItemAdded: (i, item) => {
                    item.slot = Qt.binding(() => screen.slotOfEmpty(item.port))
                    item.columns = Qt.binding(() => screen.columns)
                }
                EmptyBayCard {
                    id: emptyCell
                    required property string modelData
                    port: emptyCell.modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: 10
                }
            }
        }
    }
}
