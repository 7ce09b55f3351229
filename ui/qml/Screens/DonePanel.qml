import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The Done step: the outcome with the installed version and what to do with the device,
// and the customer's receipt as a PDF.
Item {
    id: panel
    property var job: ({})
    property string ticket: ""
    property string receiptResult: ""
    readonly property int jobState: job.state ?? 0
    readonly property bool done: jobState === RestoreController.StateDone

    // Scrolls on a short screen (1024x600) once the receipt's path is shown.
    ScrollIfShort {
        id: doneFlick
        anchors.fill: parent
        contentHeight: doneColumn.implicitHeight
    ColumnLayout {
        id: doneColumn
        width: doneFlick.width
        spacing: Theme.gap
        Text {
            objectName: "outcomeWord"
            text: RestoreStrings.stateIcon(panel.jobState) + " " + RestoreStrings.stateWord(panel.jobState)
            font.pixelSize: Theme.hugeText
            font.bold: true
            color: panel.done ? Theme.ok : Theme.danger
        }
        Text {
            objectName: "outcomeVersion"
            visible: panel.done
            text: qsTr("iOS %1 (%2) is installed.").arg(panel.job.version ?? "").arg(panel.job.build ?? "")
            font.pixelSize: Theme.titleText
            color: Theme.text
        }
        Text {
            visible: !panel.done
            text: RestoreStrings.causeText(panel.job.cause ?? 0)
            font.pixelSize: Theme.headingText
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            text: RestoreStrings.nextText(panel.job.nextAction ?? 0)
            font.pixelSize: Theme.headingText
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Item { Layout.preferredHeight: Theme.gap }
        Text {
            text: panel.ticket !== "" ? qsTr("Ticket %1").arg(panel.ticket)
                                      : qsTr("This restore is not on a ticket.")
            font.pixelSize: Theme.bodyText
            color: Theme.muted
        }
        ActionButton {
            objectName: "saveReceipt"
            visible: panel.ticket !== ""
            text: qsTr("Save the receipt as PDF")
            onClicked: {
                const path = TicketStore.receiptPath(panel.ticket)
                const st = TicketStore.saveReceipt(panel.ticket, path)
                panel.receiptResult = st === 0 ? qsTr("Saved: %1").arg(path)
                                               : qsTr("The receipt could not be saved: %1").arg(TicketStore.errorText)
            }
        }
        Text {
            objectName: "receiptResult"
            text: panel.receiptResult
            font.pixelSize: Theme.smallText
            color: Theme.muted
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
    }
    }
}
