# Turns CLDR's windowsZones.xml (Debian's unicode-cldr-core) into a C++ table
# of Windows time zone key names and the IANA zone CLDR gives each for the
# world (territory "001"): liftshift::windows_zone_table(). The file is
# well-formed data of one shape, <mapZone other="..." territory="001"
# type="..."/>, so a line match is enough; a name outside the characters
# zone names use stops the build instead of reaching C++ source.
file(STRINGS ${IN} LINES REGEX "<mapZone other=\"[^\"]+\" territory=\"001\" type=\"[^\"]+\"")
set(ROWS "")
set(COUNT 0)
foreach(line IN LISTS LINES)
  string(REGEX MATCH "other=\"([^\"]+)\" territory=\"001\" type=\"([^\"]+)\"" _ "${line}")
  set(windows "${CMAKE_MATCH_1}")
  set(iana "${CMAKE_MATCH_2}")
  foreach(name IN ITEMS "${windows}" "${iana}")
    if(NOT name MATCHES "^[A-Za-z0-9 .+()_/-]+$")
      message(FATAL_ERROR "windowsZones.xml: unexpected zone name '${name}'")
    endif()
  endforeach()
  string(APPEND ROWS "    {\"${windows}\", \"${iana}\"},\n")
  math(EXPR COUNT "${COUNT} + 1")
endforeach()
if(COUNT LESS 100)
  message(FATAL_ERROR "windowsZones.xml: only ${COUNT} world zones read from ${IN}")
endif()
file(WRITE ${OUT} "// Generated from ${IN} by cmake/windows_zones.cmake.
#include <span>
#include <string_view>
#include <utility>
namespace liftshift {
std::span<const std::pair<std::string_view, std::string_view>> windows_zone_table() {
  static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
${ROWS}  };
  return kTable;
}
}  // namespace liftshift
")
