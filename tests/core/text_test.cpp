#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liftshift {
namespace {

constexpr const char* kFffd = "\xEF\xBF\xBD";

TEST(StrictUtf8, AcceptsEveryWellFormedLengthAndTheBoundaries) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080, the first two-byte
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, the first three-byte
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, the first four-byte
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(
      is_valid_utf8("Gr\xC3\xBC\xC3\x9F"
                    "e \xE2\x82\xAC \xF0\x9F\x93\xA6"));
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is well-formed
}

TEST(StrictUtf8, RejectsOverlongForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));  // '/' in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // "modified UTF-8" NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(StrictUtf8, RejectsSurrogatesAndCodePointsPastTheLast) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB2\xA9"));  // a CESU-8 pair
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));          // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old five-byte form
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xFE"));
}

TEST(StrictUtf8, RejectsTruncatedAndStraySequences) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x93"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82x"));  // continuation replaced by ASCII
  EXPECT_FALSE(is_valid_utf8("\x80"));       // stray continuation byte
  EXPECT_FALSE(is_valid_utf8("ok\xBF"));
  EXPECT_EQ(utf8_sequence_length("\xE2\x82\xAC", 0), 3u);
  EXPECT_EQ(utf8_sequence_length("\xE2\x82\xAC", 1), 0u);
  EXPECT_EQ(utf8_sequence_length("x", 1), 0u);  // past the end
}

TEST(StrictUtf8, ReplacementIsOneFffdPerBadByte) {
  EXPECT_EQ(to_valid_utf8("a\xC0\xAF"
                          "b"),
            std::string("a") + kFffd + kFffd + "b");
  EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), std::string(kFffd) + kFffd + kFffd);
  EXPECT_EQ(to_valid_utf8("\xE2\x82"), std::string(kFffd) + kFffd);
  EXPECT_EQ(to_valid_utf8("\xE2\x82\xAC"), "\xE2\x82\xAC");
  EXPECT_TRUE(is_valid_utf8(to_valid_utf8("\xF4\x90\x80\x80\xFF\xC3")));
}

TEST(Printable, UsesTheStrictValidator) {
  EXPECT_EQ(printable("a\xC0\xAF"), std::string("a") + kFffd + kFffd);  // overlong '/'
  EXPECT_EQ(printable("\xED\xA0\x80"), std::string(kFffd) + kFffd + kFffd);
  EXPECT_EQ(printable("\xF4\x90\x80\x80"), std::string(kFffd) + kFffd + kFffd + kFffd);
  EXPECT_EQ(printable("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Printable, ReplacesC0C1AndDel) {
  EXPECT_EQ(printable("a\tb\x1b[31m\x7F"), "a?b?[31m?");
  EXPECT_EQ(printable("\xC2\x9B"
                      "31m"),
            "?31m");                             // U+009B, CSI
  EXPECT_EQ(printable("\xC2\xA0"), "\xC2\xA0");  // U+00A0 is not a control
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a?b");
}

}  // namespace
}  // namespace liftshift
