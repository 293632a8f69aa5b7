// Entrypoint, user, logging, storage, configuration, scale, schedule and
// identity decisions.
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

TEST(PlanRuntime, IisRunsServiceMonitorAsAdministratorWithLogMonitor) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_exe, "C:\\ServiceMonitor.exe");
  EXPECT_EQ(p.entry_args, "w3svc");
  EXPECT_FALSE(p.download_service_monitor) << "the aspnet image carries it";
  EXPECT_EQ(p.user, "ContainerAdministrator");
  EXPECT_TRUE(p.log_monitor.used) << "IIS logs";
  EXPECT_EQ(p.log_monitor.providers.size(), 2u);
  EXPECT_TRUE(p.web);
}

TEST(PlanRuntime, ServiceGetsAForegroundProcessThatStartsAndWatchesIt) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("background-service");
  f.app().service = test::service("Orders", "\"C:\\Apps\\Orders\\orders.exe\" -k", "LocalSystem");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_kind, EntryKind::kService);
  EXPECT_EQ(p.entry_exe, "C:\\ServiceMonitor.exe");
  EXPECT_EQ(p.entry_args, "Orders");
  EXPECT_EQ(p.app_exe, "C:\\app\\orders.exe");
  EXPECT_TRUE(p.download_service_monitor);
  EXPECT_EQ(p.user, "ContainerAdministrator");
  ASSERT_FALSE(p.steps.empty());
  EXPECT_NE(p.steps[0].command.find("New-Service -Name 'Orders'"), std::string::npos);
}

TEST(PlanRuntime, ConsoleRunsAsContainerUserWithoutLogMonitor) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_exe, "C:\\app\\App.exe");
  EXPECT_EQ(p.user, "ContainerUser");
  EXPECT_FALSE(p.log_monitor.used);
  EXPECT_FALSE(p.web);
  EXPECT_FALSE(p.autoscale);
}

// NLog's ${basedir} and relative log4net/NLog paths are the application's
// folder in the image; a layout in the file name is a wildcard, in a folder
// the watch starts above it.
TEST(PlanRuntime, RelativeAndLayoutLogPathsAreFoldersOfTheImage) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.finding("event-log");
  f.assessment.results.logs.files = {"${basedir}/logs/app-${shortdate}.log",
                                     "App_Data/Logs/orchard-debug",
                                     "C:\\Logs\\${date:format=yyyy}\\app.log"};
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_TRUE(p.log_monitor.used);
  ASSERT_EQ(p.log_monitor.folders.size(), 3u);
  EXPECT_EQ(p.log_monitor.folders[0].directory, "C:\\app\\logs");
  EXPECT_EQ(p.log_monitor.folders[0].filter, "app-*");
  EXPECT_EQ(p.log_monitor.folders[1].directory, "C:\\app\\App_Data\\Logs");
  EXPECT_EQ(p.log_monitor.folders[1].filter, "orchard-debug*");
  EXPECT_EQ(p.log_monitor.folders[2].directory, "C:\\Logs");
  EXPECT_EQ(p.log_monitor.folders[2].filter, "*");
  EXPECT_TRUE(p.log_monitor.folders[2].include_subdirectories);
}

TEST(PlanRuntime, LogFilesOnOtherDrivesMoveToCAndGoThroughLogMonitor) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.finding("event-log");
  f.assessment.results.logs.files = {"D:\\Logs\\App\\app.log"};  // what the rule found
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_TRUE(p.log_monitor.used);
  ASSERT_EQ(p.log_monitor.folders.size(), 1u);
  EXPECT_EQ(p.log_monitor.folders[0].directory, "C:\\Logs\\App");
  EXPECT_EQ(p.log_monitor.folders[0].filter, "app.log*");
}

TEST(PlanRuntime, ScheduledTaskBecomesACronJob) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = test::task("C:\\Tools\\export.exe", "/all", "0 2 * * *");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_kind, EntryKind::kTask);
  EXPECT_EQ(p.schedule, "0 2 * * *");
  EXPECT_EQ(p.app_exe, "C:\\app\\export.exe");
  EXPECT_EQ(p.entry_args, "/all");
  EXPECT_TRUE(test::has_decision(p, "schedule"));
}

