<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupPanel</name>
    <message>
        <source>Looking for backups…</source>
        <translation>Suche nach Backups …</translation>
    </message>
    <message>
        <source>No backups found on this computer.</source>
        <translation>Auf diesem Computer wurden keine Backups gefunden.</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Unnamed device</source>
        <translation>Gerät ohne Namen</translation>
    </message>
    <message>
        <source>Backup password (used once, never stored)</source>
        <translation>Backup-Passwort (nur einmal verwendet, nie gespeichert)</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Backup prüfen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>This backup is from another device.</source>
        <translation>Dieses Backup stammt von einem anderen Gerät.</translation>
    </message>
    <message>
        <source>The backup could not be checked.</source>
        <translation>Das Backup konnte nicht geprüft werden.</translation>
    </message>
</context>
<context>
    <name>BatteryLine</name>
    <message>
        <source>%1 % battery, charging</source>
        <translation>Akku %1 %, lädt</translation>
    </message>
    <message>
        <source>%1 % battery</source>
        <translation>Akku %1 %</translation>
    </message>
</context>
<context>
    <name>BaysScreen</name>
    <message>
        <source>Bays</source>
        <translation>Anschlüsse</translation>
    </message>
    <message>
        <source>Device detection is not running, so no device can appear here. Details: %1</source>
        <translation>Die Geräteerkennung läuft nicht, daher kann hier kein Gerät erscheinen. Details: %1</translation>
    </message>
    <message>
        <source>Start the usbmuxd service (sudo systemctl start usbmuxd), then plug the devices in again.</source>
        <translation>Den Dienst usbmuxd starten (sudo systemctl start usbmuxd), dann die Geräte neu anstecken.</translation>
    </message>
    <message>
        <source>usbmuxd does not answer properly, so phones that are switched on cannot be seen. Restart it: run &quot;sudo systemctl restart usbmuxd&quot;.</source>
        <translation>usbmuxd antwortet nicht richtig, daher sind eingeschaltete Telefone nicht zu sehen. Starten Sie es neu: &quot;sudo systemctl restart usbmuxd&quot; ausführen.</translation>
    </message>
    <message>
        <source>usbmuxd is not running, so phones that are switched on cannot be seen. Run &quot;sudo systemctl start usbmuxd&quot;, or plug a phone in to start it.</source>
        <translation>usbmuxd läuft nicht, daher sind eingeschaltete Telefone nicht zu sehen. Führen Sie &quot;sudo systemctl start usbmuxd&quot; aus oder schließen Sie ein Telefon an, um es zu starten.</translation>
    </message>
</context>
<context>
    <name>ChoosePanel</name>
    <message>
        <source>What should happen to this device?</source>
        <translation>Was soll mit diesem Gerät passieren?</translation>
    </message>
    <message>
        <source>Update iOS</source>
        <translation>iOS aktualisieren</translation>
    </message>
    <message>
        <source>Keeps the customer&apos;s data, apps and settings.</source>
        <translation>Daten, Apps und Einstellungen des Kunden bleiben erhalten.</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Löschen und wiederherstellen</translation>
    </message>
    <message>
        <source>Wipes the device and installs iOS fresh. Needs a verified backup or the customer&apos;s waiver.</source>
        <translation>Löscht das Gerät und installiert iOS neu. Erfordert ein geprüftes Backup oder den Verzicht des Kunden.</translation>
    </message>
    <message>
        <source>A verified backup of this device protects the data.</source>
        <translation>Ein geprüftes Backup dieses Geräts schützt die Daten.</translation>
    </message>
    <message>
        <source>iOS version</source>
        <translation>iOS-Version</translation>
    </message>
    <message>
        <source>Asking which iOS versions Apple allows…</source>
        <translation>Frage bei Apple die erlaubten iOS-Versionen ab …</translation>
    </message>
    <message>
        <source>The list of iOS versions could not be read. The newest allowed version will be used.</source>
        <translation>Die Liste der iOS-Versionen konnte nicht gelesen werden. Die neueste erlaubte Version wird verwendet.</translation>
    </message>
    <message>
        <source>No internet: showing the list saved earlier.</source>
        <translation>Kein Internet: Die früher gespeicherte Liste wird angezeigt.</translation>
    </message>
    <message>
        <source>No iOS versions known for this model yet. The newest allowed version will be used.</source>
        <translation>Für dieses Modell sind noch keine iOS-Versionen bekannt. Die neueste erlaubte Version wird verwendet.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <source>will download</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>von Apple erlaubt</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>von Apple nicht mehr erlaubt</translation>
    </message>
    <message>
        <source>Next: the customer&apos;s consent</source>
        <translation>Weiter: Zustimmung des Kunden</translation>
    </message>
    <message>
        <source>Next: check and start</source>
        <translation>Weiter: prüfen und starten</translation>
    </message>
