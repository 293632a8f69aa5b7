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
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "artifact_check.hpp"
#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "hostile_support.hpp"
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

// The builders claim for `config`: the Dockerfile fetches the package, the
// workload (when named) and compose pass variables, and the copied config
// (when the build context is in `files`) parses and names a builder on each
// section it has, declared in it or in the web.config of a folder above.
void check_builders_claim(const Files& files, const std::string& config,
                          const std::string& workload) {
  EXPECT_NE(files.at("Dockerfile").find("Microsoft.Configuration.ConfigurationBuilders."),
            std::string::npos);
  if (!workload.empty()) {
    YAML::Node w = load(files, workload);
    ASSERT_TRUE(w) << workload << " is not written";
    EXPECT_NE(YAML::Dump(w).find("secretKeyRef"), std::string::npos);
  }
  YAML::Node c = load(files, "compose.yaml");
  ASSERT_TRUE(c);
  bool env_file = false;
  for (const auto& svc : c["services"]) env_file = env_file || svc.second["env_file"].IsDefined();
  EXPECT_TRUE(env_file) << "compose.yaml has no env_file";
  auto copied = files.find("app/" + config);
  if (copied == files.end()) return;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(copied->second.c_str())) << copied->first << " does not parse";
  std::set<std::string> declared;
  auto declare = [&](const pugi::xml_document& d) {
    for (const auto& add : d.document_element().child("configBuilders").child("builders"))
      declared.insert(add.attribute("name").value());
  };
  declare(doc);
  for (std::string folder = config; folder.find('/') != std::string::npos;) {
    folder.resize(folder.rfind('/'));
    auto parent = files.find("app/" +
                             (folder.find('/') == std::string::npos
                                  ? std::string()
                                  : folder.substr(0, folder.rfind('/') + 1)) +
                             "Web.config");
    pugi::xml_document p;
    if (parent != files.end() && p.load_string(parent->second.c_str())) declare(p);
  }
  int marked = 0;
  for (const char* section : {"appSettings", "connectionStrings"}) {
    pugi::xml_node n = doc.document_element().child(section);
    if (!n) continue;
    std::string names = n.attribute("configBuilders").value();
    EXPECT_FALSE(names.empty()) << copied->first << ": " << section << " names no builder";
    for (std::size_t at = 0; at <= names.size();) {
      std::size_t comma = std::min(names.find(',', at), names.size());
      EXPECT_TRUE(declared.count(names.substr(at, comma - at)))
          << copied->first << ": builder " << names.substr(at, comma - at) << " is not declared";
      at = comma + 1;
    }
    ++marked;
  }
  EXPECT_GT(marked, 0) << copied->first << " marks no section";
}

// The appsettings JSON claim for `config`: the workload (when named) and
// compose pass variables from the secret store, and the copied JSON (when
// in `files`) parses.
void check_json_claim(const Files& files, const std::string& config, const std::string& workload) {
  if (!workload.empty()) {
    YAML::Node w = load(files, workload);
    ASSERT_TRUE(w) << workload << " is not written";
    EXPECT_NE(YAML::Dump(w).find("secretKeyRef"), std::string::npos);
  }
  YAML::Node c = load(files, "compose.yaml");
  ASSERT_TRUE(c);
  bool env_file = false;
  for (const auto& svc : c["services"]) env_file = env_file || svc.second["env_file"].IsDefined();
  EXPECT_TRUE(env_file) << "compose.yaml has no env_file";
  for (const auto& [path, text] : files) {
    if (path.size() > config.size() && path.ends_with("/" + config)) {
      EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded()) << path;
    }
  }
}

