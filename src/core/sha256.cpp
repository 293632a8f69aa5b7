// SHA-256 and base64 from OpenSSL's libcrypto (EVP), not written here.
#include "core/sha256.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

namespace liftshift {

std::array<std::uint8_t, 32> sha256(std::string_view data) {
  std::array<std::uint8_t, 32> digest{};
  unsigned int size = 0;
  // EVP_Digest fails only when libcrypto cannot allocate or has no SHA-256
  // (a broken installation): nothing a caller could carry on with.
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
      size != digest.size()) {
    throw std::runtime_error("OpenSSL cannot compute SHA-256");
  }
  return digest;
}

std::string sha256_hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t byte : sha256(data)) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

std::string base64(const std::uint8_t* data, std::size_t size) {
  // EVP_EncodeBlock takes an int length: whole 3-byte groups at a time, so
  // the pieces join without padding in between.
  constexpr std::size_t kChunk = 3 * (std::size_t{1} << 20);
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  std::size_t done = 0;
  do {
    std::size_t n = std::min(kChunk, size - done);
    std::string piece((n + 2) / 3 * 4 + 1, '\0');  // and EVP_EncodeBlock's NUL
    int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(piece.data()), data + done,
                                  static_cast<int>(n));
    out.append(piece.data(), static_cast<std::size_t>(written));
    done += n;
  } while (done < size);
  return out;
}

}  // namespace liftshift