</context>
<context>
    <name>CommonStrings</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellungsmodus</translation>
    </message>
    <message>
        <source>DFU</source>
        <translation>DFU</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Identifying</source>
        <translation>Wird erkannt</translation>
    </message>
    <message>
        <source>Not trusted yet</source>
        <translation>Noch nicht vertraut</translation>
    </message>
    <message>
        <source>Trust prompt showing on the device</source>
        <translation>Vertrauensabfrage wird auf dem Gerät angezeigt</translation>
    </message>
    <message>
        <source>Trusts this kiosk</source>
        <translation>Vertraut diesem Kiosk</translation>
    </message>
    <message>
        <source>Customer tapped “Don’t Trust”</source>
        <translation>Kunde hat „Nicht vertrauen“ getippt</translation>
    </message>
    <message>
        <source>Trust not needed in this mode</source>
        <translation>Vertrauen hier nicht nötig</translation>
    </message>
    <message>
        <source>Trust not known yet</source>
        <translation>Vertrauensstatus noch unbekannt</translation>
    </message>
    <message>
        <source>Wait a moment: identifying</source>
        <translation>Einen Moment: wird erkannt</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Backup prüfen</translation>
    </message>
    <message>
        <source>Choose what to do</source>
        <translation>Vorgehen wählen</translation>
    </message>
    <message>
        <source>Guide into DFU</source>
        <translation>In den DFU-Modus führen</translation>
    </message>
    <message>
        <source>Exit recovery</source>
        <translation>Wiederherstellungsmodus beenden</translation>
    </message>
    <message>
        <source>Restore firmware</source>
        <translation>Software wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring: leave the cable in</source>
        <translation>Wird wiederhergestellt: Kabel stecken lassen</translation>
    </message>
    <message>
        <source>Resume restore</source>
        <translation>Wiederherstellen fortsetzen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home-Taste</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>obere Taste</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seitentaste</translation>
    </message>
    <message>
        <source>Volume Up</source>
        <translation>Lauter-Taste</translation>
    </message>
    <message>
        <source>Volume Down</source>
        <translation>Leiser-Taste</translation>
    </message>
    <message>
        <source>volume button nearest the Top button</source>
        <translation>Lautstärketaste, die der oberen Taste am nächsten ist</translation>
    </message>
    <message>
        <source>volume button farthest from the Top button</source>
        <translation>Lautstärketaste, die von der oberen Taste am weitesten entfernt ist</translation>
    </message>
    <message>
        <source>Enter recovery mode</source>
        <translation>Wiederherstellungsmodus starten</translation>
    </message>
    <message>
        <source>Enter DFU mode</source>
        <translation>DFU-Modus starten</translation>
    </message>
    <message>
        <source>Exit recovery mode</source>
        <translation>Wiederherstellungsmodus beenden</translation>
    </message>
    <message>
        <source>Exit DFU mode</source>
        <translation>DFU-Modus beenden</translation>
    </message>
    <message>
        <source>until the screen goes black</source>
        <translation>bis der Bildschirm schwarz wird</translation>
    </message>
    <message>
        <source>until the Apple logo appears, then let go</source>
        <translation>bis das Apple-Logo erscheint, dann loslassen</translation>
    </message>
    <message>
        <source>past the Apple logo, until the cable-and-computer screen</source>
        <translation>über das Apple-Logo hinaus, bis Kabel und Computer zu sehen sind</translation>
    </message>
    <message>
        <source>until the kiosk detects the new mode</source>
        <translation>bis der Kiosk den neuen Modus erkennt</translation>
    </message>
    <message>
        <source>Done: the device is in the right mode ✓</source>
        <translation>Geschafft: Das Gerät ist im richtigen Modus ✓</translation>
    </message>
    <message>
        <source>This is recovery mode, not DFU: you released the side button too late. Try again.</source>
        <translation>Das ist der Wiederherstellungsmodus, nicht DFU: Die Seitentaste wurde zu spät losgelassen. Bitte noch einmal.</translation>
    </message>
    <message>
        <source>The Apple logo means you held too long: start over.</source>
        <translation>Das Apple-Logo bedeutet: zu lange gehalten. Bitte von vorn beginnen.</translation>
    </message>
    <message>
        <source>The device started normally: keep holding past the Apple logo. Try again.</source>
        <translation>Das Gerät ist normal gestartet: über das Apple-Logo hinaus halten. Bitte noch einmal.</translation>
    </message>
    <message>
        <source>DFU mode detected instead of recovery: a restore works from here too.</source>
        <translation>DFU-Modus statt Wiederherstellungsmodus erkannt: Wiederherstellen geht auch von hier aus.</translation>
    </message>
    <message>
        <source>Still in recovery mode: restore it, or try once more.</source>
        <translation>Immer noch im Wiederherstellungsmodus: wiederherstellen oder noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Listening for the device…</source>
        <translation>Warte auf das Gerät …</translation>
    </message>
    <message>
        <source>The Action button above the volume keys is not Volume Up.</source>
        <translation>Die Aktionstaste über den Lautstärketasten ist nicht die Lauter-Taste.</translation>
    </message>
    <message>
        <source>Camera Control below the Side button is not the Side button.</source>
        <translation>Die Kamerasteuerung unter der Seitentaste ist nicht die Seitentaste.</translation>
    </message>
    <message>
        <source>Recovery mode ends by itself after about 15 minutes.</source>
        <translation>Der Wiederherstellungsmodus endet nach etwa 15 Minuten von selbst.</translation>
    </message>
    <message>
        <source>Use a data cable straight into the kiosk port, not a hub.</source>
        <translation>Ein Datenkabel direkt am Kiosk-Anschluss verwenden, keinen Hub.</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Only the buttons can do this: follow the guide below.</source>
        <translation>Das geht nur mit den Tasten: der Anleitung unten folgen.</translation>
    </message>
    <message>
        <source>The phone has not trusted this kiosk: ask the customer to tap Trust, or use the buttons.</source>
        <translation>Das Telefon vertraut diesem Kiosk nicht: Kunde soll „Vertrauen“ tippen, oder die Tasten verwenden.</translation>
    </message>
    <message>
        <source>The Trust prompt is showing: ask the customer to tap Trust.</source>
        <translation>Die Vertrauensabfrage wird angezeigt: Kunde soll „Vertrauen“ tippen.</translation>
    </message>
    <message>
        <source>The customer tapped “Don’t Trust”: unplug, plug in again and tap Trust.</source>
        <translation>Der Kunde hat „Nicht vertrauen“ getippt: abstecken, wieder anstecken und „Vertrauen“ tippen.</translation>
    </message>
    <message>
        <source>The device is gone: plug it in again.</source>
        <translation>Das Gerät ist weg: bitte wieder anstecken.</translation>
    </message>
    <message>
        <source>This kiosk cannot do that by software: use the buttons.</source>
        <translation>Das kann der Kiosk nicht per Software: die Tasten verwenden.</translation>
    </message>
    <message>
        <source>That did not work: use the buttons below.</source>
        <translation>Das hat nicht geklappt: die Tasten unten verwenden.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Connect the device with a data cable</source>
        <translation>Das Gerät mit einem Datenkabel anschließen</translation>
    </message>
    <message>
        <source>Press and quickly release %1</source>
        <translation>%1 kurz drücken und loslassen</translation>
    </message>
    <message>
        <source>Let go of %1, keep holding %2</source>
        <translation>%1 loslassen, %2 weiter halten</translation>
    </message>
    <message>
        <source>Let go of %1</source>
        <translation>%1 loslassen</translation>
    </message>
    <message>
        <source>Press and hold %1</source>
        <translation>%1 gedrückt halten</translation>
    </message>
    <message>
        <source>Not available in this version yet</source>
        <translation>In dieser Version noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>not in this version</source>
        <translation>noch nicht enthalten</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Wiederherstellbar</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Does not fit this device</source>
        <translation>Passt nicht zu diesem Gerät</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Passwort nötig</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Falsches Passwort</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s own records…</source>
        <translation>Angaben des Backups werden gelesen …</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Passwort wird geprüft …</translation>
    </message>
    <message>
        <source>Checking the list of files…</source>
        <translation>Dateiliste wird geprüft …</translation>
    </message>
    <message>
        <source>Checking every file…</source>
        <translation>Jede Datei wird geprüft …</translation>
    </message>
    <message>
        <source>Looking for stray files…</source>
        <translation>Suche nach überzähligen Dateien …</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is missing</source>
        <translation>Die Dateiliste des Backups fehlt</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is damaged</source>
        <translation>Die Dateiliste des Backups ist beschädigt</translation>
    </message>
    <message>
        <source>The backup was not finished</source>
        <translation>Das Backup wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The backup comes from a newer iOS than this device has</source>
        <translation>Das Backup stammt von einem neueren iOS, als dieses Gerät hat</translation>
    </message>
    <message>
        <source>The backup comes from another kind of device</source>
        <translation>Das Backup stammt von einer anderen Geräteart</translation>
    </message>
    <message>
        <source>The backup is encrypted: enter its password</source>
        <translation>Das Backup ist verschlüsselt: Passwort eingeben</translation>
    </message>
    <message>
        <source>The password does not open this backup</source>
        <translation>Das Passwort öffnet dieses Backup nicht</translation>
    </message>
    <message>
        <source>Other problem (%1): %2</source>
        <translation>Anderes Problem (%1): %2</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Voice memos</source>
        <translation>Sprachmemos</translation>
    </message>
    <message>
        <source>Safari</source>
        <translation>Safari</translation>
    </message>
    <message>
        <source>App data</source>
        <translation>App-Daten</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Passwords (keychain)</source>
        <translation>Passwörter (Schlüsselbund)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Keep holding %1 and also press and hold %2</source>
        <translation>%1 weiter halten und zusätzlich %2 gedrückt halten</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>Falscher Name oder falsche PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for a few minutes.</source>
        <translation>Zu viele falsche PINs: für einige Minuten gesperrt.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Dieser Name ist schon vergeben.</translation>
    </message>
    <message>
        <source>Enter a name and a PIN of 4 to 12 digits.</source>
        <translation>Einen Namen und eine PIN mit 4 bis 12 Ziffern eingeben.</translation>
    </message>
    <message>
        <source>Signing in did not work.</source>
        <translation>Die Anmeldung hat nicht geklappt.</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Abgeholt</translation>
    </message>
    <message>
        <source>Ticket opened</source>
        <translation>Ticket eröffnet</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Angaben geändert</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Device detected</source>
        <translation>Gerät erkannt</translation>
    </message>
    <message>
        <source>Backup verified</source>
        <translation>Backup geprüft</translation>
    </message>
    <message>
        <source>Firmware ready</source>
        <translation>Firmware bereit</translation>
    </message>
    <message>
        <source>Restore step</source>
        <translation>Schritt beim Wiederherstellen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Customer consent</source>
        <translation>Zustimmung des Kunden</translation>
    </message>
    <message>
        <source>Earlier restore log</source>
        <translation>Protokoll eines früheren Wiederherstellens</translation>
    </message>
    <message>
        <source>Customer data erased</source>
        <translation>Kundendaten gelöscht</translation>
    </message>
    <message>
        <source>Open details</source>
        <translation>Details öffnen</translation>
    </message>
    <message>
        <source>Show the Trust prompt</source>
        <translation>Vertrauensabfrage anzeigen</translation>
    </message>
    <message>
        <source>Show the device</source>
        <translation>Gerät anzeigen</translation>
    </message>
    <message>
        <source>Ask again for Trust</source>
        <translation>Erneut nach Vertrauen fragen</translation>
    </message>
    <message>
        <source>Ask the customer to unlock the phone and tap Trust.</source>
        <translation>Den Kunden bitten, das Telefon zu entsperren und „Vertrauen“ zu tippen.</translation>
    </message>
    <message>
        <source>Waiting for the customer to tap Trust on the phone.</source>
        <translation>Warten, bis der Kunde auf dem Telefon „Vertrauen“ tippt.</translation>
    </message>
    <message>
        <source>The customer tapped Don’t Trust. Ask again, or unplug and plug in again.</source>
        <translation>Der Kunde hat „Nicht vertrauen“ getippt. Erneut fragen oder abstecken und wieder anstecken.</translation>
    </message>
    <message>
        <source>Leave the cable in until the restore is done.</source>
        <translation>Kabel stecken lassen, bis das Wiederherstellen fertig ist.</translation>
    </message>
    <message>
        <source>Only follow the steps in order: holding Side and a volume button together on a phone that is switched on calls Emergency SOS.</source>
        <translation>Nur die Schritte der Reihe nach ausführen: Seitentaste und eine Lautstärketaste zusammen gedrückt halten löst bei einem eingeschalteten Telefon den Notruf SOS aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) missing from the backup</source>
        <translation>
            <numerusform>%n Datei fehlt im Backup</numerusform>
            <numerusform>%n Dateien fehlen im Backup</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the wrong size</source>
        <translation>
            <numerusform>%n Datei mit falscher Größe</numerusform>
            <numerusform>%n Dateien mit falscher Größe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose content changed</source>
        <translation>
            <numerusform>%n Datei mit geändertem Inhalt</numerusform>
            <numerusform>%n Dateien mit geändertem Inhalt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be read</source>
        <translation>
            <numerusform>%n Datei nicht lesbar</numerusform>
            <numerusform>%n Dateien nicht lesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be decrypted</source>
        <translation>
            <numerusform>%n Datei nicht entschlüsselbar</numerusform>
            <numerusform>%n Dateien nicht entschlüsselbar</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is from iOS 9 or older: it cannot be checked</source>
        <translation>Das Backup stammt von iOS 9 oder älter: Es kann nicht geprüft werden</translation>
    </message>
    <message numerus="yes">
        <source>%n stray file(s) not in the file list</source>
        <translation>
            <numerusform>%n überzählige Datei nicht in der Dateiliste</numerusform>
            <numerusform>%n überzählige Dateien nicht in der Dateiliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) intact</source>
        <translation>
            <numerusform>%n Datei intakt</numerusform>
            <numerusform>%n Dateien intakt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n beschädigt</numerusform>
            <numerusform>%n beschädigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Update iOS on %1. The customer&apos;s data stays on it.</source>
        <translation>iOS auf %1 aktualisieren. Die Daten des Kunden bleiben darauf.</translation>
    </message>
    <message>
        <source>Your data on this %1 will be erased.</source>
        <translation>Ihre Daten auf diesem %1 werden gelöscht.</translation>
    </message>
    <message>
        <source>There is no verified backup: photos, messages and everything else on it cannot be recovered.</source>
        <translation>Es gibt kein geprüftes Backup: Fotos, Nachrichten und alles andere darauf sind danach verloren.</translation>
    </message>
    <message>
        <source>It is kept safe in the backup checked today. It can be put back on the device after the restore.</source>
        <translation>Sie sind im heute geprüften Backup gesichert und können nach dem Wiederherstellen zurück aufs Gerät.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Backup: %1</translation>
    </message>
    <message>
        <source>The customer agreed</source>
        <translation>Der Kunde hat zugestimmt</translation>
    </message>
    <message>
        <source>I understand: erase my data without a backup</source>
        <translation>Ich verstehe: Meine Daten ohne Backup löschen</translation>
    </message>
    <message>
        <source>Staff: %1, enter your PIN to sign the waiver</source>
        <translation>Personal: %1, PIN eingeben, um den Verzicht zu unterschreiben</translation>
    </message>
    <message>
        <source>Staff: type your name and PIN to sign the waiver</source>
        <translation>Personal: Name und PIN eingeben, um den Verzicht zu unterschreiben</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Name (Personal)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Start the update</source>
        <translation>Aktualisierung starten</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Löschen und wiederherstellen</translation>
    </message>
    <message>
        <source>The customer agreed on the kiosk to erase the device without a backup.</source>
        <translation>Der Kunde hat am Kiosk zugestimmt, das Gerät ohne Backup zu löschen.</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Unknown device</source>
        <translation>Unbekanntes Gerät</translation>
    </message>
    <message>
        <source>%1 · iOS %2 (%3)</source>
        <translation>%1 · iOS %2 (%3)</translation>
    </message>
    <message>
        <source>Show the restore</source>
        <translation>Wiederherstellung zeigen</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Anschluss %1</translation>
    </message>
    <message>
        <source>Port %1 (not named)</source>
        <translation>Anschluss %1 (ohne Namen)</translation>
    </message>
