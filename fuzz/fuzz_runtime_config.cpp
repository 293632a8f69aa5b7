// Fuzzes the App.runtimeconfig.json parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/runtime_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_runtime_config(text, "App.runtimeconfig.json");
  (void)facts;
  return 0;
}
