# The libraries rescuebay needs, each with the oldest version it is built and tested
# against. Debian 12 (bookworm) is the floor: no minimum is below its version, and each
# comment names the API that needs at least that much. Configure stops with the library,
# the version found and the version needed, instead of a compile error later.

# rb_require_pkg(PREFIX MODULE MIN WHY): pkg_check_modules with a clear failure. A macro,
# so that PREFIX_INCLUDE_DIRS and friends reach the caller as with pkg_check_modules.
macro(rb_require_pkg prefix module min why)
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET GLOBAL ${module}>=${min})
  if(NOT ${prefix}_FOUND)
    execute_process(COMMAND ${PKG_CONFIG_EXECUTABLE} --modversion ${module}
                    OUTPUT_VARIABLE _have OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT _have)
      set(_have "not installed (no ${module}.pc)")
    endif()
    message(FATAL_ERROR "rescuebay needs ${module} >= ${min} (${why}); found: ${_have}. "
                        "On Debian: ./scripts/setup installs every build dependency.")
  endif()
  message(STATUS "${module} ${${prefix}_VERSION} (>= ${min})")
endmacro()

# rb_require_version(NAME FOUND_VERSION MIN WHY): the same check for find_package results.
function(rb_require_version name have min why)
  if(have VERSION_LESS min)
    message(FATAL_ERROR "rescuebay needs ${name} >= ${min} (${why}); found: ${have}.")
  endif()
endfunction()

rb_require_pkg(PLIST libplist-2.0 2.2.0
  "the libplist-2.0 module name is 2.2's; plist_get_string_ptr/plist_get_data_ptr are 2.1's")
rb_require_pkg(IMOBILEDEVICE libimobiledevice-1.0 1.3.0 "idevice_new_with_options is 1.3's")
rb_require_pkg(USBMUXD libusbmuxd-2.0 2.0.2
  "usbmuxd_events_subscribe with a context is 2.0's; 2.0.2 is the oldest tested")
rb_require_pkg(IRECOVERY libirecovery-1.0 1.0.0
  "irecv_device_event_subscribe and the libirecovery-1.0 module are 1.0's")
rb_require_pkg(LIBUSB libusb-1.0 1.0.26 "libusb_set_option is 1.0.22's; 1.0.26 is the oldest tested")
rb_require_pkg(LIBZIP libzip 1.7.3
  "zip_file_add is 0.11's (the sim writes IPSWs; restore preflight reads their manifest); 1.7.3 is the oldest tested")
rb_require_pkg(CJSON libcjson 1.7.15 "cJSON_ParseWithLengthOpts is 1.7.13's; 1.7.15 is the oldest tested")

find_package(OpenSSL 3.0 REQUIRED)   # EVP_MD_fetch-era EVP API; CMake names the version found
find_package(SQLite3 REQUIRED)
rb_require_version(SQLite3 "${SQLite3_VERSION}" 3.40.1
  "RETURNING is 3.35's, pragma_table_info() 3.16's, FTS5; 3.40.1 is the oldest tested")
find_package(CURL REQUIRED)
rb_require_version(libcurl "${CURL_VERSION_STRING}" 7.88.1
  "CURLOPT_XFERINFOFUNCTION is 7.32's (CURLOPT_PROTOCOLS_STR, 7.85, is used when present); 7.88.1 is the oldest tested")
