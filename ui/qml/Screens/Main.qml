import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
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
    readonly property bool busy: stack.busy   // a screen is sliding in (screenshots wait)
    // A locked kiosk closes only from Settings after a staff sign-in (never by Alt+F4,
    // the window manager or a stray key).
    property bool quitAllowed: false
    // How far the screens slide up so the on-screen keyboard never covers the field in use.
    property real keyboardShift: 0

    width: Theme.minWidth
    height: Theme.minHeight
    minimumWidth: 600
    minimumHeight: 600
    visible: true
    title: qsTr("rescuebay kiosk")
    color: Theme.background
    font.pixelSize: Theme.bodyText

    // A field inside a scrolling list is first scrolled into its list's view.
    function revealInFlickable(field: Item) {
        for (let p = field.parent; p; p = p.parent) {
            if (p instanceof Flickable) {
                const top = field.mapToItem(p, 0, 0).y
                if (top + field.height > p.height)
                    p.contentY += top + field.height - p.height + Theme.gap
                else if (top < 0)
                    p.contentY += top - Theme.gap
                return
            }
        }
    }
    function updateKeyboardShift() {
        const field = window.activeFocusItem
        if (!keyboard.active || !field) {
            keyboardShift = 0
            return
        }
        revealInFlickable(field)
        // Measured where the field would be unshifted, so a shift never feeds back on itself.
        const bottom = field.mapToItem(window.contentItem, 0, field.height).y + keyboardShift
        keyboardShift = Math.max(0, bottom + Theme.gap - (window.contentItem.height - keyboard.height))
    }
    onActiveFocusItemChanged: updateKeyboardShift()
    onClosing: close => {
        if (KioskSettings.locked && !window.quitAllowed)
            close.accepted = false
    }

    function quitKiosk() {
        quitAllowed = true
        Qt.quit()
    }
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
                // Long titles (German, a portrait screen) shrink to heading size and wrap.
                fontSizeMode: Text.Fit
                minimumPixelSize: Theme.headingText
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillHeight: true
                verticalAlignment: Text.AlignVCenter
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
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
            ActionButton {
                objectName: "settingsButton"
                visible: stack.depth === 1
                text: qsTr("Settings")
                onClicked: stack.push(settingsScreen)
            }
            Text {
                // Room for the long (German) titles of the inner screens.
                visible: stack.depth === 1
                text: CommonStrings.appName
                font.pixelSize: Theme.headingText
                color: Theme.muted
            }
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        transform: Translate { y: -window.keyboardShift }
        initialItem: BaysScreen {
            onOpenDevice: key => window.openFlow(key)
            onActionChosen: (key, action) => window.openForAction(key, action)
        }
        Component.onCompleted: window.showScreen(window.startScreen, window.startProcedure,
                                                 window.startProductType)
    }

    // Opens `name` from the Bays screen (--screen, --screenshots): the flow/backup of the
    // first device (of the first of model `productType` if one is connected), the guide of
    // `productType` without a device.
    function showScreen(name: string, procedure: int, productType: string) {
        stack.pop(null)
        let row = DeviceMonitor.devices.count > 0 ? DeviceMonitor.devices.get(0) : null
        for (let i = 0; name !== "guide" && i < DeviceMonitor.devices.count; i++)
            if (DeviceMonitor.devices.get(i).productType === productType) {
                row = DeviceMonitor.devices.get(i)
                break
            }
        if (name === "guide")
            openGuide(productType !== "" || !row ? "" : row.key, procedure, productType)
        else if (name === "flow" && row)
            openFlow(row.key)
        else if (name === "backup" && row)
            stack.push(flowScreen, { deviceKey: row.key, current: Rb.FlowBackup })
        else if (["choose", "restore", "done"].includes(name) && row)
            stack.push(flowScreen, { deviceKey: row.key,
                                     current: name === "choose" ? Rb.FlowChoose
                                            : name === "restore" ? Rb.FlowRestore : Rb.FlowDone })
        else if (name === "firmware")
            stack.push(firmwareScreen)
        else if (name === "settings")
            stack.push(settingsScreen)
        else if (name === "tickets")
            stack.push(ticketsScreen)
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
    Component {
        id: settingsScreen
        SettingsScreen {
            onQuitRequested: () => window.quitKiosk()
        }
    }

    // Every text field types on this keyboard (QT_IM_MODULE=qtvirtualkeyboard, set by
    // main.cpp): a counter touchscreen has no physical one.
    InputPanel {
        id: keyboard
        objectName: "keyboard"
        z: 100
        width: window.contentItem.width
        x: 0
        y: active ? window.contentItem.height - height : window.contentItem.height
        visible: active
        onActiveChanged: window.updateKeyboardShift()
        onHeightChanged: window.updateKeyboardShift()
    }
}
