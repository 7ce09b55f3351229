# rb_allocator: the process allocator for rescuebay's executables (CLI, kiosk).
#
# Why: verifying a backup parses one binary plist per file with libplist, which builds a
# node tree of ~60 small allocations per record and frees it again. Under glibc malloc
# that alone was over a third of `backup verify --quick` (bench/backup-verify);
# mimalloc (Debian's libmimalloc2.0) halves it. It replaces malloc for the whole process,
# so it is linked into executables only, never into the engine library, and never into
# sanitizer builds (ASan brings its own allocator).
option(RB_MIMALLOC "Link rescuebay's executables with mimalloc" ON)
add_library(rb_allocator INTERFACE)
if(RB_MIMALLOC AND NOT RB_SANITIZE)
  find_library(RB_MIMALLOC_LIBRARY NAMES mimalloc)
  find_path(RB_MIMALLOC_INCLUDE NAMES mimalloc.h PATH_SUFFIXES mimalloc-2.0 mimalloc)
  if(NOT RB_MIMALLOC_LIBRARY OR NOT RB_MIMALLOC_INCLUDE)
    message(FATAL_ERROR "mimalloc not found (apt-get install libmimalloc-dev, or -DRB_MIMALLOC=OFF)")
  endif()
  target_link_libraries(rb_allocator INTERFACE ${RB_MIMALLOC_LIBRARY})
  target_include_directories(rb_allocator INTERFACE ${RB_MIMALLOC_INCLUDE})
  target_compile_definitions(rb_allocator INTERFACE RB_HAVE_MIMALLOC)
  set(RB_ALLOCATOR mimalloc)
else()
  set(RB_ALLOCATOR system)
endif()
