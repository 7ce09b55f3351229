<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BackupPanel</name>
    <message>
        <source>Looking for backups…</source>
        <translation>Buscando copias de seguridad…</translation>
    </message>
    <message>
        <source>No backups found on this computer.</source>
        <translation>No se encontró ninguna copia de seguridad en este ordenador.</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>cifrada</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <source>Unnamed device</source>
        <translation>Dispositivo sin nombre</translation>
    </message>
    <message>
        <source>Backup password (used once, never stored)</source>
        <translation>Contraseña de la copia (se usa una vez, nunca se guarda)</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Verificar la copia</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>This backup is from another device.</source>
        <translation>Esta copia es de otro dispositivo.</translation>
    </message>
    <message>
        <source>The backup could not be checked.</source>
        <translation>No se pudo comprobar la copia.</translation>
    </message>
</context>
<context>
    <name>BatteryLine</name>
    <message>
        <source>%1 % battery, charging</source>
        <translation>Batería %1 %, cargando</translation>
    </message>
    <message>
        <source>%1 % battery</source>
        <translation>Batería %1 %</translation>
    </message>
</context>
<context>
    <name>BaysScreen</name>
    <message>
        <source>Bays</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Device detection is not running, so no device can appear here. Details: %1</source>
        <translation>La detección de dispositivos no está en marcha: aquí no puede aparecer ninguno. Detalles: %1</translation>
    </message>
    <message>
        <source>Start the usbmuxd service (sudo systemctl start usbmuxd), then plug the devices in again.</source>
        <translation>Inicia el servicio usbmuxd (sudo systemctl start usbmuxd) y vuelve a conectar los dispositivos.</translation>
    </message>
