// What a masked value is (core/secret_values): a literal holds a credential
// only when a real value follows a secret's key, not a hole the program fills
// in, a placeholder or an empty value.
#include "core/secret_values.hpp"

#include <gtest/gtest.h>

#include "core/secret_mask.hpp"

namespace liftshift {
namespace {

TEST(SecretValues, ALiteralWithARealPasswordOrUrlPasswordHoldsACredential) {
  for (const char* held :
       {"Data Source=sql01;User ID=orders;Password=Winter2019!", "Server=db;Uid=app;Pwd=s3cret;",
        "https://deploy:Tr0ub4dor3@feeds.contoso.example/nuget",
        "AccountName=x;AccountKey=bXlrZXk=;", "password=hunter2", "Password=%3Bs3cret",
        "Password=Winter_2019", "Data Source=sql01;User ID=sa;Password=@dm1n2019",
        "Password=SQL_ADMIN_2019", "X-API-Key: 4f9c2e71d0a84b6c", "redis: password: hunter2",
        "Password=Yourcompany#1", "Password=(Pa55)2020", "Password=Sup3r.Key"}) {
    EXPECT_TRUE(literal_holds_credential(held)) << held;
  }
}

TEST(SecretValues, HolesPlaceholdersAndEmptyValuesAreNone) {
  for (const char* none :
       {"Data Source={0};User ID={1};Password={2}",
        "Password={password};",
        "pwd=${DB_PASSWORD}",
        "Password=%DBPASS%",
        "Password=$(DbPassword)",
        "Password=;",
        "Password=",
        "password=********",
        "Password=null",
        "Server=db;Integrated Security=true",
        "The Password field is required",
        "System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
        "https://feeds.contoso.example/nuget",
        "",
        "UPDATE Users SET Password=@pass WHERE Id=@id",
        "Server=db;Password = ?",
        "pwd=:pwd",
        "Password=[^;]*",
        "Password: too short",
        "Password=YOUR_PASSWORD",
        "Password=<password>",
        "Password=****",
        "Password=your-password-here"}) {
    EXPECT_FALSE(literal_holds_credential(none)) << none;
  }
}

TEST(SecretValues, MaskedValuesAreTheValuesTheMaskHid) {
  const std::string text = "User ID=a;Password=p1;Server=s;Pwd=p2";
  std::vector<std::pair<std::string_view, std::string_view>> values;
  ASSERT_TRUE(masked_values(text, mask_secret_text(text), values));
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].second, "p1");
  EXPECT_EQ(values[0].first, "User ID=a;Password=");
  EXPECT_EQ(values[1].second, "p2");
  values.clear();
  EXPECT_FALSE(masked_values("abc", "a******", values));
}

TEST(SecretValues, FilledInLaterIsAFormatItemOrAnInterpolation) {
  EXPECT_TRUE(filled_in_later("Token={", "2"));
  EXPECT_TRUE(filled_in_later("x=", "{name}"));
  EXPECT_TRUE(filled_in_later("x=", "%VAR%"));
  EXPECT_FALSE(filled_in_later("x=", "s3cret"));
  EXPECT_FALSE(filled_in_later("x=", "%"));
  EXPECT_FALSE(filled_in_later("x=", "%3Bs3cret"));
  EXPECT_TRUE(filled_in_later("x=", "%ProgramData%\\key"));
  EXPECT_TRUE(harmless_value(" String.Empty "));
  EXPECT_TRUE(repeated_placeholder("xXxXxX"));
  EXPECT_FALSE(repeated_placeholder("***"));
}

}  // namespace
}  // namespace liftshift
