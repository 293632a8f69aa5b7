// The config rewrite: moved sections become configSource / file= references,
// value changes are made in place, everything else (declaration, comments,
// whitespace, BOM, encoding) stays byte for byte.
#include "context/config_rewrite.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <tuple>

namespace liftshift {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

const char* kWebConfig =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
    "<!-- kept comment -->\r\n"
    "<configuration>\r\n"
    "  <connectionStrings>\r\n"
    "    <add name=\"Db\" connectionString=\"Server=s;Password=S3cr3t!Pass\" />\r\n"
    "  </connectionStrings>\r\n"
    "  <appSettings>\r\n"
    "    <add key=\"UploadRoot\" value=\"D:\\Uploads\" />\r\n"
    "    <add key=\"SmtpPassword\" value=\"Mail!Pass42\" />\r\n"
    "    <add key=\"OpsMailbox\" value=\"ops@contoso.local\" />\r\n"
    "  </appSettings>\r\n"
    "  <system.web>\r\n"
    "    <machineKey validationKey=\"ABCDEF0123\" decryptionKey=\"0123ABCDEF\" />\r\n"
    "    <compilation targetFramework=\"4.5.2\" />\r\n"
    "  </system.web>\r\n"
    "</configuration>\r\n";

ConfigRewrite full_rewrite() {
  ConfigRewrite r;
  r.config = "web.config";
  r.moves.push_back(
      {"connectionStrings", "config\\connectionStrings.config", {}, "password", "", ""});
  r.moves.push_back(
      {"appSettings", "config\\appSettings.config", {"SmtpPassword"}, "secret", "", ""});
  r.moves.push_back({"system.web/machineKey", "config\\machineKey.config", {}, "keys", "", ""});
  r.changes.push_back({"appSettings", "UploadRoot", "value", "C:\\Uploads", "moved to C:"});
  return r;
}

TEST(ConfigRewrite, MovesSectionsSplitsKeysAndAppliesChanges) {
  auto r = rewrite_config(kWebConfig, full_rewrite(), "web.config");
  ASSERT_TRUE(r) << r.error().message;
  const std::string& out = r->bytes;
  EXPECT_EQ(out.find("S3cr3t!Pass"), std::string::npos) << out;
  EXPECT_EQ(out.find("Mail!Pass42"), std::string::npos) << out;
  EXPECT_EQ(out.find("ABCDEF0123"), std::string::npos) << out;
  EXPECT_NE(out.find("<connectionStrings configSource=\"config\\connectionStrings.config\"/>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<machineKey configSource=\"config\\machineKey.config\"/>"), std::string::npos)
      << out;
  EXPECT_NE(out.find("<appSettings file=\"config\\appSettings.config\">"), std::string::npos)
      << out;
  EXPECT_NE(out.find("<add key=\"OpsMailbox\" value=\"ops@contoso.local\"/>"), std::string::npos)
      << "the other keys stay inline";
  EXPECT_NE(out.find("<add key=\"UploadRoot\" value=\"C:\\Uploads\"/>"), std::string::npos) << out;
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- kept comment -->\r\n", 0),
            0u)
      << "declaration, comment and CR LF are kept";
  EXPECT_NE(out.find("    <compilation targetFramework=\"4.5.2\"/>\r\n"), std::string::npos);

  ASSERT_EQ(r->moved.size(), 3u);
  EXPECT_EQ(r->moved[0].file, "config\\connectionStrings.config");
  EXPECT_NE(r->moved[0].content.find("<connectionStrings>"), std::string::npos);
  EXPECT_NE(r->moved[0].content.find("Password=S3cr3t!Pass"), std::string::npos);
  EXPECT_EQ(r->moved[1].file, "config\\appSettings.config");
  EXPECT_NE(r->moved[1].content.find("<add key=\"SmtpPassword\" value=\"Mail!Pass42\"/>"),
            std::string::npos)
      << r->moved[1].content;
  EXPECT_EQ(r->moved[1].content.find("OpsMailbox"), std::string::npos) << "only the keys named";
  EXPECT_NE(r->moved[2].content.find("<machineKey validationKey=\"ABCDEF0123\""),
            std::string::npos);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ConfigRewrite, NothingPlannedKeepsTheBytes) {
  ConfigRewrite none;
  auto r = rewrite_config(kWebConfig, none, "web.config");
  ASSERT_TRUE(r);
  // Written back raw: only the space before an empty element's "/>" goes.
  EXPECT_EQ(r->bytes, replace_all(kWebConfig, " />", "/>"));
}

