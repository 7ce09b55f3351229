# Shared compile settings for every rescuebay target.
set(RB_COMMON_WARNINGS -Wall -Wextra -Wshadow -Wformat=2 -Wcast-qual -Wvla -Wno-unused-parameter)
set(RB_C_WARNINGS ${RB_COMMON_WARNINGS} -Wstrict-prototypes -Wmissing-prototypes)
# C++ (shim, kiosk, Qt tests) as strict as C; -Wmissing-declarations, C++'s
# -Wmissing-prototypes, goes on our own sources only (rb_cxx_warnings): Qt's generated
# registration functions have no prior declaration.
set(RB_CXX_WARNINGS ${RB_COMMON_WARNINGS})
if(RB_WERROR)
  list(APPEND RB_C_WARNINGS -Werror)
  list(APPEND RB_CXX_WARNINGS -Werror)
endif()

# Development builds may fall back to data in the source and build tree; packages (installers/)
# are configured with -DRB_EMBED_BUILD_PATHS=OFF, so an installed binary finds its data only
# next to itself (../share/rescuebay) or under the install prefix, and `strings` on it shows
# no path of the machine that built it.
option(RB_EMBED_BUILD_PATHS "Let binaries fall back to data in the source/build tree" ON)
if(NOT RB_EMBED_BUILD_PATHS)
  add_compile_options(-ffile-prefix-map=${PROJECT_SOURCE_DIR}=. -ffile-prefix-map=${CMAKE_BINARY_DIR}=.)
endif()

if(RB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# rb_target_defaults(target): warnings and the engine's private include paths.
function(rb_target_defaults tgt)
  get_target_property(_lang ${tgt} LINKER_LANGUAGE)
  target_compile_options(${tgt} PRIVATE
    $<$<COMPILE_LANGUAGE:C>:${RB_C_WARNINGS}>
    $<$<COMPILE_LANGUAGE:CXX>:${RB_CXX_WARNINGS}>)
  target_compile_definitions(${tgt} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
endfunction()

# rb_cxx_warnings(target): the C++ warning set alone, for Qt targets (shim, kiosk, Qt tests)
# that need none of rb_target_defaults' C definitions. Call it after the target's sources
# are listed: those in the source tree also get -Wmissing-declarations.
function(rb_cxx_warnings tgt)
  target_compile_options(${tgt} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:${RB_CXX_WARNINGS}>)
  get_target_property(_srcs ${tgt} SOURCES)
  get_target_property(_dir ${tgt} SOURCE_DIR)
  foreach(_s IN LISTS _srcs)
    if(NOT IS_ABSOLUTE "${_s}")
      set(_s "${_dir}/${_s}")
    endif()
    string(FIND "${_s}" "${CMAKE_BINARY_DIR}/" _generated)
    if(_s MATCHES "\\.cpp$" AND NOT _generated EQUAL 0)
      set_property(SOURCE "${_s}" TARGET_DIRECTORY ${tgt} APPEND PROPERTY COMPILE_OPTIONS
                   -Wmissing-declarations)
    endif()
  endforeach()
endfunction()

# rb_engine_module(name SOURCES ... LIBS ...): one static library per capability folder.
function(rb_engine_module name)
  cmake_parse_arguments(M "" "" "SOURCES;LIBS" ${ARGN})
  add_library(rb_${name} STATIC ${M_SOURCES})
  rb_target_defaults(rb_${name})
  target_include_directories(rb_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/engine/include
    PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
  target_link_libraries(rb_${name} PUBLIC ${M_LIBS})
  set_property(GLOBAL APPEND PROPERTY RB_ENGINE_MODULES rb_${name})
endfunction()

# rb_add_unit_test(name SOURCES ... LIBS ... LABELS ... [ENV ...]): a C test executable
# registered with ctest (tests/support/rbtest.h).
function(rb_add_unit_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  rb_target_defaults(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support
                                             ${PROJECT_SOURCE_DIR}/engine/src)
  target_link_libraries(${name} PRIVATE rbtest ${T_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  add_test(NAME ${name} COMMAND ${name} ${T_ARGS})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "RB_SOURCE_DIR=${PROJECT_SOURCE_DIR};RB_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
endfunction()

# rb_add_script_test(name SCRIPT file LABELS ...): a shell test run with the build's bin/ on PATH.
function(rb_add_script_test name)
  cmake_parse_arguments(T "" "SCRIPT;TIMEOUT" "LABELS;ENV" ${ARGN})
  add_test(NAME ${name} COMMAND sh ${T_SCRIPT})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 180)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "RB_SOURCE_DIR=${PROJECT_SOURCE_DIR};RB_BINARY_DIR=${CMAKE_BINARY_DIR};RB_BIN=${CMAKE_BINARY_DIR}/bin;${T_ENV}")
endfunction()