</context>
<context>
    <name>ChoosePanel</name>
    <message>
        <source>What should happen to this device?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update iOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the customer&apos;s data, apps and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wipes the device and installs iOS fresh. Needs a verified backup or the customer&apos;s waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verified backup of this device protects the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking which iOS versions Apple allows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of iOS versions could not be read. The newest allowed version will be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No internet: showing the list saved earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No iOS versions known for this model yet. The newest allowed version will be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: the customer&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: check and start</source>
        <translation type="unfinished"></translation>
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
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>DFU</source>
        <translation>DFU</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restaurando</translation>
    </message>
    <message>
        <source>Identifying</source>
        <translation>Identificando</translation>
    </message>
    <message>
        <source>Not trusted yet</source>
        <translation>Aún sin confianza</translation>
    </message>
    <message>
        <source>Trust prompt showing on the device</source>
        <translation>Aviso «Confiar» en pantalla</translation>
    </message>
    <message>
        <source>Trusts this kiosk</source>
        <translation>Confía en este puesto</translation>
    </message>
    <message>
        <source>Customer tapped “Don’t Trust”</source>
        <translation>El cliente tocó «No confiar»</translation>
    </message>
    <message>
        <source>Trust not needed in this mode</source>
        <translation>«Confiar» no hace falta en este modo</translation>
    </message>
    <message>
        <source>Trust not known yet</source>
        <translation>Confianza aún desconocida</translation>
    </message>
    <message>
        <source>Wait a moment: identifying</source>
        <translation>Un momento: identificando</translation>
    </message>
    <message>
        <source>Show the Trust prompt</source>
        <translation>Mostrar el aviso «Confiar»</translation>
    </message>
    <message>
        <source>Show the device</source>
        <translation>Ver el dispositivo</translation>
    </message>
    <message>
        <source>Ask again for Trust</source>
        <translation>Volver a pedir «Confiar»</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Verificar la copia</translation>
    </message>
    <message>
        <source>Choose what to do</source>
        <translation>Elegir qué hacer</translation>
    </message>
    <message>
        <source>Guide into DFU</source>
        <translation>Guiar al modo DFU</translation>
    </message>
    <message>
        <source>Exit recovery</source>
        <translation>Salir del modo de recuperación</translation>
    </message>
    <message>
        <source>Restore firmware</source>
        <translation>Restaurar el software</translation>
    </message>
    <message>
        <source>Restoring: leave the cable in</source>
        <translation>Restaurando: no desconectes el cable</translation>
    </message>
    <message>
        <source>Resume restore</source>
        <translation>Reanudar la restauración</translation>
    </message>
    <message>
        <source>Open details</source>
        <translation>Ver detalles</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Botón de inicio</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Botón superior</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Botón lateral</translation>
    </message>
    <message>
        <source>Volume Up</source>
        <translation>Subir volumen</translation>
    </message>
    <message>
        <source>Volume Down</source>
        <translation>Bajar volumen</translation>
    </message>
    <message>
        <source>volume button nearest the Top button</source>
        <translation>botón de volumen más cercano al botón superior</translation>
    </message>
    <message>
        <source>volume button farthest from the Top button</source>
        <translation>botón de volumen más alejado del botón superior</translation>
    </message>
    <message>
        <source>Enter recovery mode</source>
        <translation>Entrar en modo de recuperación</translation>
    </message>
    <message>
        <source>Enter DFU mode</source>
        <translation>Entrar en modo DFU</translation>
    </message>
    <message>
        <source>Exit recovery mode</source>
        <translation>Salir del modo de recuperación</translation>
    </message>
    <message>
        <source>Exit DFU mode</source>
        <translation>Salir del modo DFU</translation>
    </message>
    <message>
        <source>until the screen goes black</source>
        <translation>hasta que la pantalla se ponga negra</translation>
    </message>
    <message>
        <source>until the Apple logo appears, then let go</source>
        <translation>hasta que aparezca el logotipo de Apple, luego suelta</translation>
    </message>
    <message>
        <source>past the Apple logo, until the cable-and-computer screen</source>
        <translation>pasado el logotipo de Apple, hasta la pantalla de cable y ordenador</translation>
    </message>
    <message>
        <source>until the kiosk detects the new mode</source>
        <translation>hasta que el puesto detecte el nuevo modo</translation>
    </message>
    <message>
        <source>Done: the device is in the right mode ✓</source>
        <translation>Hecho: el dispositivo está en el modo correcto ✓</translation>
    </message>
    <message>
        <source>This is recovery mode, not DFU: you released the side button too late. Try again.</source>
        <translation>Es el modo de recuperación, no DFU: soltaste el botón lateral demasiado tarde. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The Apple logo means you held too long: start over.</source>
        <translation>El logotipo de Apple indica que mantuviste demasiado: empieza de nuevo.</translation>
    </message>
    <message>
        <source>The device started normally: keep holding past the Apple logo. Try again.</source>
        <translation>El dispositivo arrancó con normalidad: mantén pasado el logotipo de Apple. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>DFU mode detected instead of recovery: a restore works from here too.</source>
        <translation>Se detectó el modo DFU en lugar del de recuperación: también se puede restaurar desde aquí.</translation>
    </message>
    <message>
        <source>Still in recovery mode: restore it, or try once more.</source>
        <translation>Sigue en modo de recuperación: restáuralo o inténtalo otra vez.</translation>
    </message>
    <message>
        <source>Listening for the device…</source>
        <translation>Esperando al dispositivo…</translation>
    </message>
    <message>
        <source>Ask the customer to unlock the phone and tap Trust.</source>
        <translation>Pide al cliente que desbloquee el teléfono y toque «Confiar».</translation>
    </message>
    <message>
        <source>Waiting for the customer to tap Trust on the phone.</source>
        <translation>Esperando a que el cliente toque «Confiar» en el teléfono.</translation>
    </message>
    <message>
        <source>The customer tapped Don’t Trust. Ask again, or unplug and plug in again.</source>
        <translation>El cliente tocó «No confiar». Vuelve a pedirlo, o desconecta y conecta de nuevo.</translation>
    </message>
    <message>
        <source>Leave the cable in until the restore is done.</source>
        <translation>No desconectes el cable hasta que termine la restauración.</translation>
    </message>
    <message>
        <source>Only follow the steps in order: holding Side and a volume button together on a phone that is switched on calls Emergency SOS.</source>
        <translation>Sigue solo los pasos en orden: mantener el botón lateral y un botón de volumen en un teléfono encendido llama a Emergencia SOS.</translation>
    </message>
    <message>
        <source>The Action button above the volume keys is not Volume Up.</source>
        <translation>El botón de acción encima de los de volumen no es Subir volumen.</translation>
    </message>
    <message>
        <source>Camera Control below the Side button is not the Side button.</source>
        <translation>El Control de la cámara bajo el botón lateral no es el botón lateral.</translation>
    </message>
    <message>
        <source>Recovery mode ends by itself after about 15 minutes.</source>
        <translation>El modo de recuperación termina solo tras unos 15 minutos.</translation>
    </message>
    <message>
        <source>Use a data cable straight into the kiosk port, not a hub.</source>
        <translation>Usa un cable de datos conectado directamente al puerto del puesto, no a un hub.</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>Only the buttons can do this: follow the guide below.</source>
        <translation>Solo los botones pueden hacerlo: sigue la guía de abajo.</translation>
    </message>
    <message>
        <source>The phone has not trusted this kiosk: ask the customer to tap Trust, or use the buttons.</source>
        <translation>El teléfono no confía en este puesto: pide al cliente que toque «Confiar», o usa los botones.</translation>
    </message>
    <message>
        <source>The Trust prompt is showing: ask the customer to tap Trust.</source>
        <translation>El aviso «Confiar» está en pantalla: pide al cliente que lo toque.</translation>
    </message>
    <message>
        <source>The customer tapped “Don’t Trust”: unplug, plug in again and tap Trust.</source>
        <translation>El cliente tocó «No confiar»: desconecta, vuelve a conectar y toca «Confiar».</translation>
    </message>
    <message>
        <source>The device is gone: plug it in again.</source>
        <translation>El dispositivo ya no está: vuelve a conectarlo.</translation>
    </message>
    <message>
        <source>This kiosk cannot do that by software: use the buttons.</source>
        <translation>Este puesto no puede hacerlo por software: usa los botones.</translation>
    </message>
    <message>
        <source>That did not work: use the buttons below.</source>
        <translation>No funcionó: usa los botones de abajo.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Connect the device with a data cable</source>
        <translation>Conecta el dispositivo con un cable de datos</translation>
    </message>
    <message>
        <source>Press and quickly release %1</source>
        <translation>Pulsa y suelta rápido %1</translation>
    </message>
    <message>
        <source>Let go of %1, keep holding %2</source>
        <translation>Suelta %1, sigue manteniendo %2</translation>
    </message>
    <message>
        <source>Let go of %1</source>
        <translation>Suelta %1</translation>
    </message>
    <message>
        <source>Keep holding %1 and also press and hold %2</source>
        <translation>Sigue manteniendo %1 y mantén también %2</translation>
    </message>
    <message>
        <source>Press and hold %1</source>
        <translation>Mantén pulsado %1</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Restaurable</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Dañada</translation>
    </message>
    <message>
        <source>Does not fit this device</source>
        <translation>No corresponde a este dispositivo</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Hace falta la contraseña</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Contraseña incorrecta</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s own records…</source>
        <translation>Leyendo los registros de la copia…</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Comprobando la contraseña…</translation>
    </message>
    <message>
        <source>Checking the list of files…</source>
        <translation>Comprobando la lista de archivos…</translation>
    </message>
    <message>
        <source>Checking every file…</source>
        <translation>Comprobando cada archivo…</translation>
    </message>
    <message>
        <source>Looking for stray files…</source>
        <translation>Buscando archivos sueltos…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is missing</source>
        <translation>Falta la lista de archivos de la copia</translation>
    </message>
    <message>
        <source>The backup&apos;s file list is damaged</source>
        <translation>La lista de archivos de la copia está dañada</translation>
    </message>
    <message>
        <source>The backup was not finished</source>
        <translation>La copia no se terminó</translation>
    </message>
    <message>
        <source>The backup comes from a newer iOS than this device has</source>
        <translation>La copia viene de un iOS más reciente que el del dispositivo</translation>
    </message>
    <message>
        <source>The backup comes from another kind of device</source>
        <translation>La copia viene de otro tipo de dispositivo</translation>
    </message>
    <message>
        <source>The backup is encrypted: enter its password</source>
        <translation>La copia está cifrada: introduce su contraseña</translation>
    </message>
    <message>
        <source>The password does not open this backup</source>
        <translation>La contraseña no abre esta copia</translation>
    </message>
    <message>
        <source>Other problem (%1): %2</source>
        <translation>Otro problema (%1): %2</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Historial de llamadas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Voice memos</source>
        <translation>Notas de voz</translation>
    </message>
    <message>
        <source>Safari</source>
        <translation>Safari</translation>
    </message>
    <message>
        <source>App data</source>
        <translation>Datos de apps</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Passwords (keychain)</source>
        <translation>Contraseñas (llavero)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>Nombre o PIN incorrecto.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for a few minutes.</source>
        <translation>Demasiados PIN erróneos: bloqueado unos minutos.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Ese nombre ya existe.</translation>
    </message>
    <message>
        <source>Enter a name and a PIN of 4 to 12 digits.</source>
        <translation>Introduce un nombre y un PIN de 4 a 12 cifras.</translation>
    </message>
    <message>
        <source>Signing in did not work.</source>
        <translation>No se pudo iniciar sesión.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Esperando al cliente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Recogido</translation>
    </message>
    <message>
        <source>Ticket opened</source>
        <translation>Ticket abierto</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Datos cambiados</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Estado cambiado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Device detected</source>
        <translation>Dispositivo detectado</translation>
    </message>
    <message>
        <source>Backup verified</source>
        <translation>Copia verificada</translation>
    </message>
    <message>
        <source>Firmware ready</source>
        <translation>Software listo</translation>
    </message>
    <message>
        <source>Restore step</source>
        <translation>Paso de la restauración</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Reanudado</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Customer consent</source>
        <translation>Consentimiento del cliente</translation>
    </message>
    <message>
        <source>Earlier restore log</source>
        <translation>Registro de una restauración anterior</translation>
    </message>
    <message>
        <source>Customer data erased</source>
        <translation>Datos del cliente borrados</translation>
    </message>
    <message>
        <source>Not available in this version yet</source>
        <translation>Aún no disponible en esta versión</translation>
    </message>
    <message>
        <source>not in this version</source>
        <translation>no en esta versión</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) missing from the backup</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the wrong size</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose content changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be decrypted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is from iOS 9 or older: it cannot be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stray file(s) not in the file list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) intact</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Update iOS on %1. The customer&apos;s data stays on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data on this %1 will be erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no verified backup: photos, messages and everything else on it cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept safe in the backup checked today. It can be put back on the device after the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand: erase my data without a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: %1, enter your PIN to sign the waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: type your name and PIN to sign the waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer agreed on the kiosk to erase the device without a backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Unknown device</source>
        <translation>Dispositivo desconocido</translation>
    </message>
    <message>
        <source>%1 · iOS %2 (%3)</source>
        <translation>%1 · iOS %2 (%3)</translation>
    </message>
    <message>
        <source>Show the restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceDrawing</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Camera Control</source>
        <translation>Control de la cámara</translation>
    </message>
    <message>
        <source>Model not known</source>
        <translation>Modelo desconocido</translation>
    </message>
    <message>
        <source>Home (not used)</source>
        <translation>Botón de inicio (no se usa)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Botón de inicio</translation>
    </message>
