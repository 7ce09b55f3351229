import QtQuick
import QtTest
import RescueBay.Core
import RescueBay.Theme
import RescueBay.Screens
import RescueBay.Test

// The device flow's Choose -> Consent -> Restore -> Done against the simulated iPod touch 7
// and the real idevicerestore (kiosk_restore_sim.sh sets it up).
TestCase {
    id: tc
    name: "RestoreFlow"
    visible: true
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: flowComp
        DeviceFlowScreen {
            width: 1280
            height: 720
        }
    }

    function tap(flow, name) {
        const item = findChild(flow, name)
        verify(item !== null, name + " exists")
        tryVerify(() => item.visible && item.enabled, 20000, name + " can be tapped")
        // Inside a Flickable the layout places it a polish later: tap where it is drawn.
        waitForRendering(flow)
        mouseClick(item)
        return item
    }
    function ipodKey() {
        tryVerify(() => DeviceMonitor.devices.count >= 1, 20000, "the iPod is seen")
        return DeviceMonitor.devices.get(0).key
    }
    function openFlow(step) {
        const flow = createTemporaryObject(flowComp, tc, { deviceKey: ipodKey(), current: step })
        verify(flow !== null)
        return flow
    }

    // Update: the checklist, progress with percentage, an unplug at ASR with the calm
    // message, resumption by itself counting attempts, the outcome with the version.
    function test_1_update_unplugged_and_resumed() {
        verify(RestoreController.available, RestoreController.errorText)
        const flow = openFlow(Rb.FlowChoose)
        tryVerify(() => findChild(flow, "buildList").count >= 1, 30000, "the catalog's builds are listed")
        compare(findChild(flow, "chooseUpdate").chosen, true, "update is the default")
        verify(Sim.ctl(["fault", "ipod7", "asr", "unplug"]))
        tap(flow, "chooseNext")
        tap(flow, "confirmRestore")
        tryVerify(() => flow.hasJob, 120000, "a job was started")
        tryVerify(() => flow.current === Rb.FlowRestore, 120000, "the flow follows the job to Restore")
        const checks = flow.job.checklist
        compare(checks.length, 7)
        compare(checks[RestoreController.CheckTool].result, RestoreController.CheckPassed)
        compare(checks[RestoreController.CheckBackup].result, RestoreController.CheckSkipped)
        tryVerify(() => flow.jobState === RestoreController.StateInterrupted, 120000, "the unplug interrupts")
        compare(flow.job.causeName, "device_gone")
        verify(findChild(flow, "restoreMessage").visible)
        verify(findChild(flow, "restoreNext").text.indexOf("Plug the phone back in") >= 0,
               findChild(flow, "restoreNext").text)
        verify(findChild(flow, "restoreAttempts").visible)
        // Engine codes stay in the details fold.
        compare(findChild(flow, "restoreDetails").visible, false)
        verify(findChild(flow, "restoreNext").text.indexOf("_") < 0)
        verify(Sim.ctl(["attach", "ipod7"]))
        tryVerify(() => flow.jobState === RestoreController.StateDone, 180000, "resumed by itself and done")
        verify(flow.job.attempts >= 2)
        compare(flow.current, Rb.FlowDone, "a finished restore moves on by itself")
        verify(findChild(flow, "outcomeVersion").text.indexOf("18.0") >= 0, findChild(flow, "outcomeVersion").text)
        compare(findChild(flow, "restorePanel").visible, false)
        Sim.ctl(["fault", "ipod7", "clear"])
    }

    // The walk a newcomer makes, counted: from the bay card to a running erase under the
    // customer's verified backup in at most 6 taps, nothing typed. The consent names the
    // backup and asks no PIN.
    property int taps: 0
    property var walkFlow: null
    Component {
        id: baysComp
        BaysScreen {
            width: 1280
            height: 720
        }
    }
    function count(root, name) {
        tap(root, name)
        taps++
    }
    function test_2_walk_to_an_erase_under_a_verified_backup() {
        taps = 0
        const key = ipodKey()
        const bays = createTemporaryObject(baysComp, tc)
        // As Main.openForAction does for "Verify backup".
        bays.actionChosen.connect((k, action) => {
            compare(action, Rb.NextVerifyBackup)
            tc.walkFlow = createTemporaryObject(flowComp, tc, { deviceKey: k, current: Rb.FlowBackup })
        })
        const card = findChild(bays, "deviceCard")
        tryVerify(() => findChild(card, "nextAction").text === CommonStrings.nextActionText(Rb.NextVerifyBackup),
                  20000, "the card suggests verifying the backup")
        count(card, "nextAction")
        const flow = tc.walkFlow
        verify(flow !== null)
        bays.visible = false
        tryVerify(() => findChild(flow, "backupList").count >= 1, 20000)
        count(flow, "verifyButton")
        tryVerify(() => flow.backupPath !== "", 120000, "the backup verifies restorable")
        count(flow, "backupNext")
        compare(flow.current, Rb.FlowChoose)
        count(flow, "chooseErase")
        count(flow, "chooseNext")
        compare(findChild(flow, "customerAgrees").visible, false, "no waiver with a verified backup")
        verify(findChild(flow, "consentHeadline").text.indexOf("will be erased") >= 0)
        const before = flow.job.job ?? 0
        count(flow, "confirmRestore")
        tryVerify(() => (flow.job.job ?? 0) > before && flow.jobState >= RestoreController.StateEnteringRecovery, 120000,
                  "the restore is running")
        console.info("walk: plug-in to a running restore in " + taps + " taps")
        verify(taps <= 6, "plug-in to a running restore took " + taps + " taps")
        tryVerify(() => flow.job.final, 240000)
        compare(flow.job.stateName, "done", flow.job.causeName + ": " + flow.job.causeDetail)
        compare(flow.stepStates[Rb.FlowBackup].state, "done")
        // The card shows the outcome in its ring.
        bays.visible = true
        tryVerify(() => findChild(findChild(bays, "deviceCard"), "cardRing").visible, 10000)
    }

    // Erase under a waiver: the customer agrees, a wrong PIN is refused with its reason,
    // the right one starts the erase; the stepper says the backup was waived.
    function test_3_erase_with_a_waiver() {
        compare(TicketStore.signIn("alice", "1234"), 0)
        const flow = openFlow(Rb.FlowIdentify)
        tap(flow, "createTicket")
        verify(flow.ticket !== "", TicketStore.errorText)
        flow.current = Rb.FlowChoose
        tap(flow, "chooseErase")
        tap(flow, "chooseNext")
        verify(findChild(flow, "consentHeadline").text.indexOf("will be erased") >= 0)
        const confirm = findChild(flow, "confirmRestore")
        compare(confirm.enabled, false, "nothing starts before the customer agrees and staff sign")
        compare(confirm.primary, false, "an erase is never the default button")
        tap(flow, "customerAgrees")
        for (const d of ["9", "9", "9", "9"])
            tap(flow, "pinKey_" + d)
        const before = flow.job.job ?? 0
        tap(flow, "confirmRestore")
        tryVerify(() => (flow.job.job ?? 0) > before && flow.job.final, 60000, "the wrong PIN is refused")
        compare(flow.job.causeName, "waiver_refused")
        compare(flow.job.checklist[RestoreController.CheckBackup].result, RestoreController.CheckFailed)
        compare(flow.stepStates[Rb.FlowRestore].state, "current")
        flow.current = Rb.FlowChoose
        flow.consenting = true
        for (const d of ["1", "2", "3", "4"])
            tap(flow, "pinKey_" + d)
        const refused = flow.job.job
        tap(flow, "confirmRestore")
        tryVerify(() => flow.job.job > refused, 120000, "a new job was started")
        tryVerify(() => flow.jobState === RestoreController.StateDone, 240000, "the erase finished")
        verify(flow.waived)
        compare(flow.stepStates[Rb.FlowBackup].state, "skipped")
        verify(Sim.cli(["--home", Sim.env("RB_HOME"), "ticket", "show", flow.ticket], "").indexOf("waiver") >= 0)
        TicketStore.signOut()
    }

    // An erase under an encrypted backup verified with its password: the restore's gate gets
    // the password (kept in memory by the flow) and passes the backup, no waiver asked.
    function test_4_erase_under_an_encrypted_backup() {
        const roots = Sim.env("RB_BACKUP_ROOTS")
        Sim.setEnv("RB_BACKUP_ROOTS", Sim.env("RB_ENC_BACKUPS"))
        const flow = openFlow(Rb.FlowBackup)
        const list = findChild(flow, "backupList")
        // RB_BACKUP_ROOTS adds to the other backup folders (rb_backup_roots): pick the
        // encrypted one among what is listed.
        tryVerify(() => {
            for (let i = 0; i < list.count; i++) {
                list.currentIndex = i
                if (list.currentItem !== null && list.currentItem.encrypted === 1)
                    return true
            }
            return false
        }, 20000, "the encrypted backup is listed")
        // The list is read on a worker thread: the variable goes back only once it is shown.
        Sim.setEnv("RB_BACKUP_ROOTS", roots)
        compare(list.currentItem.encrypted, 1)
        findChild(flow, "backupPassword").text = "kiosk-test-1234"
        tap(flow, "verifyButton")
        compare(findChild(flow, "backupPassword").text, "", "the field forgets the password at once")
        tryVerify(() => flow.backupPath !== "", 300000, "the encrypted backup verifies restorable")
        tap(flow, "backupNext")
        tap(flow, "chooseErase")
        tap(flow, "chooseNext")
        compare(findChild(flow, "customerAgrees").visible, false, "no waiver with a verified backup")
        const before = flow.job.job ?? 0
        tap(flow, "confirmRestore")
        tryVerify(() => (flow.job.job ?? 0) > before, 120000, "a job was started")
        tryVerify(() => flow.job.final || flow.job.checklist[RestoreController.CheckBackup].result !== RestoreController.CheckPending,
                  300000, "the gate checked the backup")
        compare(flow.job.checklist[RestoreController.CheckBackup].result, RestoreController.CheckPassed,
                flow.job.causeName + ": " + flow.job.causeDetail)
        tryVerify(() => flow.job.final, 300000)
        compare(flow.job.stateName, "done", flow.job.causeName + ": " + flow.job.causeDetail)
        compare(flow.waived, false)
    }
}
