import QtQuick
import RescueBay.Theme

// One physical button on a drawing. Active + tap: a halo pulses around it; active + hold: a
// steady glow. The key itself and its name never fade: the key to press must be unmistakable.
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
    // The room a side label may take (it wraps instead of running over the views).
    property real labelWidth: 160
    readonly property bool active: (bits & highlight) !== 0

    radius: Math.min(width, height) / 2
    color: active ? Theme.highlight : "#5D6670"
    border.width: active ? 3 : 0
    border.color: "#7A4A00"

    Rectangle {   // the halo: pulses for a tap, glows steadily for a hold
        id: halo
        visible: part.active
        anchors.centerIn: parent
        width: parent.width + 20
        height: parent.height + 20
        radius: Math.min(width, height) / 2
        color: "transparent"
        border.width: 5
        border.color: Theme.highlight
        SequentialAnimation on scale {
            running: part.active && !part.holding
            loops: Animation.Infinite
            alwaysRunToEnd: true
            NumberAnimation { from: 1.0; to: 1.35; duration: Theme.pulseMs / 2 }
            NumberAnimation { from: 1.35; to: 1.0; duration: Theme.pulseMs / 2 }
        }
    }
    Rectangle {   // the name, on a pill when it is the key to press
        objectName: "partLabel"
        visible: part.label !== "" && (part.active || !part.labelWhenActiveOnly)
        readonly property bool beside: !part.labelAbove && !part.labelBelow
        width: Math.min(labelText.implicitWidth, part.labelWidth) + 12
        height: labelText.implicitHeight + 6
        radius: 6
        color: part.active ? Theme.highlight : "transparent"
        x: !beside ? (part.width - width) / 2 : part.labelOnLeft ? -width - 14 : part.width + 14
        y: part.labelAbove ? -height - 12 : part.labelBelow ? part.height + 12 : (part.height - height) / 2
        Text {
            id: labelText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, part.labelWidth)
            text: part.label
            font.pixelSize: Theme.smallText
            font.bold: part.active
            color: part.active ? Theme.text : Theme.muted
            wrapMode: Text.WordWrap
            horizontalAlignment: part.labelOnLeft ? Text.AlignRight : Text.AlignLeft
        }
    }
}
