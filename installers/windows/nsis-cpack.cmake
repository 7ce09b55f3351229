# The NSIS part of the Windows installer, shared by nsis.cmake (the real build) and
# check-nsis (compiled here with Debian's makensis from stub binaries).
# Expects: RB_WINDOWS_DIR (this folder) and the binaries under bin/ of the install tree.
set(RB_WINDOWS_DIR ${CMAKE_CURRENT_LIST_DIR})
install(FILES ${RB_WINDOWS_DIR}/check-apple-support.ps1 ${RB_WINDOWS_DIR}/kiosk-shell.ps1
        DESTINATION bin)
install(FILES ${RB_WINDOWS_DIR}/README-windows.txt DESTINATION .)

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_FILE_NAME "rescuebay-${CPACK_PACKAGE_VERSION}-windows-x64-setup")
set(CPACK_PACKAGE_INSTALL_DIRECTORY rescuebay)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY rescuebay)
set(CPACK_NSIS_PACKAGE_NAME "rescuebay")
set(CPACK_NSIS_DISPLAY_NAME "rescuebay ${CPACK_PACKAGE_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\rescuebay-kiosk.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_PACKAGE_EXECUTABLES "rescuebay-kiosk;rescuebay")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "rescuebay-kiosk.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "https://example.invalid/rescuebay")
# Start menu: the demo, the Apple support check and the kiosk shell switch (both scripts run
# with PowerShell; the shell switch asks for administrator rights itself).
set(_ps "$SYSDIR\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe")
set(_psargs "-NoProfile -ExecutionPolicy Bypass -File")
set(CPACK_NSIS_CREATE_ICONS_EXTRA "
  CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\rescuebay demo.lnk' '$INSTDIR\\\\bin\\\\rescuebay-kiosk.exe' '--demo'
  CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Check Apple device support.lnk' '${_ps}' '${_psargs} \\\"$INSTDIR\\\\bin\\\\check-apple-support.ps1\\\"'
  CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Kiosk shell mode (on or off).lnk' '${_ps}' '${_psargs} \\\"$INSTDIR\\\\bin\\\\kiosk-shell.ps1\\\"'
")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "
  Delete '$SMPROGRAMS\\\\$MUI_TEMP\\\\rescuebay demo.lnk'
  Delete '$SMPROGRAMS\\\\$MUI_TEMP\\\\Check Apple device support.lnk'
  Delete '$SMPROGRAMS\\\\$MUI_TEMP\\\\Kiosk shell mode (on or off).lnk'
")
# First run: is Apple Mobile Device Support there (port 27015, the Apple USB driver)? The
# script only checks and explains how to get it; Apple's files are never bundled.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  ExecWait '\\\"${_ps}\\\" ${_psargs} \\\"$INSTDIR\\\\bin\\\\check-apple-support.ps1\\\" -FromInstaller'
")
# The kiosk shell must not outlive the program it points at.
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  ExecWait '\\\"${_ps}\\\" ${_psargs} \\\"$INSTDIR\\\\bin\\\\kiosk-shell.ps1\\\" -Disable -Quiet'
")
