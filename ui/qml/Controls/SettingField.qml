import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme

// One setting: its name above, an editable field (the on-screen keyboard opens on tap),
// and a hint under it saying what the value means.
ColumnLayout {
    id: field
    property alias label: labelText.text
    property alias hint: hintText.text
    property alias text: input.text
    property alias validator: input.validator
    property alias inputMethodHints: input.inputMethodHints
    property alias input: input
    signal edited()
    spacing: 4

    Text {
        id: labelText
        Layout.fillWidth: true
        font.pixelSize: Theme.bodyText
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    TextField {
        id: input
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        font.pixelSize: Theme.bodyText
        // Addresses, folders and URLs: no word guesses from the keyboard.
        inputMethodHints: Qt.ImhNoPredictiveText
        onEditingFinished: field.edited()
    }
    Text {
        id: hintText
        visible: text !== ""
        Layout.fillWidth: true
        font.pixelSize: Theme.smallText
        color: Theme.muted
        wrapMode: Text.WordWrap
    }
}
