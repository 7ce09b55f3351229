import QtQuick
import QtTest
import RescueBay.Screens
import RescueBay.Core

// The Backup step against the sample backups in tests/fixtures/backups (the test runner
// points RB_BACKUP_ROOTS there).
TestCase {
    name: "Backup"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component { id: panelComponent; BackupPanel { width: 1232; height: 560 } }

    function rowWithPath(list, part) {
        for (let i = 0; i < list.count; i++) {
            list.currentIndex = i
            if (list.currentItem.entry.path.indexOf(part) >= 0)
                return i
        }
        return -1
    }

    function test_lists_and_verifies_a_backup() {
        const panel = createTemporaryObject(panelComponent, this)
        const list = findChild(panel, "backupList")
        tryVerify(() => list.count >= 3, 10000, "sample backups listed")
        verify(rowWithPath(list, "SYNTHETIC_plain") >= 0)
        mouseClick(findChild(panel, "verifyButton"))
        const verdict = findChild(panel, "backupVerdict")
        tryVerify(() => verdict.visible, 20000, "a verdict")
        verify(verdict.text.indexOf("Restorable") >= 0, verdict.text)
        grabImage(panel).save("backup_panel.png")
    }

    function test_encrypted_backup_needs_its_password() {
        const panel = createTemporaryObject(panelComponent, this)
        const list = findChild(panel, "backupList")
        tryVerify(() => list.count >= 3, 10000)
        verify(rowWithPath(list, "SYNTHETIC_encrypted") >= 0)
        const pw = findChild(panel, "backupPassword")
        verify(pw.visible, "encrypted: a password field")
        mouseClick(findChild(panel, "verifyButton"))
        const verdict = findChild(panel, "backupVerdict")
        tryVerify(() => verdict.visible, 20000)
        verify(verdict.text.indexOf("Password needed") >= 0, verdict.text)
        pw.text = "kiosk-test-1234"
        mouseClick(findChild(panel, "verifyButton"))
        compare(pw.text, "", "the password is not kept in the field")
        tryVerify(() => verdict.visible && verdict.text.indexOf("Password needed") < 0, 30000)
        verify(verdict.text.indexOf("Restorable") >= 0, verdict.text)
    }
}
