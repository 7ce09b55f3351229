import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// Tickets: staff sign in with a PIN, then search the tickets and read one's timeline.
Item {
    id: screen
    readonly property string title: qsTr("Tickets")
    // Landscape: search in one row, list beside the ticket. Narrow (portrait): stacked.
    readonly property bool wide: width >= 1000
    readonly property bool signedIn: TicketStore.staff !== ""
    property string selectedNumber: ""
    property var timeline: []
    property var selectedRow: null

    function select(number: string) {
        selectedNumber = number
        timeline = TicketStore.events(number)
    }
    Component.onCompleted: if (signedIn) TicketStore.search("")

    // ---- sign-in -------------------------------------------------------------------
    StaffSignIn {
        id: signIn
        objectName: "ticketsSignIn"
        visible: !screen.signedIn
        anchors.centerIn: parent
        width: Math.min(560, parent.width - 2 * Theme.margin)
        onSignedIn: TicketStore.search("")
    }

    // ---- list and timeline ---------------------------------------------------------
    ColumnLayout {
        visible: screen.signedIn
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        // On a narrow (portrait) screen the search field has a line of its own, so its
        // hint shows in full.
        GridLayout {
            Layout.fillWidth: true
            columns: screen.wide ? 3 : 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            TextField {
                id: searchField
                objectName: "ticketSearch"
                Layout.fillWidth: true
                Layout.columnSpan: screen.wide ? 1 : 2
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Ticket number, customer, phone, serial or IMEI")
                font.pixelSize: Theme.bodyText
                onAccepted: TicketStore.search(text)
            }
            ActionButton {
                primary: true
                Layout.fillWidth: !screen.wide
                text: qsTr("Search")
                onClicked: TicketStore.search(searchField.text)
            }
            ActionButton {
                Layout.fillWidth: !screen.wide
                text: qsTr("Sign out %1").arg(TicketStore.staff)
                onClicked: {
                    screen.selectedNumber = ""
                    screen.timeline = []
                    signIn.clear()
                    TicketStore.signOut()
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.margin

            Rectangle {
                Layout.preferredWidth: screen.wide ? Math.min(560, screen.width * 0.5) : -1
                Layout.fillWidth: !screen.wide
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.line
                Text {
                    anchors.centerIn: parent
                    visible: ticketList.count === 0
                    text: qsTr("No tickets found.")
                    font.pixelSize: Theme.bodyText
                    color: Theme.muted
                }
                ListView {
                    id: ticketList
                    objectName: "ticketList"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 6
                    model: TicketStore.tickets
                    // var: the ListView only knows its items as Items.
                    readonly property var current: currentItem
                    onCurrentChanged: {
                        screen.selectedRow = current
                        if (current)
                            screen.select(current.number)
                    }
                    delegate: Rectangle {
                        id: trow
                        required property int index
                        required property string number
                        required property int status
                        required property string customerName
                        required property string customerPhone
                        required property string serial
                        required property string deviceModel
                        required property string problem
                        required property string updatedAt
                        readonly property var facts: [customerName, deviceModel, problem]
                        width: ListView.view.width
                        height: Math.max(Theme.touchTarget + 20, tcol.implicitHeight + 20)
                        radius: 10
                        color: ListView.isCurrentItem ? "#E8F0FC" : Theme.surface
                        border.color: ListView.isCurrentItem ? Theme.accent : Theme.line
                        Column {
                            id: tcol
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.margins: 12
                            Text {
                                width: parent.width
                                text: trow.number + " \u00B7 " + CommonStrings.ticketStatusWord(trow.status)
                                font.pixelSize: Theme.bodyText
                                font.bold: true
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Text {
                                width: parent.width
                                text: trow.facts.filter(s => s !== "").join(" \u00B7 ")
                                // The whole ticket shows beside the list when it is selected.
                                readonly property bool mayElide: true
                                font.pixelSize: Theme.smallText
                                color: Theme.muted
                                elide: Text.ElideRight
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: trow.ListView.view.currentIndex = trow.index
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                // Its width is what the list leaves, never the length of its longest line.
                Layout.preferredWidth: 10
                Layout.fillHeight: true
                spacing: Theme.gap
                visible: screen.selectedRow !== null

                // Who and what, then the ticket's story, oldest first.
                Text {
                    Layout.fillWidth: true
                    text: screen.selectedRow ? screen.selectedRow.number : ""
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                }
                // In an Item as tall as its wrapped text: a layout (Qt 6.4) keeps the height
                // of a Text's first wrap.
                Item {
                    Layout.fillWidth: true
                    implicitHeight: whoWhat.contentHeight
                    Text {
                        id: whoWhat
                        width: parent.width
                        text: screen.selectedRow
                              ? [screen.selectedRow.customerName, screen.selectedRow.customerPhone,
                                 screen.selectedRow.deviceModel, screen.selectedRow.serial].filter(x => x !== "").join(" \u00B7 ")
                                + (screen.selectedRow.problem !== "" ? "\n" + screen.selectedRow.problem : "")
                              : ""
                        font.pixelSize: Theme.bodyText
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    color: Theme.line
                }
                ListView {
                    objectName: "timeline"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 10
                    model: screen.timeline
                    delegate: RowLayout {
                        id: event
                        required property var modelData
                        width: ListView.view.width
                        spacing: Theme.gap
                        Text {
                            text: event.modelData.at.replace("T", " ").replace("Z", "").substring(0, 16)
                            font.pixelSize: Theme.smallText
                            color: Theme.muted
                            Layout.preferredWidth: 170
                            Layout.alignment: Qt.AlignTop
                        }
                        Column {
                            Layout.fillWidth: true
                            Text {
                                width: parent.width
                                text: CommonStrings.ticketEventWord(event.modelData.typeName)
                                      + (event.modelData.actor !== "" ? " \u00B7 " + event.modelData.actor : "")
                                font.pixelSize: Theme.bodyText
                                font.bold: true
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                width: parent.width
                                visible: text !== ""
                                text: event.modelData.redacted ? qsTr("(removed with the customer's data)")
                                      : RestoreStrings.eventSummaryText(event.modelData.typeName, event.modelData.summary)
                                font.pixelSize: Theme.bodyText
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
        }
    }
}
