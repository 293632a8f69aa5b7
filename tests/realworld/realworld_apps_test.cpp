// What the real projects' applications are, and of which kind
// (../shared/realworld/README.md: the Orchard, SambaPOS-3, IPCSamples,
// particular-msmq-bridge and quartznet-2.x statements about applications).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "realworld/realworld_support.hpp"
#include "test_support.hpp"

namespace liftshift::test {
namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// Orchard: one application, the site src/Orchard.Web.
TEST(RealworldApps, OrchardIsOneWebApplicationTheSite) {
  const auto& doc = realworld_assessment("Orchard");
  EXPECT_EQ(app_names(doc), std::vector<std::string>{"Orchard.Web"}) << joined(app_names(doc));
  const auto& site = app_named(doc, "Orchard.Web");
  EXPECT_EQ(site.value("kind", ""), "web");
  EXPECT_EQ(site.value("entry", ""), "src/Orchard.Web/Orchard.Web.csproj");
}

// Orchard: the modules and themes under Orchard.Web, Orchard.Core, and the
// command-line tool src/Tools/Orchard that the site references ship in the
// site: no application of their own, and what they do is the site's.
TEST(RealworldApps, OrchardModulesThemesAndTheToolShipInsideTheSite) {
  const auto& doc = realworld_assessment("Orchard");
  for (const auto& a : doc.value("apps", nlohmann::json::array())) {
    std::string entry = a.value("entry", "");
    EXPECT_EQ(entry.find("/Modules/"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("/Themes/"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("src/Tools/"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("Orchard.Core"), std::string::npos) << entry;
  }
  // A module's code is the site's: the Redis module's evidence is on the site.
  const auto& site = app_named(doc, "Orchard.Web");
  bool module_evidence = false;
  for (const auto& f : site.value("findings", nlohmann::json::array())) {
    for (const auto& e : f.value("evidence", nlohmann::json::array())) {
      module_evidence =
          module_evidence ||
          (e.is_string() && e.get<std::string>().find("Orchard.Web/Modules/") == 0) ||
          (e.is_string() && e.get<std::string>().find("src/Orchard.Web/Modules/") == 0);
    }
  }
  EXPECT_TRUE(module_evidence);
}

// SambaPOS-3: the WinForms programs that manage the service with
// ServiceController are desktop programs with the gui-desktop blocker.
TEST(RealworldApps, SambaPosServiceManagersAreDesktopPrograms) {
  const auto& doc = realworld_assessment("SambaPOS-3");
  for (const char* name : {"Samba.MessagingServer", "Samba.MessagingServerServiceTool"}) {
    const auto& app = app_named(doc, name);
    EXPECT_EQ(app.value("kind", ""), "desktop") << name;
    EXPECT_TRUE(has_rule(app, "gui-desktop")) << name;
    EXPECT_FALSE(has_rule(app, "background-service")) << name;
    EXPECT_NE(joined(evidence_of(app, "gui-desktop")).find("Program.cs:"), std::string::npos)
        << "the evidence names Main's Application.Run: " << joined(evidence_of(app, "gui-desktop"));
  }
}

// SambaPOS-3: the Windows service is named by its installer.
TEST(RealworldApps, SambaPosWindowsServiceIsNamedByItsInstaller) {
  const auto& app =
      app_named(realworld_assessment("SambaPOS-3"), "Samba.MessagingServer.WindowsService");
  EXPECT_EQ(app.value("kind", ""), "service");
  ASSERT_TRUE(app.contains("service"));
  EXPECT_EQ(app["service"].value("name", ""), "SambaPOS3-MessagingServer");
  EXPECT_TRUE(has_rule(app, "background-service"));
}

// SambaPOS-3: Samba.Presentation (WPF) is desktop.
TEST(RealworldApps, SambaPosPresentationIsDesktop) {
  const auto& app = app_named(realworld_assessment("SambaPOS-3"), "Samba.Presentation");
  EXPECT_EQ(app.value("kind", ""), "desktop");
  EXPECT_TRUE(has_rule(app, "gui-desktop"));
}

// IPCSamples: every project is a console program; none is IIS-hosted WCF.
TEST(RealworldApps, IpcSamplesAreConsolePrograms) {
  const auto& doc = realworld_assessment("IPCSamples");
  ASSERT_FALSE(app_names(doc).empty());
  for (const auto& a : doc.value("apps", nlohmann::json::array()))
    EXPECT_EQ(a.value("kind", ""), "console") << a.value("name", "");
}

// IPCSamples: the servers host WCF themselves (new ServiceHost in Main): their
// entrypoint is the executable, not IIS; the clients get no Ingress or
// autoscaler.
TEST(RealworldApps, IpcSamplesServersHostWcfThemselves) {
  TempDir out;
  RunResult r = run_liftshift(
      {"containerize", (realworld_dir() / "IPCSamples").string(), "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string dockerfile = read_text(out.path() / "IPCSamples-IPCServer" / "Dockerfile");
  EXPECT_NE(dockerfile.find("IPCServerNet.exe"), std::string::npos) << dockerfile;
  EXPECT_EQ(dockerfile.find("ServiceMonitor"), std::string::npos) << dockerfile;
  EXPECT_EQ(dockerfile.find("w3svc"), std::string::npos) << dockerfile;
  EXPECT_NE(dockerfile.find("EXPOSE 8888"), std::string::npos) << "net.tcp://localhost:8888";
  for (const char* client : {"IPCSamples-IPCClient", "IPCSamples-IPCClientMsmq"}) {
    for (const auto& f : std::filesystem::recursive_directory_iterator(out.path() / client)) {
      if (!f.is_regular_file()) continue;
      std::string text = read_text(f.path());
      EXPECT_EQ(text.find("kind: Ingress"), std::string::npos) << f.path();
      EXPECT_EQ(text.find("kind: HorizontalPodAutoscaler"), std::string::npos) << f.path();
    }
  }
}

// particular-msmq-bridge: the endpoints and the bridge are console programs.
TEST(RealworldApps, MsmqBridgeEndpointsAreConsolePrograms) {
  const auto& doc = realworld_assessment("particular-msmq-bridge");
  for (const char* name : {"MsmqEndpoint", "Bridge"})
    EXPECT_EQ(app_named(doc, name).value("kind", ""), "console") << name;
}

// quartznet-2.x: the Topshelf server is a Windows service with the
// background-service finding.
TEST(RealworldApps, QuartzServerIsATopshelfService) {
  const auto& app = app_named(realworld_assessment("quartznet-2.x"), "Quartz.Server");
  EXPECT_EQ(app.value("kind", ""), "service");
  EXPECT_TRUE(has_rule(app, "background-service"));
  EXPECT_NE(joined(evidence_of(app, "background-service")).find("HostFactory.Run"),
            std::string::npos)
      << joined(evidence_of(app, "background-service"));
}

// Orchard and BlogEngine.NET: a volume over a folder the site ships files in
// is seeded from the image; folders named Media that hold code get none.
TEST(RealworldApps, VolumesAreSeededAndNeverOverCode) {
  for (const char* project : {"Orchard", "BlogEngine.NET"}) {
    TempDir out;
    RunResult r = run_liftshift(
        {"containerize", (realworld_dir() / project).string(), "-o", out.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& app : std::filesystem::directory_iterator(out.path())) {
      if (!std::filesystem::exists(app.path() / "Dockerfile")) continue;
      std::string dockerfile = read_text(app.path() / "Dockerfile");
      std::string deployment = read_text(app.path() / "k8s" / "base" / "deployment.yaml");
      EXPECT_EQ(deployment.find("Views\\Media"), std::string::npos) << project;
      EXPECT_EQ(deployment.find("ViewModels\\Media"), std::string::npos) << project;
      EXPECT_EQ(deployment.find("plugins\\media"), std::string::npos) << project;
      std::string seed = std::string(project) == "Orchard" ? "media" : "app-data";
      EXPECT_NE(dockerfile.find("COPY seed/" + seed + "/ C:/seed/" + seed + "/"), std::string::npos)
          << project << "\n"
          << dockerfile;
      EXPECT_NE(deployment.find("initContainers:"), std::string::npos) << project;
      if (std::string(project) == "Orchard") {
        // App_Data holds the SQL CE database: one instance owns it.
        EXPECT_NE(
            read_text(app.path() / "k8s" / "base" / "pvc-app-data.yaml").find("ReadWriteOnce"),
            std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace liftshift::test