TEST(PlanRuntime, ScaleOutStateMeansNoAutoscalingAndSaysWhy) {
  AppFixture stateless(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  EXPECT_TRUE(plan_app(stateless.assessment, options()).autoscale);
  AppFixture stateful(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  stateful.finding("scale-out-state");
  AppPlan p = plan_app(stateful.assessment, options());
  EXPECT_FALSE(p.autoscale);
  bool said = false;
  for (const auto& d : p.decisions)
    said = said || (d.topic == "scale" && d.reason.find("scale-out-state") != std::string::npos);
  EXPECT_TRUE(said);
}

TEST(PlanRuntime, StateFoldersBecomeVolumesInsideTheSite) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state");
  f.assessment.results.state_folders = {{"App/App_Data", "ASP.NET App_Data folder", false},
                                        {"App/App_Data/uploads", "upload folder", false}};
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u) << "the nested folder is on the same volume";
  EXPECT_EQ(p.volumes[0].container_path, "C:\\inetpub\\wwwroot\\App_Data");
  EXPECT_EQ(p.volumes[0].name, "app-data");
}

TEST(PlanRuntime, IisVirtualDirectoriesOnOtherDrivesBecomeVolumesAndAreRecreated) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("drive-path");
  IisInfo iis;
  iis.site = "Contoso Web";
  iis.app_path = "/";
  iis.physical_path = "C:\\inetpub\\ContosoWeb";
  iis.virtual_dirs = {{"/catalog", "E:\\Shared\\Catalog", ""},
                      {"/media", "\\\\fs01\\media$", "CONTOSO\\svc_media"},
                      {"/docs", "C:\\Docs", ""},
                      {"/odd", "E:\\x'; Remove-Item -Recurse C:\\ #", ""}};
  f.app().iis = iis;
  AppPlan p = plan_app(f.assessment, options());

  // /odd names no folder Windows takes as it is (a ':' inside a name): it is
  // still recreated, quoted, but gets no volume.
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].container_path, "C:\\Shared\\Catalog");
  EXPECT_NE(p.volumes[0].reason.find("was served from E:\\Shared\\Catalog"), std::string::npos);
  std::vector<std::string> vdirs;
  for (const auto& step : p.steps) {
    if (step.command.find("appcmd.exe add vdir") != std::string::npos)
      vdirs.push_back(step.command);
  }
  ASSERT_EQ(vdirs.size(), 3u) << "/catalog, /docs and /odd; not the share";
  // In the server's site (recreated by its name), every value a single-quoted literal.
  EXPECT_EQ(vdirs[0],
            "New-Item -ItemType Directory -Force -Path 'C:\\Shared\\Catalog' | Out-Null; & "
            "$env:windir\\System32\\inetsrv\\appcmd.exe add vdir '/app.name:Contoso Web/' "
            "'/path:/catalog' '/physicalPath:C:\\Shared\\Catalog'; if ($LASTEXITCODE -ne 0) { "
            "throw ('appcmd failed: ' + $LASTEXITCODE) }");
  // A quote in the configuration is doubled: the text stays inside the literal.
  EXPECT_NE(vdirs[2].find("'/physicalPath:C:\\x''; Remove-Item -Recurse C:\\ #'"),
            std::string::npos)
      << vdirs[2];
  std::string warnings;
  for (const auto& w : p.warnings) warnings += w + "\n";
  EXPECT_NE(warnings.find("/media of site 'Contoso Web' is the share \\\\fs01\\media$, reached as "
                          "CONTOSO\\svc_media with a stored password"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("/docs of site 'Contoso Web' is served from C:\\Docs, outside"),
            std::string::npos)
      << warnings;
}

