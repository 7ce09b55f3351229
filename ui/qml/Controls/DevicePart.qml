import QtQuick
import RescueBay.Theme

// One physical button on a drawing. Active + tap: a short pulse; active + hold: steady glow.
Rectangle {
    id: part
    property int bits: 0            // Rb.Button bits this key answers to
    property int highlight: 0       // the buttons to press now
    property bool holding: false
    property string label: ""
    property bool labelOnLeft: false
    property bool labelAbove: false
    property bool labelBelow: false
    property bool labelWhenActiveOnly: false
    readonly property bool active: (bits & highlight) !== 0

    radius: Math.min(width, height) / 2
    color: active ? Theme.highlight : "#5D6670"
    border.width: active ? 3 : 0
    border.color: "#7A4A00"

    SequentialAnimation on opacity {
        running: part.active && !part.holding
        loops: Animation.Infinite
        alwaysRunToEnd: true
        NumberAnimation { to: 0.25; duration: Theme.pulseMs / 2 }
        NumberAnimation { to: 1.0; duration: Theme.pulseMs / 2 }
    }
    // The glow of a held button.
    Rectangle {
        visible: part.active && part.holding
        anchors.centerIn: parent
        width: parent.width + 16
        height: parent.height + 16
        radius: Math.min(width, height) / 2
        color: "transparent"
        border.width: 4
        border.color: Theme.highlight
        opacity: 0.7
    }
    Text {
        visible: part.label !== "" && (part.active || !part.labelWhenActiveOnly)
        text: part.label
        font.pixelSize: Theme.smallText
        font.bold: part.active
        color: part.active ? Theme.text : Theme.muted
        x: part.labelAbove || part.labelBelow ? (part.width - width) / 2
           : part.labelOnLeft ? -width - 12 : part.width + 12
        y: part.labelAbove ? -height - 8 : part.labelBelow ? part.height + 10 : (part.height - height) / 2
    }
}
