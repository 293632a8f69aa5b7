// Fuzzes the applicationHost.config parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/iis_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_iis_config(text, "applicationHost.config");
  (void)facts;
  return 0;
}
