#include "context/secret_screen.hpp"

#include "core/secret_mask.hpp"
#include "core/text.hpp"

namespace liftshift {

bool secret_by_name(std::string_view file_name) {
  return iends_with(file_name, ".pfx") || iends_with(file_name, ".p12");
}

bool screened_as_text(std::string_view head) {
  if (head.starts_with("MZ")) return false;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0xFF &&
      static_cast<unsigned char>(head[1]) == 0xFE)
    return true;
  return head.substr(0, 8192).find('\0') == std::string_view::npos;
}

std::string secret_in_text(std::string_view bytes) {
  std::string decoded;
  std::string_view text = bytes;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    decoded = utf16le_to_utf8(Bytes(p + 2, bytes.size() - 2));
    text = decoded;
  }
  std::string masked = mask_secret_text(text);
  if (masked == text) return "";
  if (masked.find("PRIVATE KEY-----" + std::string(kMask)) != std::string::npos)
    return "a PEM private key";
  return "a value that reads as a secret (password=, token:, a URL's password...)";
}

}  // namespace liftshift
