#include "core/byte_reader.hpp"

#include <gtest/gtest.h>

#include <array>

namespace liftshift {
namespace {

TEST(ByteReader, ReadsLittleEndianAndStopsAtTheEnd) {
  std::array<std::uint8_t, 7> raw{0x34, 0x12, 0x78, 0x56, 0x34, 0x12, 0xAA};
  ByteReader r(raw);
  EXPECT_EQ(r.u16(), 0x1234);
  EXPECT_EQ(r.u32(), 0x12345678u);
  EXPECT_EQ(r.u16(), std::nullopt);  // only one byte left
  EXPECT_EQ(r.u8(), 0xAA);
  EXPECT_EQ(r.u8(), std::nullopt);
}

TEST(ByteReader, SeekAndSubRejectOutOfRange) {
  std::array<std::uint8_t, 4> raw{1, 2, 3, 4};
  ByteReader r(raw);
  EXPECT_FALSE(r.seek(5));
  EXPECT_TRUE(r.seek(4));
  EXPECT_FALSE(r.sub(2, 3).has_value());
  EXPECT_FALSE(r.sub(SIZE_MAX, 2).has_value());  // overflowing offset
  auto s = r.sub(1, 2);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->u16(), 0x0302);
}

TEST(ByteReader, CStringNeedsATerminatorWithinTheLimit) {
  std::array<std::uint8_t, 6> raw{'a', 'b', 'c', 0, 'd', 'e'};
  ByteReader r(raw);
  EXPECT_EQ(r.cstring(10), "abc");
  EXPECT_EQ(r.cstring(10), std::nullopt);  // "de" has no terminator
  ByteReader r2(raw);
  EXPECT_EQ(r2.cstring(2), std::nullopt);  // longer than the limit
}

TEST(CheckedArithmetic, DetectsOverflow) {
  EXPECT_EQ(checked_add(SIZE_MAX, 1), std::nullopt);
  EXPECT_EQ(checked_mul(SIZE_MAX / 2 + 1, 2), std::nullopt);
  EXPECT_EQ(checked_mul(3, 4), 12u);
}

}  // namespace
}  // namespace liftshift
