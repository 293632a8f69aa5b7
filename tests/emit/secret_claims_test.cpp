// MIGRATION.md's "Done by these artifacts" lines about secrets and config claim
// only what the written files do: every claim names a file, and this test
// reads that file (the Secret template has the key, the workload mounts the
// Secret's key at the folder, compose binds the host folder there, the
// Dockerfile adds the config builder). Run on emitted plans and on a real
// containerize run over the sample server.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <regex>

#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;  // path in the app's folder -> content

// The "Done by these artifacts" text of each finding about secrets and config.
std::vector<std::string> secret_claims(const std::string& migration) {
  std::vector<std::string> out;
  static const std::regex finding(
      R"(- \*\*(connection-string|config-secret)\*\* [^\n]*\n  - Done by these artifacts: ([^\n]*)\n)");
  for (std::sregex_iterator it(migration.begin(), migration.end(), finding), end; it != end; ++it)
    out.push_back((*it)[2].str());
  return out;
}

YAML::Node load(const Files& files, const std::string& path) {
  auto it = files.find(path);
  if (it == files.end()) return YAML::Node();
  return YAML::Load(it->second);
}

// The workload mounts key `key` of Secret `secret` in the folder `folder`.
bool mounts_key(const YAML::Node& workload, const std::string& secret, const std::string& key,
                const std::string& folder) {
  YAML::Node pod = workload["kind"].as<std::string>() == "CronJob"
                       ? workload["spec"]["jobTemplate"]["spec"]["template"]["spec"]
                       : workload["spec"]["template"]["spec"];
  for (const auto& c : pod["containers"]) {
    for (const auto& m : c["volumeMounts"]) {
      if (m["mountPath"].as<std::string>() != folder) continue;
      for (const auto& v : pod["volumes"]) {
        if (v["name"].as<std::string>() != m["name"].as<std::string>() || !v["secret"]) continue;
        if (v["secret"]["secretName"].as<std::string>() != secret) continue;
        for (const auto& item : v["secret"]["items"]) {
          if (item["key"].as<std::string>() == key) return true;
        }
      }
    }
  }
  return false;
}

bool compose_binds(const YAML::Node& compose, const std::string& source,
                   const std::string& target) {
  for (const auto& svc : compose["services"]) {
    for (const auto& v : svc.second["volumes"]) {
      if (v["type"].as<std::string>() == "bind" && v["source"].as<std::string>() == source &&
          v["target"].as<std::string>() == target && v["read_only"].as<bool>())
        return true;
    }
  }
  return false;
}

// Checks every claim; adds how many were checked to `checked`.
void check_claims(const Files& files, int& checked) {
  static const std::regex moved(R"(moved to (\S+) \()");
  static const std::regex k8s(
      R"(key (\S+) of (k8s/[\w.-]+\.yaml), mounted at (\S+) by (k8s/[\w.-]+\.yaml))");
  static const std::regex compose(
      R"(\./(secrets/\S+)/([^/\s]+) mounted at (\S+) by compose\.yaml)");
  static const std::regex builders(
      R"(secretKeyRef in (k8s/[\w.-]+\.yaml)\), the Dockerfile adds its package)");
  for (const auto& claim : secret_claims(files.at("MIGRATION.md"))) {
    SCOPED_TRACE(claim);
    std::ptrdiff_t moves = std::distance(std::sregex_iterator(claim.begin(), claim.end(), moved),
                                         std::sregex_iterator());
    std::ptrdiff_t k8s_claims = 0;
    std::ptrdiff_t compose_claims = 0;
    for (std::sregex_iterator it(claim.begin(), claim.end(), k8s), end; it != end;
         ++it, ++k8s_claims) {
      const auto& m = *it;
      YAML::Node secret = load(files, m[2].str());
      ASSERT_TRUE(secret) << m[2].str() << " is not written";
      EXPECT_TRUE(secret["stringData"][m[1].str()]) << "the Secret template has no key " << m[1];
      YAML::Node workload = load(files, m[4].str());
      ASSERT_TRUE(workload) << m[4].str() << " is not written";
      EXPECT_TRUE(mounts_key(workload, secret["metadata"]["name"].as<std::string>(), m[1].str(),
                             m[3].str()))
          << m[4].str() << " does not mount " << m[1] << " at " << m[3];
      ++checked;
    }
    for (std::sregex_iterator it(claim.begin(), claim.end(), compose), end; it != end;
         ++it, ++compose_claims) {
      const auto& m = *it;
      YAML::Node c = load(files, "compose.yaml");
      ASSERT_TRUE(c);
      EXPECT_TRUE(compose_binds(c, "./" + m[1].str(), m[3].str()))
          << "compose.yaml binds no ./" << m[1] << " at " << m[3];
      ++checked;
    }
    EXPECT_EQ(compose_claims, moves) << "every moved file names where compose mounts it";
    if (files.count("k8s/secret.template.yaml") != 0 || k8s_claims > 0) {
      EXPECT_EQ(k8s_claims, moves) << "every moved file names its Secret key and mount";
    }
    std::smatch b;
    if (std::regex_search(claim, b, builders)) {
      EXPECT_NE(files.at("Dockerfile").find("Microsoft.Configuration.ConfigurationBuilders."),
                std::string::npos);
      YAML::Node w = load(files, b[1].str());
      ASSERT_TRUE(w);
      EXPECT_NE(YAML::Dump(w).find("secretKeyRef"), std::string::npos);
      ++checked;
    }
    EXPECT_TRUE(moves > 0 || std::regex_search(claim, b, builders) ||
                claim.rfind("nothing", 0) == 0)
        << "a claim about secrets this test does not check";
  }
}

