import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The Choose step: update (keeps the data) or erase, and which iOS. The newest build Apple
// still signs is chosen by default; builds already in the cache are marked.
Item {
    id: panel
    property string productType: ""
    property bool backupVerified: false
    property bool erase: false
    // A short screen (1024x600): tiles as tall as their words.
    property bool compact: false
    // "" = the newest signed build (the row chosen at first)
    readonly property string build: buildList.currentIndex >= 0 && buildList.currentIndex < builds.length
                                    ? builds[buildList.currentIndex].build : ""
    property var builds: []
    property bool offline: false
    property bool loading: false
    property int catalogStatus: 0
    signal next()

    function load() {
        if (productType === "")
            return
        loading = true
        FirmwareCache.builds(productType)
    }
    component ChoiceTile: Rectangle {
        id: tile
        property bool chosen: false
        property bool danger: false
        property int minHeight: 150
        property string title: ""
        property string text: ""
        property string note: ""
        signal picked()
        Layout.fillWidth: true
        Layout.preferredWidth: 10
        // Grows with a wrapped (German, portrait) title rather than cut it.
        Layout.preferredHeight: Math.max(minHeight, tileColumn.implicitHeight + 2 * Theme.gap)
        radius: Theme.radius
        color: chosen ? "#E8F0FC" : Theme.surface
        border.width: chosen ? 3 : 1
        border.color: chosen ? (danger ? Theme.danger : Theme.accent) : Theme.line
        Column {
            id: tileColumn
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: 6
            Text {
                width: parent.width
                text: (tile.chosen ? "\u25C9 " : "\u25CB ") + tile.title
                font.pixelSize: Theme.headingText
                font.bold: true
                color: tile.danger ? Theme.danger : Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: tile.text
                font.pixelSize: Theme.bodyText
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                visible: text !== ""
                text: tile.note
                font.pixelSize: Theme.smallText
                color: Theme.ok
                wrapMode: Text.WordWrap
            }
        }
        MouseArea {
            anchors.fill: parent
            onClicked: tile.picked()
        }
    }
    Component.onCompleted: load()
    onProductTypeChanged: load()
    Connections {
        target: FirmwareCache
        function onBuildsReady(productType: string, builds: var, offline: bool, status: int, detail: string) {
            if (productType !== panel.productType)
                return
            panel.loading = false
            panel.builds = builds
            buildList.currentIndex = builds.findIndex(b => b.signedNow)
            panel.offline = offline
            panel.catalogStatus = status
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

      // The choice and the version's heading scroll on a short screen (1024x600), the
      // Next button below stays on it.
      ScrollIfShort {
        id: topFlick
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredHeight: topColumn.implicitHeight
        Layout.maximumHeight: topColumn.implicitHeight
        contentHeight: topColumn.implicitHeight
      ColumnLayout {
        id: topColumn
        width: topFlick.width
        spacing: Theme.gap

        Text {
            text: qsTr("What should happen to this device?")
            font.pixelSize: Theme.headingText
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            spacing: Theme.gap
            Layout.fillWidth: true
            ChoiceTile {
                objectName: "chooseUpdate"
                minHeight: panel.compact ? 0 : 150
                chosen: !panel.erase
                title: qsTr("Update iOS")
                text: qsTr("Keeps the customer's data, apps and settings.")
                onPicked: panel.erase = false
            }
            ChoiceTile {
                objectName: "chooseErase"
                minHeight: panel.compact ? 0 : 150
                chosen: panel.erase
                danger: true
                title: qsTr("Erase and restore")
                text: qsTr("Wipes the device and installs iOS fresh. Needs a verified backup or the customer's waiver.")
                note: panel.backupVerified ? "\u2713 " + qsTr("A verified backup of this device protects the data.") : ""
                onPicked: panel.erase = true
            }
        }

        Text {
            text: qsTr("iOS version")
            font.pixelSize: Theme.headingText
            font.bold: true
            color: Theme.text
        }
        Text {
            visible: panel.loading || panel.offline || panel.catalogStatus !== 0 || (!panel.loading && panel.builds.length === 0)
            text: panel.loading ? qsTr("Asking which iOS versions Apple allows\u2026")
                : panel.catalogStatus !== 0 ? qsTr("The list of iOS versions could not be read. The newest allowed version will be used.")
                : panel.offline ? qsTr("No internet: showing the list saved earlier.")
                : qsTr("No iOS versions known for this model yet. The newest allowed version will be used.")
            font.pixelSize: Theme.bodyText
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
      }
      }
        ListView {
            id: buildList
            objectName: "buildList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: panel.builds
            delegate: Rectangle {
                id: row
                required property var modelData
                required property int index
                readonly property bool chosen: ListView.isCurrentItem
                width: ListView.view.width
                height: Theme.touchTarget + 8
                radius: 10
                color: chosen ? "#E8F0FC" : Theme.surface
                border.color: chosen ? Theme.accent : Theme.line
                border.width: chosen ? 2 : 1
                opacity: modelData.signedNow ? 1 : 0.7
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    anchors.rightMargin: Theme.gap
                    spacing: Theme.gap
                    Text {
                        text: (row.chosen ? "\u25C9 " : "\u25CB ") + qsTr("iOS %1 (%2)").arg(row.modelData.version).arg(row.modelData.build)
                        font.pixelSize: Theme.bodyText
                        font.bold: row.chosen
                        color: Theme.text
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Text {
                        text: row.modelData.cached ? "\u25A3 " + qsTr("in the cache") : "\u2193 " + qsTr("will download")
                        font.pixelSize: Theme.smallText
                        color: row.modelData.cached ? Theme.ok : Theme.muted
                    }
                    Text {
                        text: row.modelData.signedNow ? "\u2713 " + qsTr("Apple allows it") : "\u2715 " + qsTr("Apple no longer allows it")
                        font.pixelSize: Theme.smallText
                        color: row.modelData.signedNow ? Theme.ok : Theme.danger
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    enabled: row.modelData.signedNow
                    onClicked: row.ListView.view.currentIndex = row.index
                }
            }
        }
        ActionButton {
            objectName: "chooseNext"
            primary: true
            text: panel.erase ? qsTr("Next: the customer's consent") : qsTr("Next: check and start")
            Layout.alignment: Qt.AlignRight
            onClicked: panel.next()
        }
    }
}
