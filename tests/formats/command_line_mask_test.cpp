// Secrets in command lines and PEM private keys in text are masked.
#include <gtest/gtest.h>

#include "formats/connection_string.hpp"

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

}  // namespace
}  // namespace liftshift
