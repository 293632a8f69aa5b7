#include "cli/assess_source.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "collect/collect.hpp"
#include "core/run_stats.hpp"
#include "emit/assessment_json.hpp"
#include "emit/results_json.hpp"
#include "rules/engine.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

// What an assessment says and what the planner reads of it, as text: the
// report's JSON, then each application's configs, COM classes and binaries' paths.
std::string summary(const Assessment& a) {
  std::string out = dump_json(assessment_to_json(a)) + "\n";
  for (const auto& app : a.apps) {
    out += app.app.id + " root=" + app.app.root + " entry=" + app.app.entry + "\n";
    for (const auto& c : app.app.configs) out += "  config " + c.path + "\n";
    for (const auto& c : app.app.com_classes) {
      out += "  com " + c.clsid + " " + c.path + " " + c.machine +
             (c.in_app_folder ? " in-folder" : "") + " " + c.named_by + "\n";
    }
    for (const auto& b : app.app.binaries) out += "  binary " + b.path + "\n";
    out += "  drive folders " + std::to_string(app.app.drive_folders.size()) + "\n";
  }
  return out;
}

// Each application assessed as it is collected, then slimmed, gives the
// assessment (and the planner's facts) of collecting the whole source first.
void expect_same_as_collecting_first(const std::string& path, const CollectOptions& options) {
  Assessment whole = assess(collect({path}, options));
  SourceCollector collector(options);
  Assessment streamed = assess_source(collector, path, SlimAfterRules::kPlan);
  ASSERT_FALSE(whole.apps.empty()) << path;
  EXPECT_EQ(summary(streamed), summary(whole)) << path;
  for (const auto& a : streamed.apps) {
    for (const auto& b : a.app.binaries) {
      EXPECT_TRUE(b.type_refs.empty() && b.member_refs.empty() && b.imports.empty() &&
                  b.assembly_refs.empty())
          << b.path << ": slimmed after the rules";
    }
  }
}

TEST(AssessSource, EachAppAssessedAsCollectedIsAssessedAsTheWholeSource) {
  for (const char* server : {"servers/appsrv01", "websites/websrv01", "servers/appsrv01.vhdx",
                             "websites/website-sln", "dotnet/published"}) {
    expect_same_as_collecting_first((test::fixtures() / server).string(), {});
  }
  CollectOptions two_disks;
  two_disks.disks.push_back({test::fixtures() / "twodisk" / "data-gpt.vhdx", 0});
  expect_same_as_collecting_first((test::fixtures() / "twodisk" / "system-gpt.vhdx").string(),
                                  two_disks);
}

// A site whose folder holds another application's (an IIS application, a
// service) is finished once that one is made: its configs there are not its own.
TEST(AssessSource, ASiteHoldingAnotherAppsFolderIsFinishedAfterIt) {
  test::TempDir drive;
  const fs::path sample = test::fixtures() / "servers" / "appsrv01";
  fs::create_directories(drive.path() / "Windows/System32/config");
  for (const char* hive : {"SYSTEM", "SOFTWARE"}) {
    fs::copy_file(sample / "Windows/System32/config" / hive,
                  drive.path() / "Windows/System32/config" / hive);
  }
  drive.write("Windows/System32/inetsrv/config/applicationHost.config", R"(<configuration>
  <system.applicationHost><sites>
    <site name="Shop" id="1">
      <application path="/"><virtualDirectory path="/" physicalPath="C:\Sites\Shop" /></application>
      <application path="/orders">
        <virtualDirectory path="/" physicalPath="C:\Sites\Shop\orders" />
      </application>
      <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>
    </site>
  </sites></system.applicationHost>
</configuration>)");
  drive.write("Sites/Shop/web.config",
              R"(<configuration><system.web><compilation targetFramework="4.8" />)"
              R"(</system.web></configuration>)");
  drive.write("Sites/Shop/Default.aspx", "<%@ Page Language=\"C#\" %>");
  drive.write("Sites/Shop/orders/web.config",
              R"(<configuration><connectionStrings><add name="Orders" )"
              R"(connectionString="Server=sql01;Database=Orders;Integrated Security=true" />)"
              R"(</connectionStrings></configuration>)");
  expect_same_as_collecting_first(drive.path().string(), {});
  SourceCollector collector;
  Assessment a = assess_source(collector, drive.path().string(), SlimAfterRules::kPlan);
  ASSERT_GE(a.apps.size(), 2u);  // the sample's hives add services whose programs are missing
  EXPECT_EQ(a.apps[0].app.name, "Shop");  // listed in the server's order all the same
  EXPECT_EQ(a.apps[1].app.name, "Shop/orders");
  ASSERT_EQ(a.apps[0].app.configs.size(), 1u);
  EXPECT_EQ(a.apps[0].app.configs[0].path, "Sites/Shop/web.config");
}

