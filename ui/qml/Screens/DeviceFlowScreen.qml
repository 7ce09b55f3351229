import QtQuick
import QtQuick.Layouts
import RescueBay.Theme
import RescueBay.Controls
import RescueBay.Core

// One device's way through Identify -> Backup -> Choose -> Mode -> Restore -> Done. The
// restore job (RestoreController) decides what each step shows; the screen only follows it.
Item {
    id: screen
    property string deviceKey: ""
    property int current: Rb.FlowIdentify
    property var device: ({})
    // The last info seen stays on screen while the device is unplugged or rebooting.
    property bool present: false
    readonly property bool known: device.key !== undefined
    readonly property string title: known ? device.name : qsTr("Device unplugged")
    // The device's newest restore job ({} if none) and the choices that lead to one.
    property var job: ({})
    readonly property bool hasJob: (job.job ?? 0) > 0
    readonly property int jobState: job.state ?? 0
    property bool erase: false
    property string build: ""
    property bool consenting: false
    property string ticket: ""
    property string startError: ""
    readonly property string backupPath: backupPanel.restorablePath
    // A short screen (1024x600): thinner stepper, panels in their compact layouts.
    readonly property bool compact: height > 0 && height < 640
    signal guideRequested(string key, int procedure)

    function refresh() {
        const row = DeviceMonitor.devices.indexOf(deviceKey)
        present = row >= 0
        if (present)
            device = DeviceMonitor.devices.get(row)
    }
    function refreshJob() {
        const before = jobState
        job = RestoreController.jobs.get(RestoreController.jobs.indexOfDevice(deviceKey))
        if (job.ticket && ticket === "")
            ticket = job.ticket
        // A finished restore moves on by itself; nothing else does.
        if (jobState === RestoreController.StateDone && before !== jobState && current === Rb.FlowRestore)
            current = Rb.FlowDone
    }
    Component.onCompleted: {
        refresh()
        refreshJob()
        // A card with a running or interrupted job opens on it.
        if (hasJob && !job.final && current === Rb.FlowIdentify)
            current = Rb.FlowRestore
    }
    onDeviceKeyChanged: { refresh(); refreshJob() }
    Connections {
        target: DeviceMonitor.devices
        function onDataChanged() { screen.refresh() }
        function onCountChanged() { screen.refresh() }
    }
    Connections {
        target: RestoreController.jobs
        function onDataChanged() { screen.refreshJob() }
        function onCountChanged() { screen.refreshJob() }
    }
    Connections {
        target: RestoreController
        function onStartFinished(key: string, status: int, job: int, detail: string) {
            if (key !== screen.deviceKey)
                return
            screen.refreshJob()
            screen.consenting = false
            if (job > 0) {
                screen.startError = ""
                screen.current = Rb.FlowRestore
            } else {
                screen.startError = status === -8 ? qsTr("This device is already being restored.")
                                  : status === -4 ? qsTr("The device is not connected: plug it in and try again.")
                                  : qsTr("The restore could not start.") + " " + CommonStrings.details + ": " + detail
            }
        }
    }

    readonly property bool waived: ((job.warnings ?? 0) & RestoreController.WarnWaiver) !== 0
    readonly property bool jobFailed: jobState === RestoreController.StateFailed
    readonly property var stepStates: [
        { step: Rb.FlowIdentify, state: current === Rb.FlowIdentify ? "current" : (present || hasJob ? "done" : "open"), reason: "" },
        { step: Rb.FlowBackup, state: current === Rb.FlowBackup ? "current"
                                    : backupPath !== "" ? "done"
                                    : waived || (hasJob && !job.erase) ? "skipped" : "open",
          reason: waived ? qsTr("skipped: customer waived backup")
                : hasJob && !job.erase && backupPath === "" ? qsTr("skipped: an update keeps the data") : "" },
        { step: Rb.FlowChoose, state: current === Rb.FlowChoose ? "current" : hasJob ? "done" : "open", reason: "" },
        { step: Rb.FlowMode, state: current === Rb.FlowMode ? "current"
                                  : jobState === RestoreController.StateWaitingForButtons ? "blocked" : hasJob ? "skipped" : "open",
          reason: jobState === RestoreController.StateWaitingForButtons ? qsTr("blocked: use the buttons")
                : hasJob ? qsTr("skipped: rescuebay switches modes by itself") : "" },
        { step: Rb.FlowRestore, state: current === Rb.FlowRestore ? "current"
                                     : jobFailed ? "blocked" : job.final ? "done" : hasJob ? "open" : "open",
          reason: jobFailed ? qsTr("blocked: %1").arg(RestoreStrings.stateWord(jobState))
                : hasJob && !job.final ? qsTr("%1 %").arg(Math.floor(job.percent ?? 0)) : "" },
        { step: Rb.FlowDone, state: current === Rb.FlowDone ? "current" : jobState === RestoreController.StateDone ? "done" : "open", reason: "" }
    ]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        StepperBar {
            objectName: "stepper"
            Layout.fillWidth: true
            steps: screen.stepStates
            compact: screen.compact
            onPicked: step => { screen.consenting = false; screen.current = step }
        }

        WarningBox {
            Layout.fillWidth: true
            visible: !screen.present
            text: qsTr("This device was unplugged. Plug it back in: it will appear here again.")
        }

        // Identify: everything the engine knows about the device.
        GridLayout {
            visible: screen.current === Rb.FlowIdentify && screen.known
            Layout.fillWidth: true
            // Two facts a row on a landscape screen, one on a narrow (portrait) one.
            columns: screen.width >= 1000 ? 4 : 2
            columnSpacing: Theme.gap
            rowSpacing: 10
            Repeater {
                model: [
                    [qsTr("Model"), screen.device.name],
                    [qsTr("Model number"), screen.device.productType],
                    [qsTr("Mode"), CommonStrings.modeWord(screen.device.mode ?? 0)],
                    [qsTr("Trust"), CommonStrings.trustText(screen.device.trust ?? 0)],
                    [qsTr("iOS"), screen.device.iosVersion ? screen.device.iosVersion + " (" + screen.device.buildVersion + ")" : ""],
                    [qsTr("Serial number"), screen.device.serial],
                    [qsTr("ECID"), screen.device.ecid],
                    [qsTr("UDID"), screen.device.udid],
                    [qsTr("IMEI"), screen.device.imei],
                    [qsTr("Activation"), screen.device.activationState],
                    [qsTr("Find My"), screen.device.findMy === 1 ? qsTr("On") : screen.device.findMy === 0 ? qsTr("Off") : ""],
                    [qsTr("Battery"), screen.device.batteryPercent >= 0 ? screen.device.batteryPercent + " %" : ""],
                    [qsTr("Free storage"), screen.device.diskFree >= 0 ? qsTr("%1 GB of %2 GB").arg((screen.device.diskFree / 1e9).toFixed(1)).arg((screen.device.diskTotal / 1e9).toFixed(0)) : ""],
                    [qsTr("Port"), screen.device.portLabel ? screen.device.portLabel + " (" + screen.device.location + ")" : screen.device.location]
                ]
                delegate: RowLayout {
                    required property var modelData
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    spacing: Theme.gap
                    Text {
                        text: parent.modelData[0]
                        font.pixelSize: Theme.bodyText
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.preferredWidth: 190
                    }
                    Text {
                        text: parent.modelData[1] ? parent.modelData[1] : qsTr("not known yet")
                        font.pixelSize: Theme.bodyText
                        color: parent.modelData[1] ? Theme.text : Theme.muted
                        elide: Text.ElideMiddle
                        readonly property bool mayElide: true   // long identifiers (UDID)
                        Layout.fillWidth: true
                    }
                }
            }
        }

        BackupPanel {
            id: backupPanel
            visible: screen.current === Rb.FlowBackup
            Layout.fillWidth: true
            Layout.fillHeight: true
            deviceKey: screen.deviceKey
            deviceUdid: screen.device.udid ?? ""
            deviceIos: screen.device.iosVersion ?? ""
            deviceProductType: screen.device.productType ?? ""
        }
        // After a restorable verdict, one obvious Next (the screen never jumps by itself
        // while staff read the verdict).
        ActionButton {
            objectName: "backupNext"
            visible: screen.current === Rb.FlowBackup
            enabled: screen.backupPath !== ""
            primary: screen.backupPath !== ""
            text: qsTr("Next: choose what to do")
            Layout.alignment: Qt.AlignRight
            onClicked: screen.current = Rb.FlowChoose
        }

        // Mode: the guide for every procedure, software shortcut first.
        ColumnLayout {
            visible: screen.current === Rb.FlowMode
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                text: qsTr("Which mode does the device need?")
                font.pixelSize: Theme.headingText
                color: Theme.text
            }
            Repeater {
                model: [Rb.EnterRecovery, Rb.EnterDfu, Rb.ExitRecovery, Rb.ExitDfu]
                onItemAdded: (i, item) => item.clicked.connect(() => screen.guideRequested(screen.deviceKey, item.modelData))
                ActionButton {
                    required property int modelData
                    text: CommonStrings.procedureTitle(modelData)
                    Layout.preferredWidth: 560
                }
            }
        }

        ChoosePanel {
            objectName: "choosePanel"
            compact: screen.compact
            visible: screen.current === Rb.FlowChoose && !screen.consenting
            Layout.fillWidth: true
            Layout.fillHeight: true
            productType: screen.device.productType ?? ""
            backupVerified: screen.backupPath !== ""
            onEraseChanged: screen.erase = erase
            onBuildChanged: screen.build = build
            onNext: screen.consenting = true
        }
        ConsentPanel {
            objectName: "consentPanel"
            compact: screen.compact
            visible: screen.current === Rb.FlowChoose && screen.consenting
            Layout.fillWidth: true
            Layout.fillHeight: true
            deviceName: screen.device.name ?? ""
            erase: screen.erase
            build: screen.build
            backupPath: screen.backupPath
            ticket: screen.ticket
            busyText: RestoreController.starting ? qsTr("Checking everything before the restore…") : screen.startError
            onConfirmed: request => {
                screen.startError = ""
                request.deviceKey = screen.deviceKey
                // An encrypted backup is checked again by the restore's gate.
                if (request.backupPath !== "")
                    request.backupPassword = backupPanel.restorablePassword
                RestoreController.startRestore(request)
            }
        }
        RestorePanel {
            objectName: "restorePanel"
            compact: screen.compact
            visible: screen.current === Rb.FlowRestore
            Layout.fillWidth: true
            Layout.fillHeight: true
            job: screen.job
            onGuideRequested: next => screen.guideRequested(screen.deviceKey,
                next === RestoreController.NextEnterRecovery ? Rb.EnterRecovery : Rb.ExitRecovery)
        }
        RowLayout {
            visible: screen.current === Rb.FlowRestore && !screen.hasJob
            Text {
                text: qsTr("No restore yet: choose what to do first.")
                font.pixelSize: Theme.bodyText
                color: Theme.muted
            }
        }
        DonePanel {
            objectName: "donePanel"
            visible: screen.current === Rb.FlowDone
            Layout.fillWidth: true
            Layout.fillHeight: true
            job: screen.job
            ticket: screen.ticket
        }
        // Identify: a ticket for this device, with its identity filled in (stacked on a
        // narrow screen, so both buttons show in full).
        GridLayout {
            visible: screen.current === Rb.FlowIdentify && screen.known
            Layout.fillWidth: true
            columns: screen.width >= 1000 ? 3 : 1
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            ActionButton {
                objectName: "createTicket"
                visible: screen.ticket === ""
                text: qsTr("Open a ticket for this device")
                onClicked: {
                    screen.ticket = TicketStore.createForDevice(screen.device, {})
                    if (screen.ticket === "")
                        screen.startError = TicketStore.errorText
                }
            }
            Text {
                text: screen.ticket !== "" ? qsTr("Ticket %1: every restore step is recorded on it.").arg(screen.ticket)
                                           : screen.startError
                font.pixelSize: Theme.bodyText
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ActionButton {
                objectName: "identifyNext"
                primary: true
                text: qsTr("Next: backup")
                onClicked: screen.current = Rb.FlowBackup
            }
        }
        Item {
            visible: screen.current === Rb.FlowIdentify || screen.current === Rb.FlowMode
            Layout.fillHeight: true
        }
    }
}
