<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BackupPanel</name>
    <message>
        <source>Looking for backups…</source>
        <translation>Recherche des sauvegardes…</translation>
    </message>
    <message>
        <source>No backups found on this computer.</source>
        <translation>Aucune sauvegarde trouvée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>chiffrée</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Unnamed device</source>
        <translation>Appareil sans nom</translation>
    </message>
    <message>
        <source>Backup password (used once, never stored)</source>
        <translation>Mot de passe (utilisé une fois, jamais enregistré)</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Vérifier la sauvegarde</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>This backup is from another device.</source>
        <translation>Cette sauvegarde provient d’un autre appareil.</translation>
    </message>
    <message>
        <source>The backup could not be checked.</source>
        <translation>La sauvegarde n’a pas pu être vérifiée.</translation>
    </message>
</context>
<context>
    <name>BatteryLine</name>
    <message>
        <source>%1 % battery, charging</source>
        <translation>Batterie %1 %, en charge</translation>
    </message>
    <message>
        <source>%1 % battery</source>
        <translation>Batterie %1 %</translation>
    </message>
</context>
<context>
    <name>BaysScreen</name>
    <message>
        <source>Bays</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Device detection is not running, so no device can appear here. Details: %1</source>
        <translation>La détection des appareils ne fonctionne pas : aucun appareil ne peut apparaître ici. Détails : %1</translation>
    </message>
    <message>
        <source>Start the usbmuxd service (sudo systemctl start usbmuxd), then plug the devices in again.</source>
        <translation>Démarrez le service usbmuxd (sudo systemctl start usbmuxd), puis rebranchez les appareils.</translation>
    </message>
    <message>
        <source>usbmuxd does not answer properly, so phones that are switched on cannot be seen. Restart it: run &quot;sudo systemctl restart usbmuxd&quot;.</source>
        <translation>usbmuxd ne répond pas correctement : les téléphones allumés ne peuvent pas être vus. Redémarrez-le : lancez &quot;sudo systemctl restart usbmuxd&quot;.</translation>
    </message>
    <message>
        <source>usbmuxd is not running, so phones that are switched on cannot be seen. Run &quot;sudo systemctl start usbmuxd&quot;, or plug a phone in to start it.</source>
        <translation>usbmuxd n&apos;est pas lancé : les téléphones allumés ne peuvent pas être vus. Lancez &quot;sudo systemctl start usbmuxd&quot; ou branchez un téléphone pour le démarrer.</translation>
    </message>