TEST(ConfigRewrite, KeepsTheBomAndUtf16) {
  std::string bom = "\xEF\xBB\xBF" + std::string(kWebConfig);
  auto r = rewrite_config(bom, full_rewrite(), "web.config");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bytes.rfind("\xEF\xBB\xBF<?xml", 0), 0u);

  std::string utf16 = "\xFF\xFE";
  for (char c : std::string_view(kWebConfig)) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  auto r16 = rewrite_config(utf16, full_rewrite(), "web.config");
  ASSERT_TRUE(r16) << r16.error().message;
  EXPECT_EQ(r16->bytes.rfind("\xFF\xFE<\0?\0x\0", 0), 0u) << "UTF-16 LE with BOM stays so";
  EXPECT_EQ(r16->moved.size(), 3u);
}

TEST(ConfigRewrite, ASingleByteEncodingKeepsItsBytes) {
  std::string latin =
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<configuration>\n"
      "  <appSettings>\n    <add key=\"Title\" value=\"Caf\xE9\" />\n"
      "    <add key=\"Pwd\" value=\"x\" />\n  </appSettings>\n</configuration>\n";
  ConfigRewrite rw;
  rw.moves.push_back({"appSettings", "config\\s.config", {"Pwd"}, "", "", ""});
  auto r = rewrite_config(latin, rw, "app.config");
  ASSERT_TRUE(r);
  EXPECT_NE(r->bytes.find("Caf\xE9\""), std::string::npos) << "byte 0xE9 kept as it was";
}

TEST(ConfigRewrite, MissingSectionsAndKeysAreWarningsNotFailures) {
  ConfigRewrite rw;
  rw.moves.push_back({"system.web/sessionState", "config\\s.config", {}, "", "", ""});
  rw.moves.push_back({"appSettings", "config\\a.config", {"NoSuchKey"}, "", "", ""});
  rw.changes.push_back({"appSettings", "Nope", "value", "x", ""});
  auto r = rewrite_config(kWebConfig, rw, "web.config");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->warnings.size(), 3u);
  EXPECT_TRUE(r->moved.empty());
  EXPECT_EQ(r->bytes.find("file="), std::string::npos) << "no file= when no key moved";
}

TEST(ConfigRewrite, AppSettingsThatAlreadyReadAFileAreRefusedSoNoSecretStaysInline) {
  std::string cfg =
      "<configuration><appSettings file=\"other.config\"><add key=\"Pwd\" value=\"x\" />"
      "</appSettings></configuration>";
  ConfigRewrite rw;
  rw.moves.push_back({"appSettings", "config\\a.config", {"Pwd"}, "", "", ""});
  auto r = rewrite_config(cfg, rw, "web.config");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("already reads another file"), std::string::npos);
}

// --config env: blanked values, the configBuilders section declared first,
// the two Environment builders, and both sections naming theirs.
ConfigRewrite builders_rewrite() {
  ConfigRewrite r;
  r.config = "web.config";
  r.builders = true;
  r.changes.push_back({"connectionStrings", "Db", "connectionString", "", "blanked"});
  r.changes.push_back({"appSettings", "SmtpPassword", "value", "", "blanked"});
  return r;
}

