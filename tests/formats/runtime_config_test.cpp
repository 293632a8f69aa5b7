#include "formats/runtime_config.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liftshift {
namespace {

TEST(RuntimeConfig, ReadsTheFrameworkAndTfm) {
  auto r = parse_runtime_config(R"({
    // comments are allowed, as the host allows them
    "runtimeOptions": {"tfm": "net8.0",
                       "framework": {"name": "Microsoft.NETCore.App", "version": "8.0.0"}}})",
                                "App.runtimeconfig.json");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->tfm, "net8.0");
  ASSERT_EQ(r->frameworks.size(), 1u);
  EXPECT_EQ(r->frameworks[0].name, "Microsoft.NETCore.App");
  EXPECT_EQ(r->frameworks[0].version, "8.0.0");
}

TEST(RuntimeConfig, ReadsSeveralFrameworks) {
  auto r = parse_runtime_config(
      R"({"runtimeOptions": {"frameworks": [
           {"name": "Microsoft.NETCore.App", "version": "6.0.0"},
           {"name": "Microsoft.AspNetCore.App", "version": "6.0.0"}, 42, {"version": "x"}]}})",
      "Web.runtimeconfig.json");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->frameworks.size(), 2u);  // the number and the nameless entry are skipped
  EXPECT_EQ(r->frameworks[1].name, "Microsoft.AspNetCore.App");
}

TEST(RuntimeConfig, HostileInputIsAnErrorOrIgnored) {
  EXPECT_FALSE(parse_runtime_config("not json", "a.runtimeconfig.json"));
  EXPECT_FALSE(parse_runtime_config("[1,2]", "a.runtimeconfig.json"));
  EXPECT_FALSE(parse_runtime_config(R"({"runtimeOptions": 3})", "a.runtimeconfig.json"));
  auto e = parse_runtime_config("{", "a.runtimeconfig.json");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().message, "a.runtimeconfig.json: not a JSON object");
  // Deep nesting neither crashes nor hangs.
  std::string deep = R"({"runtimeOptions": {"tfm": )" + std::string(100000, '[') + "}}";
  EXPECT_FALSE(parse_runtime_config(deep, "deep.runtimeconfig.json"));
  auto odd = parse_runtime_config(R"({"runtimeOptions": {"tfm": 8, "framework": "x"}})",
                                  "odd.runtimeconfig.json");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->tfm, "");
  EXPECT_TRUE(odd->frameworks.empty());
}

}  // namespace
}  // namespace liftshift
