# cmake -DCXX=compiler -DSRC=src -DDIRS=folder -DWORK=folder -P layer_includes.cmake
# The layers see only what they may use: for every pair of folders (L, M) of
# src/, a file compiled with L's include path includes every header of M; it
# must preprocess when L may use M, and fail on M's first header ("No such
# file") when it may not. DIRS holds L.dirs, the include directories the build
# gives layer L (one a line). The graph is written here, not read from the
# build, so a build that lets a layer see more than this fails the test.
cmake_minimum_required(VERSION 3.25)

set(may_use_core "")
set(may_use_formats core)
set(may_use_sources core formats)
set(may_use_collect core formats sources)
set(may_use_rules core)
set(may_use_portfolio core rules)
set(may_use_plan core)
set(may_use_emit core)
set(may_use_store core)
set(may_use_context core formats sources)
set(may_use_cli core formats sources collect rules portfolio plan emit store context)
set(layers core formats sources collect rules portfolio plan emit store context cli)

# Every folder of src/ is in the graph.
file(GLOB folders RELATIVE ${SRC} ${SRC}/*)
set(failures "")
foreach(folder ${folders})
  if(IS_DIRECTORY ${SRC}/${folder} AND NOT folder IN_LIST layers)
    string(APPEND failures "  src/${folder}/ is not a layer of this test's graph\n")
  endif()
endforeach()

file(MAKE_DIRECTORY ${WORK})
set(pairs 0)
foreach(L ${layers})
  if(NOT EXISTS ${DIRS}/${L}.dirs)
    message(FATAL_ERROR "no include directories for ${L}: ${DIRS}/${L}.dirs")
  endif()
  file(STRINGS ${DIRS}/${L}.dirs dirs)
  set(flags "")
  foreach(d ${dirs})
    list(APPEND flags -I${d})
  endforeach()
  foreach(M ${layers})
    file(GLOB headers RELATIVE ${SRC} ${SRC}/${M}/*.hpp)
    list(SORT headers)
    set(probe ${WORK}/${L}_includes_${M}.cpp)
    list(TRANSFORM headers REPLACE "(.+)" "#include \"\\1\"\n" OUTPUT_VARIABLE lines)
    string(JOIN "" text ${lines})
    file(WRITE ${probe} "${text}")
    execute_process(COMMAND ${CXX} -std=c++20 -E ${flags} ${probe} -o /dev/null
                    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    math(EXPR pairs "${pairs} + 1")
    if(M STREQUAL L OR M IN_LIST may_use_${L})
      if(NOT rc EQUAL 0)
        string(REGEX MATCH "[^\n]*error[^\n]*" first "${err}")
        string(APPEND failures "  ${L} may use ${M} but cannot include it: ${first}\n")
      endif()
    else()
      list(GET headers 0 first_header)
      if(rc EQUAL 0)
        string(APPEND failures "  ${L} may not use ${M} but includes it\n")
      elseif(NOT err MATCHES "${first_header}[': ]+(No such file|file not found)")
        string(REGEX MATCH "[^\n]*error[^\n]*" first "${err}")
        string(APPEND failures "  ${L} including ${M}: another failure than a missing "
                               "${first_header}: ${first}\n")
      endif()
    endif()
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "layer include check failed:\n${failures}")
endif()
message(STATUS "${pairs} pairs of layers include exactly what the graph allows")
