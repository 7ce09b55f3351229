# Debian package (CPack DEB) of the kiosk, the CLI, the model data, the simulator for demo
# and training, the udev rule, a desktop entry and the optional kiosk session unit.
# Built by installers/linux/build-deb (configure with -DCMAKE_INSTALL_PREFIX=/usr
# -DRB_EMBED_BUILD_PATHS=OFF) and proven by installers/linux/test-deb.

# The Debian release the package is built on: the same sources give a +deb12 and a +deb13
# package (the runtime libraries differ), and a deb12 package upgrades cleanly to deb13.
file(STRINGS /etc/os-release _rb_os_version REGEX "^VERSION_ID=")
string(REGEX REPLACE "^VERSION_ID=\"?([0-9]+).*" "\\1" RB_DEB_RELEASE "${_rb_os_version}")
if(NOT RB_DEB_RELEASE MATCHES "^[0-9]+$")
  set(RB_DEB_RELEASE 0)   # not Debian: the package is still built, for inspection only
endif()
set(RB_DEB_VERSION "${PROJECT_VERSION}+deb${RB_DEB_RELEASE}" CACHE STRING
    "Debian package version (test-deb makes a bumped copy for its upgrade check)")

set(_doc ${CMAKE_INSTALL_DOCDIR})
# udev and systemd read fixed folders, not GNUInstallDirs' LIBDIR (lib/<multiarch> on
# Debian): relative to the /usr prefix by default, settable for other layouts.
set(RB_INSTALL_UDEVRULESDIR lib/udev/rules.d CACHE PATH "udev rules folder (relative: under the prefix)")
set(RB_INSTALL_SYSTEMDUNITDIR lib/systemd/system CACHE PATH "systemd system units folder")
install(FILES linux/70-rescuebay.rules DESTINATION ${RB_INSTALL_UDEVRULESDIR})
install(FILES linux/rescuebay-kiosk.service DESTINATION ${RB_INSTALL_SYSTEMDUNITDIR})
install(FILES linux/rescuebay-kiosk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES linux/rescuebay.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES linux/org.rescuebay.kiosk.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES linux/copyright DESTINATION ${_doc})
install(FILES README.md DESTINATION ${_doc})
foreach(_man rescuebay.1 rescuebay-kiosk.1 rescuebay-sim.1)
  # gzip -9n: reproducible, as lintian wants
  set(_gz ${CMAKE_CURRENT_BINARY_DIR}/${_man}.gz)
  execute_process(COMMAND gzip -9nc ${CMAKE_CURRENT_SOURCE_DIR}/linux/man/${_man}
                  OUTPUT_FILE ${_gz})
  install(FILES ${_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
string(TIMESTAMP _rb_now "%a, %d %b %Y %H:%M:%S +0000" UTC)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  set(_rb_now "Thu, 01 Jan 2026 00:00:00 +0000")
endif()
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/changelog
"rescuebay (${RB_DEB_VERSION}) unstable; urgency=medium\n\n"
"  * Built from the rescuebay sources (changes: the project history).\n\n"
" -- rescuebay maintainers <rescuebay@example.invalid>  ${_rb_now}\n")
execute_process(COMMAND gzip -9nc ${CMAKE_CURRENT_BINARY_DIR}/changelog
                OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz DESTINATION ${_doc})

if(TARGET rescuebay-sim)
  # Demo mode and staff training run on the simulator, its scenarios and two small
  # synthetic backups (the kiosk offers them in the Backup step of the demo).
  install(TARGETS rescuebay-sim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(TARGET rescuebay-fakeusb)
    # rescuebay-sim finds it relative to itself (RB_SIM_FAKEUSB_REL in sim/CMakeLists.txt).
    install(TARGETS rescuebay-fakeusb LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/rescuebay)
  endif()
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/scenarios/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/rescuebay/scenarios)
  foreach(_b SYNTHETIC_plain SYNTHETIC_encrypted_pw_kiosk-test-1234)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/tests/fixtures/backups/${_b}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/rescuebay/demo-backups)
  endforeach()
endif()

set(CPACK_GENERATOR "DEB")
# The control file's extended description in lines under 80 characters (CPack puts
# CPACK_PACKAGE_DESCRIPTION_SUMMARY on the first line itself).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Detects iPhones and iPads in every mode, coaches staff through the buttons
for recovery and DFU mode, verifies customer backups before anything is
erased, caches firmware, restores with resumption and keeps repair tickets.
Touchscreen kiosk (Qt Quick), command line, and a device simulator for
demonstrations and staff training. Optional kiosk session: cage at boot.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION ${RB_DEB_VERSION})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/rescuebay")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/debian/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/debian/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/debian/postrm)
# shlibdeps sees the linked libraries but not what is loaded or run at run time: the QML
# modules the kiosk imports, the Qt platform plugins, a font, the USB multiplexer, the
# udev rules for recovery/DFU, the restore tool, adduser for the postinst, and libcurl
# (the firmware module dlopen()s libcurl.so.4 on first use; Debian 13 calls it libcurl4t64).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libcurl4t64 | libcurl4, \
qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, \
qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml, \
qml6-module-qtqml-models, qml6-module-qtqml-workerscript, fonts-dejavu-core, \
qml6-module-qtquick-virtualkeyboard, qt6-virtualkeyboard-plugin, qml6-module-qt-labs-folderlistmodel, \
usbmuxd, libirecovery-common, idevicerestore")
# The kiosk session (rescuebay-kiosk.service) needs cage and Qt's Wayland plugin.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3")