TEST(ConfigRewrite, BuildersAreDeclaredFirstAndNamedByBothSections) {
  auto r = rewrite_config(kWebConfig, builders_rewrite(), "web.config");
  ASSERT_TRUE(r) << r.error().message;
  const std::string& out = r->bytes;
  EXPECT_EQ(out.find("S3cr3t!Pass"), std::string::npos) << out;
  EXPECT_EQ(out.find("Mail!Pass42"), std::string::npos) << out;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.c_str())) << out;
  pugi::xml_node root = doc.document_element();
  ASSERT_STREQ(root.first_child().name(), "configSections") << "the schema wants it first";
  pugi::xml_node declared = root.child("configSections").child("section");
  EXPECT_STREQ(declared.attribute("name").value(), "configBuilders");
  EXPECT_EQ(
      std::string(declared.attribute("type").value())
          .rfind("System.Configuration.ConfigurationBuildersSection, System.Configuration,", 0),
      0u);
  pugi::xml_node builders = root.child("configBuilders").child("builders");
  for (auto [section, builder, prefix] :
       {std::tuple{"appSettings", kAppSettingsBuilder, kAppSettingsPrefix},
        std::tuple{"connectionStrings", kConnectionStringsBuilder, kConnectionStringsPrefix}}) {
    SCOPED_TRACE(section);
    EXPECT_STREQ(root.child(section).attribute("configBuilders").value(), builder);
    pugi::xml_node add = builders.find_child_by_attribute("add", "name", builder);
    ASSERT_TRUE(add);
    EXPECT_STREQ(add.attribute("prefix").value(), prefix);
    EXPECT_STREQ(add.attribute("stripPrefix").value(), "true");
    EXPECT_STREQ(add.attribute("mode").value(), "Strict");
    EXPECT_EQ(std::string(add.attribute("type").value())
                  .find("Microsoft.Configuration.ConfigurationBuilders.EnvironmentConfigBuilder, "
                        "Microsoft.Configuration.ConfigurationBuilders.Environment, Version=" +
                        std::string(kBuildersVersion) + ".0"),
              0u);
  }
  EXPECT_STREQ(root.child("connectionStrings").child("add").attribute("connectionString").value(),
               "");
  EXPECT_NE(out.find("\r\n  <configSections>\r\n    <section "), std::string::npos)
      << "indented like the file, with its line ends:\n"
      << out;
  EXPECT_NE(out.find("<!-- kept comment -->"), std::string::npos);
}

TEST(ConfigRewrite, BuildersJoinWhatTheConfigAlreadyDeclares) {
  std::string cfg =
      "<configuration>\n  <configSections>\n    <section name=\"other\" type=\"T\" />\n"
      "  </configSections>\n  <appSettings configBuilders=\"Secrets\">\n"
      "    <add key=\"SmtpPassword\" value=\"Mail!Pass42\" />\n  </appSettings>\n"
      "</configuration>\n";
  auto r = rewrite_config(cfg, builders_rewrite(), "web.config");
  ASSERT_TRUE(r) << r.error().message;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r->bytes.c_str())) << r->bytes;
  pugi::xml_node root = doc.document_element();
  EXPECT_EQ(
      std::distance(root.children("configSections").begin(), root.children("configSections").end()),
      1);
  EXPECT_TRUE(root.child("configSections").find_child_by_attribute("section", "name", "other"));
  EXPECT_STREQ(root.child("appSettings").attribute("configBuilders").value(),
               (std::string("Secrets,") + kAppSettingsBuilder).c_str());
  EXPECT_FALSE(root.child("connectionStrings")) << "no section the file did not have";
  EXPECT_FALSE(root.child("configBuilders")
                   .child("builders")
                   .find_child_by_attribute("add", "name", kConnectionStringsBuilder));
}

TEST(ConfigRewrite, ANestedWebConfigInheritsTheBuildersItMayNotDeclareAgain) {
  std::string cfg =
      "<configuration><connectionStrings><add name=\"Db\" connectionString=\"Password=x1\" />"
      "</connectionStrings></configuration>";
  auto r =
      rewrite_config(cfg, builders_rewrite(), "admin/web.config", BuilderDeclaration::kInherit);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->bytes.find("configSections"), std::string::npos) << r->bytes;
  EXPECT_EQ(r->bytes.find("<configBuilders"), std::string::npos) << r->bytes;
  EXPECT_NE(r->bytes.find(std::string("<connectionStrings configBuilders=\"") +
                          kConnectionStringsBuilder + "\">"),
            std::string::npos)
      << r->bytes;
  EXPECT_EQ(r->bytes.find("x1"), std::string::npos);
}

TEST(ConfigRewrite, ABuilderNameTheConfigAlreadyUsesIsAnError) {
  std::string cfg = std::string("<configuration><configBuilders><builders><add name=\"") +
                    kAppSettingsBuilder +
                    "\" type=\"X\" /></builders></configBuilders><appSettings /></configuration>";
  auto r = rewrite_config(cfg, builders_rewrite(), "web.config");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find(kAppSettingsBuilder), std::string::npos);
}

