#include "collect/platform_agents.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

ServiceInfo service(std::string name, std::string image) {
  ServiceInfo s;
  s.name = std::move(name);
  s.image_path = std::move(image);
  return s;
}

BinaryFacts version(std::string company, std::string product) {
  BinaryFacts b;
  b.company_name = std::move(company);
  b.product_name = std::move(product);
  return b;
}

// The version resource alone tells an agent whose service and folder names
// are the installer's choice (a licensing daemon, a renamed tools service).
TEST(PlatformAgents, TheVersionResourceTellsAnAgentWhateverItsName) {
  auto s = service("HostHelper", "\"D:\\Tools\\guest\\helper.exe\"");
  EXPECT_FALSE(platform_agent(s, nullptr));
  auto v = version("VMware, Inc.", "VMware Tools");
  auto agent = platform_agent(s, &v);
  ASSERT_TRUE(agent);
  EXPECT_EQ(agent->service, "HostHelper");  // the registry's name, not the program's
  EXPECT_EQ(agent->category, "hypervisor tools");
  EXPECT_EQ(agent->product, "VMware Tools");
  EXPECT_NE(agent->evidence.find("CompanyName 'VMware, Inc.'"), std::string::npos)
      << agent->evidence;
  auto backup = version("Veeam Software Group GmbH", "Veeam Agent for Microsoft Windows");
  EXPECT_EQ(
      platform_agent(service("VeeamEndpointBackupSvc", "C:\\Program Files\\Veeam\\x.exe"), &backup)
          ->category,
      "backup");
}

TEST(PlatformAgents, NameProgramAndFolderEntries) {
  auto lic = platform_agent(service("FLEXlm Service 1", "C:\\Flex\\lmgrd.exe -c lic.dat"), nullptr);
  ASSERT_TRUE(lic);
  EXPECT_EQ(lic->category, "licensing");
  EXPECT_EQ(lic->service, "FLEXlm Service 1");
  auto updater = platform_agent(
      service(
          "GoogleUpdaterService128.0.6537.0",
          "\"C:\\Program Files (x86)\\Google\\GoogleUpdater\\128.0.6537.0\\updater.exe\" --svc"),
      nullptr);
  ASSERT_TRUE(updater);
  EXPECT_EQ(updater->category, "updater");
  auto ssm = platform_agent(
      service("AmazonSSMAgent", "\"C:\\Program Files\\Amazon\\SSM\\amazon-ssm-agent.exe\""),
      nullptr);
  ASSERT_TRUE(ssm);
  EXPECT_EQ(ssm->category, "cloud guest agent");
  auto azure =
      platform_agent(service("WindowsAzureGuestAgent",
                             "C:\\WindowsAzure\\GuestAgent_2.7\\WindowsAzureGuestAgent.exe"),
                     nullptr);
  ASSERT_TRUE(azure);
  EXPECT_EQ(azure->category, "cloud guest agent");
}

// An application of the estate is never an agent, even one with a
// monitoring-sounding name or a vendor's version resource that is not listed;
// Windows' own services (System32) stay with Windows.
TEST(PlatformAgents, ApplicationsAndWindowsServicesAreNotAgents) {
  auto own = version("Contoso Ltd.", "Contoso Monitoring Agent");
  EXPECT_FALSE(platform_agent(service("ContosoMonitor", "C:\\Apps\\Monitor\\monitor.exe"), &own));
  auto fabrikam = version("Fabrikam Monitoring Inc.", "Fabrikam Monitoring Agent");
  EXPECT_FALSE(platform_agent(service("FabAgent", "C:\\Fab\\agent.exe"), &fabrikam));
  EXPECT_FALSE(platform_agent(
      service("vmicheartbeat", "%SystemRoot%\\system32\\svchost.exe -k ICService"), nullptr));
  EXPECT_FALSE(platform_agent(service("VMTools", ""), nullptr));
}

TEST(PlatformAgents, MicrosoftIsToldByTheVersionResource) {
  EXPECT_TRUE(microsoft_by_version(version("Microsoft Corporation", "")));
  EXPECT_FALSE(microsoft_by_version(version("Contoso (a Microsoft partner)", "")));
  EXPECT_FALSE(microsoft_by_version(version("", "Microsoft Visual Studio Tools")));
}

// The bundled server runs VMware Tools and Defender for Endpoint's Sense as
// native services (mingw-w64 programs with their products' version
// resources): both are agents, with their registry names, and neither is an
// application; Sense, under Program Files, is Microsoft's by its version
// resource.
TEST(PlatformAgents, TheSampleServersAgentsAreListedApartFromItsApplications) {
  auto path = (test::fixtures() / "servers" / "appsrv01").string();
  Inventory inv = collect({path});
  ASSERT_NE(inv.sources[0].machine, nullptr);
  const MachineFacts& m = *inv.sources[0].machine;
  ASSERT_EQ(m.agents.size(), 2u);  // in the registry's (alphabetical) order
  EXPECT_EQ(m.agents[0].service, "Sense");
  EXPECT_EQ(m.agents[0].category, "antivirus/EDR");
  EXPECT_NE(m.agents[0].evidence.find("CompanyName 'Microsoft Corporation'"), std::string::npos)
      << m.agents[0].evidence;
  EXPECT_EQ(m.agents[1].service, "VMTools");
  EXPECT_EQ(m.agents[1].category, "hypervisor tools");
  EXPECT_NE(m.agents[1].evidence.find("ProductName 'VMware Tools'"), std::string::npos)
      << m.agents[1].evidence;
  for (const auto& s : m.services) {
    if (s.name == "Sense") {
      EXPECT_TRUE(s.microsoft);
      EXPECT_TRUE(s.agent);
    }
  }
  for (const auto& a : inv.apps) {
    EXPECT_EQ(a.name.find("VMTools"), std::string::npos) << a.id;
    EXPECT_EQ(a.name.find("Sense"), std::string::npos) << a.id;
    EXPECT_EQ(a.entry.find("VMware"), std::string::npos) << a.id;
  }
}

TEST(PlatformAgents, TheReportsListAgentsApartAndDoNotCountThem) {
  auto server = (test::fixtures() / "servers" / "appsrv01").string();
  auto r = test::run_liftshift({"assess", "--format", "json", "--no-store", server});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["machine"]["agents"].size(), 2u) << j["machine"].dump();
  EXPECT_EQ(j["machine"]["agents"][1]["service"], "VMTools");
  EXPECT_EQ(j["machine"]["agents"][1]["product"], "VMware Tools");
  EXPECT_EQ(j["machine"]["agents"][1]["category"], "hypervisor tools");
  for (const auto& s : j["machine"]["services"]) EXPECT_NE(s["name"], "VMTools");
  EXPECT_EQ(j["apps"].size(), 6u);
  int counted = 0;
  for (const char* k : {"ready", "ready-with-changes", "not-a-candidate", "unknown"}) {
    counted += j["summary"][k].get<int>();
  }
  EXPECT_EQ(counted, 6);
  EXPECT_EQ(j["summary"]["apps"], 6);
  auto text = test::run_liftshift({"assess", "--no-store", server});
  EXPECT_NE(text.out.find("platform agent VMTools: VMware Tools (hypervisor tools), not an "
                          "application\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("platform agent Sense: Microsoft Defender for Endpoint (antivirus/EDR)"),
            std::string::npos);
}

}  // namespace
}  // namespace liftshift
