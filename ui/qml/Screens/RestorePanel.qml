import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The Restore step of one job: the preflight checklist (each check with icon, word and
// colour, and why it stopped), then the step, percentage and time left; on an interruption
// one calm sentence and the attempts counting up while the engine resumes by itself.
// Engine codes only in the "details" fold.
Item {
    id: panel
    property var job: ({})               // a RestoreController.jobs row
    property bool showDetails: false
    readonly property int jobState: job.state ?? 0
    readonly property bool interrupted: jobState === RestoreController.StateInterrupted
    readonly property bool ended: job.final ?? false
    signal guideRequested(int next)

    function ringColor(st: int): color {
        return st === RestoreController.StateDone ? Theme.ok
             : st === RestoreController.StateFailed ? Theme.danger
             : st === RestoreController.StateInterrupted ? Theme.warning : Theme.accent
    }

    // Side by side on a landscape screen; on a narrow (portrait) one the checklist sits
    // above the progress, as tall as its items.
    readonly property bool wide: width >= 900
    // A short screen (1024x600): a smaller ring and message, so the buttons stay on screen.
    property bool compact: false

    GridLayout {
        anchors.fill: parent
        columns: panel.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.gap

        // The preflight checklist.
        Rectangle {
            Layout.preferredWidth: panel.wide ? Math.min(520, panel.width * 0.45) : -1
            Layout.fillWidth: !panel.wide
            Layout.fillHeight: panel.wide
            Layout.preferredHeight: checks.implicitHeight + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            // Scrolls where the screen is shorter than the list (1024x600).
            ScrollIfShort {
                id: checksFlick
                anchors.fill: parent
                anchors.margins: Theme.gap
                contentHeight: checks.implicitHeight
            Column {
                id: checks
                width: checksFlick.width
                spacing: 8
                Text {
                    text: qsTr("Before the restore")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    objectName: "checklist"
                    model: panel.job.checklist ?? []
                    delegate: Row {
                        id: check
                        required property var modelData
                        width: parent.width
                        spacing: 10
                        Text {
                            width: 30
                            text: RestoreStrings.checkIcon(check.modelData.result)
                            font.pixelSize: Theme.headingText
                            font.bold: true
                            color: check.modelData.result === RestoreController.CheckPassed ? Theme.ok
                                 : check.modelData.result === RestoreController.CheckFailed ? Theme.danger
                                 : check.modelData.result === RestoreController.CheckWarning ? Theme.warning : Theme.muted
                        }
                        Column {
                            width: parent.width - 40
                            Text {
                                width: parent.width
                                text: RestoreStrings.checkTitle(check.modelData.check) + " \u00B7 "
                                      + RestoreStrings.checkWord(check.modelData.result)
                                font.pixelSize: Theme.bodyText
                                color: check.modelData.result === RestoreController.CheckFailed ? Theme.danger : Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                width: parent.width
                                visible: text !== ""
                                text: check.modelData.result === RestoreController.CheckFailed
                                      ? RestoreStrings.causeText(check.modelData.cause)
                                      : check.modelData.result === RestoreController.CheckWarning
                                        ? RestoreStrings.warningText(check.modelData.warning) : ""
                                font.pixelSize: Theme.smallText
                                color: Theme.muted
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

          // The state and message scroll on a short screen; the buttons below stay put.
          ScrollIfShort {
            id: stateFlick
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: stateColumn.implicitHeight
            Layout.maximumHeight: stateColumn.implicitHeight
            contentHeight: stateColumn.implicitHeight
          ColumnLayout {
            id: stateColumn
            width: stateFlick.width
            spacing: Theme.gap

            RowLayout {
                spacing: Theme.margin
                ProgressRing {
                    objectName: "restoreRing"
                    Layout.preferredWidth: panel.compact ? 130 : 200
                    Layout.preferredHeight: Layout.preferredWidth
                    percent: panel.job.percent ?? 0
                    color: panel.ringColor(panel.jobState)
                    icon: panel.jobState === RestoreController.StateDone || panel.jobState === RestoreController.StateFailed
                          || panel.jobState === RestoreController.StateCancelled ? RestoreStrings.stateIcon(panel.jobState) : ""
                    // A small ring leaves the word to the line beside it.
                    label: panel.compact ? "" : RestoreStrings.stateWord(panel.jobState)
                }
                ColumnLayout {
                    spacing: 6
                    Layout.fillWidth: true
                    Text {
                        objectName: "restoreState"
                        text: RestoreStrings.stateIcon(panel.jobState) + " " + RestoreStrings.stateWord(panel.jobState)
                        font.pixelSize: panel.compact ? Theme.headingText : Theme.titleText
                        font.bold: true
                        color: panel.ringColor(panel.jobState)
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Text {
                        // Same height whether or not a step is known: nothing jumps.
                        Layout.preferredHeight: Theme.headingText + 6
                        text: panel.ended ? "" : RestoreStrings.stepWord(panel.job.step ?? -1)
                        font.pixelSize: Theme.headingText
                        color: Theme.text
                    }
                    Text {
                        objectName: "restoreEta"
                        Layout.preferredHeight: Theme.bodyText + 6
                        text: panel.ended || panel.interrupted ? "" : RestoreStrings.etaText(panel.job.etaSeconds ?? -1)
                        font.pixelSize: Theme.bodyText
                        color: Theme.muted
                    }
                    Text {
                        objectName: "restoreAttempts"
                        visible: (panel.job.attempts ?? 0) > 1 || panel.interrupted
                        text: RestoreStrings.attemptsText(panel.job.attempts ?? 0, panel.job.maxAttempts ?? 0)
                        font.pixelSize: Theme.bodyText
                        color: Theme.text
                    }
                }
            }

            // What happened and what to do now, in one calm box.
            Rectangle {
                objectName: "restoreMessage"
                visible: panel.interrupted || panel.jobState === RestoreController.StateFailed
                         || panel.jobState === RestoreController.StateWaitingForButtons
                Layout.fillWidth: true
                implicitHeight: msg.implicitHeight + 2 * Theme.gap
                radius: Theme.radius
                color: panel.jobState === RestoreController.StateFailed ? "#FBE9E7" : "#FFF4E0"
                border.color: panel.jobState === RestoreController.StateFailed ? Theme.danger : Theme.warning
                Column {
                    id: msg
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.gap
                    spacing: 6
                    Text {
                        width: parent.width
                        text: RestoreStrings.causeText(panel.job.cause ?? 0)
                        font.pixelSize: panel.compact ? Theme.bodyText : Theme.headingText
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "restoreNext"
                        width: parent.width
                        text: RestoreStrings.nextText(panel.job.nextAction ?? 0)
                        font.pixelSize: panel.compact ? Theme.bodyText : Theme.headingText
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
            }
            ActionButton {
                visible: panel.job.nextAction === RestoreController.NextForceRestart
                         || panel.job.nextAction === RestoreController.NextEnterRecovery
                text: qsTr("Show the buttons")
                primary: true
                onClicked: panel.guideRequested(panel.job.nextAction)
            }
          }
          }

            Item { Layout.fillHeight: true }

            RowLayout {
                Layout.fillWidth: true
                ActionButton {
                    objectName: "detailsToggle"
                    text: (panel.showDetails ? "\u25BE " : "\u25B8 ") + CommonStrings.details
                    onClicked: panel.showDetails = !panel.showDetails
                }
                Item { Layout.fillWidth: true }
                ActionButton {
                    objectName: "cancelRestore"
                    visible: !panel.ended && (panel.job.job ?? 0) > 0
                    destructive: true
                    text: qsTr("Stop the restore")
                    onClicked: RestoreController.cancel(panel.job.job)
                }
            }
            Text {
                objectName: "restoreDetails"
                visible: panel.showDetails
                text: qsTr("Job %1 \u00B7 state %2 \u00B7 cause %3 \u00B7 next %4\n%5")
                      .arg(panel.job.job ?? 0).arg(panel.job.stateName ?? "").arg(panel.job.causeName ?? "")
                      .arg(panel.job.nextActionName ?? "").arg(panel.job.causeDetail ?? "")
                font.pixelSize: Theme.smallText
                font.family: "monospace"
                color: Theme.muted
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
    }
}
