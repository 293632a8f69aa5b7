// MIGRATION.md's "Done by these artifacts" claims, each checked against the
// files written beside it: the golden outputs of the sample and folders
// rendered from plan fixtures. A claim with no check here fails, so a new
// claim comes with its proof. The same outputs are checked for artifacts
// written without a true need (gMSA, MSDTC network access, autoscaler) and
// for volumes that hide what the image ships.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <sstream>

#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

struct Claim {
  std::string rule;
  std::string text;
};

// "- **rule** (severity): title." followed by "  - Done by these artifacts: X."
std::vector<Claim> claims_of(const std::string& migration) {
  std::vector<Claim> out;
  std::istringstream in(migration);
  std::string line;
  std::string rule;
  const std::string done = "  - Done by these artifacts: ";
  while (std::getline(in, line)) {
    if (line.rfind("- **", 0) == 0) {
      auto end = line.find("**", 4);
      rule = end == std::string::npos ? "" : line.substr(4, end - 4);
    } else if (line.rfind(done, 0) == 0 && !rule.empty()) {
      std::string text = line.substr(done.size());
      if (text.rfind("nothing; fix by hand", 0) != 0) out.push_back({rule, text});
    }
  }
  return out;
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The application folder's files, read once.
struct Output {
  fs::path dir;
  std::string file(const std::string& rel) const {
    return fs::exists(dir / rel) ? test::read_text(dir / rel) : std::string();
  }
  bool exists(const std::string& rel) const { return fs::exists(dir / rel); }
  bool k8s() const { return fs::exists(dir / "k8s"); }
  std::string workload() const {
    if (exists("k8s/base/deployment.yaml")) return file("k8s/base/deployment.yaml");
    return exists("k8s/base/job.yaml") ? file("k8s/base/job.yaml") : file("k8s/base/cronjob.yaml");
  }
  std::vector<std::string> pvcs() const {
    std::vector<std::string> out;
    if (!k8s()) return out;
    for (const auto& e : fs::directory_iterator(dir / "k8s" / "base")) {
      std::string name = e.path().filename().string();
      if (name.rfind("pvc-", 0) == 0) out.push_back(test::read_text(e.path()));
    }
    return out;
  }
  bool single_replica() const {
    if (exists("k8s/base/hpa.yaml")) return false;
    return k8s() ? has(workload(), "replicas: 1") || exists("k8s/base/cronjob.yaml")
                 : has(file("compose.yaml"), "replicas: 1") ||
                       has(file("compose.yaml"), "replicas: 0");
  }
};

// "" when the claim holds, else what is missing.
using Check = std::function<std::string(const Output&)>;

std::string moved_config_files(const Output& o) {
  if (o.k8s()) {
    if (!has(o.file("k8s/secret.template.yaml"), ".config")) return "no moved file in the Secret";
    if (!has(o.workload(), "secretName:")) return "the workload mounts no Secret";
  }
  return has(o.file("compose.yaml"), "./secrets/") ? "" : "compose binds no secrets folder";
}

const std::map<std::string, Check>& checks() {
  static const std::map<std::string, Check> kChecks{
      {"local-state",
       [](const Output& o) -> std::string {
         if (o.k8s()) {
           if (o.pvcs().empty()) return "no PersistentVolumeClaim";
           if (!has(o.workload(), "volumeMounts:")) return "the workload mounts no volume";
         } else if (!has(o.file("compose.yaml"), "type: volume")) {
           return "compose.yaml mounts no volume";
         }
         return "";
       }},
      {"ad-dependent",
       [](const Output& o) -> std::string {
         if (o.k8s()) {
           if (!o.exists("k8s/base/gmsa-credentialspec.yaml")) return "no GMSACredentialSpec";
           if (!has(o.workload(), "gmsaCredentialSpecName:")) return "the pod uses no gMSA";
         }
         if (!has(o.file("compose.yaml"), "credential_spec:"))
           return "compose has no credential_spec";
         return "";
       }},
      // Moved config sections (configSource / file=): the Secret template
      // carries each file, the workload mounts it, compose binds its folder.
      {"connection-string", moved_config_files},
      {"config-secret", moved_config_files},
      {"scale-out-state",
       [](const Output& o) -> std::string {
         return o.single_replica() ? "" : "more than one replica";
       }},
      {"scheduled-task",
       [](const Output& o) -> std::string {
         if (o.exists("k8s/base/cronjob.yaml"))
           return has(o.file("k8s/base/cronjob.yaml"), "schedule:") ? ""
                                                                    : "CronJob without schedule";
         return o.single_replica() ? "" : "more than one replica";
       }},
      {"event-log",
       [](const Output& o) -> std::string {
         if (!o.exists("LogMonitorConfig.json")) return "no LogMonitorConfig.json";
         return has(o.file("Dockerfile"), "LogMonitor.exe") ? ""
                                                            : "the Dockerfile has no Log Monitor";
       }},
      {"background-service",
       [](const Output& o) -> std::string {
         std::regex entry(R"(ENTRYPOINT .*ServiceMonitor\.exe)");
         return std::regex_search(o.file("Dockerfile"), entry) ? ""
                                                               : "no ServiceMonitor entrypoint";
       }},
      {"msmq",
       [](const Output& o) -> std::string {
         std::string d = o.file("Dockerfile");
         if (!has(d, "MSMQ-Server")) return "MSMQ is not enabled";
         if (!std::regex_search(d, std::regex(R"(EXPOSE .*\b1801\b)"))) return "1801 not exposed";
         bool volume = o.k8s() ? o.exists("k8s/base/pvc-msmq.yaml")
                               : has(o.file("compose.yaml"), "target: C:\\msmq");
         return volume ? "" : "no volume for the queue store";
       }},
      {"msdtc",
       [](const Output& o) -> std::string {
         std::string d = o.file("Dockerfile");
         if (!has(d, "Set-DtcNetworkSetting")) return "network DTC access is not enabled";
         if (!has(d, "-AuthenticationLevel Mutual")) return "not with mutual authentication";
         if (!std::regex_search(d, std::regex(R"(EXPOSE .*\b135\b)"))) return "135 not exposed";
         std::string where = o.k8s() ? o.workload() : o.file("compose.yaml");
         return has(where, "hostname:") ? "" : "no stable hostname";
       }},
      {"iis-certificate",
       [](const Output& o) -> std::string {
         if (!has(o.file("k8s/base/ingress.yaml"), "tls:")) return "no Ingress with TLS";
         return std::regex_search(o.file("Dockerfile"), std::regex(R"(EXPOSE .*\b443\b)"))
                    ? "the container still serves 443"
                    : "";
       }},
      {"netfx-image",
       [](const Output& o) -> std::string {
         return has(o.file("Dockerfile"), "FROM mcr.microsoft.com/dotnet/framework/")
                    ? ""
                    : "not a .NET Framework image";
       }},
      {"drive-path",
       [](const Output& o) -> std::string {
         bool volume = o.k8s() ? !o.pvcs().empty() : has(o.file("compose.yaml"), "type: volume");
         return volume || o.exists("LogMonitorConfig.json") ? "" : "nothing maps the folders";
       }},
      {"database",
       [](const Output& o) -> std::string {
         if (!o.single_replica()) return "more than one replica";
         if (!o.k8s()) return has(o.file("compose.yaml"), "type: volume") ? "" : "no volume";
         for (const auto& pvc : o.pvcs()) {
           if (has(pvc, "ReadWriteOnce") && !has(pvc, "C:\\msmq")) return "";
         }
         return "no volume one instance owns";
       }},
      {"vc-runtime",
       [](const Output& o) -> std::string {
         std::string d = o.file("Dockerfile");
         if (!has(d, "COPY installers/ C:/installers/")) return "no installers/ in the image";
         if (!has(d, "Start-Process -Wait -PassThru")) return "no installer is run";
         return o.exists("installers/README.md") ? "" : "no installers/README.md";
       }},
      {"com-registration",
       [](const Output& o) -> std::string {
         std::string d = o.file("Dockerfile");
         return has(d, "RegSvcs.exe") || has(d, "RegAsm.exe") ? "" : "nothing is registered";
       }},
      {"gui-api",
       [](const Output& o) -> std::string {
         std::regex from(R"(FROM mcr\.microsoft\.com/windows(/server)?:)");
         return std::regex_search(o.file("Dockerfile"), from) ? "" : "not the Server image";
       }},
  };
  return kChecks;
}

// Artifacts only for true needs, and volumes that hide nothing.
void check_needs(const Output& o) {
  std::string migration = o.file("MIGRATION.md");
  std::string dockerfile = o.file("Dockerfile");
  auto found = [&](const std::string& rule) { return has(migration, "- **" + rule + "** ("); };
  for (const auto& e : fs::recursive_directory_iterator(o.dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".md") continue;
    EXPECT_FALSE(has(test::read_text(e.path()), "NoAuth")) << e.path() << ": NoAuth is no default";
  }
  if (o.exists("k8s/base/gmsa-credentialspec.yaml") ||
      has(o.file("compose.yaml"), "credential_spec:")) {
    EXPECT_TRUE(found("ad-dependent")) << o.dir << ": gMSA without an AD dependency";
  }
  if (has(dockerfile, "Set-DtcNetworkSetting")) {
    EXPECT_TRUE(found("msdtc")) << o.dir << ": network DTC access without an escalation";
  }
  if (o.exists("k8s/base/hpa.yaml")) {
    for (const char* rule : {"scale-out-state", "database", "msmq", "msdtc", "scheduled-task"})
      EXPECT_FALSE(found(rule)) << o.dir << ": an autoscaler while " << rule << " blocks it";
    for (const auto& pvc : o.pvcs())
      EXPECT_FALSE(has(pvc, "ReadWriteOnce"))
          << o.dir << ": an autoscaler over a single-owner volume";
  }
  // Each seed in the image is copied onto its volume before the app starts,
  // and the data folder is not also copied under the mount point.
  std::smatch m;
  std::string rest = dockerfile;
  while (
      std::regex_search(rest, m, std::regex(R"(COPY seed/([a-z0-9-]+)/ C:/seed/([a-z0-9-]+)/)"))) {
    std::string seed = "C:\\seed\\" + m[1].str();
    EXPECT_EQ(m[1].str(), m[2].str());
    if (o.k8s()) {
      EXPECT_TRUE(has(o.workload(), "initContainers:")) << o.dir;
      EXPECT_TRUE(has(o.workload(), "robocopy '" + seed + "'")) << o.dir << ": " << seed;
    }
    std::string compose = o.file("compose.yaml");
    EXPECT_TRUE(has(compose, "condition: service_completed_successfully")) << o.dir;
    EXPECT_TRUE(has(compose, seed)) << o.dir << ": " << seed;
    // A published app leaves the folder out of app/; a source tree keeps it for its build.
    if (!has(dockerfile, " AS build")) {
      EXPECT_TRUE(has(o.file(".dockerignore"), "# Data folders under a volume")) << o.dir;
    }
    rest = m.suffix();
  }
}

// Every claim of one application folder, checked; returns how many were.
int check_folder(const fs::path& dir) {
  Output o{dir};
  if (!o.exists("MIGRATION.md")) return 0;
  int n = 0;
  for (const auto& c : claims_of(o.file("MIGRATION.md"))) {
    auto it = checks().find(c.rule);
    if (it == checks().end()) {
      ADD_FAILURE() << dir << ": no check for the claim of " << c.rule << ": " << c.text;
      continue;
    }
    EXPECT_EQ(it->second(o), "") << dir << ": " << c.rule << " claims \"" << c.text << "\"";
    ++n;
  }
  check_needs(o);
  return n;
}

TEST(MigrationClaims, TheParserReadsEachFindingsClaim) {
  auto claims = claims_of(
      "- **msmq** (change): Uses MSMQ.\n  - Done by these artifacts: MSMQ enabled.\n"
      "- **os-legacy** (change): Old.\n  - Done by these artifacts: nothing; fix by hand.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].rule, "msmq");
  EXPECT_EQ(claims[0].text, "MSMQ enabled.");
}

TEST(MigrationClaims, AClaimTheFilesDontBearOutFails) {
  test::TempDir tmp;
  test::AppFixture f = test::web_app();
  AppPlan plan = plan_app(f.assessment, test::options());
  auto artifacts = render_artifacts(plan);
  std::erase_if(artifacts, [](const Artifact& a) { return a.path == "LogMonitorConfig.json"; });
  ASSERT_TRUE(write_artifacts(tmp.path(), "app", artifacts, false).errors.empty());
  Output o{tmp.path() / "app"};
  EXPECT_NE(checks().at("event-log")(o), "");
  EXPECT_EQ(checks().at("local-state")(o), "");
}

TEST(MigrationClaims, EveryClaimOfTheGoldenSampleHolds) {
  int n = 0;
  for (const auto& set : fs::directory_iterator(test::source_dir() / "tests" / "golden")) {
    for (const auto& app : fs::directory_iterator(set.path())) n += check_folder(app.path());
  }
  EXPECT_GT(n, 20) << "the golden outputs hold claims of many findings";
}

// Plans the sample doesn't cover: compose and Swarm, a database, MSDTC
// without a gMSA, a seeded volume.
TEST(MigrationClaims, EveryClaimOfThePlanFixturesHolds) {
  test::TempDir tmp;
  std::vector<std::pair<std::string, AppPlan>> plans;
  for (Orchestrator o : {Orchestrator::kKubernetes, Orchestrator::kCompose, Orchestrator::kSwarm}) {
    test::AppFixture web = test::web_app();
    web.app().markers.front().files = 3;
    web.assessment.results.state_folders.front().files = 3;
    web.finding("connection-string").finding("iis-certificate").finding("netfx-image");
    plans.emplace_back("web-" + to_string(o),
                       plan_app(web.assessment, test::options(std::nullopt, std::nullopt, o)));

    test::AppFixture db(AppKind::kService, FrameworkKind::kNetFx, "4.8");
    db.finding("database").finding("msdtc").finding("local-state");
    db.assessment.results.state_folders = {{"App/Data/app.sqlite", "SQLite database", true, 2, 0}};
    plans.emplace_back("db-" + to_string(o),
                       plan_app(db.assessment, test::options(std::nullopt, std::nullopt, o)));

    test::AppFixture task = test::task_app();
    task.finding("scheduled-task").finding("ad-dependent");
    plans.emplace_back("task-" + to_string(o),
                       plan_app(task.assessment, test::options(std::nullopt, std::nullopt, o)));
  }
  int n = 0;
  for (const auto& [folder, plan] : plans) {
    ASSERT_TRUE(write_artifacts(tmp.path(), folder, render_artifacts(plan), false).errors.empty());
    n += check_folder(tmp.path() / folder);
  }
  EXPECT_GT(n, 15);
}

}  // namespace
}  // namespace liftshift
