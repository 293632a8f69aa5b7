// Fuzzes the MSBuild project parsers (old-style and SDK .csproj/.vbproj, and .vcxproj).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/msbuild_project.hpp"
#include "formats/vcxproj.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_msbuild_project(text, "app.csproj");
  (void)facts;
  auto native = liftshift::parse_vcxproj(text, "app.vcxproj");
  (void)native;
  return 0;
}
