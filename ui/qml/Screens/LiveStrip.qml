import QtQuick
import RescueBay.Theme
import RescueBay.Core

// The bottom strip of the guide: what the kiosk actually sees the device doing.
Rectangle {
    id: strip
    property int verdict: Rb.VerdictWaiting
    property int seenMode: Rb.ModeUnknown
    property bool seen: false
    // Set by the screen from the engine's rule (Guide.reached): a tick, not a cross.
    property bool good: false

    implicitHeight: Math.max(Theme.touchTarget + 8, label.implicitHeight + 24)
    color: good ? "#E3F1E6" : verdict === Rb.VerdictWaiting ? Theme.surface : "#FCE8E6"
    border.color: good ? Theme.ok : verdict === Rb.VerdictWaiting ? Theme.line : Theme.danger
    border.width: 2
    radius: Theme.radius

    Text {
        id: icon
        anchors.left: parent.left
        anchors.leftMargin: Theme.gap
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.titleText
        text: strip.good ? "\u2713" : strip.verdict === Rb.VerdictWaiting ? "\u2026" : "\u2715"
        color: strip.good ? Theme.ok : strip.verdict === Rb.VerdictWaiting ? Theme.muted : Theme.danger
    }
    Text {
        id: label
        objectName: "verdictText"
        anchors.left: icon.right
        anchors.leftMargin: Theme.gap
        anchors.right: parent.right
        anchors.rightMargin: Theme.gap
        anchors.verticalCenter: parent.verticalCenter
        text: (strip.seen ? qsTr("Seen now: %1.").arg(CommonStrings.modeWord(strip.seenMode)) + " " : "")
              + CommonStrings.verdictText(strip.verdict)
        font.pixelSize: Theme.bodyText
        font.bold: strip.verdict !== Rb.VerdictWaiting
        color: Theme.text
        wrapMode: Text.WordWrap
    }
}
