import QtQuick
import RescueBay.Theme
import RescueBay.Core

// Mode as icon + word + colour (never colour alone).
Rectangle {
    id: badge
    property int mode: Rb.ModeUnknown
    readonly property string word: CommonStrings.modeWord(mode)

    implicitWidth: icon.implicitWidth + row.spacing + modeWord.implicitWidth + 2 * Theme.gap
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
            id: icon
            text: CommonStrings.modeIcon(badge.mode)
            color: "white"
            font.pixelSize: Theme.bodyText
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            id: modeWord
            objectName: "modeWord"
            // A badge squeezed by a narrow card (8 bays, German) shrinks its word, never cuts it.
            width: Math.max(0, Math.min(implicitWidth, badge.width - 2 * Theme.gap - icon.width - row.spacing))
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.smallText - 4
            text: badge.word
            color: "white"
            font.pixelSize: Theme.bodyText
            font.bold: true
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