</context>
<context>
    <name>ChoosePanel</name>
    <message>
        <source>What should happen to this device?</source>
        <translation>Que faire de cet appareil ?</translation>
    </message>
    <message>
        <source>Update iOS</source>
        <translation>Mettre à jour iOS</translation>
    </message>
    <message>
        <source>Keeps the customer&apos;s data, apps and settings.</source>
        <translation>Conserve les données, apps et réglages du client.</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Effacer et restaurer</translation>
    </message>
    <message>
        <source>Wipes the device and installs iOS fresh. Needs a verified backup or the customer&apos;s waiver.</source>
        <translation>Efface l&apos;appareil et réinstalle iOS. Nécessite une sauvegarde vérifiée ou la renonciation du client.</translation>
    </message>
    <message>
        <source>A verified backup of this device protects the data.</source>
        <translation>Une sauvegarde vérifiée de cet appareil protège les données.</translation>
    </message>
    <message>
        <source>iOS version</source>
        <translation>Version d’iOS</translation>
    </message>
    <message>
        <source>Asking which iOS versions Apple allows…</source>
        <translation>Demande à Apple des versions d’iOS autorisées…</translation>
    </message>
    <message>
        <source>The list of iOS versions could not be read. The newest allowed version will be used.</source>
        <translation>La liste des versions d’iOS n’a pas pu être lue. La version autorisée la plus récente sera utilisée.</translation>
    </message>
    <message>
        <source>No internet: showing the list saved earlier.</source>
        <translation>Pas d’internet : affichage de la liste enregistrée précédemment.</translation>
    </message>
    <message>
        <source>No iOS versions known for this model yet. The newest allowed version will be used.</source>
        <translation>Aucune version d’iOS connue pour ce modèle. La version autorisée la plus récente sera utilisée.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>dans le cache</translation>
    </message>
    <message>
        <source>will download</source>
        <translation>sera téléchargé</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>autorisé par Apple</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>plus autorisé par Apple</translation>
    </message>
    <message>
        <source>Next: the customer&apos;s consent</source>
        <translation>Suivant : consentement du client</translation>
    </message>
    <message>
        <source>Next: check and start</source>
        <translation>Suivant : vérifier et démarrer</translation>
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
        <translation>Récupération</translation>
    </message>
    <message>
        <source>DFU</source>
        <translation>DFU</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Identifying</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>Not trusted yet</source>
        <translation>Pas encore autorisé</translation>
    </message>
    <message>
        <source>Trust prompt showing on the device</source>
        <translation>Demande « Se fier » affichée sur l’appareil</translation>
    </message>
    <message>
        <source>Trusts this kiosk</source>
        <translation>Se fie à ce poste</translation>
    </message>
    <message>
        <source>Customer tapped “Don’t Trust”</source>
        <translation>Le client a touché « Ne pas se fier »</translation>
    </message>
    <message>
        <source>Trust not needed in this mode</source>
        <translation>« Se fier » inutile dans ce mode</translation>
    </message>
    <message>
        <source>Trust not known yet</source>
        <translation>Autorisation pas encore connue</translation>
    </message>
    <message>
        <source>Wait a moment: identifying</source>
        <translation>Un instant : identification</translation>
    </message>
    <message>
        <source>Show the Trust prompt</source>
        <translation>Afficher la demande « Se fier »</translation>
    </message>
    <message>
        <source>Show the device</source>
        <translation>Voir l’appareil</translation>
    </message>
    <message>
        <source>Ask again for Trust</source>
        <translation>Redemander « Se fier »</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Vérifier la sauvegarde</translation>
    </message>
    <message>
        <source>Choose what to do</source>
        <translation>Choisir quoi faire</translation>
    </message>
    <message>
        <source>Guide into DFU</source>
        <translation>Guider vers le mode DFU</translation>
    </message>
    <message>
        <source>Exit recovery</source>
        <translation>Quitter le mode de récupération</translation>
    </message>
    <message>
        <source>Restore firmware</source>
        <translation>Restaurer le logiciel</translation>
    </message>
    <message>
        <source>Restoring: leave the cable in</source>
        <translation>Restauration : laisser le câble branché</translation>
    </message>
    <message>
        <source>Resume restore</source>
        <translation>Reprendre la restauration</translation>
    </message>
    <message>
        <source>Open details</source>
        <translation>Voir les détails</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Bouton principal</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Bouton supérieur</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Bouton latéral</translation>
    </message>
    <message>
        <source>Volume Up</source>
        <translation>Volume +</translation>
    </message>
    <message>
        <source>Volume Down</source>
        <translation>Volume −</translation>
    </message>
    <message>
        <source>volume button nearest the Top button</source>
        <translation>bouton de volume le plus proche du bouton supérieur</translation>
    </message>
    <message>
        <source>volume button farthest from the Top button</source>
        <translation>bouton de volume le plus éloigné du bouton supérieur</translation>
    </message>
    <message>
        <source>Enter recovery mode</source>
        <translation>Passer en mode de récupération</translation>
    </message>
    <message>
        <source>Enter DFU mode</source>
        <translation>Passer en mode DFU</translation>
    </message>
    <message>
        <source>Exit recovery mode</source>
        <translation>Quitter le mode de récupération</translation>
    </message>
    <message>
        <source>Exit DFU mode</source>
        <translation>Quitter le mode DFU</translation>
    </message>
    <message>
        <source>until the screen goes black</source>
        <translation>jusqu’à ce que l’écran devienne noir</translation>
    </message>
    <message>
        <source>until the Apple logo appears, then let go</source>
        <translation>jusqu’à l’apparition du logo Apple, puis relâcher</translation>
    </message>
    <message>
        <source>past the Apple logo, until the cable-and-computer screen</source>
        <translation>au-delà du logo Apple, jusqu’à l’écran câble et ordinateur</translation>
    </message>
    <message>
        <source>until the kiosk detects the new mode</source>
        <translation>jusqu’à ce que le poste détecte le nouveau mode</translation>
    </message>
    <message>
        <source>Done: the device is in the right mode ✓</source>
        <translation>Terminé : l’appareil est dans le bon mode ✓</translation>
    </message>
    <message>
        <source>This is recovery mode, not DFU: you released the side button too late. Try again.</source>
        <translation>C’est le mode de récupération, pas le mode DFU : le bouton latéral a été relâché trop tard. Recommencez.</translation>
    </message>
    <message>
        <source>The Apple logo means you held too long: start over.</source>
        <translation>Le logo Apple signifie un appui trop long : recommencez depuis le début.</translation>
    </message>
    <message>
        <source>The device started normally: keep holding past the Apple logo. Try again.</source>
        <translation>L’appareil a démarré normalement : maintenez au-delà du logo Apple. Recommencez.</translation>
    </message>
    <message>
        <source>DFU mode detected instead of recovery: a restore works from here too.</source>
        <translation>Mode DFU détecté au lieu du mode de récupération : la restauration fonctionne aussi d’ici.</translation>
    </message>
    <message>
        <source>Still in recovery mode: restore it, or try once more.</source>
        <translation>Toujours en mode de récupération : restaurez-le ou réessayez.</translation>
    </message>
    <message>
        <source>Listening for the device…</source>
        <translation>À l’écoute de l’appareil…</translation>
    </message>
    <message>
        <source>Ask the customer to unlock the phone and tap Trust.</source>
        <translation>Demandez au client de déverrouiller le téléphone et de toucher « Se fier ».</translation>
    </message>
    <message>
        <source>Waiting for the customer to tap Trust on the phone.</source>
        <translation>En attente : le client doit toucher « Se fier » sur le téléphone.</translation>
    </message>
    <message>
        <source>The customer tapped Don’t Trust. Ask again, or unplug and plug in again.</source>
        <translation>Le client a touché « Ne pas se fier ». Redemandez, ou débranchez et rebranchez.</translation>
    </message>
    <message>
        <source>Leave the cable in until the restore is done.</source>
        <translation>Laissez le câble branché jusqu’à la fin de la restauration.</translation>
    </message>
    <message>
        <source>Only follow the steps in order: holding Side and a volume button together on a phone that is switched on calls Emergency SOS.</source>
        <translation>Suivez uniquement les étapes dans l’ordre : maintenir le bouton latéral et un bouton de volume sur un téléphone allumé déclenche l’appel d’urgence SOS.</translation>
    </message>
    <message>
        <source>The Action button above the volume keys is not Volume Up.</source>
        <translation>Le bouton Action au-dessus des boutons de volume n’est pas Volume +.</translation>
    </message>
    <message>
        <source>Camera Control below the Side button is not the Side button.</source>
        <translation>La commande de l’appareil photo sous le bouton latéral n’est pas le bouton latéral.</translation>
    </message>
    <message>
        <source>Recovery mode ends by itself after about 15 minutes.</source>
        <translation>Le mode de récupération se termine seul après environ 15 minutes.</translation>
    </message>
    <message>
        <source>Use a data cable straight into the kiosk port, not a hub.</source>
        <translation>Utilisez un câble de données branché directement sur le port du poste, pas sur un hub.</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Only the buttons can do this: follow the guide below.</source>
        <translation>Seuls les boutons le permettent : suivez le guide ci-dessous.</translation>
    </message>
    <message>
        <source>The phone has not trusted this kiosk: ask the customer to tap Trust, or use the buttons.</source>
        <translation>Le téléphone ne se fie pas à ce poste : demandez au client de toucher « Se fier », ou utilisez les boutons.</translation>
    </message>
    <message>
        <source>The Trust prompt is showing: ask the customer to tap Trust.</source>
        <translation>La demande « Se fier » est affichée : demandez au client de la toucher.</translation>
    </message>
    <message>
        <source>The customer tapped “Don’t Trust”: unplug, plug in again and tap Trust.</source>
        <translation>Le client a touché « Ne pas se fier » : débranchez, rebranchez et touchez « Se fier ».</translation>
    </message>
    <message>
        <source>The device is gone: plug it in again.</source>
        <translation>L’appareil a disparu : rebranchez-le.</translation>
    </message>
    <message>
        <source>This kiosk cannot do that by software: use the buttons.</source>
        <translation>Ce poste ne peut pas le faire par logiciel : utilisez les boutons.</translation>
    </message>
    <message>
        <source>That did not work: use the buttons below.</source>
        <translation>Cela n’a pas fonctionné : utilisez les boutons ci-dessous.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Connect the device with a data cable</source>
        <translation>Branchez l’appareil avec un câble de données</translation>
    </message>
    <message>
        <source>Press and quickly release %1</source>
        <translation>Appuyez brièvement sur %1</translation>
    </message>
    <message>
        <source>Let go of %1, keep holding %2</source>
        <translation>Relâchez %1, maintenez %2</translation>
    </message>
    <message>
        <source>Let go of %1</source>
        <translation>Relâchez %1</translation>
    </message>
    <message>
        <source>Keep holding %1 and also press and hold %2</source>
        <translation>Maintenez %1 et maintenez aussi %2</translation>
    </message>
    <message>
        <source>Press and hold %1</source>
        <translation>Maintenez %1</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Restaurable</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagée</translation>
    </message>
    <message>
        <source>Does not fit this device</source>
        <translation>Ne convient pas à cet appareil</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Mot de passe incorrect</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s own records…</source>
        <translation>Lecture des registres de la sauvegarde…</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Vérification du mot de passe…</translation>
    </message>
    <message>
        <source>Checking the list of files…</source>
        <translation>Vérification de la liste des fichiers…</translation>
    </message>
    <message>
        <source>Checking every file…</source>
        <translation>Vérification de chaque fichier…</translation>
    </message>
    <message>
        <source>Looking for stray files…</source>
        <translation>Recherche de fichiers égarés…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is missing</source>
        <translation>La liste des fichiers de la sauvegarde manque</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is damaged</source>
        <translation>La liste des fichiers de la sauvegarde est endommagée</translation>
    </message>
    <message>
        <source>The backup was not finished</source>
        <translation>La sauvegarde n’a pas été terminée</translation>
    </message>
    <message>
        <source>The backup comes from a newer iOS than this device has</source>
        <translation>La sauvegarde provient d’un iOS plus récent que celui de l’appareil</translation>
    </message>
    <message>
        <source>The backup comes from another kind of device</source>
        <translation>La sauvegarde provient d’un autre type d’appareil</translation>
    </message>
    <message>
        <source>The backup is encrypted: enter its password</source>
        <translation>La sauvegarde est chiffrée : saisissez son mot de passe</translation>
    </message>
    <message>
        <source>The password does not open this backup</source>
        <translation>Le mot de passe n’ouvre pas cette sauvegarde</translation>
    </message>
    <message>
        <source>Other problem (%1): %2</source>
        <translation>Autre problème (%1) : %2</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Historique des appels</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Voice memos</source>
        <translation>Dictaphone</translation>
    </message>
    <message>
        <source>Safari</source>
        <translation>Safari</translation>
    </message>
    <message>
        <source>App data</source>
        <translation>Données des apps</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Passwords (keychain)</source>
        <translation>Mots de passe (trousseau)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>Nom ou code PIN incorrect.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for a few minutes.</source>
        <translation>Trop de codes PIN erronés : bloqué pour quelques minutes.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Ce nom est déjà pris.</translation>
    </message>
    <message>
        <source>Enter a name and a PIN of 4 to 12 digits.</source>
        <translation>Saisissez un nom et un code PIN de 4 à 12 chiffres.</translation>
    </message>
    <message>
        <source>Signing in did not work.</source>
        <translation>La connexion n’a pas fonctionné.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>En attente du client</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Récupéré par le client</translation>
    </message>
    <message>
        <source>Ticket opened</source>
        <translation>Ticket ouvert</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Détails modifiés</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Statut modifié</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Device detected</source>
        <translation>Appareil détecté</translation>
    </message>
    <message>
        <source>Backup verified</source>
        <translation>Sauvegarde vérifiée</translation>
    </message>
    <message>
        <source>Firmware ready</source>
        <translation>Logiciel prêt</translation>
    </message>
    <message>
        <source>Restore step</source>
        <translation>Étape de restauration</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Repris</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Customer consent</source>
        <translation>Accord du client</translation>
    </message>
    <message>
        <source>Earlier restore log</source>
        <translation>Journal d’une restauration antérieure</translation>
    </message>
    <message>
        <source>Customer data erased</source>
        <translation>Données du client effacées</translation>
    </message>
    <message>
        <source>Not available in this version yet</source>
        <translation>Pas encore disponible dans cette version</translation>
    </message>
    <message>
        <source>not in this version</source>
        <translation>pas dans cette version</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) missing from the backup</source>
        <translation>
            <numerusform>%n fichier manquant dans la sauvegarde</numerusform>
            <numerusform>%n fichiers manquants dans la sauvegarde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the wrong size</source>
        <translation>
            <numerusform>%n fichier de taille incorrecte</numerusform>
            <numerusform>%n fichiers de taille incorrecte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose content changed</source>
        <translation>
            <numerusform>%n fichier dont le contenu a changé</numerusform>
            <numerusform>%n fichiers dont le contenu a changé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be read</source>
        <translation>
            <numerusform>%n fichier illisible</numerusform>
            <numerusform>%n fichiers illisibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be decrypted</source>
        <translation>
            <numerusform>%n fichier impossible à déchiffrer</numerusform>
            <numerusform>%n fichiers impossibles à déchiffrer</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is from iOS 9 or older: it cannot be checked</source>
        <translation>La sauvegarde provient d’iOS 9 ou antérieur : elle ne peut pas être vérifiée</translation>
    </message>
    <message numerus="yes">
        <source>%n stray file(s) not in the file list</source>
        <translation>
            <numerusform>%n fichier en trop absent de la liste</numerusform>
            <numerusform>%n fichiers en trop absents de la liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) intact</source>
        <translation>
            <numerusform>%n fichier intact</numerusform>
            <numerusform>%n fichiers intacts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1 : %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n endommagé</numerusform>
            <numerusform>%n endommagés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Update iOS on %1. The customer&apos;s data stays on it.</source>
        <translation>Mettre à jour iOS sur %1. Les données du client y restent.</translation>
    </message>
    <message>
        <source>Your data on this %1 will be erased.</source>
        <translation>Vos données sur cet appareil %1 seront effacées.</translation>
    </message>
    <message>
        <source>There is no verified backup: photos, messages and everything else on it cannot be recovered.</source>
        <translation>Il n’y a pas de sauvegarde vérifiée : photos, messages et tout le reste ne pourront pas être récupérés.</translation>
    </message>
    <message>
        <source>It is kept safe in the backup checked today. It can be put back on the device after the restore.</source>
        <translation>Elles sont conservées dans la sauvegarde vérifiée aujourd’hui et pourront être remises sur l’appareil après la restauration.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Sauvegarde : %1</translation>
    </message>
    <message>
        <source>The customer agreed</source>
        <translation>Le client a donné son accord</translation>
    </message>
    <message>
        <source>I understand: erase my data without a backup</source>
        <translation>Je comprends : effacer mes données sans sauvegarde</translation>
    </message>
    <message>
        <source>Staff: %1, enter your PIN to sign the waiver</source>
        <translation>Personnel : %1, saisissez votre PIN pour signer la renonciation</translation>
    </message>
    <message>
        <source>Staff: type your name and PIN to sign the waiver</source>
        <translation>Personnel : saisissez votre nom et votre PIN pour signer la renonciation</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Nom du technicien</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Start the update</source>
        <translation>Lancer la mise à jour</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Effacer et restaurer</translation>
    </message>
    <message>
        <source>The customer agreed on the kiosk to erase the device without a backup.</source>
        <translation>Le client a accepté sur la borne d’effacer l’appareil sans sauvegarde.</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Unknown device</source>
        <translation>Appareil inconnu</translation>
    </message>
    <message>
        <source>%1 · iOS %2 (%3)</source>
        <translation>%1 · iOS %2 (%3)</translation>
    </message>
    <message>
        <source>Show the restore</source>
        <translation>Voir la restauration</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>Port %1 (not named)</source>
        <translation>Port %1 (sans nom)</translation>
    </message>
