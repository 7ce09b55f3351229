import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

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
    required property bool batteryLow
    required property int nextAction
    required property int drawing
    required property int index
    required property string location
    required property string portLabel
    // Its cell in the Bays grid (set by BaysScreen): bays stay in port order.
    property int slot: 0
    property int columns: 2
    Layout.row: Math.floor(slot / Math.max(1, columns))
    Layout.column: slot % Math.max(1, columns)
    signal opened()
    signal actionChosen()
    // This device's newest restore job ({} if none), shown as a ring.
    property var job: ({})
    readonly property bool jobShown: (job.job ?? 0) > 0 && job.state !== RestoreController.StateCancelled
    function refreshJob() { job = RestoreController.jobs.get(RestoreController.jobs.indexOfDevice(key)) }
    Component.onCompleted: refreshJob()
    onKeyChanged: refreshJob()
    Connections {
        target: RestoreController.jobs
        function onDataChanged() { card.refreshJob() }
        function onCountChanged() { card.refreshJob() }
    }

    // A short card (8 bays on one screen) keeps name, mode and the action; the rest is one
    // tap away in the device's flow.
    // (Decided once the card has its size: turning lines off and on again leaves Qt 6.4's
    // layout with stale wrapped heights.)
    readonly property bool compact: height > 0 && height < 330
    // What the drawing and the ring leave for the words: a long word (German badge and
    // button on 8 narrow cards) shrinks or wraps within it, never runs past the card.
    readonly property real infoWidth: width - 2 * Theme.gap - Theme.gap - Math.min(width * 0.22, 200)
                                      - (jobShown ? Theme.gap + Math.min(width * 0.22, 130) : 0)

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
            Layout.maximumWidth: card.infoWidth
            Layout.fillHeight: true
            spacing: 6

            Text {
                objectName: "portName"
                visible: card.location !== ""
                // A short card leaves "not named" to the Ports settings: one line for the port.
                text: card.portLabel !== "" ? qsTr("Port %1").arg(card.portLabel)
                    : card.compact ? qsTr("Port %1").arg(card.location)
                                   : qsTr("Port %1 (not named)").arg(card.location)
                font.pixelSize: Theme.smallText
                font.bold: true
                color: Theme.muted
                // "Anschluss 1-4 (ohne Namen)" on a narrow portrait card: wrap, never cut.
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                objectName: "deviceName"
                text: card.name !== "" ? card.name : qsTr("Unknown device")
                font.pixelSize: card.compact ? Theme.bodyText : Theme.headingText
                font.bold: true
                color: Theme.text
                // A narrow (portrait) card wraps a long name rather than cut it.
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                text: card.iosVersion !== "" ? qsTr("%1 · iOS %2 (%3)").arg(card.productType)
                                                  .arg(card.iosVersion).arg(card.buildVersion)
                                             : card.productType
                font.pixelSize: Theme.smallText
                color: Theme.muted
                wrapMode: Text.WordWrap
                visible: !card.compact
                Layout.fillWidth: true
            }
            ModeBadge {
                mode: card.mode
                Layout.maximumWidth: card.infoWidth
            }
            TrustLine {
                visible: !card.compact
                trust: card.trust
                Layout.fillWidth: true
            }
            BatteryLine {
                visible: !card.compact && card.batteryPercent >= 0
                percent: card.batteryPercent
                charging: card.batteryCharging
                low: card.batteryLow
            }
            Item { Layout.fillHeight: true }
            Text {
                objectName: "nextActionHint"
                visible: text !== "" && !card.jobShown && !card.compact
                text: CommonStrings.nextActionHint(card.nextAction)
                font.pixelSize: Theme.smallText
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                objectName: "cardJobLine"
                visible: card.jobShown
                text: card.job.state === RestoreController.StateInterrupted
                      ? RestoreStrings.nextText(card.job.nextAction ?? 0)
                      : RestoreStrings.stateWord(card.job.state ?? 0)
                font.pixelSize: Theme.smallText
                color: Theme.text
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ActionButton {
                objectName: "nextAction"
                primary: true
                text: card.jobShown && !card.job.final ? qsTr("Show the restore")
                                                       : CommonStrings.nextActionText(card.nextAction)
                Layout.fillWidth: true
                onClicked: card.actionChosen()
            }
        }

        ProgressRing {
            objectName: "cardRing"
            visible: card.jobShown
            Layout.preferredWidth: Math.min(card.width * 0.22, 130)
            Layout.preferredHeight: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            percent: card.job.percent ?? 0
            color: card.job.state === RestoreController.StateDone ? Theme.ok
                 : card.job.state === RestoreController.StateFailed ? Theme.danger
                 : card.job.state === RestoreController.StateInterrupted ? Theme.warning : Theme.accent
            icon: card.job.final ? RestoreStrings.stateIcon(card.job.state ?? 0) : ""
            label: RestoreStrings.stateWord(card.job.state ?? 0)
        }
    }
}
