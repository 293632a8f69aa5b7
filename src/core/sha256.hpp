// SHA-256 (FIPS 180-4) and base64, computed by OpenSSL's libcrypto. The HTML
// report's Content-Security-Policy names its inline script and style by their
// hashes, so nothing else can run; disk images and SARIF results are
// identified by them too.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace liftshift {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
// Standard base64 (RFC 4648, with padding), as CSP hash sources use.
std::string base64(const std::uint8_t* data, std::size_t size);

}  // namespace liftshift
