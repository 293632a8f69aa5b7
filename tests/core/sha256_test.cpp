#include "core/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liftshift {
namespace {

TEST(Sha256, MatchesKnownVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(sha256_hex(std::string("\0", 1)),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  auto raw = sha256("abc");
  EXPECT_EQ(raw[0], 0xba);
  EXPECT_EQ(raw[31], 0xad);
}

std::string b64(std::string_view text) {
  return base64(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(b64(""), "");
  EXPECT_EQ(b64("f"), "Zg==");
  EXPECT_EQ(b64("fo"), "Zm8=");
  EXPECT_EQ(b64("foo"), "Zm9v");
  EXPECT_EQ(b64("foob"), "Zm9vYg==");
  EXPECT_EQ(b64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(b64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(b64("\xFB\xFF"), "+/8=");  // the last two letters of the alphabet
}

TEST(Base64, LongInputHasNoLineBreaksAndNoPaddingInside) {
  // Longer than one EVP_EncodeBlock piece, and not a multiple of three.
  std::string big(3 * (std::size_t{1} << 20) + 4, 'x');
  std::string out = b64(big);
  EXPECT_EQ(out.size(), (big.size() + 2) / 3 * 4);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_EQ(out.find('='), out.size() - 2);
  EXPECT_EQ(out.substr(0, 8), "eHh4eHh4");
}

}  // namespace
}  // namespace liftshift