// Checks every claim; adds how many were checked to `checked`.
void check_claims(const Files& files, int& checked) {
  static const std::regex moved(R"(moved to (\S+) \()");
  static const std::regex k8s(
      R"(key (\S+) of (k8s/(?:base/)?[\w.-]+\.yaml), mounted at (\S+) by (k8s/(?:base/)?[\w.-]+\.yaml))");
  static const std::regex compose(
      R"(\./(secrets/\S+)/([^/\s]+) mounted at (\S+) by compose\.yaml)");
  static const std::regex builders(
      R"(secret values of (\S+) blanked in the copied config; [^()]*\((?:secretKeyRef in (k8s/(?:base/)?[\w.-]+\.yaml), )?env_file in compose\.yaml\), the Dockerfile adds its package)");
  static const std::regex json(
      R"(secret values of (\S+) blanked in the copied JSON; [^()]*\((?:secretKeyRef in (k8s/(?:base/)?[\w.-]+\.yaml), )?env_file in compose\.yaml\))");
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
    for (std::sregex_iterator it(claim.begin(), claim.end(), builders), end; it != end; ++it) {
      check_builders_claim(files, (*it)[1].str(), (*it)[2].str());
      ++checked;
    }
    for (std::sregex_iterator it(claim.begin(), claim.end(), json), end; it != end; ++it) {
      check_json_claim(files, (*it)[1].str(), (*it)[2].str());
      ++checked;
    }
    EXPECT_TRUE(moves > 0 || std::regex_search(claim, b, builders) ||
                std::regex_search(claim, b, json) || claim.rfind("nothing", 0) == 0)
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

// --config env end to end: a 4.8 site with a nested web.config, containerized:
// the copied configs hold no secret, parse and read the builders; every
// claim holds in the files written; the output passes the artifact check.
TEST(SecretClaims, ConfigEnvContainerizeWritesTheBuildersItClaims) {
  test::TempDir tmp;
  fs::path site = tmp.path() / "Shop";
  tmp.write("Shop/Web.config",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<configuration>\r\n"
            "  <connectionStrings>\r\n"
            "    <add name=\"Orders\" connectionString=\"Server=sql01;Database=Orders;User "
            "ID=shop;Password=Env!Secret42\" />\r\n"
            "    <add name=\"Reports\" connectionString=\"Server=sql02;Database=Reports;"
            "User ID=rep;Password=Env!Rep0rt\" />\r\n"
            "  </connectionStrings>\r\n  <appSettings>\r\n"
            "    <add key=\"SmtpPassword\" value=\"Mail!Env99\" />\r\n"
            "    <add key=\"Theme\" value=\"blue\" />\r\n  </appSettings>\r\n"
            "  <system.web>\r\n    <compilation targetFramework=\"4.8\" />\r\n"
            "  </system.web>\r\n</configuration>\r\n");
  tmp.write("Shop/admin/Web.config",
            "<configuration><connectionStrings><add name=\"Audit\" connectionString=\""
            "Server=sql03;User ID=audit;Password=Aud!Env7\" /></connectionStrings>"
            "</configuration>");
  tmp.write("Shop/Default.aspx", "<%@ Page Language=\"C#\" %><html></html>");
  fs::path out = tmp.path() / "out";
  auto r =
      test::run_liftshift({"containerize", site.string(), "-o", out.string(), "--config", "env"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const std::vector<std::string> secrets{"Env!Secret42", "Env!Rep0rt", "Mail!Env99", "Aud!Env7"};
  auto report = test::check_artifacts(out, {secrets, {}});
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
  fs::path app;
  for (const auto& e : fs::directory_iterator(out)) app = e.path();
  Files files;
  for (const auto& e : fs::recursive_directory_iterator(app)) {
    if (e.is_regular_file())
      files[fs::relative(e.path(), app).generic_string()] = test::read_text(e.path());
  }
  for (const auto& [path, text] : files) {
    for (const auto& s : secrets) EXPECT_EQ(text.find(s), std::string::npos) << s << " in " << path;
  }
  ASSERT_TRUE(files.count("app/Web.config"));
  ASSERT_TRUE(files.count("app/admin/Web.config"));
  EXPECT_EQ(files["app/admin/Web.config"].find("configSections"), std::string::npos)
      << "the nested config inherits the declaration";
  int checked = 0;
  check_claims(files, checked);
  EXPECT_EQ(checked, 2) << "one builders claim per config";
  YAML::Node deployment = load(files, "k8s/base/deployment.yaml");
  std::set<std::string> env;
  for (const auto& e : deployment["spec"]["template"]["spec"]["containers"][0]["env"])
    env.insert(e["name"].as<std::string>());
  for (const char* key : {"ConnectionStrings__Orders", "ConnectionStrings__Reports",
                          "AppSettings__SmtpPassword", "ConnectionStrings__Audit"})
    EXPECT_TRUE(env.count(key)) << key << " is not passed from the Secret";
  EXPECT_NE(files["Dockerfile"].find("New-Item -ItemType Directory -Force -Path "
                                     "'C:\\inetpub\\wwwroot\\bin'"),
            std::string::npos)
      << "bin may not exist before the package's DLLs are copied";
  EXPECT_NE(files["MIGRATION.md"].find("secrets/shop.env"), std::string::npos);
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

namespace liftshift {
namespace {

// appsettings.json of a .NET project, containerized: the copied JSON holds
// no secret and parses, the variables are in the workload from the Secret,
// the values go only to --secrets-to, and the claim holds.
TEST(SecretClaims, AppSettingsJsonSecretsBecomeVariablesOfTheWorkload) {
  test::TempDir tmp;
  tmp.write("Shop/Api/Api.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0"
            "</TargetFramework></PropertyGroup></Project>");
  tmp.write("Shop/Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();");
  tmp.write("Shop/Api/appsettings.json",
            "{\n  // the shop's settings\n  \"ConnectionStrings\": {\"Orders\": "
            "\"Server=sql01;User Id=api;Password=Js0n!Secret42\"},\n  \"Smtp\": {\"Host\": "
            "\"mail\", \"Password\": \"Mail!Js0n77\"}\n}\n");
  fs::path out = tmp.path() / "out";
  fs::path secrets_to = tmp.path() / "secrets";
  auto r = test::run_liftshift({"containerize", (tmp.path() / "Shop").string(), "-o", out.string(),
                                "--secrets-to", secrets_to.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const std::vector<std::string> secrets{"Js0n!Secret42", "Mail!Js0n77"};
  auto report = test::check_artifacts(out, {secrets, {}});
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
  fs::path app;
  for (const auto& e : fs::directory_iterator(out)) app = e.path();
  Files files;
  for (const auto& e : fs::recursive_directory_iterator(app)) {
    if (e.is_regular_file())
      files[fs::relative(e.path(), app).generic_string()] = test::read_text(e.path());
  }
  for (const auto& [path, text] : files) {
    for (const auto& s : secrets) EXPECT_EQ(text.find(s), std::string::npos) << s << " in " << path;
  }
  ASSERT_TRUE(files.count("src/Api/appsettings.json")) << "the JSON is copied, blanked";
  auto json = nlohmann::json::parse(files["src/Api/appsettings.json"]);
  EXPECT_EQ(json["ConnectionStrings"]["Orders"], "");
  EXPECT_EQ(json["Smtp"]["Password"], "");
  EXPECT_EQ(json["Smtp"]["Host"], "mail");
  int checked = 0;
  check_claims(files, checked);
  EXPECT_EQ(checked, 1);
  YAML::Node deployment = load(files, "k8s/base/deployment.yaml");
  std::set<std::string> env;
  for (const auto& e : deployment["spec"]["template"]["spec"]["containers"][0]["env"]) {
    if (e["valueFrom"]["secretKeyRef"]) env.insert(e["name"].as<std::string>());
  }
  EXPECT_TRUE(env.count("ConnectionStrings__Orders"));
  EXPECT_TRUE(env.count("Smtp__Password"));
  std::string env_file;
  for (const auto& e : fs::recursive_directory_iterator(secrets_to)) {
    if (e.is_regular_file() && e.path().extension() == ".env") env_file = test::read_text(e.path());
  }
  EXPECT_NE(env_file.find("ConnectionStrings__Orders=Server=sql01;User Id=api;"
                          "Password=Js0n!Secret42\n"),
            std::string::npos);
  EXPECT_NE(env_file.find("Smtp__Password=Mail!Js0n77\n"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