</context>
<context>
    <name>DeviceDrawing</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Camera Control</source>
        <translation>Commande de l’appareil photo</translation>
    </message>
    <message>
        <source>Model not known</source>
        <translation>Modèle inconnu</translation>
    </message>
    <message>
        <source>Home (not used)</source>
        <translation>Bouton principal (non utilisé)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Bouton principal</translation>
    </message>
</context>
<context>
    <name>DeviceFlowScreen</name>
    <message>
        <source>Device unplugged</source>
        <translation>Appareil débranché</translation>
    </message>
    <message>
        <source>This device was unplugged. Plug it back in: it will appear here again.</source>
        <translation>Cet appareil a été débranché. Rebranchez-le : il réapparaîtra ici.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Model number</source>
        <translation>Numéro de modèle</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Autorisation</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
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
        <translation>Activation</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Localiser</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Free storage</source>
        <translation>Stockage libre</translation>
    </message>
    <message>
        <source>%1 GB of %2 GB</source>
        <translation>%1 Go sur %2 Go</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>pas encore connu</translation>
    </message>
    <message>
        <source>Which mode does the device need?</source>
        <translation>De quel mode l’appareil a-t-il besoin ?</translation>
    </message>
    <message>
        <source>This device is already being restored.</source>
        <translation>Cet appareil est déjà en cours de restauration.</translation>
    </message>
    <message>
        <source>The device is not connected: plug it in and try again.</source>
        <translation>L’appareil n’est pas connecté : branchez-le et réessayez.</translation>
    </message>
    <message>
        <source>The restore could not start.</source>
        <translation>La restauration n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>skipped: customer waived backup</source>
        <translation>ignoré : le client renonce à la sauvegarde</translation>
    </message>
    <message>
        <source>skipped: an update keeps the data</source>
        <translation>ignoré : une mise à jour conserve les données</translation>
    </message>
    <message>
        <source>blocked: use the buttons</source>
        <translation>bloqué : utilisez les boutons</translation>
    </message>
    <message>
        <source>skipped: rescuebay switches modes by itself</source>
        <translation>ignoré : rescuebay change de mode tout seul</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>bloqué : %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Next: choose what to do</source>
        <translation>Suivant : choisir l’action</translation>
    </message>
    <message>
        <source>Checking everything before the restore…</source>
        <translation>Vérification de tout avant la restauration…</translation>
    </message>
    <message>
        <source>No restore yet: choose what to do first.</source>
        <translation>Pas encore de restauration : choisissez d’abord l’action.</translation>
    </message>
    <message>
        <source>Open a ticket for this device</source>
        <translation>Ouvrir un ticket pour cet appareil</translation>
    </message>
    <message>
        <source>Ticket %1: every restore step is recorded on it.</source>
        <translation>Ticket %1 : chaque étape de la restauration y est consignée.</translation>
    </message>
    <message>
        <source>Next: backup</source>
        <translation>Suivant : sauvegarde</translation>
    </message>
