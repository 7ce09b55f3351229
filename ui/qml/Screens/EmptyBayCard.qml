import QtQuick
import RescueBay.Theme

Rectangle {
    property int port: 1
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