// A server drive with `sites` IIS sites, each a copy of APPSRV01's
// ContosoWeb with five more assemblies in its bin folder.
void write_server(const fs::path& drive, int sites) {
  const fs::path sample = test::fixtures() / "servers" / "appsrv01";
  fs::create_directories(drive / "Windows/System32/config");
  for (const char* hive : {"SYSTEM", "SOFTWARE"}) {
    fs::copy_file(sample / "Windows/System32/config" / hive,
                  drive / "Windows/System32/config" / hive);
  }
  std::string xml = "<configuration><system.applicationHost><sites>";
  for (int s = 1; s <= sites; ++s) {
    const std::string name = "Site" + std::to_string(s);
    fs::create_directories(drive / "inetpub");
    fs::copy(sample / "inetpub/ContosoWeb", drive / "inetpub" / name, fs::copy_options::recursive);
    for (int d = 1; d <= 5; ++d) {
      fs::copy_file(sample / "inetpub/ContosoWeb/bin/Contoso.Web.dll",
                    drive / "inetpub" / name / "bin" / ("Lib" + std::to_string(d) + ".dll"));
    }
    xml += "<site name=\"" + name + "\" id=\"" + std::to_string(s) +
           "\"><application path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"C:\\inetpub\\" +
           name +
           "\" /></application><bindings><binding protocol=\"http\" bindingInformation=\"*:" +
           std::to_string(8000 + s) + ":\" /></bindings></site>";
  }
  xml += "</sites></system.applicationHost></configuration>";
  fs::create_directories(drive / "Windows/System32/inetsrv/config");
  std::ofstream(drive / "Windows/System32/inetsrv/config/applicationHost.config") << xml;
}

struct Measured {
  std::uint64_t held_peak = 0;       // binaries the collector held at once
  std::size_t binaries = 0;          // binaries of every site, as collected
  std::size_t assessed_sites = 0;    // sites whose content was read
  std::size_t kept_after_rules = 0;  // binaries the report's applications still hold
};

Measured measure(int sites) {
  test::TempDir dir;
  write_server(dir.path() / "drive", sites);
  const std::string path = (dir.path() / "drive").string();
  Measured m;
  for (const auto& app : collect({path}).apps) {
    if (app.iis) m.binaries += app.binaries.size();
  }
  run_stats().held_binaries_peak = 0;
  SourceCollector collector;
  Assessment a = assess_source(collector, path, SlimAfterRules::kReport);
  m.held_peak = run_stats().held_binaries_peak.load();
  for (const auto& app : a.apps) {
    if (app.app.iis && app.verdict != Verdict::kUnknown) ++m.assessed_sites;
    m.kept_after_rules += app.app.binaries.size();
  }
  return m;
}

TEST(AssessSource, TheBinariesHeldDoNotGrowWithTheApplications) {
  const Measured few = measure(3);
  const Measured many = measure(12);
  EXPECT_EQ(few.assessed_sites, 3u);
  EXPECT_EQ(many.assessed_sites, 12u);
  EXPECT_EQ(many.binaries, 12u * 6u);  // every site's six assemblies were read...
  EXPECT_EQ(few.held_peak, 6u);        // ...but one site's at a time
  EXPECT_EQ(many.held_peak, 6u);
  EXPECT_EQ(many.kept_after_rules, 0u);  // and the report keeps none
}

}  // namespace
}  // namespace liftshift