</context>
<context>
    <name>DeviceDrawing</name>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Camera Control</source>
        <translation>Kamerasteuerung</translation>
    </message>
    <message>
        <source>Model not known</source>
        <translation>Modell unbekannt</translation>
    </message>
    <message>
        <source>Home (not used)</source>
        <translation>Home-Taste (nicht benutzen)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home-Taste</translation>
    </message>
</context>
<context>
    <name>DeviceFlowScreen</name>
    <message>
        <source>Device unplugged</source>
        <translation>Gerät abgesteckt</translation>
    </message>
    <message>
        <source>This device was unplugged. Plug it back in: it will appear here again.</source>
        <translation>Dieses Gerät wurde abgesteckt. Wieder anstecken: Es erscheint dann wieder hier.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model number</source>
        <translation>Modellnummer</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>ECID</source>
        <translation>ECID</translation>
    </message>
    <message>
        <source>UDID</source>
        <translation>UDID</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Wo ist?</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Akku</translation>
    </message>
    <message>
        <source>Free storage</source>
        <translation>Freier Speicher</translation>
    </message>
    <message>
        <source>%1 GB of %2 GB</source>
        <translation>%1 GB von %2 GB</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <source>Which mode does the device need?</source>
        <translation>Welchen Modus braucht das Gerät?</translation>
    </message>
    <message>
        <source>This device is already being restored.</source>
        <translation>Dieses Gerät wird bereits wiederhergestellt.</translation>
    </message>
    <message>
        <source>The device is not connected: plug it in and try again.</source>
        <translation>Das Gerät ist nicht verbunden: Anschließen und erneut versuchen.</translation>
    </message>
    <message>
        <source>The restore could not start.</source>
        <translation>Die Wiederherstellung konnte nicht starten.</translation>
    </message>
    <message>
        <source>skipped: customer waived backup</source>
        <translation>übersprungen: Kunde verzichtet auf Backup</translation>
    </message>
    <message>
        <source>skipped: an update keeps the data</source>
        <translation>übersprungen: Aktualisierung behält die Daten</translation>
    </message>
    <message>
        <source>blocked: use the buttons</source>
        <translation>blockiert: Tasten verwenden</translation>
    </message>
    <message>
        <source>skipped: rescuebay switches modes by itself</source>
        <translation>übersprungen: rescuebay wechselt den Modus selbst</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>blockiert: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Next: choose what to do</source>
        <translation>Weiter: Vorgehen wählen</translation>
    </message>
    <message>
        <source>Checking everything before the restore…</source>
        <translation>Alles wird vor dem Wiederherstellen geprüft …</translation>
    </message>
    <message>
        <source>No restore yet: choose what to do first.</source>
        <translation>Noch keine Wiederherstellung: Zuerst das Vorgehen wählen.</translation>
    </message>
    <message>
        <source>Open a ticket for this device</source>
        <translation>Ticket für dieses Gerät öffnen</translation>
    </message>
    <message>
        <source>Ticket %1: every restore step is recorded on it.</source>
        <translation>Ticket %1: Jeder Schritt der Wiederherstellung wird darin festgehalten.</translation>
    </message>
    <message>
        <source>Next: backup</source>
        <translation>Weiter: Backup</translation>
    </message>
