#include "core/categories.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace liftshift {
namespace {

// Every enumerator has its own text and reads back as itself; `all` is the
// enum's kAll* list, so a new enumerator without a string (or with a string
// another one already uses) fails here. `empty_ok` is the one enumerator
// whose text is "" (none / unknown), or nullopt when every text is set.
template <class Enum, std::size_t N, class Parse>
void expect_round_trip(const std::array<Enum, N>& all, Parse parse,
                       std::optional<Enum> empty_ok = std::nullopt) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < N; ++i) {
    const Enum e = all[i];
    EXPECT_EQ(static_cast<std::size_t>(e), i) << "kAll lists the enum in declaration order";
    const std::string text = to_string(e);
    if (empty_ok && e == *empty_ok) {
      EXPECT_EQ(text, "");
    } else {
      EXPECT_FALSE(text.empty()) << "enumerator " << i << " has no text";
    }
    EXPECT_TRUE(seen.insert(text).second) << "two enumerators share '" << text << "'";
    const auto back = parse(text);
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(static_cast<std::size_t>(*back), i) << text;
  }
}

TEST(Categories, SourceCategoriesRoundTrip) {
  expect_round_trip(kAllSourceCategories, parse_source_category);
  EXPECT_EQ(kAllSourceCategories.size(), 43u);
  EXPECT_EQ(to_string(SourceCategory::kEventLog), "eventlog");
  EXPECT_EQ(to_string(SourceCategory::kAspComObject), "asp-com-object");
  EXPECT_EQ(to_string(SourceCategory::kAspConnection), "asp-connection");
  EXPECT_EQ(to_string(SourceCategory::kTransactionEscalation), "transaction-escalation");
}

TEST(Categories, MarkerCategoriesRoundTrip) {
  expect_round_trip(kAllMarkerCategories, parse_marker_category);
  EXPECT_EQ(to_string(MarkerCategory::kDatabaseFile), "database-file");
  EXPECT_EQ(to_string(MarkerCategory::kThirdParty), "third-party");
}

TEST(Categories, FrameworkKindsRoundTrip) {
  expect_round_trip(kAllFrameworkKinds, parse_framework_kind,
                    std::optional(FrameworkKind::kUnknown));
  EXPECT_EQ(to_string(FrameworkKind::kNetFx), "netfx");
  EXPECT_EQ(to_string(FrameworkKind::kDotnet), "dotnet");
  EXPECT_EQ(to_string(FrameworkKind::kClassicAsp), "classic-asp");
  EXPECT_EQ(to_string(FrameworkKind::kStatic), "static");
}

TEST(Categories, SelfHostsRoundTrip) {
  expect_round_trip(kAllSelfHosts, parse_self_host, std::optional(SelfHost::kNone));
  EXPECT_EQ(to_string(SelfHost::kWcf), "wcf");
}

TEST(Categories, UnknownTextParsesToNothing) {
  EXPECT_FALSE(parse_source_category("event-log"));
  EXPECT_FALSE(parse_source_category("EventLog"));
  EXPECT_FALSE(parse_source_category(""));
  EXPECT_FALSE(parse_marker_category("database"));
  EXPECT_FALSE(parse_marker_category(""));
  EXPECT_FALSE(parse_framework_kind("net-fx"));
  EXPECT_FALSE(parse_self_host("iis"));
}

}  // namespace
}  // namespace liftshift