TEST(ConfigRewrite, HostileInputIsAnErrorNeverACrash) {
  ConfigRewrite rw = full_rewrite();
  EXPECT_FALSE(rewrite_config("", rw, "x"));
  EXPECT_FALSE(rewrite_config("<configuration>", rw, "x"));
  EXPECT_FALSE(rewrite_config("<other/>", rw, "x"));
  EXPECT_FALSE(rewrite_config(std::string(kMaxRewrittenConfig + 1, ' '), rw, "x"));
  // An entity declared in a DOCTYPE is never expanded into the output.
  std::string xxe =
      "<!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><configuration><appSettings>"
      "<add key=\"k\" value=\"&e;\" /></appSettings></configuration>";
  auto r = rewrite_config(xxe, rw, "x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bytes.find("root:"), std::string::npos);
  // A new line in a value (&#10;) stays escaped in the rewritten file.
  std::string nl =
      "<configuration><appSettings><add key=\"UploadRoot\" value=\"a&#10;b\" /></appSettings>"
      "</configuration>";
  ConfigRewrite change;
  change.changes.push_back({"appSettings", "UploadRoot", "value", "C:\\x\n\"y\"", ""});
  auto c = rewrite_config(nl, change, "x");
  ASSERT_TRUE(c);
  EXPECT_NE(c->bytes.find("value=\"C:\\x&#10;&quot;y&quot;\""), std::string::npos) << c->bytes;
}

}  // namespace

// A change that names the value it replaces (a drive path).
ConfigValueChange path_change(std::string section, std::string key, std::string attribute,
                              std::string from, std::string to) {
  ConfigValueChange c{std::move(section), std::move(key), std::move(attribute), std::move(to),
                      "drive path"};
  c.from = std::move(from);
  return c;
}

TEST(ConfigRewrite, DrivePathsAreRewrittenWhereLog4netNlogAndTypedSettingsKeepThem) {
  const std::string cfg =
      "<?xml version=\"1.0\"?>\n<configuration>\n"
      "  <applicationSettings>\n    <App.Properties.Settings>\n"
      "      <setting name=\"DataRoot\" serializeAs=\"String\">\n"
      "        <value>D:\\Data\\App</value>\n      </setting>\n"
      "    </App.Properties.Settings>\n  </applicationSettings>\n"
      "  <log4net>\n    <appender name=\"Old\" type=\"log4net.Appender.FileAppender\">\n"
      "      <param name=\"File\" value=\"D:\\Logs\\old.log\" />\n    </appender>\n"
      "    <appender name=\"New\" type=\"log4net.Appender.RollingFileAppender\">\n"
      "      <file value=\"E:\\Logs\\new.log\" />\n    </appender>\n  </log4net>\n"
      "  <nlog xmlns=\"http://www.nlog-project.org/schemas/NLog.xsd\">\n"
      "    <targets>\n      <target name=\"async\" type=\"AsyncWrapper\">\n"
      "        <target name=\"f\" type=\"File\" fileName=\"D:/Logs/${shortdate}.log\" />\n"
      "      </target>\n    </targets>\n  </nlog>\n</configuration>\n";
  ConfigRewrite rw;
  rw.changes = {path_change("applicationSettings/App.Properties.Settings", "DataRoot", "value",
                            "D:\\Data\\App", "C:\\Data\\App"),
                path_change("log4net", "Old", "file", "D:\\Logs\\old.log", "C:\\Logs\\old.log"),
                path_change("log4net", "New", "file", "E:\\Logs\\new.log", "C:\\Logs\\new.log"),
                path_change("nlog/targets", "f", "fileName", "D:/Logs/${shortdate}.log",
                            "C:/Logs/${shortdate}.log")};
  auto r = rewrite_config(cfg, rw, "App.exe.config");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front();
  EXPECT_EQ(r->changed, 4u);
  std::string expected = cfg;
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"D:\\Data", "C:\\Data"},
                                                        {"D:\\Logs", "C:\\Logs"},
                                                        {"E:\\Logs", "C:\\Logs"},
                                                        {"D:/Logs", "C:/Logs"},
                                                        {"\" />", "\"/>"}})
    expected = replace_all(expected, from, to);
  EXPECT_EQ(r->bytes, expected) << "only the values change";
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(r->bytes.c_str()));
}

