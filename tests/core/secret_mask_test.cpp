// Secrets in free text, command lines and PEM private keys are masked; keys
// that name a secret are recognised.
#include "core/secret_mask.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(CommandLineMask, SwitchesThatNameASecretLoseTheirValue) {
  EXPECT_EQ(mask_command_line("\"C:\\Apps\\svc.exe\" -Password Hst!1 --api-key=k2 /token:t3"),
            "\"C:\\Apps\\svc.exe\" -Password *** --api-key=*** /token:***");
  EXPECT_EQ(mask_command_line("/full --password   'two words' -ApiKey x"),
            "/full --password   '***' -ApiKey ***");
  EXPECT_EQ(mask_command_line("sqlcmd -U sa -pwd \"p w\" -Q \"select 1\""),
            "sqlcmd -U sa -pwd \"***\" -Q \"select 1\"");
}

TEST(CommandLineMask, OtherSwitchesAndFlagsAreKept) {
  for (const char* kept : {"/full", "-k netsvcs", "--password --verbose", "-service",
                           "C:\\Tools\\password-reset.exe /quiet", "--password", ""}) {
    EXPECT_EQ(mask_command_line(kept), kept);
  }
}

TEST(SecretText, PemPrivateKeysAreMaskedWhateverTheKeyName) {
  EXPECT_EQ(mask_secret_text("cert=-----BEGIN RSA PRIVATE KEY-----MIIEow AbC-----END RSA PRIVATE "
                             "KEY----- tail"),
            "cert=-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY----- tail");
  EXPECT_EQ(mask_secret_text("-----BEGIN PRIVATE KEY-----\nMIIEvg\nQCq\n"),
            "-----BEGIN PRIVATE KEY-----***");
  // Certificates and public keys are not secret.
  const std::string cert = "-----BEGIN CERTIFICATE-----MIIC-----END CERTIFICATE-----";
  EXPECT_EQ(mask_secret_text(cert), cert);
}

TEST(SecretText, MaskSecretTextInFreeText) {
  EXPECT_EQ(mask_secret_text("LDAP://svc_ldap:LdapPa55@dc01.corp.contoso.com/OU=Staff"),
            "LDAP://svc_ldap:***@dc01.corp.contoso.com/OU=Staff");
  EXPECT_EQ(mask_secret_text(R"(conn = "Server=x;Password=abc";)"),
            R"(conn = "Server=x;Password=***";)");
  EXPECT_EQ(mask_secret_text(R"({"password": "hunter2", "user": "bob"})"),
            R"({"password": "***", "user": "bob"})");
  EXPECT_EQ(
      mask_secret_text("https://store.blob.core.windows.net/c?sv=2019-02-02&sig=AbC%2Bd&se=2030"),
      "https://store.blob.core.windows.net/c?sv=2019-02-02&sig=***&se=2030");
  EXPECT_EQ(mask_secret_text("api_key=XYZ token: t0k pwd='x y'"),
            "api_key=*** token: *** pwd='***'");
  EXPECT_EQ(mask_secret_text("Client Secret=abc"), "Client Secret=***");
  EXPECT_EQ(mask_secret_text(R"(logs: D:\Data passwordFormat=Hashed)"),
            R"(logs: D:\Data passwordFormat=Hashed)");
  EXPECT_EQ(mask_secret_text("password="), "password=");
  EXPECT_EQ(mask_secret_text("http://host:8080/path"), "http://host:8080/path");
  const std::string once = mask_secret_text("user=a;password=b;ftp://u:p@h/");
  EXPECT_EQ(once, "user=a;password=***;ftp://u:***@h/");
  EXPECT_EQ(mask_secret_text(once), once);  // idempotent
}

TEST(SecretText, IsSecretKey) {
  for (const char* k :
       {"Password", "PWD", "Jet OLEDB:Database Password", "Account Key", "AccountKey",
        "SharedAccessKey", "SharedAccessSignature", "Client Secret", "client_secret", "Token",
        "access_token", "ApiKey", "api-key", "DbPwd", "sig"}) {
    EXPECT_TRUE(is_secret_key(k)) << k;
  }
  for (const char* k : {"Data Source", "User ID", "Integrated Security", "SharedAccessKeyName",
                        "passwordFormat", "TokenEndpoint", "Persist Security Info", "Key", ""}) {
    EXPECT_FALSE(is_secret_key(k)) << k;
  }
}

}  // namespace
}  // namespace liftshift