int claims_checked(const Files& files) {
  int checked = 0;
  check_claims(files, checked);
  return checked;
}

Files rendered(const AppPlan& plan) {
  Files out;
  for (const auto& a : render_artifacts(plan)) out[a.path] = a.content;
  return out;
}

TEST(SecretClaims, MovedConnectionStringsAreInTheSecretAndMounted) {
  auto f = test::web_app();
  f.finding("connection-string");
  EXPECT_EQ(claims_checked(rendered(plan_app(f.assessment, test::options()))), 2);
}

TEST(SecretClaims, ScheduledTaskMountsThroughItsCronJob) {
  auto f = test::task_app();
  f.finding("connection-string");
  ConfigFacts c;
  c.path = "App/App.exe.config";
  ConnectionStringFacts cs;
  cs.name = "Orders";
  cs.masked = "Server=db;Password=***";
  cs.had_secret = true;
  c.connection_strings = {cs};
  f.app().configs.push_back(c);
  EXPECT_EQ(claims_checked(rendered(plan_app(f.assessment, test::options()))), 2);
}

TEST(SecretClaims, SwarmClaimsOnlyTheComposeMount) {
  auto f = test::web_app();
  f.finding("connection-string");
  auto p = plan_app(f.assessment, test::options(WindowsVersion::kLtsc2022, Isolation::kHyperv,
                                                Orchestrator::kSwarm));
  EXPECT_EQ(claims_checked(rendered(p)), 1);
}

TEST(SecretClaims, ConfigEnvClaimsTheBuilderPackage) {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("connection-string");
  ConfigFacts c;
  c.path = "App/Web.config";
  ConnectionStringFacts cs;
  cs.name = "Db";
  cs.masked = "Server=db;Password=***";
  cs.had_secret = true;
  c.connection_strings = {cs};
  f.app().configs.push_back(c);
  PlanOptions o = test::options();
  o.config_mode = ConfigMode::kEnv;
  EXPECT_EQ(claims_checked(rendered(plan_app(f.assessment, o))), 1);
}

TEST(SecretClaims, SampleServerClaimsHoldInTheWrittenFiles) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "servers" / "appsrv01").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int checked = 0;
  for (const auto& app : fs::directory_iterator(out)) {
    if (!fs::exists(app.path() / "MIGRATION.md")) continue;
    Files files;
    for (const auto& e : fs::recursive_directory_iterator(app.path())) {
      if (e.is_regular_file())
        files[fs::relative(e.path(), app.path()).generic_string()] = test::read_text(e.path());
    }
    SCOPED_TRACE(app.path().filename().string());
    check_claims(files, checked);
  }
  EXPECT_GE(checked, 4) << "Contoso Web's two moved files, on Kubernetes and compose";
}

}  // namespace
}  // namespace liftshift