TEST(PlanRuntime, SecretsAreNamedNeverCopied) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("connection-string");
  ConfigFacts c;
  c.path = "App/Web.config";
  ConnectionStringFacts secret;
  secret.name = "Db";
  secret.masked = "Server=db;User ID=app;Password=***";
  secret.had_secret = true;
  ConnectionStringFacts open;
  open.name = "Reports";
  open.masked = "Server=rpt;Integrated Security=SSPI";
  c.connection_strings = {secret, open};
  c.app_settings = {{"SmtpPassword", "***"}, {"Mode", "fast"}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.secrets.size(), 2u);
  EXPECT_EQ(p.secrets[0].key, "ConnectionStrings__Db");
  EXPECT_EQ(p.secrets[0].file, "connectionStrings.config");
  EXPECT_EQ(p.secrets[1].key, "AppSettings__SmtpPassword");
  EXPECT_EQ(p.secrets[1].file, "appSettings.secret.config");
  EXPECT_TRUE(p.config.empty()) << "Reports moves with its section: no variable nobody reads";
}

TEST(PlanRuntime, AdDependentGetsAGmsaNamedAfterTheServiceAccount) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("ad-dependent");
  f.app().service = test::service("Orders", "C:\\Apps\\orders.exe", "CONTOSO\\svc_orders$");
  f.assessment.results.identity.domain_accounts = {"CONTOSO\\svc_orders$"};
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.gmsa);
  EXPECT_EQ(p.gmsa_account, "svc_orders");
}

TEST(PlanRuntime, MsmqEnablesTheFeaturePortsQueueVolumeAndHostname) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("msmq", Severity::kChange,
            {"references System.Messaging", "scenario: private transactional"});
  f.assessment.results.msmq =
      MsmqUse{"scenario: private transactional", {".\\private$\\orders"}, true};
  f.finding("msdtc");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.msmq);
  EXPECT_NE(p.steps[0].command.find("MSMQ-Server"), std::string::npos);
  bool port1801 = false;
  bool port135 = false;
  for (const auto& port : p.ports) {
    port1801 = port1801 || port.port == 1801;
    port135 = port135 || port.port == 135;
  }
  EXPECT_TRUE(port1801);
  EXPECT_TRUE(port135);
  ASSERT_FALSE(p.volumes.empty());
  EXPECT_EQ(p.volumes.back().container_path, "C:\\msmq");
  EXPECT_FALSE(p.volumes.back().shared);
  EXPECT_EQ(p.hostname, p.k8s_name);
  EXPECT_FALSE(p.autoscale);
}

TEST(PlanRuntime, NotACandidateGetsOnlyItsBlockersWithTheWorkaround) {
  AppFixture f(AppKind::kDesktop, FrameworkKind::kNetFx, "3.5");
  f.finding("gui-desktop", Severity::kBlocker, {"App/App.exe: subsystem Windows GUI"});
  f.finding("drive-path");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.blocked);
  ASSERT_EQ(p.blockers.size(), 1u);
  EXPECT_EQ(p.blockers[0].rule, "gui-desktop");
  EXPECT_EQ(p.blockers[0].workaround, "gui-desktop remediation");
  EXPECT_TRUE(p.base_image.empty());
  EXPECT_EQ(p.to_fix.size(), 1u);
}

TEST(PlanRuntime, NamesAreSafeAndUnique) {
  AppFixture a(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  a.app().id = "../../etc/passwd";
  a.app().name = "Contoso.Tool";
  AppFixture b(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  b.app().id = "..\\..\\etc\\passwd";
  b.app().name = "Contoso Tool";
  Assessment as;
  as.apps = {a.assessment, b.assessment};
  Plan plan = make_plan(as, options());
  ASSERT_EQ(plan.apps.size(), 2u);
  EXPECT_EQ(plan.apps[0].folder, "etc-passwd");
  EXPECT_EQ(plan.apps[1].folder, "etc-passwd-2");
  EXPECT_EQ(plan.apps[0].k8s_name, "contoso-tool");
  EXPECT_EQ(plan.apps[1].k8s_name, "contoso-tool-2");
}

}  // namespace
}  // namespace liftshift
