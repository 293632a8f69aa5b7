// Fuzzes the lexical C#/VB source scan and the C/C++ entry-point scan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/native_source_scan.hpp"
#include "formats/source_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto hits = liftshift::scan_source(text, "Program.cs");
  (void)hits;
  auto native = liftshift::scan_native_source(text, "main.cpp");
  (void)native;
  return 0;
}
