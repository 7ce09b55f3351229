# Configure-time detection of API differences between the library versions rescuebay is
# built against (Debian 12: libplist 2.2, libimobiledevice 1.3.0, libirecovery 1.0.0,
# Qt 6.4; Debian 13: libplist 2.6, libimobiledevice 1.3.0+git2025, libirecovery 1.2.1,
# Qt 6.8; MSYS2/Homebrew: newer still). Each result is a compile definition for the whole
# project (libplist also reaches code through libimobiledevice's headers); call sites
# choose with #if.
include(CheckCSourceCompiles)

function(rb_check_with target var source)
  get_target_property(_inc ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set(CMAKE_REQUIRED_INCLUDES ${_inc})
  set(CMAKE_REQUIRED_LIBRARIES ${target})
  set(CMAKE_REQUIRED_QUIET ON)
  check_c_source_compiles("${source}" ${var})
  if(${var})
    add_compile_definitions(${var}=1)
  endif()
  message(STATUS "${var}: ${${var}}")
endfunction()

# libplist 2.3 added an out-parameter for the detected format to plist_from_memory().
rb_check_with(PkgConfig::PLIST RB_PLIST_FROM_MEMORY_HAS_FORMAT [[
#include <plist/plist.h>
int main(void) { plist_t p = NULL; return (int)plist_from_memory("", 0, &p, NULL); }
]])