</context>
<context>
    <name>DonePanel</name>
    <message>
        <source>iOS %1 (%2) is installed.</source>
        <translation>iOS %1 (%2) est installé.</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>This restore is not on a ticket.</source>
        <translation>Cette restauration n’est liée à aucun ticket.</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>Le reçu n’a pas pu être enregistré : %1</translation>
    </message>
</context>
<context>
    <name>EmptyBayCard</name>
    <message>
        <source>Plug a device into port %1</source>
        <translation>Branchez un appareil sur le port %1</translation>
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
        <translation>Le firmware est prêt dans le cache.</translation>
    </message>
    <message>
        <source>The download did not finish. Check the internet connection and try again.</source>
        <translation>Le téléchargement n’a pas abouti. Vérifiez la connexion internet et réessayez.</translation>
    </message>
    <message>
        <source>In the cache</source>
        <translation>Dans le cache</translation>
    </message>
    <message>
        <source>%1 GB used of %2 GB</source>
        <translation>%1 Go utilisés sur %2 Go</translation>
    </message>
    <message>
        <source>%1 GB used</source>
        <translation>%1 Go utilisés</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <source>Nothing cached yet: firmware is downloaded the first time a restore needs it.</source>
        <translation>Rien en cache : le firmware est téléchargé la première fois qu’une restauration en a besoin.</translation>
    </message>
    <message>
        <source>iOS versions for %1</source>
        <translation>Versions d’iOS pour %1</translation>
    </message>
    <message>
        <source>Plug in a device to see its iOS versions.</source>
        <translation>Branchez un appareil pour voir ses versions d’iOS.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>autorisé par Apple</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>plus autorisé par Apple</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>Arrêter le téléchargement</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <source>%1 %2</source>
        <comment>a hold step, then how long</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(about %1&#xa0;s)</source>
        <translation>(environ %1&#xa0;s)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Faster, without buttons:</source>
        <translation>Plus rapide, sans les boutons :</translation>
    </message>
    <message>
        <source>Exit recovery with one tap</source>
        <translation>Quitter le mode de récupération d’un toucher</translation>
    </message>
    <message>
        <source>Enter recovery by software</source>
        <translation>Passer en mode de récupération par logiciel</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Which buttons does this device have?</source>
        <translation>Quels boutons a cet appareil ?</translation>
    </message>
    <message>
        <source>A round Home button that clicks</source>
        <translation>Un bouton principal rond qui s’enfonce</translation>
    </message>
    <message>
        <source>iPhone 7 or 7 Plus</source>
        <translation>iPhone 7 ou 7 Plus</translation>
    </message>
    <message>
        <source>iPhone 8 or later (also SE 2nd and 3rd generation)</source>
        <translation>iPhone 8 ou ultérieur (aussi SE 2e et 3e génération)</translation>
    </message>
    <message>
        <source>iPad without Home button</source>
        <translation>iPad sans bouton principal</translation>
    </message>
    <message>
        <source>Before you start:</source>
        <translation>Avant de commencer :</translation>
    </message>
    <message>
        <source>In DFU mode the screen stays black. An Apple logo means the key was held too long: start again.</source>
        <translation>En mode DFU, l’écran reste noir. Un logo Apple signifie un appui trop long : recommencez.</translation>
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
        <translation>Détecté : %1.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>rescuebay kiosk</source>
        <translation>poste rescuebay</translation>
    </message>
    <message>
        <source>Bays</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
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
        <translation>Noms des ports</translation>
    </message>
    <message>
        <source>Plug a phone into the port you want to call %1.</source>
        <translation>Branchez un téléphone sur le port que vous voulez appeler %1.</translation>
    </message>
    <message>
        <source>Name each port once so the bays are in the order of the counter: tap Name the ports, then plug a phone into one port after the other.</source>
        <translation>Nommez chaque port une fois pour que les emplacements suivent l&apos;ordre du comptoir : touchez Nommer les ports, puis branchez un téléphone sur un port après l&apos;autre.</translation>
    </message>
    <message>
        <source>Name for this port</source>
        <translation>Nom de ce port</translation>
    </message>
    <message>
        <source>A number or a short name, for example 1 or Left.</source>
        <translation>Un numéro ou un nom court, par exemple 1 ou Gauche.</translation>
    </message>
    <message>
        <source>Done naming ports</source>
        <translation>Terminer le nommage</translation>
    </message>
    <message>
        <source>Name the ports</source>
        <translation>Nommer les ports</translation>
    </message>
    <message>
        <source>The name was not saved: %1</source>
        <translation>Le nom n&apos;a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>Port %1 is the USB port %2</source>
        <translation>Le port %1 est le port USB %2</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
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
        <translation>Reçu %1</translation>
    </message>
    <message>
        <source>The receipt could not be written to %1.</source>
        <translation>Le reçu n’a pas pu être écrit dans %1.</translation>
    </message>
    <message>
        <source>Repair ticket %1</source>
        <translation>Ticket de réparation %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Travaux effectués</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Technicien</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
</context>
<context>
    <name>RestorePanel</name>
    <message>
        <source>Before the restore</source>
        <translation>Avant la restauration</translation>
    </message>
    <message>
        <source>Show the buttons</source>
        <translation>Montrer les boutons</translation>
    </message>
    <message>
        <source>Stop the restore</source>
        <translation>Arrêter la restauration</translation>
    </message>
    <message>
        <source>Job %1 · state %2 · cause %3 · next %4
%5</source>
        <translation>Tâche %1 · état %2 · cause %3 · suite %4
%5</translation>
    </message>
</context>
<context>
    <name>RestoreStrings</name>
    <message>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Entering recovery mode</source>
        <translation>Passage en mode de récupération</translation>
    </message>
    <message>
        <source>Waiting for the buttons</source>
        <translation>En attente des boutons</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Redémarrage</translation>
    </message>
    <message>
        <source>Checking the result</source>
        <translation>Vérification du résultat</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Non restauré</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Getting the firmware</source>
        <translation>Récupération du firmware</translation>
    </message>
    <message>
        <source>Finding the device</source>
        <translation>Recherche de l’appareil</translation>
    </message>
    <message>
        <source>Preparing the device</source>
        <translation>Préparation de l’appareil</translation>
    </message>
    <message>
        <source>Sending the system</source>
        <translation>Envoi du système</translation>
    </message>
    <message>
        <source>Checking the system</source>
        <translation>Vérification du système</translation>
    </message>
    <message>
        <source>Installing the firmware</source>
        <translation>Installation du firmware</translation>
    </message>
    <message>
        <source>Installing the modem firmware</source>
        <translation>Installation du firmware du modem</translation>
    </message>
    <message>
        <source>Updating components</source>
        <translation>Mise à jour des composants</translation>
    </message>
    <message>
        <source>Sending images</source>
        <translation>Envoi des images</translation>
    </message>
    <message>
        <source>The cable was disconnected.</source>
        <translation>Le câble a été débranché.</translation>
    </message>
    <message>
        <source>The restore tool stopped with an error.</source>
        <translation>L’outil de restauration s’est arrêté sur une erreur.</translation>
    </message>
    <message>
        <source>The restore tool was stopped.</source>
        <translation>L’outil de restauration a été arrêté.</translation>
    </message>
    <message>
        <source>The restore stopped making progress.</source>
        <translation>La restauration n’avance plus.</translation>
    </message>
    <message>
        <source>The kiosk was restarted during the restore.</source>
        <translation>La borne a redémarré pendant la restauration.</translation>
    </message>
    <message>
        <source>The device reported a fault during the restore.</source>
        <translation>L’appareil a signalé une panne pendant la restauration.</translation>
    </message>
    <message>
        <source>The restore did not finish properly.</source>
        <translation>La restauration ne s’est pas terminée correctement.</translation>
    </message>
    <message>
        <source>The device could not start its restore mode.</source>
        <translation>L’appareil n’a pas pu démarrer son mode de restauration.</translation>
    </message>
    <message>
        <source>The device did not go into recovery mode.</source>
        <translation>L’appareil n’est pas passé en mode de récupération.</translation>
    </message>
    <message>
        <source>The restore tool could not find the device.</source>
        <translation>L’outil de restauration n’a pas trouvé l’appareil.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing server could not be reached.</source>
        <translation>Le serveur de signature d’Apple est injoignable.</translation>
    </message>
    <message>
        <source>Apple no longer allows this iOS version.</source>
        <translation>Apple n’autorise plus cette version d’iOS.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s restore tool does not know this model yet.</source>
        <translation>L’outil de restauration de cette borne ne connaît pas encore ce modèle.</translation>
    </message>
    <message>
        <source>The restore tool is not installed on this kiosk.</source>
        <translation>L’outil de restauration n’est pas installé sur cette borne.</translation>
    </message>
    <message>
        <source>Erasing needs a verified backup of this device, or the customer&apos;s signed waiver.</source>
        <translation>L’effacement nécessite une sauvegarde vérifiée de cet appareil ou la renonciation signée du client.</translation>
    </message>
    <message>
        <source>The backup did not pass its check: it could not bring the data back.</source>
        <translation>La sauvegarde n’a pas passé la vérification : elle ne pourrait pas rendre les données.</translation>
    </message>
    <message>
        <source>The backup does not fit this device or this iOS version.</source>
        <translation>La sauvegarde ne correspond pas à cet appareil ou à cette version d’iOS.</translation>
    </message>
    <message>
        <source>The battery is too low for a restore.</source>
        <translation>La batterie est trop faible pour une restauration.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is too full for the restore.</source>
        <translation>Le disque de cette borne est trop plein pour la restauration.</translation>
    </message>
    <message>
        <source>The firmware could not be downloaded.</source>
        <translation>Le firmware n’a pas pu être téléchargé.</translation>
    </message>
    <message>
        <source>The device came back with another iOS version than chosen.</source>
        <translation>L’appareil a redémarré avec une autre version d’iOS que celle choisie.</translation>
    </message>
    <message>
        <source>The device did not start up again after the restore.</source>
        <translation>L’appareil n’a pas redémarré après la restauration.</translation>
    </message>
    <message>
        <source>The restore failed several times in a row.</source>
        <translation>La restauration a échoué plusieurs fois de suite.</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>La restauration a été annulée.</translation>
    </message>
    <message>
        <source>The device is not connected.</source>
        <translation>L’appareil n’est pas connecté.</translation>
    </message>
    <message>
        <source>The staff sign-in for the waiver did not work.</source>
        <translation>La connexion du technicien pour la renonciation a échoué.</translation>
    </message>
    <message>
        <source>Nobody put the device into recovery mode in time.</source>
        <translation>Personne n’a mis l’appareil en mode de récupération à temps.</translation>
    </message>
    <message>
        <source>The kiosk could not write its records.</source>
        <translation>La borne n’a pas pu écrire ses journaux.</translation>
    </message>
    <message>
        <source>Leave the cable in: rescuebay continues by itself.</source>
        <translation>Laissez le câble branché : rescuebay continue tout seul.</translation>
    </message>
    <message>
        <source>Plug the phone back in — rescuebay continues by itself.</source>
        <translation>Rebranchez le téléphone — rescuebay continue tout seul.</translation>
    </message>
    <message>
        <source>Try another cable or port: rescuebay continues by itself.</source>
        <translation>Essayez un autre câble ou port : rescuebay continue tout seul.</translation>
    </message>
    <message>
        <source>Force-restart the device with its buttons (see the guide).</source>
        <translation>Forcez le redémarrage de l’appareil avec ses boutons (voir le guide).</translation>
    </message>
    <message>
        <source>Put the device into recovery mode with its buttons (see the guide).</source>
        <translation>Mettez l’appareil en mode de récupération avec ses boutons (voir le guide).</translation>
    </message>
    <message>
        <source>Charge the device for a while, then start again.</source>
        <translation>Chargez l’appareil un moment, puis recommencez.</translation>
    </message>
    <message>
        <source>This needs a hardware repair: send the device to Apple.</source>
        <translation>Une réparation matérielle est nécessaire : envoyez l’appareil à Apple.</translation>
    </message>
    <message>
        <source>Ask your administrator to install a newer restore tool.</source>
        <translation>Demandez à votre administrateur d’installer un outil de restauration plus récent.</translation>
    </message>
    <message>
        <source>Verify the customer&apos;s backup first, or record their waiver.</source>
        <translation>Vérifiez d’abord la sauvegarde du client ou enregistrez sa renonciation.</translation>
    </message>
    <message>
        <source>Remove old firmware on the Firmware screen, then start again.</source>
        <translation>Supprimez l’ancien firmware dans l’écran Firmware, puis recommencez.</translation>
    </message>
    <message>
        <source>Check the kiosk&apos;s internet connection, then start again.</source>
        <translation>Vérifiez la connexion internet de la borne, puis recommencez.</translation>
    </message>
    <message>
        <source>Choose an iOS version Apple still allows.</source>
        <translation>Choisissez une version d’iOS encore autorisée par Apple.</translation>
    </message>
    <message>
        <source>Sign in again with your PIN.</source>
        <translation>Reconnectez-vous avec votre PIN.</translation>
    </message>
    <message>
        <source>Start the restore again.</source>
        <translation>Relancez la restauration.</translation>
    </message>
    <message>
        <source>Hand the device over: it starts at the setup screen.</source>
        <translation>Remettez l’appareil : il démarre sur l’écran de configuration.</translation>
    </message>
    <message>
        <source>Restore tool installed</source>
        <translation>Outil de restauration installé</translation>
    </message>
    <message>
        <source>Model supported</source>
        <translation>Modèle pris en charge</translation>
    </message>
    <message>
        <source>Firmware ready and allowed by Apple</source>
        <translation>Firmware prêt et autorisé par Apple</translation>
    </message>
    <message>
        <source>Customer data protected</source>
        <translation>Données du client protégées</translation>
    </message>
    <message>
        <source>Battery charged enough</source>
        <translation>Batterie suffisamment chargée</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Localiser</translation>
    </message>
    <message>
        <source>Room on this kiosk</source>
        <translation>Espace sur cette borne</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation>Arrêté ici</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Pas nécessaire</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>Find My is on: the customer needs their Apple ID password after the erase.</source>
        <translation>Localiser est activé : le client aura besoin du mot de passe de son identifiant Apple après l’effacement.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing could not be checked now: the restore will try anyway.</source>
        <translation>La signature d’Apple n’a pas pu être vérifiée : la restauration essaiera quand même.</translation>
    </message>
    <message>
        <source>The charge cannot be read in this mode.</source>
        <translation>La charge ne peut pas être lue dans ce mode.</translation>
    </message>
    <message>
        <source>Erasing without a backup: the customer signed a waiver.</source>
        <translation>Effacement sans sauvegarde : le client a signé une renonciation.</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>moins d’une minute restante</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>environ %n minute restante</numerusform>
            <numerusform>environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Tentative %1 sur %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>En attente du client</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>Restauré : %1</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Restaurable</translation>
    </message>
    <message>
        <source>The firmware file is not made for this device model.</source>
        <translation>Le fichier du firmware n’est pas prévu pour ce modèle d’appareil.</translation>
    </message>
    <message>
        <source>This firmware can only erase the device; it cannot update it and keep the data.</source>
        <translation>Ce firmware peut seulement effacer l’appareil ; il ne peut pas le mettre à jour en gardant les données.</translation>
    </message>
    <message>
        <source>The firmware file is damaged.</source>
        <translation>Le fichier du firmware est endommagé.</translation>
    </message>
    <message>
        <source>The backup is encrypted and its password is missing or wrong.</source>
        <translation>La sauvegarde est chiffrée et son mot de passe manque ou est faux.</translation>
    </message>
    <message>
        <source>Ask the customer for the backup password (not the phone&apos;s passcode), then start again.</source>
        <translation>Demandez au client le mot de passe de la sauvegarde (pas le code du téléphone), puis recommencez.</translation>
    </message>
    <message>
        <source>Verify a backup and restore with erase, or choose another iOS version.</source>
        <translation>Vérifiez une sauvegarde et restaurez avec effacement, ou choisissez une autre version d’iOS.</translation>
    </message>
    <message>
        <source>Tell your administrator the firmware file is wrong, or choose another iOS version.</source>
        <translation>Signalez à votre administrateur que le fichier du firmware est incorrect, ou choisissez une autre version d’iOS.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Some settings could not be saved. Details: %1</source>
        <translation>Certains réglages n’ont pas pu être enregistrés. Détails : %1</translation>
    </message>
    <message>
        <source>Saved. The number of ports and the kiosk lock apply from the next start.</source>
        <translation>Enregistré. Le nombre de ports et le verrouillage s’appliquent au prochain démarrage.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Store (printed on receipts)</source>
        <translation>Magasin (imprimé sur les reçus)</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Nom du magasin</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Ports, firmware and backups</source>
        <translation>Ports, logiciels et sauvegardes</translation>
    </message>
    <message>
        <source>Number of ports</source>
        <translation>Nombre de ports</translation>
    </message>
    <message>
        <source>One card per port on the Bays screen (1 to 16).</source>
        <translation>Une carte par port sur l’écran des postes (1 à 16).</translation>
    </message>
    <message>
        <source>Firmware cache size</source>
        <translation>Taille du cache des logiciels</translation>
    </message>
    <message>
        <source>For example 60G. The least recently used firmware files are removed above it.</source>
        <translation>Par exemple 60G. Au-delà, les fichiers les moins récemment utilisés sont supprimés.</translation>
    </message>
    <message>
        <source>Firmware catalog address</source>
        <translation>Adresse du catalogue des logiciels</translation>
    </message>
    <message>
        <source>Leave empty for the public catalog; a store chain can enter its own mirror.</source>
        <translation>Laisser vide pour le catalogue public ; une chaîne de magasins peut indiquer son propre miroir.</translation>
    </message>
    <message>
        <source>Extra backup folders</source>
        <translation>Dossiers de sauvegardes supplémentaires</translation>
    </message>
    <message>
        <source>Folders with customer backups, separated by a colon (:).</source>
        <translation>Dossiers contenant des sauvegardes de clients, séparés par deux-points (:).</translation>
    </message>
    <message>
        <source>Kiosk lock</source>
        <translation>Verrouillage du poste</translation>
    </message>
    <message>
        <source>Locked: the kiosk fills the screen and cannot be closed without a staff PIN.</source>
        <translation>Verrouillé : le poste occupe tout l’écran et ne se ferme pas sans code PIN du personnel.</translation>
    </message>
    <message>
        <source>Not locked: the kiosk runs in a normal window.</source>
        <translation>Non verrouillé : le poste s’affiche dans une fenêtre normale.</translation>
    </message>
    <message>
        <source>Unlock the kiosk</source>
        <translation>Déverrouiller le poste</translation>
    </message>
    <message>
        <source>Lock the kiosk</source>
        <translation>Verrouiller le poste</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Fermer le poste</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>Déconnecter %1</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <source>Set up the first staff member</source>
        <translation>Créer le premier membre du personnel</translation>
    </message>
    <message>
        <source>Staff sign-in is not possible: the ticket store cannot be opened. Details: %1</source>
        <translation>Connexion impossible : les tickets ne peuvent pas être ouverts. Détails : %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>Code PIN (4 à 12 chiffres)</translation>
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
        <translation>N° de ticket, client, téléphone, n° de série ou IMEI</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>Déconnecter %1</translation>
    </message>
    <message>
        <source>No tickets found.</source>
        <translation>Aucun ticket trouvé.</translation>
    </message>
    <message>
        <source>(removed with the customer&apos;s data)</source>
        <translation>(supprimé avec les données du client)</translation>
    </message>
</context>
</TS>
