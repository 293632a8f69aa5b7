// Fuzzes the appsettings*.json parser (connection strings and secret-shaped
// values of a .NET app's JSON configuration).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/appsettings_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_appsettings_json(text, "appsettings.json");
  (void)facts;
  return 0;
}
