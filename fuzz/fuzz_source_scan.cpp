// Fuzzes the lexical C#/VB source scan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/source_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto hits = liftshift::scan_source(text, "Program.cs");
  (void)hits;
  return 0;
}
