#include "collect/machine_collector.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/rule_ids.hpp"
#include "rules/engine.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::vector<std::string> role_names(const MachineFacts& m) {
  std::vector<std::string> out;
  for (const auto& r : m.roles) out.push_back(r.name);
  std::sort(out.begin(), out.end());
  return out;
}

const ServiceInfo* service(const MachineFacts& m, std::string_view name) {
  for (const auto& s : m.services) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

TEST(MachineCollector, ReadsTheWindows2012R2ApplicationServer) {
  DirectoryVolume drive(test::fixtures() / "servers" / "appsrv01");
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(problems.empty()) << problems[0].message;
  EXPECT_EQ(m->computer_name, "APPSRV01");
  EXPECT_EQ(m->domain, "contoso.local");
  EXPECT_EQ(m->os_name, "Windows Server 2012 R2 Standard");
  EXPECT_EQ(m->version, "6.3");
  EXPECT_EQ(m->build, "9600");
  EXPECT_EQ(m->ubr, "19507");
  EXPECT_EQ(m->edition, "ServerStandard");
  EXPECT_EQ(m->installation_type, "Server");
  EXPECT_EQ(m->control_set, "ControlSet001");
  EXPECT_EQ(m->dotnet_runtimes, (std::vector<std::string>{"2.0", "3.5", "4.5.2"}));
  EXPECT_EQ(m->iis_version, "8.5");
  EXPECT_TRUE(m->msmq_installed);
  EXPECT_TRUE(m->msmq_workgroup);
  EXPECT_EQ(m->msmq_queues.size(), 2u);
  EXPECT_TRUE(m->msdtc_network_access);
  auto roles = role_names(*m);
  EXPECT_NE(std::find(roles.begin(), roles.end(), "Web-Server"), roles.end());
  EXPECT_NE(std::find(roles.begin(), roles.end(), "MSMQ-Server"), roles.end());
  const ServiceInfo* orders = service(*m, "OrderProcessor");
  ASSERT_NE(orders, nullptr);
  EXPECT_FALSE(orders->microsoft);
  EXPECT_EQ(orders->account, "CONTOSO\\svc_orders");
  EXPECT_EQ(orders->start, 2);
  EXPECT_EQ(orders->depends_on, (std::vector<std::string>{"MSMQ", "MSDTC"}));
  ASSERT_NE(service(*m, "W3SVC"), nullptr);
  EXPECT_TRUE(service(*m, "W3SVC")->microsoft);
  ASSERT_EQ(m->ssl_certificates.size(), 1u);
  EXPECT_EQ(m->ssl_certificates[0].first, "www.contoso.local:443");
  EXPECT_EQ(m->ssl_certificates[0].second, "3FA19C5E2207B4D1680E7C419B2A55C3E8106DF2");
  EXPECT_EQ(m->url_reservations,
            (std::vector<std::string>{"http://+:80/Temporary_Listen_Addresses/",
                                      "http://+:5985/wsman/"}));
  ASSERT_EQ(m->programs.size(), 2u);  // the hidden Visual C++ runtime is left out
  EXPECT_EQ(m->programs[1].name, "Contoso Inventory Tool");
  EXPECT_EQ(m->programs[1].install_location, "C:\\Program Files (x86)\\Contoso\\InventoryTool");
}

TEST(MachineCollector, RecognisesTheDomainController) {
  DirectoryVolume drive(test::fixtures() / "servers" / "dc01");
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_TRUE(m.has_value());
  auto roles = role_names(*m);
  for (const char* r : {"AD-Domain-Services", "DHCP", "DNS", "FS-FileServer"}) {
    EXPECT_NE(std::find(roles.begin(), roles.end(), r), roles.end()) << r;
  }
  EXPECT_EQ(m->shares, std::vector<std::string>{"Public"});  // NETLOGON and SYSVOL are the DC's own
  EXPECT_EQ(m->build, "14393");
  // Server 2016 keeps CurrentVersion at 6.3; CurrentMajor/MinorVersionNumber say 10.0.
  EXPECT_EQ(m->version, "10.0");
  EXPECT_EQ(m->installation_type, "Server");
}

// A real Windows 10 SYSTEM hive (regipy's 1709) without its SOFTWARE hive:
// ProductOptions ProductType=WinNT alone says it is a client OS.
TEST(MachineCollector, ProductTypeWinNTIsAClientEvenWithoutSoftware) {
  test::TempDir dir;
  auto config = dir.path() / "Windows" / "System32" / "config";
  std::filesystem::create_directories(config);
  std::filesystem::copy_file(test::shared_hives() / "regipy-SYSTEM_WIN_10_1709", config / "SYSTEM");
  DirectoryVolume drive(dir.path());
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->installation_type, "Client");
  Evidence legacy;
  for (const auto& rule : machine_rule_table()) {
    if (rule.id == rule_id::kOsLegacy) legacy = rule.check(*m);
  }
  ASSERT_EQ(legacy.size(), 1u);
  EXPECT_NE(legacy[0].find("a client operating system"), std::string::npos) << legacy[0];
}

