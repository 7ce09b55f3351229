# Windows installer (CPack NSIS): the kiosk and the CLI with their Qt and device-stack DLLs,
# idevicerestore, Start-menu entries, the Apple Mobile Device Support check and the optional
# kiosk shell mode. Built on a Windows runner with MSYS2 UCRT64 (.github/workflows/windows.yml):
#   cmake -S . -B build -G Ninja && cmake --build build && cd build && cpack -G NSIS
# installers/windows/check-nsis compiles the same CPack definition with Debian's makensis.

# Qt: windeployqt through Qt's deploy script (QML imports found by qmlimportscanner).
if(TARGET rescuebay-kiosk AND COMMAND qt_generate_deploy_qml_app_script)
  qt_generate_deploy_qml_app_script(TARGET rescuebay-kiosk OUTPUT_SCRIPT _rb_deploy
    NO_UNSUPPORTED_PLATFORM_ERROR)
  install(SCRIPT ${_rb_deploy})
endif()

# The restore tool is a separate program built from source into the MSYS2 prefix (MSYS2's own
# idevicerestore is the 2020 release); its DLLs come along below.
find_program(RB_IDEVICERESTORE idevicerestore)
if(RB_IDEVICERESTORE)
  install(PROGRAMS ${RB_IDEVICERESTORE} DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
  message(WARNING "idevicerestore not found: the installer will not be able to restore")
endif()

# Non-Qt DLLs (libimobiledevice stack, OpenSSL, curl, SQLite, cJSON, the MinGW runtime):
# windeployqt never copies them (msys2/MINGW-packages#1617). They are resolved from the
# compiler's bin folder; Windows' own DLLs stay out.
get_filename_component(_rb_mingw_bin ${CMAKE_C_COMPILER} DIRECTORY)
set(RB_DLL_DIRS "${_rb_mingw_bin}" CACHE STRING "Folders with the DLLs to bundle")
install(CODE "
  set(_exes \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/rescuebay.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/rescuebay-kiosk.exe\")
  if(EXISTS \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/idevicerestore.exe\")
    list(APPEND _exes \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/idevicerestore.exe\")
  endif()
  file(GLOB_RECURSE _plugins \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/*/*.dll\")
  file(GET_RUNTIME_DEPENDENCIES EXECUTABLES \${_exes} LIBRARIES \${_plugins}
    RESOLVED_DEPENDENCIES_VAR _deps UNRESOLVED_DEPENDENCIES_VAR _missing
    DIRECTORIES ${RB_DLL_DIRS}
    PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
    POST_EXCLUDE_REGEXES \".*[Ss]ystem32/.*\" \".*[Ww]indows/.*\")
  file(INSTALL \${_deps} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  if(_missing)
    message(STATUS \"DLLs not bundled (expected from Windows): \${_missing}\")
  endif()
")

include(${CMAKE_CURRENT_LIST_DIR}/nsis-cpack.cmake)
