import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls

// One connected device: drawing, name, mode, trust, battery, one suggested next action.
Rectangle {
    id: card
    required property string key
    required property string name
    required property string productType
    required property string iosVersion
    required property string buildVersion
    required property int mode
    required property int trust
    required property int batteryPercent
    required property int batteryCharging
    required property int nextAction
    required property int drawing
    required property int index
    signal opened()
    signal actionChosen()

    objectName: "deviceCard"
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line
    border.width: 2

    MouseArea {
        anchors.fill: parent
        onClicked: card.opened()
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        DeviceDrawing {
            kind: card.drawing
            showLabels: false
            Layout.preferredWidth: Math.min(card.width * 0.22, 200)
            Layout.fillHeight: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6

            Text {
                objectName: "deviceName"
                text: card.name !== "" ? card.name : qsTr("Unknown device")
                font.pixelSize: Theme.headingText
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                text: card.iosVersion !== "" ? qsTr("%1 · iOS %2 (%3)").arg(card.productType)
                                                  .arg(card.iosVersion).arg(card.buildVersion)
                                             : card.productType
                font.pixelSize: Theme.smallText
                color: Theme.muted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ModeBadge { mode: card.mode }
            TrustLine {
                trust: card.trust
                Layout.fillWidth: true
            }
            BatteryLine {
                percent: card.batteryPercent
                charging: card.batteryCharging
            }
            Item { Layout.fillHeight: true }
            Text {
                objectName: "nextActionHint"
                visible: text !== ""
                text: CommonStrings.nextActionHint(card.nextAction)
                font.pixelSize: Theme.smallText
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ActionButton {
                objectName: "nextAction"
                primary: true
                text: CommonStrings.nextActionText(card.nextAction)
                Layout.fillWidth: true
                onClicked: card.actionChosen()
            }
        }
    }
}