</context>
<context>
    <name>DonePanel</name>
    <message>
        <source>iOS %1 (%2) is installed.</source>
        <translation>iOS %1 (%2) ist installiert.</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>This restore is not on a ticket.</source>
        <translation>Diese Wiederherstellung gehört zu keinem Ticket.</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Beleg als PDF speichern</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>Der Beleg konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>EmptyBayCard</name>
    <message>
        <source>Plug a device into port %1</source>
        <translation>Ein Gerät an Anschluss %1 anstecken</translation>
    </message>
</context>
<context>
    <name>FirmwareScreen</name>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>The firmware is ready in the cache.</source>
        <translation>Die Firmware liegt bereit im Cache.</translation>
    </message>
    <message>
        <source>The download did not finish. Check the internet connection and try again.</source>
        <translation>Der Download wurde nicht abgeschlossen. Internetverbindung prüfen und erneut versuchen.</translation>
    </message>
    <message>
        <source>In the cache</source>
        <translation>Im Cache</translation>
    </message>
    <message>
        <source>%1 GB used of %2 GB</source>
        <translation>%1 GB von %2 GB belegt</translation>
    </message>
    <message>
        <source>%1 GB used</source>
        <translation>%1 GB belegt</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>Nothing cached yet: firmware is downloaded the first time a restore needs it.</source>
        <translation>Noch nichts im Cache: Firmware wird geladen, sobald eine Wiederherstellung sie braucht.</translation>
    </message>
    <message>
        <source>iOS versions for %1</source>
        <translation>iOS-Versionen für %1</translation>
    </message>
    <message>
        <source>Plug in a device to see its iOS versions.</source>
        <translation>Gerät anschließen, um seine iOS-Versionen zu sehen.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>von Apple erlaubt</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>von Apple nicht mehr erlaubt</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Lade %1</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>Download stoppen</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Faster, without buttons:</source>
        <translation>Schneller, ohne Tasten:</translation>
    </message>
    <message>
        <source>Exit recovery with one tap</source>
        <translation>Wiederherstellungsmodus mit einem Tipp beenden</translation>
    </message>
    <message>
        <source>Enter recovery by software</source>
        <translation>Wiederherstellungsmodus per Software starten</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt …</translation>
    </message>
    <message>
        <source>Which buttons does this device have?</source>
        <translation>Welche Tasten hat dieses Gerät?</translation>
    </message>
    <message>
        <source>A round Home button that clicks</source>
        <translation>Eine runde Home-Taste, die klickt</translation>
    </message>
    <message>
        <source>iPhone 7 or 7 Plus</source>
        <translation>iPhone 7 oder 7 Plus</translation>
    </message>
    <message>
        <source>iPhone 8 or later (also SE 2nd and 3rd generation)</source>
        <translation>iPhone 8 oder neuer (auch SE 2. und 3. Generation)</translation>
    </message>
    <message>
        <source>iPad without Home button</source>
        <translation>iPad ohne Home-Taste</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a hold step, then how long</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(about %1&#xa0;s)</source>
        <translation>(etwa %1&#xa0;s)</translation>
    </message>
    <message>
        <source>Before you start:</source>
        <translation>Vor dem Start:</translation>
    </message>
    <message>
        <source>In DFU mode the screen stays black. An Apple logo means the key was held too long: start again.</source>
        <translation>Im DFU-Modus bleibt der Bildschirm schwarz. Ein Apple-Logo heißt: zu lange gedrückt, noch einmal von vorn.</translation>
    </message>
</context>
<context>
    <name>HoldRing</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>LiveStrip</name>
    <message>
        <source>Seen now: %1.</source>
        <translation>Jetzt erkannt: %1.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>rescuebay kiosk</source>
        <translation>rescuebay-Kiosk</translation>
    </message>
    <message>
        <source>Bays</source>
        <translation>Anschlüsse</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PortsPanel</name>
    <message>
        <source>Port names</source>
        <translation>Namen der Anschlüsse</translation>
    </message>
    <message>
        <source>Plug a phone into the port you want to call %1.</source>
        <translation>Schließen Sie ein Telefon an den Anschluss an, der %1 heißen soll.</translation>
    </message>
    <message>
        <source>Name each port once so the bays are in the order of the counter: tap Name the ports, then plug a phone into one port after the other.</source>
        <translation>Benennen Sie jeden Anschluss einmal, damit die Plätze der Reihenfolge am Tresen folgen: Tippen Sie auf Anschlüsse benennen und schließen Sie dann ein Telefon nacheinander an jeden Anschluss an.</translation>
    </message>
    <message>
        <source>Name for this port</source>
        <translation>Name für diesen Anschluss</translation>
    </message>
    <message>
        <source>A number or a short name, for example 1 or Left.</source>
        <translation>Eine Zahl oder ein kurzer Name, zum Beispiel 1 oder Links.</translation>
    </message>
    <message>
        <source>Done naming ports</source>
        <translation>Benennen beenden</translation>
    </message>
    <message>
        <source>Name the ports</source>
        <translation>Anschlüsse benennen</translation>
    </message>
    <message>
        <source>The name was not saved: %1</source>
        <translation>Der Name wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Port %1 is the USB port %2</source>
        <translation>Anschluss %1 ist der USB-Anschluss %2</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
</context>
<context>
    <name>ProgressRing</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>The receipt could not be written to %1.</source>
        <translation>Der Beleg konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Repair ticket %1</source>
        <translation>Reparaturticket %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Durchgeführte Arbeiten</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was gemacht wurde</translation>
    </message>
</context>
<context>
    <name>RestorePanel</name>
    <message>
        <source>Before the restore</source>
        <translation>Vor dem Wiederherstellen</translation>
    </message>
    <message>
        <source>Show the buttons</source>
        <translation>Tasten zeigen</translation>
    </message>
    <message>
        <source>Stop the restore</source>
        <translation>Wiederherstellen stoppen</translation>
    </message>
    <message>
        <source>Job %1 · state %2 · cause %3 · next %4
%5</source>
        <translation>Auftrag %1 · Zustand %2 · Ursache %3 · nächster Schritt %4
%5</translation>
    </message>
</context>
<context>
    <name>RestoreStrings</name>
    <message>
        <source>Checking</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Entering recovery mode</source>
        <translation>Wiederherstellungsmodus starten</translation>
    </message>
    <message>
        <source>Waiting for the buttons</source>
        <translation>Warten auf die Tasten</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>Checking the result</source>
        <translation>Ergebnis prüfen</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Getting the firmware</source>
        <translation>Firmware wird geholt</translation>
    </message>
    <message>
        <source>Finding the device</source>
        <translation>Gerät wird gesucht</translation>
    </message>
    <message>
        <source>Preparing the device</source>
        <translation>Gerät wird vorbereitet</translation>
    </message>
    <message>
        <source>Sending the system</source>
        <translation>System wird übertragen</translation>
    </message>
    <message>
        <source>Checking the system</source>
        <translation>System wird geprüft</translation>
    </message>
    <message>
        <source>Installing the firmware</source>
        <translation>Firmware wird installiert</translation>
    </message>
    <message>
        <source>Installing the modem firmware</source>
        <translation>Modem-Firmware wird installiert</translation>
    </message>
    <message>
        <source>Updating components</source>
        <translation>Komponenten werden aktualisiert</translation>
    </message>
    <message>
        <source>Sending images</source>
        <translation>Images werden übertragen</translation>
    </message>
    <message>
        <source>The cable was disconnected.</source>
        <translation>Das Kabel wurde getrennt.</translation>
    </message>
    <message>
        <source>The restore tool stopped with an error.</source>
        <translation>Das Wiederherstellungsprogramm ist mit einem Fehler abgebrochen.</translation>
    </message>
    <message>
        <source>The restore tool was stopped.</source>
        <translation>Das Wiederherstellungsprogramm wurde beendet.</translation>
    </message>
    <message>
        <source>The restore stopped making progress.</source>
        <translation>Die Wiederherstellung kommt nicht mehr voran.</translation>
    </message>
    <message>
        <source>The kiosk was restarted during the restore.</source>
        <translation>Der Kiosk wurde während der Wiederherstellung neu gestartet.</translation>
    </message>
    <message>
        <source>The device reported a fault during the restore.</source>
        <translation>Das Gerät hat während der Wiederherstellung einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The restore did not finish properly.</source>
        <translation>Die Wiederherstellung wurde nicht richtig abgeschlossen.</translation>
    </message>
    <message>
        <source>The device could not start its restore mode.</source>
        <translation>Das Gerät konnte den Modus zum Wiederherstellen nicht starten.</translation>
    </message>
    <message>
        <source>The device did not go into recovery mode.</source>
        <translation>Das Gerät ist nicht in den Wiederherstellungsmodus gewechselt.</translation>
    </message>
    <message>
        <source>The restore tool could not find the device.</source>
        <translation>Das Wiederherstellungsprogramm hat das Gerät nicht gefunden.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing server could not be reached.</source>
        <translation>Der Signierserver von Apple war nicht erreichbar.</translation>
    </message>
    <message>
        <source>Apple no longer allows this iOS version.</source>
        <translation>Apple erlaubt diese iOS-Version nicht mehr.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s restore tool does not know this model yet.</source>
        <translation>Das Wiederherstellungsprogramm dieses Kiosks kennt dieses Modell noch nicht.</translation>
    </message>
    <message>
        <source>The restore tool is not installed on this kiosk.</source>
        <translation>Das Wiederherstellungsprogramm ist auf diesem Kiosk nicht installiert.</translation>
    </message>
    <message>
        <source>Erasing needs a verified backup of this device, or the customer&apos;s signed waiver.</source>
        <translation>Zum Löschen braucht es ein geprüftes Backup dieses Geräts oder den unterschriebenen Verzicht des Kunden.</translation>
    </message>
    <message>
        <source>The backup did not pass its check: it could not bring the data back.</source>
        <translation>Das Backup hat die Prüfung nicht bestanden: Es könnte die Daten nicht zurückbringen.</translation>
    </message>
    <message>
        <source>The backup does not fit this device or this iOS version.</source>
        <translation>Das Backup passt nicht zu diesem Gerät oder dieser iOS-Version.</translation>
    </message>
    <message>
        <source>The battery is too low for a restore.</source>
        <translation>Der Akku ist zu schwach für eine Wiederherstellung.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is too full for the restore.</source>
        <translation>Der Speicher dieses Kiosks ist für die Wiederherstellung zu voll.</translation>
    </message>
    <message>
        <source>The firmware could not be downloaded.</source>
        <translation>Die Firmware konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The device came back with another iOS version than chosen.</source>
        <translation>Das Gerät startete mit einer anderen iOS-Version als gewählt.</translation>
    </message>
    <message>
        <source>The device did not start up again after the restore.</source>
        <translation>Das Gerät ist nach der Wiederherstellung nicht wieder hochgefahren.</translation>
    </message>
    <message>
        <source>The restore failed several times in a row.</source>
        <translation>Die Wiederherstellung ist mehrmals hintereinander fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>Die Wiederherstellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The device is not connected.</source>
        <translation>Das Gerät ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The staff sign-in for the waiver did not work.</source>
        <translation>Die Anmeldung des Personals für den Verzicht hat nicht funktioniert.</translation>
    </message>
    <message>
        <source>Nobody put the device into recovery mode in time.</source>
        <translation>Niemand hat das Gerät rechtzeitig in den Wiederherstellungsmodus versetzt.</translation>
    </message>
    <message>
        <source>The kiosk could not write its records.</source>
        <translation>Der Kiosk konnte seine Protokolle nicht schreiben.</translation>
    </message>
    <message>
        <source>Leave the cable in: rescuebay continues by itself.</source>
        <translation>Kabel eingesteckt lassen: rescuebay macht von selbst weiter.</translation>
    </message>
    <message>
        <source>Plug the phone back in — rescuebay continues by itself.</source>
        <translation>Telefon wieder anschließen – rescuebay macht von selbst weiter.</translation>
    </message>
    <message>
        <source>Try another cable or port: rescuebay continues by itself.</source>
        <translation>Anderes Kabel oder anderen Anschluss versuchen: rescuebay macht von selbst weiter.</translation>
    </message>
    <message>
        <source>Force-restart the device with its buttons (see the guide).</source>
        <translation>Gerät mit seinen Tasten neu starten erzwingen (siehe Anleitung).</translation>
    </message>
    <message>
        <source>Put the device into recovery mode with its buttons (see the guide).</source>
        <translation>Gerät mit seinen Tasten in den Wiederherstellungsmodus versetzen (siehe Anleitung).</translation>
    </message>
    <message>
        <source>Charge the device for a while, then start again.</source>
        <translation>Gerät eine Weile laden, dann erneut starten.</translation>
    </message>
    <message>
        <source>This needs a hardware repair: send the device to Apple.</source>
        <translation>Hier ist eine Hardwarereparatur nötig: Gerät an Apple senden.</translation>
    </message>
    <message>
        <source>Ask your administrator to install a newer restore tool.</source>
        <translation>Bitten Sie Ihren Administrator, ein neueres Wiederherstellungsprogramm zu installieren.</translation>
    </message>
    <message>
        <source>Verify the customer&apos;s backup first, or record their waiver.</source>
        <translation>Zuerst das Backup des Kunden prüfen oder seinen Verzicht erfassen.</translation>
    </message>
    <message>
        <source>Remove old firmware on the Firmware screen, then start again.</source>
        <translation>Alte Firmware in der Ansicht „Firmware“ entfernen, dann erneut starten.</translation>
    </message>
    <message>
        <source>Check the kiosk&apos;s internet connection, then start again.</source>
        <translation>Internetverbindung des Kiosks prüfen, dann erneut starten.</translation>
    </message>
    <message>
        <source>Choose an iOS version Apple still allows.</source>
        <translation>Eine iOS-Version wählen, die Apple noch erlaubt.</translation>
    </message>
    <message>
        <source>Sign in again with your PIN.</source>
        <translation>Erneut mit Ihrer PIN anmelden.</translation>
    </message>
    <message>
        <source>Start the restore again.</source>
        <translation>Wiederherstellung erneut starten.</translation>
    </message>
    <message>
        <source>Hand the device over: it starts at the setup screen.</source>
        <translation>Gerät übergeben: Es startet mit dem Einrichtungsbildschirm.</translation>
    </message>
    <message>
        <source>Restore tool installed</source>
        <translation>Wiederherstellungsprogramm installiert</translation>
    </message>
    <message>
        <source>Model supported</source>
        <translation>Modell unterstützt</translation>
    </message>
    <message>
        <source>Firmware ready and allowed by Apple</source>
        <translation>Firmware bereit und von Apple erlaubt</translation>
    </message>
    <message>
        <source>Customer data protected</source>
        <translation>Kundendaten geschützt</translation>
    </message>
    <message>
        <source>Battery charged enough</source>
        <translation>Akku ausreichend geladen</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Wo ist?</translation>
    </message>
    <message>
        <source>Room on this kiosk</source>
        <translation>Platz auf diesem Kiosk</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation>Hier gestoppt</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht nötig</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Find My is on: the customer needs their Apple ID password after the erase.</source>
        <translation>„Wo ist?“ ist aktiv: Der Kunde braucht nach dem Löschen sein Apple-ID-Passwort.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing could not be checked now: the restore will try anyway.</source>
        <translation>Die Signierung durch Apple konnte gerade nicht geprüft werden: Die Wiederherstellung versucht es trotzdem.</translation>
    </message>
    <message>
        <source>The charge cannot be read in this mode.</source>
        <translation>Der Ladestand ist in diesem Modus nicht lesbar.</translation>
    </message>
    <message>
        <source>Erasing without a backup: the customer signed a waiver.</source>
        <translation>Löschen ohne Backup: Der Kunde hat einen Verzicht unterschrieben.</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>weniger als eine Minute übrig</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>noch etwa %n Minute</numerusform>
            <numerusform>noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Abgeholt</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>Wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Wiederherstellbar</translation>
    </message>
    <message>
        <source>The firmware file is not made for this device model.</source>
        <translation>Die Firmware-Datei ist nicht für dieses Gerätemodell bestimmt.</translation>
    </message>
    <message>
        <source>This firmware can only erase the device; it cannot update it and keep the data.</source>
        <translation>Diese Firmware kann das Gerät nur löschen; sie kann es nicht aktualisieren und die Daten behalten.</translation>
    </message>
    <message>
        <source>The firmware file is damaged.</source>
        <translation>Die Firmware-Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>The backup is encrypted and its password is missing or wrong.</source>
        <translation>Das Backup ist verschlüsselt und sein Passwort fehlt oder ist falsch.</translation>
    </message>
    <message>
        <source>Ask the customer for the backup password (not the phone&apos;s passcode), then start again.</source>
        <translation>Fragen Sie den Kunden nach dem Backup-Passwort (nicht dem Code des Telefons) und starten Sie dann erneut.</translation>
    </message>
    <message>
        <source>Verify a backup and restore with erase, or choose another iOS version.</source>
        <translation>Prüfen Sie ein Backup und stellen Sie mit Löschen wieder her, oder wählen Sie eine andere iOS-Version.</translation>
    </message>
    <message>
        <source>Tell your administrator the firmware file is wrong, or choose another iOS version.</source>
        <translation>Melden Sie Ihrer Administration, dass die Firmware-Datei falsch ist, oder wählen Sie eine andere iOS-Version.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Some settings could not be saved. Details: %1</source>
        <translation>Einige Einstellungen konnten nicht gespeichert werden. Details: %1</translation>
    </message>
    <message>
        <source>Saved. The number of ports and the kiosk lock apply from the next start.</source>
        <translation>Gespeichert. Anzahl der Anschlüsse und Kiosk-Sperre gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Store (printed on receipts)</source>
        <translation>Geschäft (steht auf den Belegen)</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Ports, firmware and backups</source>
        <translation>Anschlüsse, Software und Backups</translation>
    </message>
    <message>
        <source>Number of ports</source>
        <translation>Anzahl der Anschlüsse</translation>
    </message>
    <message>
        <source>One card per port on the Bays screen (1 to 16).</source>
        <translation>Eine Karte pro Anschluss in der Übersicht (1 bis 16).</translation>
    </message>
    <message>
        <source>Firmware cache size</source>
        <translation>Größe des Software-Zwischenspeichers</translation>
    </message>
    <message>
        <source>For example 60G. The least recently used firmware files are removed above it.</source>
        <translation>Zum Beispiel 60G. Darüber werden die am längsten ungenutzten Dateien gelöscht.</translation>
    </message>
    <message>
        <source>Firmware catalog address</source>
        <translation>Adresse des Software-Katalogs</translation>
    </message>
    <message>
        <source>Leave empty for the public catalog; a store chain can enter its own mirror.</source>
        <translation>Leer lassen für den öffentlichen Katalog; eine Ladenkette kann ihren eigenen Spiegel eintragen.</translation>
    </message>
    <message>
        <source>Extra backup folders</source>
        <translation>Weitere Backup-Ordner</translation>
    </message>
    <message>
        <source>Folders with customer backups, separated by a colon (:).</source>
        <translation>Ordner mit Kunden-Backups, durch Doppelpunkt (:) getrennt.</translation>
    </message>
    <message>
        <source>Kiosk lock</source>
        <translation>Kiosk-Sperre</translation>
    </message>
    <message>
        <source>Locked: the kiosk fills the screen and cannot be closed without a staff PIN.</source>
        <translation>Gesperrt: Der Kiosk füllt den Bildschirm und lässt sich nur mit Mitarbeiter-PIN schließen.</translation>
    </message>
    <message>
        <source>Not locked: the kiosk runs in a normal window.</source>
        <translation>Nicht gesperrt: Der Kiosk läuft in einem normalen Fenster.</translation>
    </message>
    <message>
        <source>Unlock the kiosk</source>
        <translation>Kiosk entsperren</translation>
    </message>
    <message>
        <source>Lock the kiosk</source>
        <translation>Kiosk sperren</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Kiosk schließen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>%1 abmelden</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Anmeldung für Mitarbeiter</translation>
    </message>
    <message>
        <source>Set up the first staff member</source>
        <translation>Ersten Mitarbeiter einrichten</translation>
    </message>
    <message>
        <source>Staff sign-in is not possible: the ticket store cannot be opened. Details: %1</source>
        <translation>Anmelden nicht möglich: Die Tickets lassen sich nicht öffnen. Details: %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN (4 bis 12 Ziffern)</translation>
    </message>
</context>
<context>
    <name>TicketsScreen</name>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Ticket number, customer, phone, serial or IMEI</source>
        <translation>Ticketnummer, Kunde, Telefon, Seriennummer oder IMEI</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>%1 abmelden</translation>
    </message>
    <message>
        <source>No tickets found.</source>
        <translation>Keine Tickets gefunden.</translation>
    </message>
    <message>
        <source>(removed with the customer&apos;s data)</source>
        <translation>(mit den Kundendaten entfernt)</translation>
    </message>
</context>
</TS>
