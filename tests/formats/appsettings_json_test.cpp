#include "formats/appsettings_json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liftshift {
namespace {

TEST(AppsettingsJson, ConnectionStringsAndSecretShapedSettings) {
  auto r = parse_appsettings_json(R"({
  // comments are allowed
  "ConnectionStrings": { "Orders": "Server=sql01;Database=o;User Id=app;Password=Hunter2!" },
  "Smtp": { "Host": "mail", "Password": "p4ss" },
  "Features": { "UseShortcutKeys": "false" },
  "Api": { "Token": "ghp_0123456789abcdefABCDEF0123456789abcd" },
  "Queues": [ "orders" ]
})",
                                  "Svc/appsettings.Production.json");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->connection_strings.size(), 1u);
  EXPECT_EQ(r->connection_strings[0].name, "Orders");
  EXPECT_TRUE(r->connection_strings[0].had_secret);
  EXPECT_EQ(r->connection_strings[0].masked.find("Hunter2"), std::string::npos);
  bool token = false;
  for (const auto& kv : r->app_settings) {
    EXPECT_EQ(kv.value.find("p4ss"), std::string::npos) << kv.key;
    EXPECT_EQ(kv.value.find("ghp_"), std::string::npos) << kv.key;
    if (kv.key == "Features:UseShortcutKeys") {
      EXPECT_FALSE(kv.secret_value);
    }
    if (kv.key == "Api:Token") token = kv.secret_value;
  }
  EXPECT_TRUE(token);
}

TEST(AppsettingsJson, BrokenAndDeepInputsFailOrPassCleanly) {
  EXPECT_FALSE(parse_appsettings_json("{ \"a\": ", "appsettings.json"));
  std::string deep(100000, '[');
  EXPECT_FALSE(parse_appsettings_json(deep, "appsettings.json"));
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "{\"a\":";
  nested += "\"x\"";
  for (int i = 0; i < 5000; ++i) nested += "}";
  std::string arrays = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_TRUE(parse_appsettings_json(arrays, "appsettings.json")) << "deep but valid";
  auto r = parse_appsettings_json(nested, "appsettings.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->app_settings.size(), 1u);
}

}  // namespace
}  // namespace liftshift
