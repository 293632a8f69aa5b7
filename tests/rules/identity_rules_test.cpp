#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;
using test::rulefx::web_app;

TEST(AdDependentRule, QuietForFormsAuthenticationWithSqlLogins) {
  Application app = web_app();
  app.configs[0].authentication_mode = "Forms";
  ConnectionStringFacts cs;
  cs.name = "Main";
  cs.server = "sql01";
  app.configs[0].connection_strings.push_back(cs);
  EXPECT_FALSE(fires("ad-dependent", app));
}

TEST(AdDependentRule, FiresOnWindowsAuthIntegratedSecurityAndDirectoryServices) {
  Application app = web_app();
  app.configs[0].authentication_mode = "Windows";
  ConnectionStringFacts cs;
  cs.name = "Reports";
  cs.server = "sql02";
  cs.integrated_security = true;
  app.configs[0].connection_strings.push_back(cs);
  app.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kDirectoryServices, "DirectorySearcher", "Users.cs"));
  auto e = joined(evidence_of("ad-dependent", app));
  EXPECT_NE(e.find("web.config: system.web/authentication mode=\"Windows\""), std::string::npos)
      << e;
  EXPECT_NE(e.find("'Reports' uses Integrated Security (Windows login to sql02)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("Users.cs:12: DirectorySearcher"), std::string::npos) << e;
}

TEST(AdDependentRule, FiresOnWcfWindowsCredentials) {
  Application app = web_app();
  BindingFacts b;
  b.type = "netTcpBinding";
  b.name = "secure";
  b.client_credential_type = "Windows";
  app.configs[0].bindings.push_back(b);
  EXPECT_EQ(evidence_of("ad-dependent", app),
            Evidence{"web.config: netTcpBinding 'secure' clientCredentialType=\"Windows\""});
}

// netTcpBinding's default security is Transport with Windows credentials,
// wsHttpBinding's Message with Windows credentials: a binding left at its
// defaults, or an endpoint without a binding configuration, logs in with a
// domain identity. Security turned off or other credentials are no AD.
TEST(AdDependentRule, WcfBindingsAtTheirDefaultSecurityAreWindowsLogins) {
  Application app = web_app();
  BindingFacts tcp;
  tcp.type = "netTcpBinding";
  tcp.name = "tcp";
  app.configs[0].bindings.push_back(tcp);
  BindingFacts open;
  open.type = "netTcpBinding";
  open.name = "open";
  open.security_mode = "None";
  app.configs[0].bindings.push_back(open);
  BindingFacts https;
  https.type = "wsHttpBinding";
  https.name = "https";
  https.security_mode = "Transport";
  app.configs[0].bindings.push_back(https);
  BindingFacts cert;
  cert.type = "netTcpBinding";
  cert.name = "cert";
  cert.client_credential_type = "Certificate";
  app.configs[0].bindings.push_back(cert);
  EndpointFacts e;
  e.address = "net.tcp://orders:808/Orders.svc";
  e.binding = "wsHttpBinding";
  app.configs[0].endpoints.push_back(e);
  EndpointFacts configured;
  configured.address = "net.tcp://orders:809/";
  configured.binding = "netTcpBinding";
  configured.binding_configuration = "open";
  app.configs[0].endpoints.push_back(configured);
  EXPECT_EQ(evidence_of("ad-dependent", app),
            (Evidence{"web.config: netTcpBinding 'tcp' with default security (Windows client "
                      "credentials)",
                      "web.config: endpoint net.tcp://orders:808/Orders.svc uses wsHttpBinding "
                      "with default security (Windows client credentials)"}));
  Application code = test::rulefx::console_app();
  code.source_hits.push_back(test::rulefx::hit(
      SourceCategory::kWindowsIdentity,
      "new NetTcpBinding() with default security (Windows client credentials)", "Program.cs"));
  EXPECT_TRUE(fires("ad-dependent", code));
}

TEST(AdDependentRule, IisMetabaseShownIdentityAndLocalIntegratedSecurityAreNoAd) {
  Application app = test::rulefx::console_app();
  app.source_hits.push_back(test::rulefx::hit(SourceCategory::kIisMetabase, "IIS://", "Utils.cs"));
  app.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kDirectoryServices, "DirectoryEntry", "Utils.cs"));
  ProjectFacts p;
  p.path = "App.csproj";
  p.references.push_back({"System.DirectoryServices", ""});
  app.projects.push_back(p);
  ConfigFacts c;
  c.path = "app.config";
  ConnectionStringFacts local;
  local.name = "Local";
  local.server = "(localdb)\\MSSQLLocalDB";
  local.integrated_security = true;
  c.connection_strings.push_back(local);
  local.server = ".\\SQLEXPRESS";
  c.connection_strings.push_back(local);
  app.configs.push_back(c);
  EXPECT_FALSE(test::rulefx::fires("ad-dependent", app))
      << test::rulefx::joined(test::rulefx::evidence_of("ad-dependent", app));
  // An LDAP path in the same file is the directory.
  Application ldap = app;
  ldap.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kDirectoryServices, "LDAP://DC=corp", "Utils.cs"));
  EXPECT_TRUE(test::rulefx::fires("ad-dependent", ldap));
  Application remote = app;
  remote.configs[0].connection_strings[0].server = "sql01.corp.contoso.com";
  EXPECT_TRUE(test::rulefx::fires("ad-dependent", remote));
}

// A published binary that reaches the IIS metabase through ADSI needs no
// domain, and no gMSA; the same binary with an LDAP path does.
TEST(AdDependentRule, ABinaryThatOnlyReachesTheIisMetabaseIsNoAd) {
  Application app = test::rulefx::console_app();
  BinaryFacts b;
  b.path = "bin/Site.dll";
  b.is_clr = true;
  b.assembly_refs.push_back({"System.DirectoryServices", "4.0.0.0"});
  b.user_strings.push_back("IIS://localhost/W3SVC");
  app.binaries.push_back(b);
  EXPECT_FALSE(fires("ad-dependent", app)) << joined(evidence_of("ad-dependent", app));
  app.binaries.back().user_strings.push_back("LDAP://DC=corp,DC=contoso,DC=com");
  EXPECT_EQ(evidence_of("ad-dependent", app),
            Evidence{"bin/Site.dll: references System.DirectoryServices 4.0.0.0"});
  app.binaries.back().user_strings = {};
  EXPECT_TRUE(fires("ad-dependent", app)) << "a reference with no literal at all still counts";
}

}  // namespace
}  // namespace liftshift
