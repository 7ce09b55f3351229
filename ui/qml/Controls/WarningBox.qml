import QtQuick
import RescueBay.Theme

// "Be careful" line: a triangle, the words, and an amber rule.
Rectangle {
    id: box
    property alias text: label.text
    implicitHeight: label.paintedHeight + 20
    implicitWidth: 800
    color: "#FFF4E0"
    radius: 8
    border.color: Theme.warning
    border.width: 1

    Text {
        id: icon
        text: "\u26A0"
        color: Theme.warning
        font.pixelSize: Theme.headingText
        anchors.left: parent.left
        anchors.leftMargin: 12
        anchors.verticalCenter: parent.verticalCenter
    }
    Text {
        id: label
        anchors.left: icon.right
        anchors.leftMargin: 10
        anchors.right: parent.right
        anchors.rightMargin: 12
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.smallText
        color: Theme.text
        wrapMode: Text.WordWrap
    }
}
