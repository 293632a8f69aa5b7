// The config rewrite (plan/config.cpp, config_paths.cpp, config_templates.cpp):
// which sections move out of which config, where the files are mounted, what
// the Secret template shows, and the values rewritten in place.
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

ConfigFacts web_config(std::string path) {
  ConfigFacts c;
  c.path = std::move(path);
  ConnectionStringFacts db;
  db.name = "ContosoDb";
  db.provider = "System.Data.SqlClient";
  db.masked = "Data Source=SQLPROD01;User ID=app;Password=***;MultipleActiveResultSets=True";
  db.had_secret = true;
  ConnectionStringFacts reports;
  reports.name = "ReportingDb";
  reports.masked = "Data Source=SQLRPT01;Integrated Security=SSPI";
  c.connection_strings = {db, reports};
  c.app_settings = {{"SmtpPassword", "***", false}, {"SmtpHost", "smtp.contoso.local", false}};
  return c;
}

const ConfigSectionMove* move_of(const AppPlan& p, const std::string& section) {
  for (const auto& r : p.config_rewrites) {
    for (const auto& m : r.moves) {
      if (m.section == section) return &m;
    }
  }
  return nullptr;
}

TEST(PlanConfig, PasswordMovesTheWholeConnectionStringsSection) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/Web.config"));
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  EXPECT_EQ(p.config_rewrites[0].config, "App/Web.config");
  EXPECT_EQ(p.config_rewrites[0].secret_folder, "C:\\inetpub\\wwwroot\\config");
  EXPECT_EQ(p.secret_mount, "C:\\inetpub\\wwwroot\\config");
  const ConfigSectionMove* m = move_of(p, "connectionStrings");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->file, "config\\connectionStrings.config");
  EXPECT_EQ(m->secret_key, "connectionStrings.config");
  EXPECT_TRUE(m->keys.empty()) << "the whole section";
  EXPECT_EQ(m->template_xml,
            "<connectionStrings>\n"
            "  <add name=\"ContosoDb\"\n"
            "       connectionString=\"Data Source=SQLPROD01;User ID=app;Password=__SECRET__;"
            "MultipleActiveResultSets=True\"\n"
            "       providerName=\"System.Data.SqlClient\" />\n"
            "  <add name=\"ReportingDb\"\n"
            "       connectionString=\"Data Source=SQLRPT01;Integrated Security=SSPI\" />\n"
            "</connectionStrings>\n");
  for (const auto& c : p.config) EXPECT_NE(c.key, "ConnectionStrings__ReportingDb") << c.key;
}

TEST(PlanConfig, OnlySecretAppSettingsKeysMoveThroughFile) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/Web.config"));
  AppPlan p = plan_app(f.assessment, options());
  const ConfigSectionMove* m = move_of(p, "appSettings");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->file, "config\\appSettings.secret.config");
  EXPECT_EQ(m->keys, std::vector<std::string>{"SmtpPassword"});
  EXPECT_EQ(m->template_xml,
            "<appSettings>\n  <add key=\"SmtpPassword\" value=\"__SECRET__\" />\n</appSettings>\n");
  ASSERT_EQ(p.secrets.size(), 2u);
  EXPECT_EQ(p.secrets[1].key, "AppSettings__SmtpPassword");
  EXPECT_EQ(p.secrets[1].file, "appSettings.secret.config");
  EXPECT_EQ(p.secrets[1].hint, "the value of appSettings 'SmtpPassword'");
}

TEST(PlanConfig, ExplicitMachineKeyMovesWithItsAlgorithms) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.path = "App/Web.config";
  c.machine_key_present = true;
  c.machine_key_explicit = true;
  c.machine_key_validation = "HMACSHA256";
  c.machine_key_decryption = "AES";
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  const ConfigSectionMove* m = move_of(p, "system.web/machineKey");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->file, "config\\machineKey.config");
  EXPECT_EQ(m->template_xml,
            "<machineKey validationKey=\"__SECRET__\" decryptionKey=\"__SECRET__\" "
            "validation=\"HMACSHA256\" decryption=\"AES\" />\n");
  ASSERT_EQ(p.secrets.size(), 1u);
  EXPECT_EQ(p.secrets[0].file, "machineKey.config");
}