</context>
<context>
    <name>DeviceFlowScreen</name>
    <message>
        <source>Device unplugged</source>
        <translation>Dispositivo desconectado</translation>
    </message>
    <message>
        <source>This device was unplugged. Plug it back in: it will appear here again.</source>
        <translation>Este dispositivo se desconectó. Vuelve a conectarlo: aparecerá aquí de nuevo.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Model number</source>
        <translation>Número de modelo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
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
        <translation>Activación</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batería</translation>
    </message>
    <message>
        <source>Free storage</source>
        <translation>Almacenamiento libre</translation>
    </message>
    <message>
        <source>%1 GB of %2 GB</source>
        <translation>%1 GB de %2 GB</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>aún desconocido</translation>
    </message>
    <message>
        <source>Which mode does the device need?</source>
        <translation>¿Qué modo necesita el dispositivo?</translation>
    </message>
    <message>
        <source>This device is already being restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is not connected: plug it in and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: customer waived backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: an update keeps the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: use the buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: rescuebay switches modes by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: choose what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking everything before the restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restore yet: choose what to do first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a ticket for this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1: every restore step is recorded on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePanel</name>
    <message>
        <source>iOS %1 (%2) is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This restore is not on a ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyBayCard</name>
    <message>
        <source>Plug a device into port %1</source>
        <translation>Conecta un dispositivo al puerto %1</translation>
    </message>
