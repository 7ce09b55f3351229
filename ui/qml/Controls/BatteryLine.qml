import QtQuick
import RescueBay.Theme

// Battery as a small gauge and a number; nothing when unknown (recovery, DFU, unpaired).
Row {
    id: battery
    property int percent: -1
    property int charging: -1
    // Too low to restore: the engine's rule (rb_restore_battery_low, restore.min_battery).
    property bool low: false
    visible: percent >= 0
    spacing: 8

    Rectangle {
        width: 44; height: 22; radius: 4
        anchors.verticalCenter: parent.verticalCenter
        border.width: 2
        border.color: Theme.muted
        color: "transparent"
        Rectangle {
            x: 3; y: 3; height: parent.height - 6
            width: Math.max(0, (parent.width - 6) * battery.percent / 100)
            radius: 2
            color: battery.low ? Theme.danger : Theme.ok
        }
    }
    Text {
        text: battery.charging === 1 ? qsTr("%1 % battery, charging").arg(battery.percent)
                                     : qsTr("%1 % battery").arg(battery.percent)
        font.pixelSize: Theme.bodyText
        color: battery.low ? Theme.danger : Theme.text
        anchors.verticalCenter: parent.verticalCenter
    }
}
