#include "core/numbers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace liftshift {
namespace {

TEST(Numbers, WholeTextOnly) {
  EXPECT_EQ(parse_number<int>("8"), 8);
  EXPECT_EQ(parse_number<int>("-12"), -12);
  EXPECT_EQ(parse_number<std::size_t>("0"), 0u);
  for (const char* bad : {"", " 8", "8 ", "+8", "8x", "x8", "0x10", "1e3", "-"}) {
    EXPECT_EQ(parse_number<int>(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(parse_number<std::size_t>("-1"), std::nullopt) << "no sign for unsigned";
}

TEST(Numbers, OutOfRangeIsNoNumber) {
  EXPECT_EQ(parse_number<int>("2147483647"), 2147483647);
  EXPECT_EQ(parse_number<int>("2147483648"), std::nullopt);
  EXPECT_EQ(parse_number<std::uint8_t>("256"), std::nullopt);
  EXPECT_EQ(parse_number<long long>("-9223372036854775808"), INT64_MIN);
  EXPECT_EQ(leading_number<int>("99999999999.1"), std::nullopt);
}

TEST(Numbers, LeadingNumberAndWhatFollows) {
  EXPECT_EQ(leading_number<int>("4.7.2"), 4);
  EXPECT_EQ(leading_number<int>("80"), 80);
  EXPECT_EQ(leading_number<int>("v4"), std::nullopt);
  EXPECT_EQ(leading_number<int>(""), std::nullopt);
  auto n = split_leading_number<int>("15M");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 15);
  EXPECT_EQ(n->rest, "M");
  auto whole = split_leading_number<long long>("42");
  ASSERT_TRUE(whole);
  EXPECT_TRUE(whole->rest.empty());
}

}  // namespace
}  // namespace liftshift
