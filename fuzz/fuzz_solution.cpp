// Fuzzes the Visual Studio .sln parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/solution.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_solution(text, "app.sln");
  (void)facts;
  return 0;
}
