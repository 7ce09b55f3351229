# macOS: rescuebay-kiosk.app in a DMG (CPack DragNDrop). Built on a macOS runner
# (.github/workflows/macos.yml); never built or run here.
#   cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$(brew --prefix)" && cmake --build build
#   cd build && cpack -G DragNDrop        # then installers/macos/sign-and-notarize
# Layout: everything lives in the bundle (the top-level CMakeLists.txt points BINDIR and
# DATADIR into it on APPLE): Contents/MacOS/{rescuebay-kiosk,rescuebay,rescuebay-sim,
# idevicerestore}, Contents/share/rescuebay/ (catalog, scenarios) found as ../share from
# the executables, Contents/Frameworks/ (Qt and the dylibs, by macdeployqt).
if(TARGET rescuebay-kiosk)
  set_target_properties(rescuebay-kiosk PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_BUNDLE_NAME rescuebay
    MACOSX_BUNDLE_GUI_IDENTIFIER org.rescuebay.kiosk
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in)
  # macdeployqt: Qt frameworks, the QML imports (qmlimportscanner) and rpaths.
  if(COMMAND qt_generate_deploy_qml_app_script)
    qt_generate_deploy_qml_app_script(TARGET rescuebay-kiosk OUTPUT_SCRIPT _rb_deploy
      NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${_rb_deploy})
  endif()
endif()
if(TARGET rescuebay-sim)
  install(TARGETS rescuebay-sim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/scenarios/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/rescuebay/scenarios)
endif()
# idevicerestore is built from source into the Homebrew prefix (homebrew-core has none);
# macdeployqt -executable (in sign-and-notarize's deploy step) rewrites its dylib paths.
find_program(RB_IDEVICERESTORE idevicerestore)
if(RB_IDEVICERESTORE)
  install(PROGRAMS ${RB_IDEVICERESTORE} DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "rescuebay-${PROJECT_VERSION}-macos")
set(CPACK_DMG_VOLUME_NAME "rescuebay ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
# Deploy the helpers and sign the staged app before the DMG is made (sign-app.cmake);
# sign-and-notarize then signs the DMG, notarizes and staples it.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/sign-app.cmake)
set(RB_QML_SOURCE_DIR ${PROJECT_SOURCE_DIR}/ui/qml)
set(CPACK_RB_QML_SOURCE_DIR ${RB_QML_SOURCE_DIR})
