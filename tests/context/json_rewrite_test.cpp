#include "context/json_rewrite.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

ConfigRewrite blanking(std::vector<std::pair<std::string, std::string>> paths) {
  ConfigRewrite r;
  r.json = true;
  for (auto& [section, key] : paths) {
    ConfigValueChange c;
    c.section = section;
    c.key = key;
    c.attribute = "";
    c.variable = (section.empty() ? "" : section + "__") + key;
    r.changes.push_back(c);
  }
  return r;
}

TEST(JsonRewrite, BlanksTheValuesAndReturnsThemWithTheirVariables) {
  const std::string text = R"({
  // comments are allowed
  "Logging": {"LogLevel": {"Default": "Information"}},
  "ConnectionStrings": {"Orders": "Server=sql01;User Id=app;Password=Js0n!Secret"},
  "Smtp": {"Host": "mail", "Password": "Mail!Js0n"}
})";
  auto r = rewrite_json_config(
      text, blanking({{"connectionstrings", "Orders"}, {"Smtp", "Password"}}), "appsettings.json");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->warnings.empty());
  EXPECT_EQ(r->bytes.find("Js0n!Secret"), std::string::npos);
  EXPECT_EQ(r->bytes.find("Mail!Js0n"), std::string::npos);
  EXPECT_LT(r->bytes.find("Logging"), r->bytes.find("ConnectionStrings")) << "order kept";
  EXPECT_NE(r->bytes.find("\"Host\": \"mail\""), std::string::npos);
  ASSERT_EQ(r->values.size(), 2u);
  EXPECT_EQ(r->values[0].first, "connectionstrings__Orders");
  EXPECT_EQ(r->values[0].second, "Server=sql01;User Id=app;Password=Js0n!Secret");
  EXPECT_EQ(r->values[1].second, "Mail!Js0n");
}

TEST(JsonRewrite, APathNotFoundIsAWarningAndNotJsonAnError) {
  auto r = rewrite_json_config(R"({"A": {"B": 1}, "L": ["x", "y"]})",
                               blanking({{"A", "B"}, {"Z", "Q"}, {"L", "1"}}), "a.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->warnings.size(), 2u) << "a number and a missing path";
  EXPECT_NE(r->bytes.find("\"x\""), std::string::npos);
  EXPECT_EQ(r->bytes.find("\"y\""), std::string::npos) << "array items by index";
  EXPECT_FALSE(rewrite_json_config("{not json", blanking({}), "b.json"));
}

TEST(JsonRewrite, EnvFileLeavesOutValuesItWouldChange) {
  std::vector<std::string> left;
  std::string text = env_file_text({{"A", "Server=x;Password=p@ss"},
                                    {"B", "pa$$word"},
                                    {"C", "two\nlines"},
                                    {"D", " blank"},
                                    {"E", "x #y"}},
                                   left);
  EXPECT_EQ(text, "A=Server=x;Password=p@ss\n");
  EXPECT_EQ(left, (std::vector<std::string>{"B", "C", "D", "E"}));
}

}  // namespace
}  // namespace liftshift
