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
    <message>
        <source>usbmuxd does not answer properly, so phones that are switched on cannot be seen. Restart it: run &quot;sudo systemctl restart usbmuxd&quot;.</source>
        <translation>usbmuxd no responde bien, así que los teléfonos encendidos no se ven. Reinícielo: ejecute &quot;sudo systemctl restart usbmuxd&quot;.</translation>
    </message>
    <message>
        <source>usbmuxd is not running, so phones that are switched on cannot be seen. Run &quot;sudo systemctl start usbmuxd&quot;, or plug a phone in to start it.</source>
        <translation>usbmuxd no está en marcha, así que los teléfonos encendidos no se ven. Ejecute &quot;sudo systemctl start usbmuxd&quot; o conecte un teléfono para iniciarlo.</translation>
    </message>
</context>
<context>
    <name>ChoosePanel</name>
    <message>
        <source>What should happen to this device?</source>
        <translation>¿Qué hacer con este dispositivo?</translation>
    </message>
    <message>
        <source>Update iOS</source>
        <translation>Actualizar iOS</translation>
    </message>
    <message>
        <source>Keeps the customer&apos;s data, apps and settings.</source>
        <translation>Conserva los datos, apps y ajustes del cliente.</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Borrar y restaurar</translation>
    </message>
    <message>
        <source>Wipes the device and installs iOS fresh. Needs a verified backup or the customer&apos;s waiver.</source>
        <translation>Borra el dispositivo e instala iOS de nuevo. Requiere una copia verificada o la renuncia del cliente.</translation>
    </message>
    <message>
        <source>A verified backup of this device protects the data.</source>
        <translation>Una copia de seguridad verificada de este dispositivo protege los datos.</translation>
    </message>
    <message>
        <source>iOS version</source>
        <translation>Versión de iOS</translation>
    </message>
    <message>
        <source>Asking which iOS versions Apple allows…</source>
        <translation>Consultando qué versiones de iOS permite Apple…</translation>
    </message>
    <message>
        <source>The list of iOS versions could not be read. The newest allowed version will be used.</source>
        <translation>No se pudo leer la lista de versiones de iOS. Se usará la versión permitida más reciente.</translation>
    </message>
    <message>
        <source>No internet: showing the list saved earlier.</source>
        <translation>Sin internet: se muestra la lista guardada antes.</translation>
    </message>
    <message>
        <source>No iOS versions known for this model yet. The newest allowed version will be used.</source>
        <translation>Aún no se conocen versiones de iOS para este modelo. Se usará la versión permitida más reciente.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>en la caché</translation>
    </message>
    <message>
        <source>will download</source>
        <translation>se descargará</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>permitida por Apple</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>Apple ya no la permite</translation>
    </message>
    <message>
        <source>Next: the customer&apos;s consent</source>
        <translation>Siguiente: consentimiento del cliente</translation>
    </message>
    <message>
        <source>Next: check and start</source>
        <translation>Siguiente: comprobar e iniciar</translation>
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
        <translation>
            <numerusform>falta %n archivo en la copia</numerusform>
            <numerusform>faltan %n archivos en la copia</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the wrong size</source>
        <translation>
            <numerusform>%n archivo con tamaño incorrecto</numerusform>
            <numerusform>%n archivos con tamaño incorrecto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose content changed</source>
        <translation>
            <numerusform>%n archivo cuyo contenido cambió</numerusform>
            <numerusform>%n archivos cuyo contenido cambió</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be read</source>
        <translation>
            <numerusform>%n archivo que no se puede leer</numerusform>
            <numerusform>%n archivos que no se pueden leer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) that cannot be decrypted</source>
        <translation>
            <numerusform>%n archivo que no se puede descifrar</numerusform>
            <numerusform>%n archivos que no se pueden descifrar</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is from iOS 9 or older: it cannot be checked</source>
        <translation>La copia es de iOS 9 o anterior: no se puede comprobar</translation>
    </message>
    <message numerus="yes">
        <source>%n stray file(s) not in the file list</source>
        <translation>
            <numerusform>%n archivo sobrante fuera de la lista</numerusform>
            <numerusform>%n archivos sobrantes fuera de la lista</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) intact</source>
        <translation>
            <numerusform>%n archivo intacto</numerusform>
            <numerusform>%n archivos intactos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n dañado</numerusform>
            <numerusform>%n dañados</numerusform>
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
        <translation>Actualizar iOS en %1. Los datos del cliente se conservan.</translation>
    </message>
    <message>
        <source>Your data on this %1 will be erased.</source>
        <translation>Se borrarán sus datos de este %1.</translation>
    </message>
    <message>
        <source>There is no verified backup: photos, messages and everything else on it cannot be recovered.</source>
        <translation>No hay copia verificada: las fotos, los mensajes y todo lo demás no se podrán recuperar.</translation>
    </message>
    <message>
        <source>It is kept safe in the backup checked today. It can be put back on the device after the restore.</source>
        <translation>Se guardan en la copia comprobada hoy y se pueden devolver al dispositivo tras la restauración.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Copia: %1</translation>
    </message>
    <message>
        <source>The customer agreed</source>
        <translation>El cliente está de acuerdo</translation>
    </message>
    <message>
        <source>I understand: erase my data without a backup</source>
        <translation>Lo entiendo: borrar mis datos sin copia</translation>
    </message>
    <message>
        <source>Staff: %1, enter your PIN to sign the waiver</source>
        <translation>Personal: %1, introduzca su PIN para firmar la renuncia</translation>
    </message>
    <message>
        <source>Staff: type your name and PIN to sign the waiver</source>
        <translation>Personal: escriba su nombre y PIN para firmar la renuncia</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Nombre del técnico</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Start the update</source>
        <translation>Iniciar la actualización</translation>
    </message>
    <message>
        <source>Erase and restore</source>
        <translation>Borrar y restaurar</translation>
    </message>
    <message>
        <source>The customer agreed on the kiosk to erase the device without a backup.</source>
        <translation>El cliente aceptó en el quiosco borrar el dispositivo sin copia.</translation>
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
        <translation>Ver la restauración</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Puerto %1</translation>
    </message>
    <message>
        <source>Port %1 (not named)</source>
        <translation>Puerto %1 (sin nombre)</translation>
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
        <translation>Este dispositivo ya se está restaurando.</translation>
    </message>
    <message>
        <source>The device is not connected: plug it in and try again.</source>
        <translation>El dispositivo no está conectado: conéctelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The restore could not start.</source>
        <translation>La restauración no pudo iniciarse.</translation>
    </message>
    <message>
        <source>skipped: customer waived backup</source>
        <translation>omitido: el cliente renunció a la copia</translation>
    </message>
    <message>
        <source>skipped: an update keeps the data</source>
        <translation>omitido: una actualización conserva los datos</translation>
    </message>
    <message>
        <source>blocked: use the buttons</source>
        <translation>bloqueado: use los botones</translation>
    </message>
    <message>
        <source>skipped: rescuebay switches modes by itself</source>
        <translation>omitido: rescuebay cambia de modo por sí solo</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>bloqueado: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Next: choose what to do</source>
        <translation>Siguiente: elegir qué hacer</translation>
    </message>
    <message>
        <source>Checking everything before the restore…</source>
        <translation>Comprobando todo antes de la restauración…</translation>
    </message>
    <message>
        <source>No restore yet: choose what to do first.</source>
        <translation>Aún no hay restauración: elija primero qué hacer.</translation>
    </message>
    <message>
        <source>Open a ticket for this device</source>
        <translation>Abrir un ticket para este dispositivo</translation>
    </message>
    <message>
        <source>Ticket %1: every restore step is recorded on it.</source>
        <translation>Ticket %1: cada paso de la restauración queda registrado.</translation>
    </message>
    <message>
        <source>Next: backup</source>
        <translation>Siguiente: copia de seguridad</translation>
    </message>
