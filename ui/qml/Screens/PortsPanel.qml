import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// Settings -> Ports: staff name the USB ports once by plugging a phone into each, so the
// bays follow the counter's physical order. Names are stored by the engine (ports.names);
// this panel only notices where a phone arrived.
ColumnLayout {
    id: panel
    spacing: Theme.gap
    property bool naming: false
    property int next: 1
    // Ports that held a device when the flow started or the last step ended.
    property var present: []

    function locations() {
        const out = []
        for (let i = 0; i < DeviceMonitor.devices.count; i++) {
            const loc = DeviceMonitor.devices.get(i).location
            if (loc !== "")
                out.push(loc)
        }
        return out
    }
    function start() {
        next = 1
        nextName.text = "1"
        present = locations()
        naming = true
    }
    // A phone showed up on `port` during the flow: it gets the next name.
    function portSeen(port) {
        if (!naming || port === "")
            return false
        const name = nextName.text.trim() !== "" ? nextName.text.trim() : String(next)
        if (!DeviceMonitor.setPortLabel(port, name))
            return false
        next++
        nextName.text = String(next)
        return true
    }
    function refresh() {
        if (!naming)
            return
        const now = locations()
        for (const loc of now)
            if (present.indexOf(loc) < 0)
                portSeen(loc)
        present = now
    }
    Connections {
        target: DeviceMonitor.devices
        function onCountChanged() { panel.refresh() }
        function onDataChanged() { panel.refresh() }
    }

    Text {
        text: qsTr("Port names")
        font.pixelSize: Theme.headingText
        font.bold: true
        color: Theme.text
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    Text {
        objectName: "portsStep"
        Layout.fillWidth: true
        text: panel.naming
              ? qsTr("Plug a phone into the port you want to call %1.").arg(nextName.text.trim() !== "" ? nextName.text.trim() : panel.next)
              : qsTr("Name each port once so the bays are in the order of the counter: tap Name the ports, then plug a phone into one port after the other.")
        font.pixelSize: panel.naming ? Theme.headingText : Theme.bodyText
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    SettingField {
        id: nextName
        objectName: "nextPortName"
        visible: panel.naming
        label: qsTr("Name for this port")
        hint: qsTr("A number or a short name, for example 1 or Left.")
        text: "1"
        Layout.fillWidth: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gap
        ActionButton {
            objectName: "namePorts"
            primary: !panel.naming
            text: panel.naming ? qsTr("Done naming ports") : qsTr("Name the ports")
            onClicked: panel.naming ? panel.naming = false : panel.start()
        }
    }
    Text {
        objectName: "portError"
        visible: DeviceMonitor.portError !== ""
        Layout.fillWidth: true
        text: qsTr("The name was not saved: %1").arg(DeviceMonitor.portError)
        font.pixelSize: Theme.bodyText
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
    Repeater {
        model: DeviceMonitor.ports
        RowLayout {
            id: portRow
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                Layout.fillWidth: true
                text: qsTr("Port %1 is the USB port %2").arg(portRow.modelData.label).arg(portRow.modelData.port)
                font.pixelSize: Theme.bodyText
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            ActionButton {
                objectName: "forgetPort_" + portRow.modelData.port
                text: qsTr("Forget")
                onClicked: DeviceMonitor.setPortLabel(portRow.modelData.port, "")
            }
        }
    }
}
