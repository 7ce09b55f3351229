import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

ApplicationWindow {
    id: window
    // Set by main.cpp (--screen, --procedure, --product) for screenshots and tests.
    property string startScreen: "bays"
    property int startProcedure: Rb.EnterDfu
    property string startProductType: ""
    // Every screen has a `title`; held as var because StackView only knows it is an Item.
    readonly property var currentScreen: stack.currentItem

    width: Theme.minWidth
    height: Theme.minHeight
    minimumWidth: 1024
    minimumHeight: 700
    visible: true
    title: qsTr("rescuebay kiosk")
    color: Theme.background
    font.pixelSize: Theme.bodyText

    function openFlow(key: string) {
        stack.push(flowScreen, { deviceKey: key })
    }
    function openGuide(key: string, procedure: int, productType: string) {
        stack.push(guideScreen, { deviceKey: key, procedure: procedure, previewProductType: productType })
    }
    function openForAction(key: string, action: int) {
        // A device with a restore under way opens on its restore, whatever the card says.
        if (RestoreController.jobs.runningForDevice(key)) {
            openFlow(key)
            return
        }
        // Asking for trust puts the prompt on the phone; the card follows what happens.
        if (action === Rb.NextAskTrust || action === Rb.NextTrustRefused)
            DeviceMonitor.pair(key)
        else if (action === Rb.NextVerifyBackup)
            stack.push(flowScreen, { deviceKey: key, current: Rb.FlowBackup })
        else if (action === Rb.NextExitRecovery)
            openGuide(key, Rb.ExitRecovery, "")
        else if (action === Rb.NextGuideDfu)
            openGuide(key, Rb.EnterDfu, "")
        else
            openFlow(key)
    }

    header: Rectangle {
        height: Theme.touchTarget + 16
        color: Theme.surface
        border.color: Theme.line
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.gap
            ActionButton {
                objectName: "backButton"
                visible: stack.depth > 1
                text: "\u2190 " + CommonStrings.back
                onClicked: stack.pop()
            }
            Text {
                text: window.currentScreen && window.currentScreen.title ? window.currentScreen.title : qsTr("Bays")
                font.pixelSize: Theme.titleText
                font.bold: true
                color: Theme.text
                // A long name shrinks to the heading size before anything is cut.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.headingText
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.fillHeight: true
                verticalAlignment: Text.AlignVCenter
            }
            ActionButton {
                objectName: "firmwareButton"
                visible: stack.depth === 1
                text: qsTr("Firmware")
                onClicked: stack.push(firmwareScreen)
            }
            ActionButton {
                objectName: "ticketsButton"
                visible: stack.depth === 1
                text: qsTr("Tickets")
                onClicked: stack.push(ticketsScreen)
            }
            Text {
                text: CommonStrings.appName
                font.pixelSize: Theme.headingText
                color: Theme.muted
            }
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: BaysScreen {
            onOpenDevice: key => window.openFlow(key)
            onActionChosen: (key, action) => window.openForAction(key, action)
        }
        Component.onCompleted: {
            if (window.startScreen === "guide") {
                const row = DeviceMonitor.devices.count > 0 ? DeviceMonitor.devices.get(0) : null
                window.openGuide(row ? row.key : "", window.startProcedure, window.startProductType)
            } else if (window.startScreen === "flow" && DeviceMonitor.devices.count > 0) {
                window.openFlow(DeviceMonitor.devices.get(0).key)
            } else if (["choose", "restore", "done"].includes(window.startScreen) && DeviceMonitor.devices.count > 0) {
                stack.push(flowScreen, { deviceKey: DeviceMonitor.devices.get(0).key,
                                         current: window.startScreen === "choose" ? Rb.FlowChoose
                                                : window.startScreen === "restore" ? Rb.FlowRestore : Rb.FlowDone })
            } else if (window.startScreen === "firmware") {
                stack.push(firmwareScreen)
            } else if (window.startScreen === "tickets") {
                stack.push(ticketsScreen)
            } else if (window.startScreen === "backup" && DeviceMonitor.devices.count > 0) {
                stack.push(flowScreen, { deviceKey: DeviceMonitor.devices.get(0).key, current: Rb.FlowBackup })
            }
        }
    }

    Component {
        id: flowScreen
        DeviceFlowScreen {
            onGuideRequested: (key, procedure) => window.openGuide(key, procedure, "")
        }
    }
    Component {
        id: guideScreen
        GuideScreen {}
    }
    Component {
        id: firmwareScreen
        FirmwareScreen {}
    }
    Component {
        id: ticketsScreen
        TicketsScreen {}
    }
}