TEST(PlanConfig, FormsCredentialsMoveTheAuthenticationSectionWithItsForms) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.path = "App/Web.config";
  c.authentication_mode = "Forms";
  FormsCredentials fc;
  fc.password_format = "SHA1";
  fc.forms_attributes = {{"loginUrl", "~/Login.aspx"}, {"timeout", "30"}};
  fc.users = {"admin", "a&b"};
  fc.passwords = true;
  c.forms_credentials = fc;
  f.app().configs.push_back(c);
  for (ConfigMode mode : {ConfigMode::kFiles, ConfigMode::kEnv}) {
    PlanOptions o = options();
    o.config_mode = mode;
    AppPlan p = plan_app(f.assessment, o);
    const ConfigSectionMove* m = move_of(p, "system.web/authentication");
    ASSERT_NE(m, nullptr) << "builders can't supply a section that is not key/value";
    EXPECT_EQ(m->file, "config\\authentication.config");
    EXPECT_EQ(m->template_xml,
              "<authentication mode=\"Forms\">\n"
              "  <forms loginUrl=\"~/Login.aspx\" timeout=\"30\">\n"
              "    <credentials passwordFormat=\"SHA1\">\n"
              "      <user name=\"admin\" password=\"__SECRET__\" />\n"
              "      <user name=\"a&amp;b\" password=\"__SECRET__\" />\n"
              "    </credentials>\n  </forms>\n</authentication>\n");
    ASSERT_EQ(p.secrets.size(), 1u);
    EXPECT_EQ(p.secrets[0].file, "authentication.config");
    EXPECT_NE(p.secrets[0].hint.find("passwordFormat=\"SHA1\""), std::string::npos);
  }
  // Users without passwords hold no secret: nothing moves.
  f.app().configs[0].forms_credentials->passwords = false;
  EXPECT_EQ(move_of(plan_app(f.assessment, options()), "system.web/authentication"), nullptr);
}

TEST(PlanConfig, ExeConfigMountsBesideTheProgram) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/App.exe.config"));
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.secret_mount, "C:\\app\\config");
}

TEST(PlanConfig, NestedWebConfigGetsItsOwnFolderAndKeys) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/Web.config"));
  f.app().configs.push_back(web_config("App/Admin/Web.config"));
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 2u);
  EXPECT_EQ(p.config_rewrites[1].secret_folder, "C:\\inetpub\\wwwroot\\Admin\\config");
  EXPECT_EQ(p.config_rewrites[1].moves[0].file, "config\\connectionStrings.config")
      << "configSource can't leave the config's folder";
  EXPECT_EQ(p.config_rewrites[1].moves[0].secret_key, "Admin.connectionStrings.config");
  EXPECT_EQ(p.secret_mount, "C:\\inetpub\\wwwroot\\config") << "the site's own";
}

TEST(PlanConfig, TwoConfigsOfOneFolderGetDistinctFiles) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/App.exe.config"));
  f.app().configs.push_back(web_config("App/Other.exe.config"));
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 2u);
  EXPECT_EQ(p.config_rewrites[1].moves[0].file, "config\\Other.exe.connectionStrings.config");
  EXPECT_NE(p.config_rewrites[0].moves[0].secret_key, p.config_rewrites[1].moves[0].secret_key);
}

TEST(PlanConfig, ConfigWithoutSecretsIsLeftAsItIs) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c = web_config("App/Web.config");
  c.connection_strings.erase(c.connection_strings.begin());
  c.app_settings.erase(c.app_settings.begin());
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.config_rewrites.empty());
  EXPECT_TRUE(p.secret_mount.empty());
  EXPECT_TRUE(p.secrets.empty());
}

TEST(PlanConfig, DrivePathIsRewrittenInPlaceNotAVariable) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state");
  ConfigFacts c;
  c.path = "App/Web.config";
  c.app_settings = {{"UploadRoot", "D:\\Contoso\\Uploads", false}};
  c.path_settings = {{"appSettings", "UploadRoot", "value", "D:\\Contoso\\Uploads", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  ASSERT_EQ(p.config_rewrites[0].changes.size(), 1u);
  const ConfigValueChange& ch = p.config_rewrites[0].changes[0];
  EXPECT_EQ(ch.section, "appSettings");
  EXPECT_EQ(ch.key, "UploadRoot");
  EXPECT_EQ(ch.attribute, "value");
  EXPECT_EQ(ch.to, "C:\\Contoso\\Uploads");
  EXPECT_EQ(ch.from, "D:\\Contoso\\Uploads") << "the copy changes only where it still says so";
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].container_path, ch.to) << "the value names the volume's folder";
  EXPECT_TRUE(p.config.empty()) << "the app reads the rewritten value, no variable";
  EXPECT_TRUE(p.secret_mount.empty());
}

