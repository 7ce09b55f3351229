import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// What the firmware cache holds, the builds of each connected model with Apple's signing
// and a download button, and the download running now with progress and time left.
Item {
    id: screen
    readonly property string title: qsTr("Firmware")
    readonly property var firstDevice: DeviceMonitor.devices.count > 0 ? DeviceMonitor.devices.get(0) : null
    property string productType: firstDevice ? firstDevice.productType : ""
    property var builds: []
    property string message: ""

    Component.onCompleted: {
        FirmwareCache.refresh()
        if (productType !== "")
            FirmwareCache.builds(productType)
    }
    Connections {
        target: FirmwareCache
        function onBuildsReady(productType: string, builds: var, offline: bool, status: int, detail: string) {
            if (productType === screen.productType)
                screen.builds = builds
        }
        function onDownloadFinished(productType: string, status: int, detail: string) {
            screen.message = status === 0 ? qsTr("The firmware is ready in the cache.")
                                          : qsTr("The download did not finish. Check the internet connection and try again.")
                                            + " " + CommonStrings.details + ": " + detail
            FirmwareCache.builds(screen.productType)
        }
    }

    // Cache and versions side by side; one above the other on a narrow (portrait) screen.
    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.width >= 1000 ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.margin

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredWidth: 10
            Layout.fillHeight: true
            // Stacked (portrait): at least the heading, the totals and a few files.
            Layout.minimumHeight: cacheColumn.implicitHeight + 2 * Theme.gap + 3 * Theme.touchTarget
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            ColumnLayout {
                id: cacheColumn
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: 8
                Text {
                    text: qsTr("In the cache")
                    font.pixelSize: Theme.headingText
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    text: FirmwareCache.budgetBytes > 0
                          ? qsTr("%1 GB used of %2 GB").arg((FirmwareCache.totalBytes / 1e9).toFixed(1)).arg((FirmwareCache.budgetBytes / 1e9).toFixed(0))
                          : qsTr("%1 GB used").arg((FirmwareCache.totalBytes / 1e9).toFixed(1))
                    font.pixelSize: Theme.smallText
                    color: Theme.muted
                }
                ListView {
                    objectName: "cachedList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: FirmwareCache.cached
                    delegate: Text {
                        required property string label
                        required property string sha1
                        required property double size
                        required property bool pinned
                        width: ListView.view.width
                        text: "\u25A3 " + (label !== "" ? label : sha1.substring(0, 12))
                              + " \u00B7 " + qsTr("%1 GB").arg((size / 1e9).toFixed(2)) + (pinned ? " \u00B7 " + qsTr("kept") : "")
                        font.pixelSize: Theme.bodyText
                        color: Theme.text
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    }
                }
                Text {
                    visible: FirmwareCache.cached.count === 0
                    text: qsTr("Nothing cached yet: firmware is downloaded the first time a restore needs it.")
                    font.pixelSize: Theme.bodyText
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 10
            Layout.fillHeight: true
            spacing: Theme.gap
            Text {
                text: screen.productType !== "" ? qsTr("iOS versions for %1").arg(screen.productType)
                                                : qsTr("Plug in a device to see its iOS versions.")
                font.pixelSize: Theme.headingText
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: screen.builds.slice(0, 6)
                onItemAdded: (i, item) => item.download.connect(build => FirmwareCache.download(screen.productType, build))
                delegate: RowLayout {
                    id: b
                    required property var modelData
                    signal download(string build)
                    spacing: Theme.gap
                    Layout.fillWidth: true
                    Text {
                        text: qsTr("iOS %1 (%2)").arg(b.modelData.version).arg(b.modelData.build)
                        font.pixelSize: Theme.bodyText
                        color: Theme.text
                        Layout.fillWidth: true
                    }
                    Text {
                        text: b.modelData.signedNow ? "\u2713 " + qsTr("Apple allows it") : "\u2715 " + qsTr("Apple no longer allows it")
                        font.pixelSize: Theme.smallText
                        color: b.modelData.signedNow ? Theme.ok : Theme.danger
                    }
                    ActionButton {
                        text: b.modelData.cached ? qsTr("In the cache") : qsTr("Download")
                        enabled: !b.modelData.cached && !FirmwareCache.downloading
                        onClicked: b.download(b.modelData.build)
                    }
                }
            }
            ColumnLayout {
                visible: FirmwareCache.downloading
                Layout.fillWidth: true
                Text {
                    text: qsTr("Downloading %1").arg(FirmwareCache.downloadLabel)
                    font.pixelSize: Theme.bodyText
                    color: Theme.text
                }
                ProgressRing {
                    Layout.preferredWidth: 140
                    Layout.preferredHeight: 140
                    percent: FirmwareCache.bytesTotal > 0 ? 100 * FirmwareCache.bytesDone / FirmwareCache.bytesTotal : 0
                    label: RestoreStrings.etaText(FirmwareCache.etaSeconds)
                }
                Text {
                    text: RestoreStrings.etaText(FirmwareCache.etaSeconds)
                    font.pixelSize: Theme.bodyText
                    color: Theme.muted
                }
                ActionButton {
                    text: qsTr("Stop the download")
                    onClicked: FirmwareCache.cancelDownload()
                }
            }
            Text {
                text: screen.message
                visible: text !== ""
                font.pixelSize: Theme.bodyText
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
        }
    }
}