</context>
<context>
    <name>DonePanel</name>
    <message>
        <source>iOS %1 (%2) is installed.</source>
        <translation>iOS %1 (%2) está instalado.</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>This restore is not on a ticket.</source>
        <translation>Esta restauración no está en ningún ticket.</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Guardar el recibo como PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>No se pudo guardar el recibo: %1</translation>
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
        <translation>Firmware</translation>
    </message>
    <message>
        <source>The firmware is ready in the cache.</source>
        <translation>El firmware está listo en la caché.</translation>
    </message>
    <message>
        <source>The download did not finish. Check the internet connection and try again.</source>
        <translation>La descarga no terminó. Compruebe la conexión a internet e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>In the cache</source>
        <translation>En la caché</translation>
    </message>
    <message>
        <source>%1 GB used of %2 GB</source>
        <translation>%1 GB usados de %2 GB</translation>
    </message>
    <message>
        <source>%1 GB used</source>
        <translation>%1 GB usados</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <source>Nothing cached yet: firmware is downloaded the first time a restore needs it.</source>
        <translation>Nada en caché aún: el firmware se descarga la primera vez que una restauración lo necesita.</translation>
    </message>
    <message>
        <source>iOS versions for %1</source>
        <translation>Versiones de iOS para %1</translation>
    </message>
    <message>
        <source>Plug in a device to see its iOS versions.</source>
        <translation>Conecte un dispositivo para ver sus versiones de iOS.</translation>
    </message>
    <message>
        <source>iOS %1 (%2)</source>
        <translation>iOS %1 (%2)</translation>
    </message>
    <message>
        <source>Apple allows it</source>
        <translation>permitida por Apple</translation>
    </message>
    <message>
        <source>Apple no longer allows it</source>
        <translation>Apple ya no la permite</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Descargando %1</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>Detener la descarga</translation>
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
        <translation>Nombres de los puertos</translation>
    </message>
    <message>
        <source>Plug a phone into the port you want to call %1.</source>
        <translation>Conecte un teléfono al puerto que quiere llamar %1.</translation>
    </message>
    <message>
        <source>Name each port once so the bays are in the order of the counter: tap Name the ports, then plug a phone into one port after the other.</source>
        <translation>Nombre cada puerto una vez para que los puestos sigan el orden del mostrador: toque Nombrar los puertos y conecte un teléfono a un puerto tras otro.</translation>
    </message>
    <message>
        <source>Name for this port</source>
        <translation>Nombre de este puerto</translation>
    </message>
    <message>
        <source>A number or a short name, for example 1 or Left.</source>
        <translation>Un número o un nombre corto, por ejemplo 1 o Izquierda.</translation>
    </message>
    <message>
        <source>Done naming ports</source>
        <translation>Terminar de nombrar</translation>
    </message>
    <message>
        <source>Name the ports</source>
        <translation>Nombrar los puertos</translation>
    </message>
    <message>
        <source>The name was not saved: %1</source>
        <translation>El nombre no se guardó: %1</translation>
    </message>
    <message>
        <source>Port %1 is the USB port %2</source>
        <translation>El puerto %1 es el puerto USB %2</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Olvidar</translation>
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
        <translation>Recibo %1</translation>
    </message>
    <message>
        <source>The receipt could not be written to %1.</source>
        <translation>No se pudo escribir el recibo en %1.</translation>
    </message>
    <message>
        <source>Repair ticket %1</source>
        <translation>Ticket de reparación %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Trabajo realizado</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se hizo</translation>
    </message>