TEST(PlanConfig, AppSettingsJsonBlanksSecretsTheHostReadsFromVariables) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kDotnet, "8.0");
  ConfigFacts c = web_config("App/appsettings.json");
  c.app_settings = {{"Smtp:Password", "***", false}, {"Smtp:Host", "smtp.contoso.local", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  const ConfigRewrite& r = p.config_rewrites[0];
  EXPECT_TRUE(r.json);
  EXPECT_TRUE(r.moves.empty());
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].section, "ConnectionStrings");
  EXPECT_EQ(r.changes[0].key, "ContosoDb");
  EXPECT_EQ(r.changes[0].to, "");
  EXPECT_EQ(r.changes[0].variable, "ConnectionStrings__ContosoDb");
  EXPECT_EQ(r.changes[1].section, "Smtp");
  EXPECT_EQ(r.changes[1].key, "Password");
  EXPECT_EQ(r.changes[1].variable, "Smtp__Password") << ".NET reads __ as the path's ':'";
  ASSERT_EQ(p.secrets.size(), 2u);
  EXPECT_EQ(p.secrets[0].key, "ConnectionStrings__ContosoDb");
  EXPECT_EQ(p.secrets[0].file, "") << ".NET reads the variable itself";
  EXPECT_EQ(p.secrets[1].key, "Smtp__Password");
  EXPECT_TRUE(p.secret_mount.empty());
}

TEST(PlanConfig, ConfigEnvMarksTheConfigForBuilders) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config("App/Web.config"));
  PlanOptions o = options();
  o.config_mode = ConfigMode::kEnv;
  AppPlan p = plan_app(f.assessment, o);
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  const ConfigRewrite& r = p.config_rewrites[0];
  EXPECT_TRUE(r.builders);
  EXPECT_TRUE(r.moves.empty());
  ASSERT_EQ(r.changes.size(), 2u) << "both secret values blanked";
  EXPECT_EQ(r.changes[0].key, "ContosoDb");
  EXPECT_EQ(r.changes[0].attribute, "connectionString");
  EXPECT_EQ(r.changes[0].to, "");
  EXPECT_EQ(r.changes[1].key, "SmtpPassword");
  for (const auto& s : p.secrets) EXPECT_EQ(s.file, "") << s.key;
  ASSERT_EQ(p.config.size(), 1u);
  EXPECT_EQ(p.config[0].key, "ConnectionStrings__ReportingDb");
}

TEST(PlanConfig, ConfigEnvIsRefusedBefore471WithTheReason) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.5.2");
  f.app().configs.push_back(web_config("App/Web.config"));
  PlanOptions o = options();
  o.config_mode = ConfigMode::kEnv;
  AppPlan p = plan_app(f.assessment, o);
  ASSERT_EQ(p.refusals.size(), 1u);
  EXPECT_NE(p.refusals[0].find("4.7.1"), std::string::npos) << p.refusals[0];
  EXPECT_NE(p.refusals[0].find("4.5.2"), std::string::npos) << "names what the app targets";
  EXPECT_NE(p.refusals[0].find("--config files"), std::string::npos) << "and the way that works";
}

TEST(PlanConfig, ConfigEnvWarnsWhereTheVariableCannotCarryTheExactName) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.path = "App/Web.config";
  ConnectionStringFacts cs;
  cs.name = "Orders.Db";
  cs.masked = "Server=db;Password=***";
  cs.had_secret = true;
  c.connection_strings = {cs};
  f.app().configs.push_back(c);
  PlanOptions o = options();
  o.config_mode = ConfigMode::kEnv;
  AppPlan p = plan_app(f.assessment, o);
  EXPECT_TRUE(p.refusals.empty());
  bool warned = false;
  for (const auto& w : p.warnings)
    warned = warned || w.find("ConnectionStrings__Orders.Db") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(PlanConfig, TemplatesEscapeXmlAndNeverCarryAMask) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.path = "App/Web.config";
  ConnectionStringFacts cs;
  cs.name = "A&B";
  cs.masked = "Server=\"x<y\";Password=***;AccountKey=***";
  cs.had_secret = true;
  c.connection_strings = {cs};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  const ConfigSectionMove* m = move_of(p, "connectionStrings");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->template_xml.find("name=\"A&amp;B\""), std::string::npos) << m->template_xml;
  EXPECT_NE(
      m->template_xml.find("Server=&quot;x&lt;y&quot;;Password=__SECRET__;AccountKey=__SECRET__"),
      std::string::npos)
      << m->template_xml;
  EXPECT_EQ(m->template_xml.find("***"), std::string::npos);
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

