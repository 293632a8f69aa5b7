#include <gtest/gtest.h>

#include <stdexcept>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::joined;

const MachineRuleEntry& entry(std::string_view id) {
  for (const auto& e : machine_rule_table()) {
    if (e.id == id) return e;
  }
  throw std::logic_error("no machine rule " + std::string(id));
}

Evidence machine_evidence(std::string_view id, const MachineFacts& m) { return entry(id).check(m); }

Evidence dependents(std::string_view id, const Application& app, const MachineFacts& m) {
  return entry(id).dependents(app, m);
}

MachineFacts server2019() {
  MachineFacts m;
  m.computer_name = "APP01";
  m.os_name = "Windows Server 2019 Standard";
  m.build = "17763";
  m.installation_type = "Server";
  return m;
}

Application service_app(std::vector<std::string> depends_on) {
  Application app = test::rulefx::console_app();
  app.service = ServiceInfo{};
  app.service->name = "Sync";
  app.service->depends_on = std::move(depends_on);
  return app;
}

TEST(AdDsRoleRule, FiresOnDomainControllersAndMarksOnlyDependentApps) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("ad-ds-role", m).empty());
  m.roles.push_back({"AD-Domain-Services", "service NTDS"});
  EXPECT_EQ(machine_evidence("ad-ds-role", m), Evidence{"AD-Domain-Services: service NTDS"});
  EXPECT_EQ(dependents("ad-ds-role", service_app({"NTDS"}), m),
            Evidence{"service Sync depends on NTDS"});
  EXPECT_TRUE(dependents("ad-ds-role", service_app({"MSMQ"}), m).empty());
  EXPECT_TRUE(dependents("ad-ds-role", test::rulefx::web_app(), m).empty());
}

TEST(InfrastructureRoleRule, FiresOnDhcpAndSharesAndMarksShareUsers) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("infrastructure-role", m).empty());
  m.roles.push_back({"DHCP", "service DHCPServer"});
  m.roles.push_back({"FS-FileServer", "Shares: Public"});
  m.shares = {"Public"};
  EXPECT_EQ(machine_evidence("infrastructure-role", m).size(), 2u);
  Application app = test::rulefx::web_app();
  app.configs[0].drive_paths.push_back("\\\\APP01\\Public\\in");
  EXPECT_NE(
      joined(dependents("infrastructure-role", app, m)).find("uses this server's share Public"),
      std::string::npos);
  EXPECT_TRUE(dependents("infrastructure-role", test::rulefx::web_app(), m).empty());
}

TEST(DnsRoleRule, FiresOnTheDnsRole) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("dns-role", m).empty());
  m.roles.push_back({"DNS", "service DNS"});
  EXPECT_FALSE(machine_evidence("dns-role", m).empty());
  EXPECT_FALSE(dependents("dns-role", service_app({"DNS"}), m).empty());
}

TEST(RdsRoleRule, FiresOnSessionHostsAndMarksDesktopPrograms) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("rds-role", m).empty());
  m.roles.push_back({"RDS-RD-Server", "InstallState=1"});
  EXPECT_FALSE(machine_evidence("rds-role", m).empty());
  Application desktop = test::rulefx::console_app();
  desktop.kind = AppKind::kDesktop;
  EXPECT_FALSE(dependents("rds-role", desktop, m).empty());
  EXPECT_TRUE(dependents("rds-role", test::rulefx::web_app(), m).empty());
}

TEST(OsLegacyRule, FiresBelow2016AndOnClients) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("os-legacy", m).empty());
  m.build = "14393";
  EXPECT_TRUE(machine_evidence("os-legacy", m).empty());
  m.os_name = "Windows Server 2012 R2 Standard";
  m.build = "9600";
  EXPECT_EQ(machine_evidence("os-legacy", m),
            Evidence{"Windows Server 2012 R2 Standard (build 9600): older than Windows Server 2016 "
                     "(build 14393)"});
  MachineFacts client = server2019();
  client.installation_type = "Client";
  EXPECT_FALSE(machine_evidence("os-legacy", client).empty());
  EXPECT_FALSE(dependents("os-legacy", test::rulefx::web_app(), m)
                   .empty());  // every app needs compat testing
}

TEST(DatabaseServerRule, FiresOnDatabaseEnginesAndMarksLocalUsers) {
  MachineFacts m = server2019();
  EXPECT_TRUE(machine_evidence("database-server", m).empty());
  m.roles.push_back({"SQL Server", "service MSSQLSERVER"});
  EXPECT_FALSE(machine_evidence("database-server", m).empty());
  Application local = test::rulefx::web_app();
  ConnectionStringFacts cs;
  cs.name = "Main";
  cs.server = ".\\SQLEXPRESS";
  local.configs[0].connection_strings.push_back(cs);
  EXPECT_EQ(dependents("database-server", local, m),
            Evidence{"web.config: connection string 'Main' uses the local server .\\SQLEXPRESS"});
  Application remote = test::rulefx::web_app();
  cs.server = "sql01.contoso.local";
  remote.configs[0].connection_strings.push_back(cs);
  EXPECT_TRUE(dependents("database-server", remote, m).empty());
}

TEST(MachineRules, BlockersReachOnlyTheDependentAppsInTheAssessment) {
  auto m = std::make_shared<MachineFacts>(server2019());
  m->roles.push_back({"AD-Domain-Services", "service NTDS"});
  Inventory inv;
  Source source;
  source.path = "dc";
  source.kind = SourceKind::kSystemDrive;
  source.machine = m;
  inv.sources.push_back(source);
  Application dependent = service_app({"NTDS"});
  dependent.machine = m;
  Application unrelated = test::rulefx::web_app();
  unrelated.machine = m;
  inv.apps = {dependent, unrelated};
  Assessment a = assess(inv);
  ASSERT_EQ(a.machines.size(), 1u);
  EXPECT_EQ(a.machines[0].findings[0].rule, "ad-ds-role");
  EXPECT_EQ(a.apps[0].verdict, Verdict::kNotACandidate);
  EXPECT_EQ(a.apps[0].findings[0].rule, "ad-ds-role");
  // The unrelated app keeps only its own findings (its explicit machineKey is a secret).
  EXPECT_NE(a.apps[1].verdict, Verdict::kNotACandidate);
  for (const auto& f : a.apps[1].findings) EXPECT_NE(f.rule, "ad-ds-role");
}

}  // namespace
}  // namespace liftshift
