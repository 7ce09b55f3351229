import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// The button guide: the device's drawing with the keys of the current step highlighted
// (tap = pulse, hold = glow and a ring counting the seconds), the software shortcut first
// where one exists, the warnings, and a live strip saying what the kiosk really sees.
Item {
    id: screen
    property string deviceKey: ""
    property int procedure: Rb.EnterDfu
    property string previewProductType: ""   // a model to show without a device (--product)
    property int chosenScheme: Rb.SchemeUnknown
    property var device: ({})
    // The last info seen stays while the device reboots between modes (it is briefly gone).
    property bool present: false
    readonly property bool known: device.key !== undefined
    readonly property var previewModel: ModelCatalog.lookup(previewProductType)
    readonly property int drawing: known ? device.drawing : (previewModel.drawing ?? Rb.DrawingGeneric)
    readonly property string title: CommonStrings.procedureTitle(procedure)
                                    + (known ? " \u2013 " + device.name
                                       : previewModel.name ? " \u2013 " + previewModel.name : "")

    // Steps advance on Start; how long each shows, and whether it waits for something
    // seen (logo, recovery screen, a new USB mode), is the engine's pacing (rb_guide_pace).
    property bool running: false
    property bool started: false
    property int stepIndex: -1
    property int elapsedMs: 0
    property string shortcutMessage: ""
    // Reached by the software shortcut: no button step was done, none gets a tick.
    property bool viaShortcut: false
    property string shortcutDetail: ""
    readonly property var steps: guide.steps
    readonly property var step: stepIndex >= 0 && stepIndex < steps.length ? steps[stepIndex] : null
    readonly property int stepMs: step ? step.durationMs : 0
    readonly property bool stepWaits: step !== null && step.waits
    readonly property int previewButtons: {
        for (const s of steps)
            if (s.held !== 0)
                return s.held
        return 0
    }

    // What the step list and warnings show, so their delegates read nothing outside.
    readonly property var stepRows: steps.map((m, i) => {
        let t = CommonStrings.stepText(m.action, m.buttons, m.held, i > 0 ? steps[i - 1].held : 0, drawing)
        if (m.action === Rb.StepHold && m.until !== Rb.UntilNone)
            t = qsTr("%1 %2", "a hold step, then how long").arg(t).arg(CommonStrings.untilText(m.until))
        if (m.action === Rb.StepHold && m.seconds > 0)
            t += " " + qsTr("(about %1\u00A0s)").arg(m.seconds)
        return { text: t, state: i === stepIndex ? "current" : i < stepIndex ? "done" : "todo" }
    })
    readonly property var warningList: {
        const out = []
        for (const w of [Rb.WarnEmergencySos, Rb.WarnActionButton, Rb.WarnCameraControl,
                         Rb.WarnRecoveryTimeout, Rb.WarnDirectCable])
            if ((guide.warnings & w) !== 0)
                out.push(w)
        return out
    }

    function refresh() {
        const row = DeviceMonitor.devices.indexOf(deviceKey)
        present = row >= 0
        if (present)
            device = DeviceMonitor.devices.get(row)
    }
    function start() {
        started = true
        viaShortcut = false
        live.verdict = Rb.VerdictWaiting
        live.seen = false
        stepIndex = 0
        elapsedMs = 0
        running = steps.length > 0
    }
    Component.onCompleted: refresh()
    Connections {
        target: DeviceMonitor.devices
        function onDataChanged() { screen.refresh() }
        function onCountChanged() { screen.refresh() }
        function onDeviceSeen(key: string, mode: int) {
            if (!screen.started || (screen.deviceKey !== "" && key !== screen.deviceKey))
                return
            // Gone (rebooting between modes) is not a verdict: keep listening.
            live.seen = mode !== Rb.ModeUnknown
            live.seenMode = mode
            live.verdict = guide.judge(mode)
            if (live.verdict !== Rb.VerdictWaiting) {
                screen.running = false
                if (!screen.viaShortcut && guide.reached(live.verdict))
                    screen.stepIndex = screen.steps.length   // every step done
            }
        }
    }
    Connections {
        target: DeviceMonitor
        function onActionFinished(key: string, action: int, status: int, detail: string) {
            if (key !== screen.deviceKey)
                return
            screen.shortcutMessage = CommonStrings.actionResultText(status)
            screen.shortcutDetail = detail
        }
    }

    ButtonCoach {
        id: guide
        procedure: screen.procedure
        scheme: screen.chosenScheme !== Rb.SchemeUnknown ? screen.chosenScheme
              : screen.known ? screen.device.buttonScheme : (screen.previewModel.scheme ?? Rb.SchemeUnknown)
        productType: screen.known ? screen.device.productType : screen.previewProductType
    }

    Timer {
        interval: 100
        repeat: true
        running: screen.running
        onTriggered: {
            screen.elapsedMs += interval
            if (screen.elapsedMs < screen.stepMs)
                return
            // A step that waits for the device is held until the kiosk sees it (or staff stop).
            if (!screen.stepWaits && screen.stepIndex + 1 < screen.steps.length) {
                screen.stepIndex += 1
                screen.elapsedMs = 0
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        // Side by side in landscape; the drawing above the steps on a portrait screen.
        GridLayout {
            id: guideBody
            readonly property bool portrait: screen.width < screen.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: portrait ? 1 : 2
            columnSpacing: Theme.margin
            rowSpacing: Theme.gap

            ColumnLayout {
                // Both columns fill; their preferred widths set the 44:56 split.
                Layout.fillWidth: true
                Layout.preferredWidth: guideBody.portrait ? 100 : 44
                // Stacked on a portrait screen: the drawing gets 55 % of the height.
                Layout.fillHeight: true
                Layout.preferredHeight: guideBody.portrait ? 55 : 100
                spacing: Theme.gap
                DeviceDrawing {
                    objectName: "drawing"
                    kind: screen.drawing
                    showSide: true
                    highlight: screen.step ? screen.step.held : screen.stepIndex < 0 ? screen.previewButtons : 0
                    holding: screen.step !== null && screen.step.action === Rb.StepHold
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
                RowLayout {
                    spacing: Theme.gap
                    visible: screen.steps.length > 0
                    Layout.fillWidth: true
                    ActionButton {
                        objectName: "startButton"
                        primary: screen.shortcutBoxHidden
                        text: screen.running ? qsTr("Stop") : screen.started ? qsTr("Try again") : qsTr("Start")
                        onClicked: screen.running ? screen.running = false : screen.start()
                    }
                    HoldRing {
                        objectName: "holdRing"
                        visible: screen.step !== null && screen.step.action === Rb.StepHold
                        fraction: screen.stepMs > 0 ? Math.min(1, screen.elapsedMs / screen.stepMs) : 0
                        secondsLeft: Math.max(0, Math.ceil((screen.stepMs - screen.elapsedMs) / 1000))
                        // A tick only for what the kiosk has seen, never for time running out.
                        success: live.good
                        Layout.preferredWidth: 110
                        Layout.preferredHeight: 110
                    }
                }
            }

            // The steps may be longer than a small screen: they scroll, never overflow.
            Flickable {
                id: stepsFlick
                Layout.fillWidth: true
                Layout.preferredWidth: guideBody.portrait ? 100 : 56
                Layout.preferredHeight: guideBody.portrait ? 45 : 100
                Layout.fillHeight: true
                contentHeight: stepsColumn.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: stepsColumn
                width: stepsFlick.width
                spacing: 6

                // Software first: no buttons, no risk of Emergency SOS.
                Rectangle {
                    id: shortcutBox
                    objectName: "shortcutBox"
                    readonly property int shortcut: screen.present ? guide.shortcutFrom(screen.device.mode) : Rb.ShortcutNone
                    visible: shortcut !== Rb.ShortcutNone
                    Layout.fillWidth: true
                    implicitHeight: shortcutCol.implicitHeight + 24
                    radius: Theme.radius
                    color: "#E8F0FC"
                    border.color: Theme.accent
                    ColumnLayout {
                        id: shortcutCol
                        anchors.fill: parent
                        anchors.margins: 12
                        Text {
                            text: qsTr("Faster, without buttons:")
                            font.pixelSize: Theme.bodyText
                            font.bold: true
                            color: Theme.text
                        }
                        RowLayout {
                            ActionButton {
                                primary: true
                                Layout.fillWidth: true
                                text: shortcutBox.shortcut === Rb.ShortcutExitRecovery
                                      ? qsTr("Exit recovery with one tap") : qsTr("Enter recovery by software")
                                onClicked: {
                                    screen.started = true
                                    screen.viaShortcut = true
                                    screen.running = false
                                    screen.stepIndex = -1
                                    live.verdict = Rb.VerdictWaiting
                                    screen.shortcutMessage = qsTr("Working\u2026")
                                    if (shortcutBox.shortcut === Rb.ShortcutExitRecovery)
                                        DeviceMonitor.exitRecovery(screen.deviceKey)
                                    else
                                        DeviceMonitor.enterRecovery(screen.deviceKey)
                                }
                            }
                        }
                        Text {
                            visible: screen.shortcutMessage !== ""
                            text: screen.shortcutMessage
                            font.pixelSize: Theme.bodyText
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Text {
                            visible: screen.shortcutDetail !== ""
                            text: CommonStrings.details + ": " + screen.shortcutDetail
                            font.pixelSize: Theme.smallText
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }

                // Unknown model: staff pick the button layout they see.
                ColumnLayout {
                    visible: screen.steps.length === 0
                    spacing: 8
                    Text {
                        text: qsTr("Which buttons does this device have?")
                        font.pixelSize: Theme.headingText
                        color: Theme.text
                    }
                    Repeater {
                        onItemAdded: (i, item) => item.clicked.connect(() => screen.chosenScheme = item.modelData[0])
                        model: [[Rb.SchemeHomeTop, qsTr("A round Home button that clicks")],
                                [Rb.SchemeVolDownSide, qsTr("iPhone 7 or 7 Plus")],
                                [Rb.SchemeVolUpVolDownSide, qsTr("iPhone 8 or later (also SE 2nd and 3rd generation)")],
                                [Rb.SchemeIpadNoHome, qsTr("iPad without Home button")]]
                        ActionButton {
                            required property var modelData
                            text: modelData[1]
                            Layout.fillWidth: true
                            Layout.maximumWidth: 560
                        }
                    }
                }

                // Read before starting; gone while the keys are pressed, so no warning stands
                // beside a step that says to hold those very keys.
                WarningBox {
                    objectName: "warnings"
                    visible: screen.warningList.length > 0 && !screen.running
                    text: qsTr("Before you start:") + "\n" + screen.warningList.map(w => CommonStrings.warningText(w)).join("\n")
                    Layout.fillWidth: true
                }

                // A positioner, not the layout: it follows every change of a row's wrapped height.
                Column {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        objectName: "stepList"
                        model: screen.stepRows
                        Item {
                            id: stepRow
                            required property var modelData
                            required property int index
                            readonly property bool current: modelData.state === "current"
                            readonly property bool done: modelData.state === "done"
                            width: parent ? parent.width : 0
                            height: Math.max(34, stepText.paintedHeight + 10) + 4
                            Rectangle {
                                id: stepDot
                                width: 34
                                height: 34
                                radius: 17
                                color: stepRow.current ? Theme.accent : stepRow.done ? Theme.ok : Theme.surfaceAlt
                                border.color: Theme.line
                                Text {
                                    anchors.centerIn: parent
                                    text: stepRow.done ? "\u2713" : stepRow.index + 1
                                    font.pixelSize: Theme.bodyText
                                    color: stepRow.current || stepRow.done ? "white" : Theme.text
                                }
                            }
                            Text {
                                id: stepText
                                anchors.left: stepDot.right
                                anchors.leftMargin: 12
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.topMargin: 5
                                text: stepRow.modelData.text
                                font.pixelSize: Theme.bodyText
                                font.bold: stepRow.current
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }

                Text {
                    objectName: "dfuTip"
                    visible: screen.procedure === Rb.EnterDfu && screen.steps.length > 0
                    text: qsTr("In DFU mode the screen stays black. An Apple logo means the key was held too long: start again.")
                    font.pixelSize: Theme.bodyText
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
            }
        }

        LiveStrip {
            id: live
            objectName: "liveStrip"
            good: guide.reached(verdict)
            Layout.fillWidth: true
        }
    }
    readonly property bool shortcutBoxHidden: !present || guide.shortcutFrom(device.mode ?? 0) === Rb.ShortcutNone
}