TEST(PlanConfig, ASecretFileTheConfigReadsIsMountedFromTheSecretAndATransformIsNamed) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts web;
  web.path = "App/Web.config";
  web.includes.push_back({"connectionStrings", "configSource", "App_Config\\cs.config"});
  f.app().configs.push_back(web);
  ConfigFacts fragment = web_config("App/App_Config/cs.config");
  fragment.included_by = "App/Web.config (connectionStrings configSource)";
  f.app().configs.push_back(fragment);
  ConfigFacts release = web_config("App/Web.Release.config");
  release.transform_of = "App/Web.config";
  f.app().configs.push_back(release);
  AppPlan p = plan_app(f.assessment, options());
  for (const auto& r : p.config_rewrites) {
    EXPECT_NE(r.config, "App/App_Config/cs.config");
    EXPECT_NE(r.config, "App/Web.Release.config");
  }
  // The fragment is the Secret's file: Web.config's configSource names it in
  // the mounted folder, and its secrets are named with that file.
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  const ConfigRewrite& r = p.config_rewrites[0];
  EXPECT_EQ(r.config, "App/Web.config");
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.moves[0].section, "connectionStrings");
  EXPECT_EQ(r.moves[0].file, "config\\cs.config");
  EXPECT_EQ(r.moves[0].from_file, "App/App_Config/cs.config");
  EXPECT_EQ(r.moves[0].from_attribute, "configSource");
  EXPECT_EQ(r.secret_folder, p.secret_mount);
  EXPECT_NE(r.moves[0].template_xml.find(kSecretPlaceholder), std::string::npos);
  bool secret_in_file = false;
  for (const auto& s : p.secrets)
    secret_in_file = secret_in_file || (s.config_file == "App/App_Config/cs.config" &&
                                        s.file == r.moves[0].secret_key);
  EXPECT_TRUE(secret_in_file);
  bool fragment_named = false;
  bool release_named = false;
  for (const auto& w : p.warnings) {
    fragment_named =
        fragment_named || w.find("App/App_Config/cs.config (read by") != std::string::npos;
    release_named = release_named ||
                    w.find("App/Web.Release.config (the release transform of App/Web.config)") !=
                        std::string::npos;
  }
  EXPECT_FALSE(fragment_named) << "mounted, not left to the user";
  EXPECT_TRUE(release_named);
}

TEST(PlanConfig, ASecretFileReadByAnIncludedFileIsStillLeftToTheUser) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts web;
  web.path = "App/Web.config";
  f.app().configs.push_back(web);
  ConfigFacts fragment = web_config("App/App_Config/cs.config");
  fragment.included_by = "App/Other.config (connectionStrings configSource)";
  f.app().configs.push_back(fragment);
  AppPlan p = plan_app(f.assessment, options());
  for (const auto& r : p.config_rewrites) EXPECT_TRUE(r.moves.empty()) << r.config;
  bool named = false;
  for (const auto& w : p.warnings)
    named = named || w.find("App/App_Config/cs.config (read by") != std::string::npos;
  EXPECT_TRUE(named);
}

// A Secret mounted as config\ would hide the files an app ships there (its
// other configSource files, a log4net.config): the mount takes another name.
TEST(PlanConfig, TheSecretFolderAvoidsAConfigFolderTheAppShips) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts web = web_config("App/Web.config");
  web.connection_strings.clear();
  web.includes.push_back({"connectionStrings", "configSource", "Config\\cs.config"});
  web.includes.push_back({"appSettings", "configSource", "Config\\settings.config"});
  web.app_settings.clear();
  f.app().configs.push_back(web);
  ConfigFacts fragment = web_config("App/Config/cs.config");
  fragment.app_settings.clear();
  fragment.included_by = "App/Web.config (connectionStrings configSource)";
  f.app().configs.push_back(fragment);
  AppPlan alone = plan_app(f.assessment, options());
  ASSERT_NE(move_of(alone, "connectionStrings"), nullptr);
  EXPECT_EQ(move_of(alone, "connectionStrings")->file, "config\\cs.config")
      << "the only file of Config\\ is the one the Secret replaces";
  ConfigFacts settings;
  settings.path = "App/Config/settings.config";
  settings.app_settings = {{"PageSize", "20", false}};
  settings.included_by = "App/Web.config (appSettings configSource)";
  f.app().configs.push_back(settings);
  AppPlan p = plan_app(f.assessment, options());
  const ConfigSectionMove* m = move_of(p, "connectionStrings");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->file, "secrets\\cs.config");
  EXPECT_TRUE(p.secret_mount.ends_with("\\secrets")) << p.secret_mount;
  // A binary in secrets\ as well: the third name.
  BinaryFacts b;
  b.path = "App/secrets/Vault.dll";
  f.app().binaries.push_back(b);
  p = plan_app(f.assessment, options());
  ASSERT_NE(move_of(p, "connectionStrings"), nullptr);
  EXPECT_EQ(move_of(p, "connectionStrings")->file, "liftshift-secrets\\cs.config");
}

}  // namespace
}  // namespace liftshift