TEST(MachineCollector, RecognisesTheNt4Server) {
  test::TempDir dir;
  auto config = dir.path() / "WINNT" / "system32" / "config";
  std::filesystem::create_directories(config);
  std::filesystem::copy_file(test::shared_fixtures() / "hives/nt4-server-system.hive",
                             config / "SYSTEM");
  std::filesystem::copy_file(test::shared_fixtures() / "hives/nt4-server-software.hive",
                             config / "SOFTWARE");
  // NT 4.0 lived in C:\WINNT; the volume is read case-insensitively, so a Windows folder is needed.
  std::filesystem::rename(dir.path() / "WINNT", dir.path() / "Windows");
  DirectoryVolume drive(dir.path());
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->build, "1381");
  EXPECT_EQ(m->os_name, "Windows NT 4.0 Server");
  EXPECT_EQ(m->installation_type, "Server");
  EXPECT_EQ(m->csd_version, "Service Pack 3");
  auto roles = role_names(*m);
  EXPECT_NE(std::find(roles.begin(), roles.end(), "AD-Domain-Services"), roles.end());
}

TEST(MachineCollector, ListsTheWindows7ServicesWithW3svc) {
  test::TempDir dir;
  auto config = dir.path() / "Windows" / "System32" / "config";
  std::filesystem::create_directories(config);
  std::filesystem::copy_file(test::shared_hives() / "regipy-SYSTEM", config / "SYSTEM");
  DirectoryVolume drive(dir.path());
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_TRUE(m.has_value());
  const ServiceInfo* w3svc = service(*m, "W3SVC");
  ASSERT_NE(w3svc, nullptr);
  EXPECT_EQ(w3svc->type, "unknown (no Type value)");
  EXPECT_GT(m->services.size(), 100u);
  for (const auto& r : m->roles) EXPECT_NE(r.name, "Web-Server") << "a leftover key is no role";
  ASSERT_EQ(problems.size(), 1u);  // only SYSTEM was copied
  EXPECT_EQ(problems[0].message, "registry hive not found");
}

TEST(MachineCollector, CorruptedSystemHiveIsAClearProblem) {
  test::TempDir dir;
  auto config = dir.path() / "Windows" / "System32" / "config";
  std::filesystem::create_directories(config);
  std::filesystem::copy_file(test::shared_hives() / "regipy-corrupted_system_hive",
                             config / "SYSTEM");
  DirectoryVolume drive(dir.path());
  std::vector<Problem> problems;
  auto m = collect_machine(drive, problems);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].path, "Windows/System32/config/SYSTEM");
  EXPECT_NE(problems[0].message.find("damaged"), std::string::npos) << problems[0].message;
}

TEST(MachineCollector, NetfxReleaseTable) {
  EXPECT_EQ(netfx_version_from_release(528040), "4.8");
  EXPECT_EQ(netfx_version_from_release(528049), "4.8");
  EXPECT_EQ(netfx_version_from_release(533320), "4.8.1");
  EXPECT_EQ(netfx_version_from_release(379893), "4.5.2");
  EXPECT_EQ(netfx_version_from_release(378389), "4.5");
  EXPECT_EQ(netfx_version_from_release(1000), "");
}

TEST(MachineCollector, ExecutableOfACommandLine) {
  EXPECT_EQ(executable_of("\"C:\\Program Files\\App\\svc.exe\" -service"),
            "C:\\Program Files\\App\\svc.exe");
  EXPECT_EQ(executable_of("C:\\Program Files\\App\\svc.exe -k x"),
            "C:\\Program Files\\App\\svc.exe");
  EXPECT_EQ(executable_of("%SystemRoot%\\system32\\svchost.exe -k netsvcs"),
            "C:\\Windows\\system32\\svchost.exe");
  EXPECT_EQ(executable_of("\\??\\C:\\Drivers\\x.exe"), "C:\\Drivers\\x.exe");
  ServiceInfo s;
  s.image_path = "C:\\Program Files\\Microsoft SQL Server\\MSSQL\\Binn\\sqlservr.exe -sMSSQLSERVER";
  EXPECT_TRUE(is_microsoft_service(s));
  s.image_path = "D:\\Apps\\orders.exe";
  EXPECT_FALSE(is_microsoft_service(s));
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

MachineFacts collect_hostile(const std::string& drive, std::vector<Problem>& problems) {
  DirectoryVolume volume(test::fixtures() / "hives" / drive);
  auto m = collect_machine(volume, problems);
  return m.value_or(MachineFacts{});
}

TEST(MachineCollector, ASubkeyLoopNeitherHangsNorRepeats) {
  std::vector<Problem> problems;
  MachineFacts m = collect_hostile("loop-drive", problems);
  // Services -> Evil -> (Services' list) -> Evil ...: only the Services level is read,
  // so each key is listed once (Evil, having no Type, as a leftover key).
  ASSERT_EQ(m.services.size(), 2u);
  EXPECT_EQ(m.services[0].name, "Evil");
  EXPECT_EQ(m.services[0].type, "unknown (no Type value)");
  EXPECT_EQ(m.services[1].name, "OrdersSvc");
}

TEST(MachineCollector, AnAbsurdSubkeyCountIsAProblemNotACrash) {
  std::vector<Problem> problems;
  MachineFacts m = collect_hostile("counts-drive", problems);
  EXPECT_TRUE(m.services.empty());
  bool said = false;
  for (const auto& p : problems)
    said = said || p.message.find("cannot list ControlSet001\\Services") == 0;
  EXPECT_TRUE(said);
}

TEST(MachineCollector, ATruncatedHiveIsAClearError) {
  std::vector<Problem> problems;
  DirectoryVolume volume(test::fixtures() / "hives" / "truncated-drive");
  EXPECT_FALSE(collect_machine(volume, problems).has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "Windows/System32/config/SYSTEM");
  EXPECT_NE(problems[0].message.find("damaged registry hive that cannot be read"),
            std::string::npos)
      << problems[0].message;
}

}  // namespace
}  // namespace liftshift
