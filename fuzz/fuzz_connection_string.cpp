// Fuzzes connection-string parsing and the secret masking every report relies on.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/connection_string.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_connection_string("fuzz", "System.Data.SqlClient", text);
  (void)facts;
  auto masked = liftshift::mask_secrets(text);
  auto masked_text = liftshift::mask_secret_text(text);
  (void)masked;
  (void)masked_text;
  return 0;
}