TEST(ConfigRewrite, AFileThatIsOneSectionTakesValueChangesOnly) {
  const std::string log4net =
      "<log4net>\r\n  <appender name=\"R\" type=\"x\">\r\n    <file value=\"D:\\L\\a.log\" />"
      "\r\n  </appender>\r\n</log4net>\r\n";
  ConfigRewrite rw;
  rw.changes = {path_change("log4net", "R", "file", "D:\\L\\a.log", "C:\\L\\a.log")};
  auto r = rewrite_config(log4net, rw, "log4net.config");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(r->bytes.find("<file value=\"C:\\L\\a.log\"/>"), std::string::npos) << r->bytes;
  // A section path that does not start at that root finds nothing.
  rw.changes = {path_change("nlog/targets", "R", "fileName", "D:\\L\\a.log", "C:\\L\\a.log")};
  auto other = rewrite_config(log4net, rw, "log4net.config");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->changed, 0u);
  EXPECT_EQ(other->warnings.size(), 1u);
  // Moving a section needs a <configuration>.
  rw.moves.push_back({"connectionStrings", "config\\cs.config", {}, "", "", ""});
  EXPECT_FALSE(rewrite_config(log4net, rw, "log4net.config"));
}

TEST(ConfigRewrite, AValueThatNoLongerReadsAsPlannedIsLeftAndNotShown) {
  const std::string cfg =
      "<configuration><appSettings><add key=\"Root\" value=\"D:\\Now\\Else\" /></appSettings>"
      "</configuration>";
  ConfigRewrite rw;
  rw.changes = {path_change("appSettings", "Root", "value", "D:\\Planned", "C:\\Planned")};
  auto r = rewrite_config(cfg, rw, "web.config");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->changed, 0u);
  EXPECT_NE(r->bytes.find("D:\\Now\\Else"), std::string::npos);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].find("Now"), std::string::npos) << "what it holds now is not shown";
}

TEST(ConfigRewrite, ASectionInAFileOfItsOwnIsPointedAtTheMountedFolder) {
  const std::string cfg =
      "<configuration>\n  <connectionStrings configSource=\"App_Config\\cs.config\" />\n"
      "  <appSettings file=\"App_Config\\as.config\">\n    <add key=\"a\" value=\"b\" />\n"
      "  </appSettings>\n</configuration>\n";
  ConfigRewrite rw;
  ConfigSectionMove cs{"connectionStrings", "config\\cs.config", {}, "", "cs.config", ""};
  cs.from_file = "App_Config/cs.config";
  cs.from_attribute = "configSource";
  ConfigSectionMove as{"appSettings", "config\\as.config", {}, "", "as.config", ""};
  as.from_file = "App_Config/as.config";
  as.from_attribute = "file";
  rw.moves = {cs, as};
  auto r = rewrite_config(cfg, rw, "web.config");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->moved.empty()) << "the writer reads the file itself";
  EXPECT_NE(r->bytes.find("<connectionStrings configSource=\"config\\cs.config\"/>"),
            std::string::npos)
      << r->bytes;
  EXPECT_NE(r->bytes.find("<appSettings file=\"config\\as.config\">"), std::string::npos)
      << r->bytes;
  EXPECT_NE(r->bytes.find("<add key=\"a\" value=\"b\"/>"), std::string::npos) << r->bytes;
  // The section no longer reads that file: nothing is copied rather than a
  // config that reads no secret at all.
  rw.moves = {cs};
  rw.moves[0].from_attribute = "file";
  EXPECT_FALSE(rewrite_config(cfg, rw, "web.config"));
}

TEST(ConfigRewrite, BlankedValuesComeBackWithTheirVariables) {
  ConfigRewrite rw;
  ConfigValueChange cs{"connectionStrings", "Db", "connectionString", "", "secret"};
  cs.variable = "ConnectionStrings__Db";
  ConfigValueChange key{"appSettings", "SmtpPassword", "value", "", "secret"};
  key.variable = "AppSettings__SmtpPassword";
  rw.changes = {cs, key};
  auto r = rewrite_config(kWebConfig, rw, "web.config");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->bytes.find("S3cr3t!Pass"), std::string::npos);
  EXPECT_EQ(r->bytes.find("Mail!Pass42"), std::string::npos);
  ASSERT_EQ(r->values.size(), 2u);
  EXPECT_EQ(r->values[0], std::make_pair(std::string("ConnectionStrings__Db"),
                                         std::string("Server=s;Password=S3cr3t!Pass")));
  EXPECT_EQ(r->values[1],
            std::make_pair(std::string("AppSettings__SmtpPassword"), std::string("Mail!Pass42")));
}

}  // namespace liftshift
