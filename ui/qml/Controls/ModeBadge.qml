import QtQuick
import RescueBay.Theme
import RescueBay.Core

// Mode as icon + word + colour (never colour alone).
Rectangle {
    id: badge
    property int mode: Rb.ModeUnknown
    readonly property string word: CommonStrings.modeWord(mode)

    implicitWidth: row.implicitWidth + 2 * Theme.gap
    implicitHeight: Math.max(40, row.implicitHeight + 12)
    radius: height / 2
    color: mode === Rb.ModeNormal ? Theme.modeNormal
         : mode === Rb.ModeRecovery ? Theme.modeRecovery
         : mode === Rb.ModeDfu ? Theme.modeDfu
         : mode === Rb.ModeRestore ? Theme.modeRestore : Theme.modeUnknown

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 8
        Text {
            text: CommonStrings.modeIcon(badge.mode)
            color: "white"
            font.pixelSize: Theme.bodyText
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            objectName: "modeWord"
            text: badge.word
            color: "white"
            font.pixelSize: Theme.bodyText
            font.bold: true
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