</context>
<context>
    <name>RestorePanel</name>
    <message>
        <source>Before the restore</source>
        <translation>Antes de la restauración</translation>
    </message>
    <message>
        <source>Show the buttons</source>
        <translation>Mostrar los botones</translation>
    </message>
    <message>
        <source>Stop the restore</source>
        <translation>Detener la restauración</translation>
    </message>
    <message>
        <source>Job %1 · state %2 · cause %3 · next %4
%5</source>
        <translation>Trabajo %1 · estado %2 · causa %3 · siguiente %4
%5</translation>
    </message>
</context>
<context>
    <name>RestoreStrings</name>
    <message>
        <source>Checking</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Entering recovery mode</source>
        <translation>Entrando en modo de recuperación</translation>
    </message>
    <message>
        <source>Waiting for the buttons</source>
        <translation>Esperando los botones</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restaurando</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Reiniciando</translation>
    </message>
    <message>
        <source>Checking the result</source>
        <translation>Comprobando el resultado</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>No restaurado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Getting the firmware</source>
        <translation>Obteniendo el firmware</translation>
    </message>
    <message>
        <source>Finding the device</source>
        <translation>Buscando el dispositivo</translation>
    </message>
    <message>
        <source>Preparing the device</source>
        <translation>Preparando el dispositivo</translation>
    </message>
    <message>
        <source>Sending the system</source>
        <translation>Enviando el sistema</translation>
    </message>
    <message>
        <source>Checking the system</source>
        <translation>Comprobando el sistema</translation>
    </message>
    <message>
        <source>Installing the firmware</source>
        <translation>Instalando el firmware</translation>
    </message>
    <message>
        <source>Installing the modem firmware</source>
        <translation>Instalando el firmware del módem</translation>
    </message>
    <message>
        <source>Updating components</source>
        <translation>Actualizando componentes</translation>
    </message>
    <message>
        <source>Sending images</source>
        <translation>Enviando imágenes</translation>
    </message>
    <message>
        <source>The cable was disconnected.</source>
        <translation>Se desconectó el cable.</translation>
    </message>
    <message>
        <source>The restore tool stopped with an error.</source>
        <translation>La herramienta de restauración se detuvo con un error.</translation>
    </message>
    <message>
        <source>The restore tool was stopped.</source>
        <translation>Se detuvo la herramienta de restauración.</translation>
    </message>
    <message>
        <source>The restore stopped making progress.</source>
        <translation>La restauración dejó de avanzar.</translation>
    </message>
    <message>
        <source>The kiosk was restarted during the restore.</source>
        <translation>El quiosco se reinició durante la restauración.</translation>
    </message>
    <message>
        <source>The device reported a fault during the restore.</source>
        <translation>El dispositivo informó de un fallo durante la restauración.</translation>
    </message>
    <message>
        <source>The restore did not finish properly.</source>
        <translation>La restauración no terminó correctamente.</translation>
    </message>
    <message>
        <source>The device could not start its restore mode.</source>
        <translation>El dispositivo no pudo iniciar su modo de restauración.</translation>
    </message>
    <message>
        <source>The device did not go into recovery mode.</source>
        <translation>El dispositivo no entró en modo de recuperación.</translation>
    </message>
    <message>
        <source>The restore tool could not find the device.</source>
        <translation>La herramienta de restauración no encontró el dispositivo.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing server could not be reached.</source>
        <translation>No se pudo contactar con el servidor de firmas de Apple.</translation>
    </message>
    <message>
        <source>Apple no longer allows this iOS version.</source>
        <translation>Apple ya no permite esta versión de iOS.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s restore tool does not know this model yet.</source>
        <translation>La herramienta de restauración de este quiosco aún no conoce este modelo.</translation>
    </message>
    <message>
        <source>The restore tool is not installed on this kiosk.</source>
        <translation>La herramienta de restauración no está instalada en este quiosco.</translation>
    </message>
    <message>
        <source>Erasing needs a verified backup of this device, or the customer&apos;s signed waiver.</source>
        <translation>Para borrar hace falta una copia verificada de este dispositivo o la renuncia firmada del cliente.</translation>
    </message>
    <message>
        <source>The backup did not pass its check: it could not bring the data back.</source>
        <translation>La copia no superó la comprobación: no podría devolver los datos.</translation>
    </message>
    <message>
        <source>The backup does not fit this device or this iOS version.</source>
        <translation>La copia no corresponde a este dispositivo o a esta versión de iOS.</translation>
    </message>
    <message>
        <source>The battery is too low for a restore.</source>
        <translation>La batería está demasiado baja para una restauración.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is too full for the restore.</source>
        <translation>El disco de este quiosco está demasiado lleno para la restauración.</translation>
    </message>
    <message>
        <source>The firmware could not be downloaded.</source>
        <translation>No se pudo descargar el firmware.</translation>
    </message>
    <message>
        <source>The device came back with another iOS version than chosen.</source>
        <translation>El dispositivo volvió con otra versión de iOS distinta de la elegida.</translation>
    </message>
    <message>
        <source>The device did not start up again after the restore.</source>
        <translation>El dispositivo no volvió a arrancar tras la restauración.</translation>
    </message>
    <message>
        <source>The restore failed several times in a row.</source>
        <translation>La restauración falló varias veces seguidas.</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>Se canceló la restauración.</translation>
    </message>
    <message>
        <source>The device is not connected.</source>
        <translation>El dispositivo no está conectado.</translation>
    </message>
    <message>
        <source>The staff sign-in for the waiver did not work.</source>
        <translation>El inicio de sesión del técnico para la renuncia no funcionó.</translation>
    </message>
    <message>
        <source>Nobody put the device into recovery mode in time.</source>
        <translation>Nadie puso el dispositivo en modo de recuperación a tiempo.</translation>
    </message>
    <message>
        <source>The kiosk could not write its records.</source>
        <translation>El quiosco no pudo escribir sus registros.</translation>
    </message>
    <message>
        <source>Leave the cable in: rescuebay continues by itself.</source>
        <translation>Deje el cable conectado: rescuebay continúa por sí solo.</translation>
    </message>
    <message>
        <source>Plug the phone back in — rescuebay continues by itself.</source>
        <translation>Vuelva a conectar el teléfono: rescuebay continúa por sí solo.</translation>
    </message>
    <message>
        <source>Try another cable or port: rescuebay continues by itself.</source>
        <translation>Pruebe otro cable o puerto: rescuebay continúa por sí solo.</translation>
    </message>
    <message>
        <source>Force-restart the device with its buttons (see the guide).</source>
        <translation>Fuerce el reinicio del dispositivo con sus botones (vea la guía).</translation>
    </message>
    <message>
        <source>Put the device into recovery mode with its buttons (see the guide).</source>
        <translation>Ponga el dispositivo en modo de recuperación con sus botones (vea la guía).</translation>
    </message>
    <message>
        <source>Charge the device for a while, then start again.</source>
        <translation>Cargue el dispositivo un rato y vuelva a empezar.</translation>
    </message>
    <message>
        <source>This needs a hardware repair: send the device to Apple.</source>
        <translation>Necesita una reparación de hardware: envíe el dispositivo a Apple.</translation>
    </message>
    <message>
        <source>Ask your administrator to install a newer restore tool.</source>
        <translation>Pida a su administrador que instale una herramienta de restauración más reciente.</translation>
    </message>
    <message>
        <source>Verify the customer&apos;s backup first, or record their waiver.</source>
        <translation>Verifique primero la copia del cliente o registre su renuncia.</translation>
    </message>
    <message>
        <source>Remove old firmware on the Firmware screen, then start again.</source>
        <translation>Elimine firmware antiguo en la pantalla Firmware y vuelva a empezar.</translation>
    </message>
    <message>
        <source>Check the kiosk&apos;s internet connection, then start again.</source>
        <translation>Compruebe la conexión a internet del quiosco y vuelva a empezar.</translation>
    </message>
    <message>
        <source>Choose an iOS version Apple still allows.</source>
        <translation>Elija una versión de iOS que Apple aún permita.</translation>
    </message>
    <message>
        <source>Sign in again with your PIN.</source>
        <translation>Vuelva a iniciar sesión con su PIN.</translation>
    </message>
    <message>
        <source>Start the restore again.</source>
        <translation>Vuelva a iniciar la restauración.</translation>
    </message>
    <message>
        <source>Hand the device over: it starts at the setup screen.</source>
        <translation>Entregue el dispositivo: arranca en la pantalla de configuración.</translation>
    </message>
    <message>
        <source>Restore tool installed</source>
        <translation>Herramienta de restauración instalada</translation>
    </message>
    <message>
        <source>Model supported</source>
        <translation>Modelo compatible</translation>
    </message>
    <message>
        <source>Firmware ready and allowed by Apple</source>
        <translation>Firmware listo y permitido por Apple</translation>
    </message>
    <message>
        <source>Customer data protected</source>
        <translation>Datos del cliente protegidos</translation>
    </message>
    <message>
        <source>Battery charged enough</source>
        <translation>Batería suficientemente cargada</translation>
    </message>
    <message>
        <source>Find My</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Room on this kiosk</source>
        <translation>Espacio en este quiosco</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation>Detenido aquí</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>No necesario</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Aún no comprobado</translation>
    </message>
    <message>
        <source>Find My is on: the customer needs their Apple ID password after the erase.</source>
        <translation>Buscar está activado: el cliente necesitará la contraseña de su ID de Apple tras el borrado.</translation>
    </message>
    <message>
        <source>Apple&apos;s signing could not be checked now: the restore will try anyway.</source>
        <translation>No se pudo comprobar la firma de Apple: la restauración lo intentará igualmente.</translation>
    </message>
    <message>
        <source>The charge cannot be read in this mode.</source>
        <translation>La carga no se puede leer en este modo.</translation>
    </message>
    <message>
        <source>Erasing without a backup: the customer signed a waiver.</source>
        <translation>Borrado sin copia: el cliente firmó una renuncia.</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>queda menos de un minuto</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>queda aprox. %n minuto</numerusform>
            <numerusform>quedan aprox. %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Intento %1 de %2</translation>
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
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Recogido</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>Restaurado: %1</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Restaurable</translation>
    </message>
    <message>
        <source>The firmware file is not made for this device model.</source>
        <translation>El archivo de firmware no es para este modelo de dispositivo.</translation>
    </message>
    <message>
        <source>This firmware can only erase the device; it cannot update it and keep the data.</source>
        <translation>Este firmware solo puede borrar el dispositivo; no puede actualizarlo conservando los datos.</translation>
    </message>
    <message>
        <source>The firmware file is damaged.</source>
        <translation>El archivo de firmware está dañado.</translation>
    </message>
    <message>
        <source>The backup is encrypted and its password is missing or wrong.</source>
        <translation>La copia de seguridad está cifrada y falta su contraseña o es incorrecta.</translation>
    </message>
    <message>
        <source>Ask the customer for the backup password (not the phone&apos;s passcode), then start again.</source>
        <translation>Pida al cliente la contraseña de la copia de seguridad (no el código del teléfono) y vuelva a empezar.</translation>
    </message>
    <message>
        <source>Verify a backup and restore with erase, or choose another iOS version.</source>
        <translation>Verifique una copia de seguridad y restaure con borrado, o elija otra versión de iOS.</translation>
    </message>
    <message>
        <source>Tell your administrator the firmware file is wrong, or choose another iOS version.</source>
        <translation>Avise a su administrador de que el archivo de firmware es incorrecto, o elija otra versión de iOS.</translation>
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