</context>
<context>
    <name>FirmwareScreen</name>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware is ready in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download did not finish. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB used of %2 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing cached yet: firmware is downloaded the first time a restore needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS versions for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug in a device to see its iOS versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation type="unfinished"></translation>
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
        <translation>(unos %1&#xa0;s)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Faster, without buttons:</source>
        <translation>Más rápido, sin botones:</translation>
    </message>
    <message>
        <source>Exit recovery with one tap</source>
        <translation>Salir del modo de recuperación con un toque</translation>
    </message>
    <message>
        <source>Enter recovery by software</source>
        <translation>Entrar en modo de recuperación por software</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>Which buttons does this device have?</source>
        <translation>¿Qué botones tiene este dispositivo?</translation>
    </message>
    <message>
        <source>A round Home button that clicks</source>
        <translation>Un botón de inicio redondo que se hunde</translation>
    </message>
    <message>
        <source>iPhone 7 or 7 Plus</source>
        <translation>iPhone 7 o 7 Plus</translation>
    </message>
    <message>
        <source>iPhone 8 or later (also SE 2nd and 3rd generation)</source>
        <translation>iPhone 8 o posterior (también SE 2.ª y 3.ª generación)</translation>
    </message>
    <message>
        <source>iPad without Home button</source>
        <translation>iPad sin botón de inicio</translation>
    </message>
    <message>
        <source>Before you start:</source>
        <translation>Antes de empezar:</translation>
    </message>
    <message>
        <source>In DFU mode the screen stays black. An Apple logo means the key was held too long: start again.</source>
        <translation>En modo DFU la pantalla sigue negra. Un logotipo de Apple indica que se mantuvo demasiado: empieza de nuevo.</translation>
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
        <translation>Detectado: %1.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>rescuebay kiosk</source>
        <translation>puesto rescuebay</translation>
    </message>
    <message>
        <source>Bays</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
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
    <name>ProgressRing</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">Teléfono</translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished">Número de serie</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation type="unfinished">IMEI</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestorePanel</name>
    <message>
        <source>Before the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 · state %2 · cause %3 · next %4
%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreStrings</name>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entering recovery mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished">Restaurando</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished">Interrumpido</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the modem firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cable was disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore tool stopped with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore tool was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore stopped making progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk was restarted during the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device reported a fault during the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore did not finish properly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device could not start its restore mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device did not go into recovery mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore tool could not find the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple&apos;s signing server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple no longer allows this iOS version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk&apos;s restore tool does not know this model yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore tool is not installed on this kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing needs a verified backup of this device, or the customer&apos;s signed waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup did not pass its check: it could not bring the data back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not fit this device or this iOS version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The battery is too low for a restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is too full for the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device came back with another iOS version than chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device did not start up again after the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed several times in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff sign-in for the waiver did not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody put the device into recovery mode in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk could not write its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the cable in: rescuebay continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug the phone back in — rescuebay continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another cable or port: rescuebay continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-restart the device with its buttons (see the guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the device into recovery mode with its buttons (see the guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the device for a while, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs a hardware repair: send the device to Apple.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your administrator to install a newer restore tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the customer&apos;s backup first, or record their waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove old firmware on the Firmware screen, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the kiosk&apos;s internet connection, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an iOS version Apple still allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again with your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the restore again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the device over: it starts at the setup screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore tool installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware ready and allowed by Apple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Battery charged enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find My</source>
        <translation type="unfinished">Buscar</translation>
    </message>
    <message>
        <source>Room on this kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">Nota</translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find My is on: the customer needs their Apple ID password after the erase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple&apos;s signing could not be checked now: the restore will try anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charge cannot be read in this mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing without a backup: the customer signed a waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Abierto</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation type="unfinished">Esperando al cliente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished">En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Hecho</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished">Recogido</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation type="unfinished">Restaurable</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Some settings could not be saved. Details: %1</source>
        <translation>Algunos ajustes no se pudieron guardar. Detalles: %1</translation>
    </message>
    <message>
        <source>Saved. The number of ports and the kiosk lock apply from the next start.</source>
        <translation>Guardado. El número de puertos y el bloqueo se aplican en el próximo inicio.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Store (printed on receipts)</source>
        <translation>Tienda (se imprime en los recibos)</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Ports, firmware and backups</source>
        <translation>Puertos, software y copias</translation>
    </message>
    <message>
        <source>Number of ports</source>
        <translation>Número de puertos</translation>
    </message>
    <message>
        <source>One card per port on the Bays screen (1 to 16).</source>
        <translation>Una tarjeta por puerto en la pantalla de puestos (1 a 16).</translation>
    </message>
    <message>
        <source>Firmware cache size</source>
        <translation>Tamaño de la caché de software</translation>
    </message>
    <message>
        <source>For example 60G. The least recently used firmware files are removed above it.</source>
        <translation>Por ejemplo 60G. Por encima, se borran los archivos usados hace más tiempo.</translation>
    </message>
    <message>
        <source>Firmware catalog address</source>
        <translation>Dirección del catálogo de software</translation>
    </message>
    <message>
        <source>Leave empty for the public catalog; a store chain can enter its own mirror.</source>
        <translation>Déjalo vacío para el catálogo público; una cadena de tiendas puede poner su propio espejo.</translation>
    </message>
    <message>
        <source>Extra backup folders</source>
        <translation>Carpetas de copias adicionales</translation>
    </message>
    <message>
        <source>Folders with customer backups, separated by a colon (:).</source>
        <translation>Carpetas con copias de clientes, separadas por dos puntos (:).</translation>
    </message>
    <message>
        <source>Kiosk lock</source>
        <translation>Bloqueo del puesto</translation>
    </message>
    <message>
        <source>Locked: the kiosk fills the screen and cannot be closed without a staff PIN.</source>
        <translation>Bloqueado: el puesto ocupa toda la pantalla y no se cierra sin el PIN del personal.</translation>
    </message>
    <message>
        <source>Not locked: the kiosk runs in a normal window.</source>
        <translation>Sin bloqueo: el puesto se muestra en una ventana normal.</translation>
    </message>
    <message>
        <source>Unlock the kiosk</source>
        <translation>Desbloquear el puesto</translation>
    </message>
    <message>
        <source>Lock the kiosk</source>
        <translation>Bloquear el puesto</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Cerrar el puesto</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>Cerrar sesión de %1</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>Set up the first staff member</source>
        <translation>Dar de alta al primer empleado</translation>
    </message>
    <message>
        <source>Staff sign-in is not possible: the ticket store cannot be opened. Details: %1</source>
        <translation>No se puede acceder: no se pueden abrir los tickets. Detalles: %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN (de 4 a 12 cifras)</translation>
    </message>
</context>
<context>
    <name>TicketsScreen</name>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>Set up the first staff member</source>
        <translation>Dar de alta al primer empleado</translation>
    </message>
    <message>
        <source>Tickets cannot be opened. Details: %1</source>
        <translation>No se pueden abrir los tickets. Detalles: %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN (de 4 a 12 cifras)</translation>
    </message>
    <message>
        <source>Ticket number, customer, phone, serial or IMEI</source>
        <translation>N.º de ticket, cliente, teléfono, serie o IMEI</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>Cerrar sesión de %1</translation>
    </message>
    <message>
        <source>No tickets found.</source>
        <translation>No se encontró ningún ticket.</translation>
    </message>
    <message>
        <source>(removed with the customer&apos;s data)</source>
        <translation>(eliminado con los datos del cliente)</translation>
    </message>
</context>
</TS>
