# cmake -DSRC=DIR -P check_relative_includes.cmake
# Fails when a file under DIR includes a header by a path with a ".." part or
# an absolute path: such a path is found next to the including file (or
# anywhere), around the per-layer include roots of cmake/layers.cmake.
cmake_minimum_required(VERSION 3.25)
file(GLOB_RECURSE files ${SRC}/*.hpp ${SRC}/*.cpp)
set(bad "")
foreach(f ${files})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
  foreach(line ${lines})
    if(line MATCHES "include[ \t]*[\"<]([^\">]*)[\">]")
      set(path ${CMAKE_MATCH_1})
      if(path MATCHES "(^|/)\\.\\.(/|$)" OR path MATCHES "^/")
        file(RELATIVE_PATH rel ${SRC} ${f})
        string(APPEND bad "  ${rel}: ${line}\n")
      endif()
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "includes by a relative or absolute path go around the layer include "
                      "roots (include \"layer/file.hpp\"):\n${bad}")
endif()
