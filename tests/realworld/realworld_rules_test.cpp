// What an experienced engineer concludes about the findings of the real
// public projects (../shared/realworld/README.md): one test per statement.
// Each is an example of a class of shapes the rules must read right.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "realworld/realworld_support.hpp"

namespace liftshift::test {

namespace {

bool any_contains(const std::vector<std::string>& lines, const std::string& needle) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

std::string severity_of(const nlohmann::json& app, const std::string& rule) {
  const nlohmann::json* f = finding_of(app, rule);
  return f == nullptr ? "" : f->value("severity", "");
}

}  // namespace

// ---- BlogEngine.NET ----

TEST(RealworldRules, BlogEngineIisMetabaseAndDisplayedIdentityAreNoActiveDirectory) {
  const auto& app = app_named(realworld_assessment("BlogEngine.NET"), "BlogEngine.NET");
  EXPECT_FALSE(has_rule(app, "ad-dependent")) << joined(evidence_of(app, "ad-dependent"));
}

TEST(RealworldRules, BlogEngineSessionStateAppliesToTheAdminAreaOnly) {
  const auto& app = app_named(realworld_assessment("BlogEngine.NET"), "BlogEngine.NET");
  auto ev = evidence_of(app, "scale-out-state");
  EXPECT_TRUE(any_contains(ev, "admin/Web.Config")) << joined(ev);
  EXPECT_TRUE(any_contains(ev, "applies to admin/ only")) << joined(ev);
  EXPECT_FALSE(any_contains(ev, "no sessionState element")) << joined(ev);
}

TEST(RealworldRules, BlogEngineExplicitMachineKeyIsASecretThatLetsInstancesShareCookies) {
  const auto& app = app_named(realworld_assessment("BlogEngine.NET"), "BlogEngine.NET");
  auto secret = evidence_of(app, "config-secret");
  EXPECT_TRUE(any_contains(secret, "Web.Config: machineKey with explicit")) << joined(secret);
  EXPECT_TRUE(any_contains(secret, "share")) << joined(secret);
  // The key itself is never printed.
  EXPECT_FALSE(any_contains(secret, "D9F7287EFDE8DF4C")) << joined(secret);
  EXPECT_FALSE(any_contains(evidence_of(app, "scale-out-state"), "no explicit machineKey"));
}

TEST(RealworldRules, BlogEngineTransactionScopeInAnUnusedProviderIsInfoAtMost) {
  const auto& app = app_named(realworld_assessment("BlogEngine.NET"), "BlogEngine.NET");
  EXPECT_FALSE(has_rule(app, "msdtc")) << joined(evidence_of(app, "msdtc"));
  EXPECT_EQ(severity_of(app, "transaction-scope"), "info");
}

TEST(RealworldRules, BlogEngineAppDataIsStateAndTheEditorsMediaPluginIsCode) {
  const auto& app = app_named(realworld_assessment("BlogEngine.NET"), "BlogEngine.NET");
  auto ev = evidence_of(app, "local-state");
  EXPECT_TRUE(any_contains(ev, "BlogEngine/BlogEngine.NET/App_Data")) << joined(ev);
  EXPECT_FALSE(any_contains(ev, "tinymce/plugins/media")) << joined(ev);
}

// ---- Orchard ----

TEST(RealworldRules, OrchardFormsAuthAndAForwardedLogonUserIdentityAreNoActiveDirectory) {
  const auto& app = app_named(realworld_assessment("Orchard"), "Orchard.Web");
  EXPECT_FALSE(has_rule(app, "ad-dependent")) << joined(evidence_of(app, "ad-dependent"));
}

TEST(RealworldRules, OrchardAppDataHoldsASqlCeDatabase) {
  const auto& app = app_named(realworld_assessment("Orchard"), "Orchard.Web");
  auto db = evidence_of(app, "database");
  EXPECT_TRUE(any_contains(db, "SQL Server Compact")) << joined(db);
  EXPECT_TRUE(any_contains(db, "src/Orchard.Web/App_Data")) << joined(db);
  EXPECT_TRUE(any_contains(evidence_of(app, "local-state"), "src/Orchard.Web/App_Data"));
}

TEST(RealworldRules, OrchardMediaIsTheUploadFolder) {
  const auto& app = app_named(realworld_assessment("Orchard"), "Orchard.Web");
  auto ev = evidence_of(app, "local-state");
  EXPECT_TRUE(any_contains(ev, "src/Orchard.Web/Media: upload folder")) << joined(ev);
}

TEST(RealworldRules, OrchardLog4netFileAppendersInTheirOwnConfigWriteUnderAppDataLogs) {
  const auto& app = app_named(realworld_assessment("Orchard"), "Orchard.Web");
  auto ev = evidence_of(app, "event-log");
  EXPECT_TRUE(any_contains(ev, "src/Orchard.Web/Config/log4net.config: log file App_Data/Logs/"))
      << joined(ev);
  EXPECT_FALSE(any_contains(ev, "Event Log")) << joined(ev);
}

// ---- SambaPOS-3 ----

TEST(RealworldRules, SambaPosClickOnceManifestKeyIsACodeSigningKeyNotAnIisCertificate) {
  const auto& app = app_named(realworld_assessment("SambaPOS-3"), "Samba.Presentation");
  EXPECT_FALSE(has_rule(app, "iis-certificate")) << joined(evidence_of(app, "iis-certificate"));
}

// Evidence "path: <Element>..." quotes the file: the element is in it.
TEST(RealworldRules, SambaPosEvidenceQuotesOnlyWhatIsInTheFile) {
  const auto& doc = realworld_assessment("SambaPOS-3");
  const std::regex quoted(R"(^([^:]+\.(csproj|vbproj|config)): (<[A-Za-z]+>))");
  int checked = 0;
  for (const auto& app : doc.value("apps", nlohmann::json::array())) {
    for (const auto& f : app.value("findings", nlohmann::json::array())) {
      for (const auto& e : f.value("evidence", nlohmann::json::array())) {
        std::smatch m;
        const std::string line = e.get<std::string>();
        if (!std::regex_search(line, m, quoted)) continue;
        std::ifstream in(realworld_dir() / "SambaPOS-3" / m[1].str());
        std::stringstream text;
        text << in.rdbuf();
        EXPECT_NE(text.str().find(m[3].str()), std::string::npos)
            << f.value("rule", "") << ": " << line;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

// ---- IPCSamples ----

TEST(RealworldRules, IpcSelfHostedServersWaitingOnTheConsoleGetTheInteractiveConsoleFinding) {
  const auto& doc = realworld_assessment("IPCSamples");
  for (const char* name : {"IPCServerNet", "IPCServerMsmq"}) {
    const auto& app = app_named(doc, name);
    EXPECT_EQ(severity_of(app, "interactive-console"), "change") << name;
    EXPECT_TRUE(any_contains(evidence_of(app, "interactive-console"), "Console.ReadLine")) << name;
  }
}

TEST(RealworldRules, IpcClientMsmqBuildsANetMsmqBindingInCode) {
  const auto& app = app_named(realworld_assessment("IPCSamples"), "IPCClientMsmq");
  auto ev = evidence_of(app, "msmq");
  EXPECT_TRUE(any_contains(ev, "NetMsmqBinding")) << joined(ev);
}

TEST(RealworldRules, IpcServerMsmqCreatesATransactionalQueueNamedInAppConfig) {
  const auto& app = app_named(realworld_assessment("IPCSamples"), "IPCServerMsmq");
  auto ev = evidence_of(app, "msmq");
  EXPECT_TRUE(any_contains(ev, "MessageQueue.Create")) << joined(ev);
  EXPECT_TRUE(any_contains(ev, "scenario: private transactional")) << joined(ev);
  EXPECT_TRUE(any_contains(ev, R"(.\private$\TestQueue)")) << joined(ev);
}

TEST(RealworldRules, IpcALoneUsingSystemMessagingIsNoMsmq) {
  const auto& app = app_named(realworld_assessment("IPCSamples"), "IPCServerNet");
  EXPECT_FALSE(has_rule(app, "msmq")) << joined(evidence_of(app, "msmq"));
}

// Every IPCSamples binding built in code turns its security off
// (`binding.Security.Mode = ...None`): no Windows login, no MSMQ AD auth.
TEST(RealworldRules, IpcBindingsWithSecurityTurnedOffAreNoActiveDirectory) {
  const auto& doc = realworld_assessment("IPCSamples");
  for (const char* name : {"IPCServerNet", "IPCClient", "IPCClientMsmq", "IPCServerMsmq"}) {
    const auto& app = app_named(doc, name);
    EXPECT_FALSE(has_rule(app, "ad-dependent")) << name << joined(evidence_of(app, "ad-dependent"));
    EXPECT_FALSE(has_rule(app, "msmq-ad-auth")) << name << joined(evidence_of(app, "msmq-ad-auth"));
  }
}

// ---- particular-msmq-bridge ----

TEST(RealworldRules, MsmqBridgeTransportPackageAndMsmqTransportAreMsmq) {
  const auto& doc = realworld_assessment("particular-msmq-bridge");
  for (const char* name : {"MsmqEndpoint", "Bridge"}) {
    auto ev = evidence_of(app_named(doc, name), "msmq");
    EXPECT_TRUE(any_contains(ev, "package NServiceBus.Transport.Msmq")) << name << joined(ev);
    EXPECT_TRUE(any_contains(ev, "MsmqTransport")) << name << joined(ev);
  }
  EXPECT_FALSE(has_rule(app_named(doc, "AsbEndpoint"), "msmq"));
}

TEST(RealworldRules, MsmqBridgeConsoleReadKeyIsAnInteractiveConsole) {
  const auto& app = app_named(realworld_assessment("particular-msmq-bridge"), "MsmqEndpoint");
  EXPECT_TRUE(any_contains(evidence_of(app, "interactive-console"), "Console.ReadKey"));
}

// ---- quartznet-2.x ----

TEST(RealworldRules, QuartzCommentedOutEventLogAppenderIsNoEventLogFinding) {
  const auto& app = app_named(realworld_assessment("quartznet-2.x"), "Quartz.Server");
  auto ev = evidence_of(app, "event-log");
  EXPECT_FALSE(any_contains(ev, "Event Log")) << joined(ev);
}

TEST(RealworldRules, QuartzReadOnlyFileStreamIsNoState) {
  const auto& app = app_named(realworld_assessment("quartznet-2.x"), "Quartz.Server");
  auto ev = evidence_of(app, "local-state");
  EXPECT_FALSE(any_contains(ev, "XMLSchedulingDataProcessorPlugin.cs")) << joined(ev);
}

TEST(RealworldRules, QuartzEvidenceHasOneLinePerDistinctFact) {
  const auto& app = app_named(realworld_assessment("quartznet-2.x"), "Quartz.Server");
  for (const auto& f : app.value("findings", nlohmann::json::array())) {
    const auto ev = evidence_of(app, f.value("rule", ""));
    EXPECT_LE(ev.size(), 10u) << f.value("rule", "") << joined(ev);
    // The same text after "file:line: " is the same fact.
    std::map<std::string, int> facts;
    for (const auto& e : ev) {
      const auto colon = e.find(": ");
      ++facts[colon == std::string::npos ? e : e.substr(colon + 2)];
    }
    for (const auto& [fact, n] : facts) EXPECT_EQ(n, 1) << f.value("rule", "") << ": " << fact;
  }
  EXPECT_TRUE(any_contains(evidence_of(app, "scheduled-task"), "more files"));
}

// ---- NAnt-bin ----

// Evidence comes from the app's own binaries and config: the bundled
// log4net.dll can write to the event log, NAnt.exe.config does not ask it to.
TEST(RealworldRules, NAntBundledLoggingLibraryIsNoEventLogUse) {
  const auto& doc = realworld_assessment("NAnt-bin");
  for (const auto& app : doc.value("apps", nlohmann::json::array())) {
    EXPECT_FALSE(any_contains(evidence_of(app, "event-log"), "log4net.dll"))
        << app.value("name", "") << joined(evidence_of(app, "event-log"));
  }
}

}  // namespace liftshift::test
