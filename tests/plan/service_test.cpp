// A Windows service installed as the server had it (plan/service.cpp).
#include <gtest/gtest.h>

#include <memory>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

const BuildStep* install_step(const AppPlan& p) {
  for (const auto& s : p.steps) {
    if (s.command.find("New-Service") != std::string::npos) return &s;
  }
  return nullptr;
}

bool warns(const AppPlan& p, const std::string& text) {
  for (const auto& w : p.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(PlanService, InstallsTheRegistrysNameDisplayNameStartTypeAndArguments) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  ServiceInfo s =
      test::service("OrdersSvc", R"("C:\Apps\Orders\orders.exe" -queue main)", "LocalSystem");
  s.display_name = "Contoso Orders";
  s.start = 2;
  s.depends_on = {"MSDTC"};
  f.app().service = s;
  AppPlan p = plan_app(f.assessment, options());
  const BuildStep* step = install_step(p);
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->command,
            "New-Service -Name 'OrdersSvc' -DisplayName 'Contoso Orders' -BinaryPathName "
            "'\"C:\\app\\orders.exe\" -queue main' -StartupType Automatic -DependsOn 'MSDTC'");
  EXPECT_EQ(p.entry_args, "OrdersSvc");
  EXPECT_TRUE(test::has_decision(p, "service"));
}

TEST(PlanService, BuiltInAccountsAreKeptDomainAccountsBecomeLocalSystemAndTheGmsa) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service = test::service("A", "C:\\A\\a.exe", "NT AUTHORITY\\NetworkService");
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_NE(install_step(p), nullptr);
  EXPECT_NE(install_step(p)->command.find(
                "-Credential (New-Object System.Management.Automation.PSCredential('NT "
                "AUTHORITY\\NetworkService', (New-Object System.Security.SecureString)))"),
            std::string::npos);

  AppFixture d(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  d.app().service = test::service("B", "C:\\B\\b.exe", "CONTOSO\\svc_b");
  AppPlan q = plan_app(d.assessment, options());
  EXPECT_EQ(install_step(q)->command.find("-Credential"), std::string::npos);
  EXPECT_TRUE(warns(q, "runs as LocalSystem in the container and reaches the network as the gMSA"));
  EXPECT_TRUE(warns(q, "must be granted what CONTOSO\\svc_b was granted"));
}

TEST(PlanService, ADisabledServiceIsInstalledManualAndSaysSo) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service = test::service("Old", "C:\\Old\\old.exe", "LocalSystem");
  f.app().service->start = 4;
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_NE(install_step(p)->command.find("-StartupType Manual"), std::string::npos);
  EXPECT_TRUE(warns(p, "disabled on the server"));
}

TEST(PlanService, DependenciesOnOtherApplicationsAreLeftOut) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  auto m = std::make_shared<MachineFacts>();
  ServiceInfo other = test::service("ContosoCache", "C:\\Cache\\cache.exe", "LocalSystem");
  ServiceInfo rpc = test::service("RpcSs", "C:\\Windows\\system32\\svchost.exe -k rpcss", "");
  rpc.microsoft = true;
  m->services = {other, rpc};
  f.app().machine = m;
  f.app().service = test::service("Web", "C:\\W\\w.exe", "LocalSystem");
  f.app().service->depends_on = {"ContosoCache", "RpcSs", "MSSQL$SQLEXPRESS"};
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_NE(install_step(p)->command.find("-DependsOn 'RpcSs'"), std::string::npos);
  EXPECT_EQ(install_step(p)->command.find("ContosoCache"), std::string::npos);
  EXPECT_TRUE(warns(p, "depended on ContosoCache"));
  EXPECT_TRUE(warns(p, "depended on MSSQL$SQLEXPRESS"));
}

TEST(PlanService, TheInstallersNameFromASourceTree) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service_name = "Contoso Orders";
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.service_name, "Contoso Orders");
  EXPECT_EQ(p.entry_args, "\"Contoso Orders\"");  // one argument for ServiceMonitor
  EXPECT_FALSE(warns(p, "comes from the executable's name"));
}

// A source tree's service as its installer registers it: display name,
// start type, a built-in account, and its dependencies less a database.
TEST(PlanService, TheInstallersSettingsFromASourceTree) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service_name = "ContosoOrders";
  ServiceInfo installer;
  installer.display_name = "Contoso Orders";
  installer.account = "NT AUTHORITY\\LocalService";
  installer.start = 2;
  installer.depends_on = {"MSMQ", "MSSQLSERVER"};
  f.app().installer = installer;
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_NE(install_step(p), nullptr);
  EXPECT_EQ(
      install_step(p)->command,
      "New-Service -Name 'ContosoOrders' -DisplayName 'Contoso Orders' -BinaryPathName "
      "'\"" +
          p.app_exe +
          "\"' -StartupType Automatic -Credential (New-Object "
          "System.Management.Automation.PSCredential('NT AUTHORITY\\LocalService', (New-Object "
          "System.Security.SecureString))) -DependsOn 'MSMQ'");
  EXPECT_TRUE(warns(p, "depended on MSSQLSERVER"));
  const Decision* d = nullptr;
  for (const auto& x : p.decisions) {
    if (x.topic == "service") d = &x;
  }
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->choice, "ContosoOrders (Automatic, NT AUTHORITY\\LocalService)");
  EXPECT_NE(d->reason.find("display name, start type, account and dependencies the installer"),
            std::string::npos)
      << d->reason;

  AppFixture u(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  u.app().service_name = "Tool";
  u.app().installer = ServiceInfo{};
  u.app().installer->account = "User";
  AppPlan q = plan_app(u.assessment, options());
  EXPECT_EQ(install_step(q)->command.find("-Credential"), std::string::npos);
  EXPECT_TRUE(warns(q, "the project's installer asks for a user account at install"));
}

TEST(PlanService, TheProbesAskForTheServicesStatus) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service = test::service("Orders", "C:\\O\\o.exe", "LocalSystem");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.health_command,
            (std::vector<std::string>{
                "powershell", "-NoProfile", "-Command",
                "if ((Get-Service -Name 'Orders').Status -ne 'Running') { exit 1 }"}));
  EXPECT_TRUE(test::has_decision(p, "health"));
}

}  // namespace
}  // namespace liftshift
