// Fuzzes the MSBuild project parser (old-style and SDK .csproj/.vbproj).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/msbuild_project.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_msbuild_project(text, "app.csproj");
  (void)facts;
  return 0;
}
