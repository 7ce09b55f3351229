import QtQuick
import QtQuick.Layouts
import RescueBay.Theme

Rectangle {
    property string port: "1"   // the port's name (a number unless staff named it)
    objectName: "emptyBay"
    // Its cell in the Bays grid (set by BaysScreen): bays stay in port order.
    property int slot: 0
    property int columns: 2
    Layout.row: Math.floor(slot / Math.max(1, columns))
    Layout.column: slot % Math.max(1, columns)
    radius: Theme.radius
    color: Theme.surfaceAlt
    border.color: Theme.line
    border.width: 2

    Text {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("Plug a device into port %1").arg(parent.port)
        font.pixelSize: Theme.headingText
        color: Theme.muted
    }
}
