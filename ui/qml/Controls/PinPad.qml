import QtQuick
import QtQuick.Layouts
import RescueBay.Theme

// Digits for a staff PIN on the touchscreen: big keys, no physical keyboard needed.
GridLayout {
    id: pad
    // One touch target tall on a short screen (1024x600), so pad and confirm fit beside each other.
    property int keyHeight: Theme.touchTarget + 8
    signal digit(string d)
    signal back()
    signal confirm()
    columns: 3
    rowSpacing: 10
    columnSpacing: 10

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "\u232B", "0", "OK"]
        onItemAdded: (i, item) => {
            // Set from here: the delegate is its own component and cannot see the pad's id.
            item.Layout.preferredHeight = Qt.binding(() => pad.keyHeight)
            item.clicked.connect(() => {
                if (item.key === "\u232B")
                    pad.back()
                else if (item.key === "OK")
                    pad.confirm()
                else
                    pad.digit(item.key)
            })
        }
        ActionButton {
            required property string modelData
            readonly property string key: modelData
            objectName: "pinKey_" + (modelData === "\u232B" ? "back" : modelData)
            text: modelData === "OK" ? qsTr("OK") : modelData
            primary: modelData === "OK"
            font.pixelSize: Theme.headingText
            Layout.preferredWidth: Theme.touchTarget + 36
        }
    }
}
