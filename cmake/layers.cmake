# The layers of src/: one static library per folder, each seeing only the
# layers it may use. Headers are included as "core/model.hpp", so an include
# directory of src/ would let any file include any layer. Instead each layer
# gets its own include root in the build folder, holding one symbolic link:
#   build/layer-include/<layer>/<layer> -> src/<layer>
# A layer's library puts its root on its include path and passes it on to
# what links it; a layer links only the layers it may use, so the compiler
# finds exactly their headers, and a header of any other layer is "No such
# file or directory": a wrong-way include fails to build.
# (tests/layers/ checks this for every pair of layers.)

set(LIFTSHIFT_LAYER_INCLUDE ${CMAKE_BINARY_DIR}/layer-include)

# The include root of one folder of src/ (a layer, or src/cli).
function(liftshift_layer_root name out_var)
  set(root ${LIFTSHIFT_LAYER_INCLUDE}/${name})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${name} ${root}/${name} SYMBOLIC)
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()

# liftshift_layer(NAME [LAYERS layer...] [LIBS lib...] [PUBLIC_LIBS lib...]
#                 [SOURCES extra.cpp...])
# Defines liftshift_NAME from src/NAME/*.cpp. LAYERS: the layers it may use.
# LIBS: third-party libraries its .cpp files use; PUBLIC_LIBS: those its
# headers include.
function(liftshift_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LAYERS;LIBS;PUBLIC_LIBS;SOURCES")
  liftshift_layer_root(${name} root)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(liftshift_${name} STATIC ${sources} ${arg_SOURCES})
  target_include_directories(liftshift_${name} PUBLIC ${root})
  target_compile_options(liftshift_${name} PRIVATE ${LIFTSHIFT_WARNINGS})
  list(TRANSFORM arg_LAYERS PREPEND liftshift_)
  target_link_libraries(liftshift_${name} PUBLIC ${arg_LAYERS} ${arg_PUBLIC_LIBS}
                        PRIVATE ${arg_LIBS})
  # Relative includes ("../plan/x.hpp") would go around the include roots.
  add_dependencies(liftshift_${name} layer_include_check)
endfunction()

# Run on every build: no file of src/ includes by a path with "..".
file(GLOB_RECURSE LIFTSHIFT_ALL_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*.hpp
     ${CMAKE_SOURCE_DIR}/src/*.cpp)
set(LAYER_CHECK_STAMP ${LIFTSHIFT_LAYER_INCLUDE}/relative-includes.checked)
add_custom_command(
  OUTPUT ${LAYER_CHECK_STAMP}
  COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR}/src
          -P ${CMAKE_SOURCE_DIR}/cmake/check_relative_includes.cmake
  COMMAND ${CMAKE_COMMAND} -E touch ${LAYER_CHECK_STAMP}
  DEPENDS ${LIFTSHIFT_ALL_SOURCES} ${CMAKE_SOURCE_DIR}/cmake/check_relative_includes.cmake
  COMMENT "Checking that src/ includes no header by a relative path")
add_custom_target(layer_include_check DEPENDS ${LAYER_CHECK_STAMP})
