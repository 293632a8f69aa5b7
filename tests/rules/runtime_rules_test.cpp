#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;

// The kind (collect/app_profile, from the entry point) says what is a
// service; the rule gives the evidence of that.
TEST(BackgroundServiceRule, FiresForServicesWithTheirServiceBaseAndServiceDispatcher) {
  EXPECT_FALSE(fires("background-service", console_app()));
  Application app = console_app();
  app.kind = AppKind::kService;
  app.kind_evidence = {"Tool.exe: entry point calls System.ServiceProcess.ServiceBase::Run"};
  app.binaries[0].type_refs.push_back("System.ServiceProcess.ServiceBase");
  EXPECT_EQ(evidence_of("background-service", app),
            (Evidence{"Tool.exe: entry point calls System.ServiceProcess.ServiceBase::Run",
                      "Tool.exe: uses type System.ServiceProcess.ServiceBase"}));
  Application native = console_app();
  native.kind = AppKind::kService;
  native.binaries[0].imports.push_back({"ADVAPI32.dll", {"StartServiceCtrlDispatcherW"}});
  EXPECT_NE(joined(evidence_of("background-service", native)).find("StartServiceCtrlDispatcherW"),
            std::string::npos);
}

TEST(BackgroundServiceRule, QuietForAProgramThatOnlyManagesAService) {
  Application manager = console_app();
  manager.kind = AppKind::kDesktop;
  manager.binaries[0].type_refs.push_back("System.ServiceProcess.ServiceController");
  manager.source_hits.push_back(
      {SourceCategory::kServiceBase, "ServiceHelper.cs", 5, "System.ServiceProcess"});
  EXPECT_FALSE(fires("background-service", manager));
}

TEST(BackgroundServiceRule, NamesTheServiceItsInstallerRegisters) {
  Application app = console_app();
  app.kind = AppKind::kService;
  app.service_name = "Contoso-Orders";
  EXPECT_NE(joined(evidence_of("background-service", app))
                .find("its installer names the service Contoso-Orders"),
            std::string::npos);
}

TEST(ScheduledTaskRule, FiresOnSchedulerLibrariesAndTaskKind) {
  EXPECT_FALSE(fires("scheduled-task", console_app()));
  Application app = console_app();
  ProjectFacts p;
  p.path = "Jobs.csproj";
  p.packages.push_back({"Quartz", "3.8.0"});
  app.projects.push_back(p);
  EXPECT_EQ(evidence_of("scheduled-task", app), Evidence{"Jobs.csproj: package Quartz 3.8.0"});
  Application task = console_app();
  task.kind = AppKind::kTask;
  EXPECT_TRUE(fires("scheduled-task", task));
}

TEST(EventLogRule, FiresOnEventLogEtwAndLogFiles) {
  EXPECT_FALSE(fires("event-log", console_app()));
  Application app = console_app();
  app.binaries[0].member_refs.push_back("System.Diagnostics.EventLog::WriteEntry");
  ConfigFacts c;
  c.path = "Tool.exe.config";
  c.log_paths.push_back("D:\\Logs\\tool.log");
  c.event_log_sources.push_back("OrderProcessor");
  app.configs.push_back(c);
  auto e = joined(evidence_of("event-log", app));
  EXPECT_NE(e.find("Tool.exe: calls System.Diagnostics.EventLog::WriteEntry"), std::string::npos)
      << e;
  EXPECT_NE(e.find("Tool.exe.config: log file D:\\Logs\\tool.log"), std::string::npos) << e;
  EXPECT_NE(e.find("writes to the Event Log as OrderProcessor"), std::string::npos) << e;
}

TEST(InteractiveConsoleRule, FiresOnAConsoleWaitInMainOfAHost) {
  EXPECT_FALSE(fires("interactive-console", console_app()));
  Application host = console_app();
  host.source_hits.push_back(test::rulefx::hit(SourceCategory::kConsoleWait, "Console.ReadLine("));
  Evidence ev = evidence_of("interactive-console", host);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_NE(ev[0].find("returns null at once"), std::string::npos);
  EXPECT_EQ(ev[1], "Program.cs:12: Console.ReadLine(");
  // A site has no Main of its own; a Windows service's console branch is a debug mode.
  Application site = test::rulefx::web_app();
  site.source_hits = host.source_hits;
  EXPECT_FALSE(fires("interactive-console", site));
  Application service = host;
  service.binaries[0].type_refs.push_back("System.ServiceProcess.ServiceBase");
  EXPECT_FALSE(fires("interactive-console", service));
}

TEST(EventLogRule, ALoggingFrameworksOwnEventLogCodeIsNoUse) {
  Application app = console_app();
  BinaryFacts log4net;
  log4net.path = "log4net.dll";
  log4net.is_dll = true;
  log4net.assembly_name = "log4net";
  log4net.member_refs.push_back("System.Diagnostics.EventLog::WriteEntry");
  app.binaries.push_back(log4net);
  EXPECT_FALSE(fires("event-log", app)) << "its configuration decides";
  ConfigFacts c;
  c.path = "Tool.exe.config";
  c.event_log_sources.push_back("Tool");
  app.configs.push_back(c);
  EXPECT_EQ(evidence_of("event-log", app),
            Evidence{"Tool.exe.config: writes to the Event Log as Tool"});
  app.binaries[0].member_refs.push_back("System.Diagnostics.EventLog::WriteEntry");
  EXPECT_EQ(evidence_of("event-log", app).front(),
            "Tool.exe: calls System.Diagnostics.EventLog::WriteEntry");
}

}  // namespace
}  // namespace liftshift
