// Fuzzes the web.config/app.config parser (connection strings, bindings, logging targets).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/dotnet_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_dotnet_config(text, "web.config");
  (void)facts;
  return 0;
}
