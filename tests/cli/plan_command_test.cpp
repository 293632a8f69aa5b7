// `liftshift plan` and `liftshift containerize --plan` end to end: the plan
// of the bundled sample server and of the golden inputs gives back the very
// files `containerize` writes directly; edits change exactly what they edit;
// a bad edit names its line. Every plan written here is also validated
// against `liftshift plan --schema` with ajv (tools/validators/plan_schema.js).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "child_process.hpp"
#include "emit/validators.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

fs::path server() { return test::fixtures() / "servers" / "appsrv01.vhdx"; }

// Every file under root (build contexts included), by relative path.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file())
      out[fs::relative(e.path(), root).generic_string()] = test::read_text(e.path());
  }
  return out;
}

// The files that differ between two trees (or are in one only).
std::vector<std::string> differences(const std::map<std::string, std::string>& a,
                                     const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [rel, text] : a) {
    auto it = b.find(rel);
    if (it == b.end() || it->second != text) out.push_back(rel);
  }
  for (const auto& [rel, text] : b) {
    if (!a.contains(rel)) out.push_back(rel);
  }
  return out;
}

// Validates a plan against the published schema with ajv.
void expect_schema_valid(const fs::path& plan) {
  test::TempDir tmp;
  auto schema = run_liftshift({"plan", "--schema"});
  ASSERT_EQ(schema.exit_code, 0) << schema.err;
  fs::path schema_file = tmp.write("plan.schema.json", schema.out);
  fs::path script = test::source_dir() / "tools" / "validators" / "plan_schema.js";
  auto r = test::run_child({"node", script.string(), schema_file.string(), plan.string()},
                           {.merge_output = true});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

fs::path write_plan(const fs::path& dir, const std::vector<std::string>& args) {
  fs::path plan = dir / "plan.yaml";
  std::vector<std::string> all{"plan"};
  all.insert(all.end(), args.begin(), args.end());
  all.insert(all.end(), {"-o", plan.string()});
  auto r = run_liftshift(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_schema_valid(plan);
  return plan;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "no '" << from << "' in the plan";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

void expect_round_trip(const std::vector<std::string>& sources,
                       const std::vector<std::string>& options) {
  test::TempDir tmp;
  std::vector<std::string> direct{"containerize"};
  direct.insert(direct.end(), sources.begin(), sources.end());
  direct.insert(direct.end(), options.begin(), options.end());
  direct.insert(direct.end(), {"-o", (tmp.path() / "direct").string()});
  auto d = run_liftshift(direct);
  ASSERT_EQ(d.exit_code, 0) << d.err;

  std::vector<std::string> plan_args = sources;
  plan_args.insert(plan_args.end(), options.begin(), options.end());
  fs::path plan = write_plan(tmp.path(), plan_args);
  for (const char* out : {"from-plan", "again"}) {
    auto r =
        run_liftshift({"containerize", "--plan", plan.string(), "-o", (tmp.path() / out).string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string messages = r.out;
    std::string from = (tmp.path() / out).string();
    std::string to = (tmp.path() / "direct").string();
    for (auto at = messages.find(from); at != std::string::npos; at = messages.find(from, at))
      messages.replace(at, from.size(), to);
    EXPECT_EQ(messages, d.out) << "the same messages as containerize";
  }
  auto expected = tree(tmp.path() / "direct");
  EXPECT_GT(expected.size(), 20u);
  EXPECT_EQ(differences(expected, tree(tmp.path() / "from-plan")), std::vector<std::string>{});
  EXPECT_EQ(differences(expected, tree(tmp.path() / "again")), std::vector<std::string>{});
}

TEST(PlanCommand, SampleServerPlanGivesTheSameFilesAsContainerize) {
  expect_round_trip({server().string()}, {});
}

// The inputs and options of tests/emit/golden_test.cpp.
TEST(PlanCommand, GoldenInputsPlanGivesTheSameFilesAsContainerize) {
  expect_round_trip({(test::fixtures() / "sample" / "published").string()}, {});
  expect_round_trip({(test::fixtures() / "servers" / "appsrv01").string()},
                    {"--windows-version", "ltsc2019"});
  expect_round_trip({(test::source_dir() / "samples" / "legacy-apps").string()},
                    {"--orchestrator", "swarm", "--isolation", "hyperv", "--windows-version",
                     "ltsc2025", "--registry", "contoso.azurecr.io/legacy"});
}

TEST(PlanCommand, PlanListsPlaceholdersAndReasons) {
  test::TempDir tmp;
  std::string text = test::read_text(write_plan(tmp.path(), {server().string()}));
  EXPECT_NE(text.find("# Placeholders to fill before deploying"), std::string::npos);
  EXPECT_NE(text.find(".domain (appsrv01.vhdx/service/OrderProcessor)"), std::string::npos);
  EXPECT_NE(text.find(".ingress_host (appsrv01.vhdx/iis/Contoso Web)"), std::string::npos);
  EXPECT_NE(text.find("registry: \"\"  # PLACEHOLDER"), std::string::npos);
  // The reasons MIGRATION.md shows, as comments above the values.
  EXPECT_NE(
      text.find("    # Windows Server version: ltsc2022\n    #   default: Windows Server 2022"),
      std::string::npos);
  EXPECT_NE(text.find("    # storage: "), std::string::npos);
  // Every listed line is the placeholder's line.
  auto lines = [&] {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
      auto end = text.find('\n', at);
      out.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return out;
  }();
  int listed = 0;
  for (const auto& l : lines) {
    if (!l.starts_with("#   line ")) continue;
    int n = std::stoi(l.substr(9));
    ASSERT_LE(n, static_cast<int>(lines.size()));
    EXPECT_NE(lines[n - 1].find("# PLACEHOLDER"), std::string::npos) << l;
    ++listed;
  }
  // The registry of 4 apps, the domain of the 3 with a gMSA, the ingress host of the 2 sites
  // and their dev overlay's.
  EXPECT_EQ(listed, 11);
  EXPECT_NE(text.find(".environments.dev.ingress_host (appsrv01.vhdx/iis/Contoso Web): the "
                      "Ingress host name in dev"),
            std::string::npos);
}

TEST(PlanCommand, EditsChangeExactlyWhatTheyEdit) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  // Windows version ltsc2025 for every application, 25Gi for the first volume.
  std::string text = test::read_text(plan);
  std::string edited;
  std::size_t at = 0;
  for (auto hit = text.find("\n    windows_version: ltsc2022\n"); hit != std::string::npos;
       hit = text.find("\n    windows_version: ltsc2022\n", at)) {
    edited += text.substr(at, hit - at) + "\n    windows_version: ltsc2025\n";
    at = hit + std::string("\n    windows_version: ltsc2022\n").size();
  }
  edited += text.substr(at);
  edited = replace_once(edited, "size: \"10Gi\"", "size: 25Gi");
  fs::path edited_plan = tmp.write("edited.yaml", edited);
  expect_schema_valid(edited_plan);

  auto r = run_liftshift(
      {"containerize", "--plan", edited_plan.string(), "-o", (tmp.path() / "edited").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto v = test::run_validators({tmp.path() / "edited"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  // What containerize --windows-version ltsc2025 writes, but for the edited
  // volume and the reason of the version in MIGRATION.md.
  auto d = run_liftshift({"containerize", server().string(), "--windows-version", "ltsc2025", "-o",
                          (tmp.path() / "direct").string()});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto direct = tree(tmp.path() / "direct");
  auto from_plan = tree(tmp.path() / "edited");
  std::vector<std::string> changed = differences(direct, from_plan);
  std::vector<std::string> expected = {"appsrv01.vhdx-iis-Contoso-Web/MIGRATION.md",
                                       "appsrv01.vhdx-iis-Contoso-Web/k8s/base/pvc-catalog.yaml",
                                       "appsrv01.vhdx-iis-Default-Web-Site/MIGRATION.md",
                                       "appsrv01.vhdx-service-OrderProcessor/MIGRATION.md",
                                       "appsrv01.vhdx-task-Contoso-Nightly-Export/MIGRATION.md"};
  EXPECT_EQ(changed, expected);
  std::string pvc = from_plan["appsrv01.vhdx-iis-Contoso-Web/k8s/base/pvc-catalog.yaml"];
  EXPECT_NE(pvc.find("storage: 25Gi"), std::string::npos) << pvc;
  std::string md = from_plan["appsrv01.vhdx-iis-Contoso-Web/MIGRATION.md"];
  EXPECT_NE(md.find("`ltsc2025`. edited in the plan (planned: ltsc2022)"), std::string::npos);
  std::string dockerfile = from_plan["appsrv01.vhdx-iis-Contoso-Web/Dockerfile"];
  EXPECT_NE(dockerfile.find("aspnet:4.8.1-windowsservercore-ltsc2025"), std::string::npos);
}

// Editing a decided value: MIGRATION.md shows the edited value with what was
// planned and why, not the planner's argument for the old value.
TEST(PlanCommand, AnEditedDecisionSaysWhatWasPlanned) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  std::string edited = replace_once(test::read_text(plan), "\n    user: ContainerUser\n",
                                    "\n    user: ContainerAdministrator\n");
  edited = replace_once(edited, "gmsa_account: svc_batch", "gmsa_account: svc_batch2");
  edited = replace_once(edited, "entry_args: /full", "entry_args: /incremental");
  edited = replace_once(edited, "      - port: 1801\n", "      - port: 1802\n");
  fs::path edited_plan = tmp.write("edited.yaml", edited);
  auto r = run_liftshift(
      {"containerize", "--plan", edited_plan.string(), "-o", (tmp.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string md = test::read_text(
      tmp.path() / "out" / "appsrv01.vhdx-task-Contoso-Nightly-Export" / "MIGRATION.md");
  EXPECT_NE(md.find("`ContainerAdministrator`. edited in the plan (planned: ContainerUser, "
                    "because no finding needs elevated rights"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("`gMSA svc_batch2`. edited in the plan (planned: gMSA svc_batch"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("seed recommends ContainerUser over the default ContainerAdmin."),
            std::string::npos)
      << "the old reason is no longer the decision's";
  EXPECT_NE(md.find("`C:\\app\\Contoso.NightlyExport.exe /incremental`. edited in the plan "
                    "(planned: C:\\app\\Contoso.NightlyExport.exe /full, because a scheduled "
                    "task: the container runs"),
            std::string::npos)
      << md;
  const std::string service =
      test::read_text(tmp.path() / "out" / "appsrv01.vhdx-service-OrderProcessor" / "MIGRATION.md");
  EXPECT_NE(service.find("**ports**: `1802, 135`. edited in the plan (planned: 1801, 135, because "
                         "1801 for MSMQ"),
            std::string::npos)
      << service;
}

// The line of the first occurrence of `needle` in text (1-based).
int line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

TEST(PlanCommand, BadEditsNameTheirLine) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  const std::string text = test::read_text(plan);
  struct Case {
    std::string from, to, message;
  };
  const std::vector<Case> cases = {
      {"    verdict: ready-with-changes\n", "    verdict: ready-with-changes\n    replica: 3\n",
       "unknown key 'replica' in apps[0]"},
      {"    replicas: 2\n", "    replicas: 0\n", "0 is not a number of instances: at least 1"},
      {"memory_request: \"1Gi\"", "memory_request: 3Gi",
       "the request 3Gi is above the limit 2Gi: Kubernetes rejects a request above its limit"},
      {"cpu_limit: \"2\"", "cpu_limit: 2 cores", "'2 cores' is not a cpu quantity"},
      {"memory_limit: \"2Gi\"", "memory_limit: 2GB", "'2GB' is not a memory quantity"},
      {"base_tag: windowsservercore-ltsc2022", "base_tag: windowsservercore-ltsc2019x",
       "does not exist for ltsc2022 (its tags: windowsservercore-ltsc2022)"},
      {"        storage_class: \"\"\n", "        storage_class: Fast_SSD\n",
       "'Fast_SSD' is not the name of a StorageClass (a DNS-1123 subdomain"},
      {"ingress_host: default-web-site.dev.example.com", "ingress_host: dev_host!",
       "'dev_host!' is not a host name"},
      {"    isolation: process\n", "    isolation: hyperv\n",
       "hyperv on Kubernetes: Kubernetes runs Windows containers with process isolation only"},
      {"container_path: C:\\inetpub\\wwwroot\\App_Data", "container_path: C:\\Windows\\System32",
       "is outside the application, over C:\\Windows"},
      {"    config: []\n",
       "    config:\n      - key: ConnectionStrings__Db\n        value: "
       "\"Server=db;Password=hunter2\"\n"
       "        reason: typed in\n",
       "holds a secret written as a value"},
  };
  for (const auto& c : cases) {
    std::string edited = replace_once(text, c.from, c.to);
    fs::path bad = tmp.write("bad.yaml", edited);
    auto r = run_liftshift(
        {"containerize", "--plan", bad.string(), "-o", (tmp.path() / "never").string()});
    EXPECT_EQ(r.exit_code, 2) << c.to;
    int line = line_of(edited, c.to.substr(c.to.find_first_not_of(' ')).substr(0, 20));
    if (c.message.starts_with("unknown")) line = line_of(edited, "replica: 3");
    if (c.message.starts_with("holds")) line = line_of(edited, "value: \"Server=db");
    std::string prefix = "liftshift: " + bad.string() + ":" + std::to_string(line) + ": ";
    EXPECT_NE(r.err.find(prefix), std::string::npos) << "wants " << prefix << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << "the secret is never printed";
    EXPECT_FALSE(fs::exists(tmp.path() / "never"));
  }
}

// `from` replaced by `to` in the first place after app_id's line.
std::string replace_in_app(const std::string& text, const std::string& app_id,
                           const std::string& from, const std::string& to) {
  auto app = text.find("app_id: " + app_id + "\n");
  EXPECT_NE(app, std::string::npos) << app_id;
  auto at = text.find(from, app);
  EXPECT_NE(at, std::string::npos) << from;
  if (app == std::string::npos || at == std::string::npos) return text;
  std::string out = text;
  out.replace(at, from.size(), to);
  return out;
}

TEST(PlanCommand, ReplicasAndResourcesEditsReachTheManifests) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  const std::string text = test::read_text(plan);
  // Planned: two instances of the stateless site, one of the site with InProc
  // session state, one of the service (its queue store is one instance's).
  EXPECT_NE(replace_in_app(text, "appsrv01.vhdx/iis/Default Web Site", "replicas: 2", "X"), text);
  EXPECT_NE(replace_in_app(text, "appsrv01.vhdx/iis/Contoso Web", "replicas: 1", "X"), text);

  std::string edited = replace_in_app(text, "appsrv01.vhdx/iis/Contoso Web", "    replicas: 1\n",
                                      "    replicas: 3\n");
  edited = replace_in_app(edited, "appsrv01.vhdx/iis/Contoso Web", "cpu_limit: \"2\"",
                          "cpu_limit: 1500m");
  edited = replace_in_app(edited, "appsrv01.vhdx/iis/Contoso Web", "memory_limit: \"2Gi\"",
                          "memory_limit: 3Gi");
  fs::path edited_plan = tmp.write("edited.yaml", edited);
  auto r = run_liftshift(
      {"containerize", "--plan", edited_plan.string(), "-o", (tmp.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path app = tmp.path() / "out" / "appsrv01.vhdx-iis-Contoso-Web";
  YAML::Node d = YAML::LoadFile((app / "k8s" / "base" / "deployment.yaml").string());
  EXPECT_EQ(d["spec"]["replicas"].as<int>(), 3);
  YAML::Node res = d["spec"]["template"]["spec"]["containers"][0]["resources"];
  EXPECT_EQ(res["limits"]["cpu"].as<std::string>(), "1500m");
  EXPECT_EQ(res["limits"]["memory"].as<std::string>(), "3Gi");
  EXPECT_EQ(res["requests"]["memory"].as<std::string>(), "1Gi");
  YAML::Node compose = YAML::LoadFile((app / "compose.yaml").string());
  YAML::Node deploy = compose["services"]["contoso-web"]["deploy"];
  EXPECT_EQ(deploy["replicas"].as<int>(), 3);
  EXPECT_EQ(deploy["resources"]["limits"]["cpus"].as<std::string>(), "1.5");
  EXPECT_EQ(deploy["resources"]["limits"]["memory"].as<std::string>(), "3g");
  std::string md = test::read_text(app / "MIGRATION.md");
  EXPECT_NE(md.find("**scale**: `3 replicas, no autoscaling`. edited in the plan (planned: 1 "
                    "replica, no autoscaling until fixed, because findings "),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("replicas 3 was edited in the plan although the plan kept one instance"),
            std::string::npos);
  EXPECT_NE(md.find("limits cpu 1500m, memory 3Gi`. edited in the plan (planned: requests cpu "
                    "500m, memory 1Gi; limits cpu 2, memory 2Gi, because "),
            std::string::npos);
  auto v = test::run_validators({tmp.path() / "out"});
  EXPECT_EQ(v.exit_code, 0) << v.out;

  // The service's queue store is one instance's (ReadWriteOnce): no second pod.
  std::string bad = replace_in_app(text, "appsrv01.vhdx/service/OrderProcessor",
                                   "    replicas: 1\n", "    replicas: 2\n");
  fs::path bad_plan = tmp.write("bad.yaml", bad);
  auto b = run_liftshift(
      {"containerize", "--plan", bad_plan.string(), "-o", (tmp.path() / "never").string()});
  EXPECT_EQ(b.exit_code, 2);
  auto replicas_at = bad.find("    replicas: 2\n", bad.find("app_id: appsrv01.vhdx/service/"));
  int line = 1 + static_cast<int>(std::count(bad.begin(), bad.begin() + replicas_at, '\n'));
  EXPECT_NE(b.err.find(bad_plan.string() + ":" + std::to_string(line) + ": "), std::string::npos)
      << "line " << line << ": " << b.err;
  EXPECT_NE(b.err.find("2 instances, but the volume msmq is owned by one instance (ReadWriteOnce)"),
            std::string::npos)
      << b.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "never"));
}

// The plan as liftshift wrote it before plans had replicas and resources:
// those keys, their comments and the resources decisions taken out.
std::string without_replicas_and_resources(const std::string& text) {
  std::istringstream in(text);
  std::string out, line;
  int skip = 0;  // lines still to drop after a dropped key
  bool in_block = false;
  while (std::getline(in, line)) {
    if (skip > 0) {
      --skip;
      continue;
    }
    if (in_block && (line.starts_with("      ") || line.starts_with("    #   "))) continue;
    in_block = false;
    if (line.starts_with("    replicas:")) continue;
    if (line.starts_with("    # resources:") || line == "    resources:") {
      in_block = true;
      continue;
    }
    if (line == "      - topic: resources") {
      skip = 2;  // its choice and reason
      continue;
    }
    out += line + "\n";
  }
  return out;
}

TEST(PlanCommand, AnOldPlanWithoutReplicasAndResourcesGetsThePlannersValues) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  const std::string old = without_replicas_and_resources(test::read_text(plan));
  ASSERT_EQ(old.find("replicas:"), std::string::npos);
  ASSERT_EQ(old.find("cpu_request"), std::string::npos);
  ASSERT_EQ(old.find("topic: resources"), std::string::npos);
  fs::path old_plan = tmp.write("old.yaml", old);
  auto fresh = run_liftshift(
      {"containerize", "--plan", plan.string(), "-o", (tmp.path() / "fresh").string()});
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  auto r = run_liftshift(
      {"containerize", "--plan", old_plan.string(), "-o", (tmp.path() / "old").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Every artifact as from the plan of today; only MIGRATION.md says so.
  for (const auto& rel : differences(tree(tmp.path() / "fresh"), tree(tmp.path() / "old")))
    EXPECT_TRUE(rel.ends_with("/MIGRATION.md")) << rel;
  fs::path site = tmp.path() / "old" / "appsrv01.vhdx-iis-Default-Web-Site";
  YAML::Node d = YAML::LoadFile((site / "k8s" / "base" / "deployment.yaml").string());
  EXPECT_EQ(d["spec"]["replicas"].as<int>(), 2) << "the autoscaler's minimum, not 1";
  const std::string md = test::read_text(site / "MIGRATION.md");
  EXPECT_NE(md.find("the plan file has no replicas, resources.cpu_request"), std::string::npos)
      << md;
  EXPECT_NE(md.find("**resources**: `requests cpu 500m, memory 1Gi; limits cpu 2, memory 2Gi`. "
                    "not in the plan file, the planner's default: IIS on Windows Server Core"),
            std::string::npos)
      << md;
  fs::path service = tmp.path() / "old" / "appsrv01.vhdx-service-OrderProcessor";
  YAML::Node s = YAML::LoadFile((service / "k8s" / "base" / "deployment.yaml").string());
  EXPECT_EQ(s["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["memory"]
                .as<std::string>(),
            "1Gi")
      << "a Windows service's limit, not IIS's 2Gi";
}

TEST(PlanCommand, EnvironmentEditsReachTheOverlays) {
  test::TempDir tmp;
  fs::path plan = write_plan(tmp.path(), {server().string()});
  const std::string site = "appsrv01.vhdx/iis/Contoso Web";
  std::string edited =
      replace_in_app(test::read_text(plan), site, "ingress_host: contoso-web.dev.example.com",
                     "ingress_host: web.dev.contoso.com");
  edited = replace_in_app(edited, site, "\n    ingress_host: \"\"",
                          "\n    ingress_host: web.contoso.com");
  // prod's storage class (the second environment of the app).
  auto prod = edited.find("      prod:\n", edited.find("app_id: " + site + "\n"));
  auto storage = edited.find("storage_class: \"\"", prod);
  edited.replace(storage, std::string("storage_class: \"\"").size(), "storage_class: premium-rwx");
  edited = replace_in_app(edited, site, "gmsa_credential_spec: contoso-web-gmsa",
                          "gmsa_credential_spec: contoso-web-gmsa-dev");
  fs::path edited_plan = tmp.write("edited.yaml", edited);
  auto r = run_liftshift(
      {"containerize", "--plan", edited_plan.string(), "-o", (tmp.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path app = tmp.path() / "out" / "appsrv01.vhdx-iis-Contoso-Web";
  const std::string dev_ingress =
      test::read_text(app / "k8s" / "overlays" / "dev" / "ingress-patch.yaml");
  EXPECT_NE(dev_ingress.find("value: web.dev.contoso.com"), std::string::npos) << dev_ingress;
  EXPECT_TRUE(fs::exists(app / "k8s" / "overlays" / "dev" / "gmsa-credentialspec-patch.yaml"));
  EXPECT_FALSE(fs::exists(app / "k8s" / "overlays" / "prod" / "ingress-patch.yaml"))
      << "prod takes the app's own host, the base's";
  bool storage_patched = false;
  for (const auto& e : fs::directory_iterator(app / "k8s" / "overlays" / "prod")) {
    if (e.path().filename().string().starts_with("pvc-"))
      storage_patched =
          test::read_text(e.path()).find("storageClassName: premium-rwx") != std::string::npos;
  }
  EXPECT_TRUE(storage_patched);
  const std::string md = test::read_text(app / "MIGRATION.md");
  EXPECT_NE(md.find("environments: `dev: host web.dev.contoso.com, credential spec "
                    "contoso-web-gmsa-dev"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("edited in the plan (planned: dev: host contoso-web.dev.example.com"),
            std::string::npos);
  EXPECT_EQ(md.find("is a placeholder (example.com is reserved"), std::string::npos)
      << "both hosts are set";
  auto v = test::run_validators({tmp.path() / "out"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(PlanCommand, ContainerizeTakesPathsOrAPlan) {
  auto r = run_liftshift({"containerize", "-o", "/tmp/never-written"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("PATH... or --plan FILE"), std::string::npos);
  auto missing =
      run_liftshift({"containerize", "--plan", "/nonexistent/plan.yaml", "-o", "/tmp/x"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the plan"), std::string::npos);
}

// The plan file holds the planning decisions: with --plan they are refused,
// not silently ignored; --disk and --server too, as the plan records the
// server's disks.
TEST(PlanCommand, PlanningOptionsAreRefusedWithAPlan) {
  auto r =
      run_liftshift({"containerize", "--plan", "/nonexistent/plan.yaml", "--pipeline", "github",
                     "--registry", "x", "--orchestrator", "swarm", "-o", "/tmp/never-written"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the plan file holds the planning options"), std::string::npos) << r.err;
  for (std::vector<std::string> disk :
       {std::vector<std::string>{"--disk", "D:=/tmp"}, std::vector<std::string>{"--server"}}) {
    std::vector<std::string> args{"containerize", "--plan", "/nonexistent/plan.yaml", "-o",
                                  "/tmp/never-written"};
    args.insert(args.end(), disk.begin(), disk.end());
    auto d = run_liftshift(args);
    EXPECT_EQ(d.exit_code, 2) << disk[0];
    EXPECT_NE(d.err.find("the plan file records the server's disks"), std::string::npos) << d.err;
  }
}

// plan takes the planning options containerize takes (one registration).
TEST(PlanCommand, PlanTakesEveryPlanningOption) {
  expect_round_trip({(test::fixtures() / "sample" / "published").string()},
                    {"--pipeline", "github,gitlab"});
  for (const char* option : {"--pipeline", "--disk", "--server", "--registry"}) {
    auto help = run_liftshift({"plan", "--help"});
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  }
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

TEST(PlanCommand, FilledPlaceholdersReachTheManifests) {
  test::TempDir tmp;
  std::string text = test::read_text(write_plan(tmp.path(), {server().string()}));
  std::string marker = "    domain: \"\"  # PLACEHOLDER";
  text = replace_once(text, marker, "    domain: corp.contoso.com  #");
  text = replace_once(text, "    ingress_host: \"\"  # PLACEHOLDER",
                      "    ingress_host: web.contoso.com  #");
  fs::path edited = tmp.write("filled.yaml", text);
  auto r =
      run_liftshift({"containerize", "--plan", edited.string(), "-o", (tmp.path() / "o").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path app = tmp.path() / "o" / "appsrv01.vhdx-iis-Default-Web-Site";
  EXPECT_NE(test::read_text(app / "k8s" / "base" / "ingress.yaml").find("host: web.contoso.com"),
            std::string::npos);
  fs::path web = tmp.path() / "o" / "appsrv01.vhdx-iis-Contoso-Web";
  std::string spec = test::read_text(web / "k8s" / "base" / "gmsa-credentialspec.yaml");
  EXPECT_NE(spec.find("DnsName: corp.contoso.com"), std::string::npos) << spec;
  EXPECT_NE(spec.find("NetBiosName: CORP"), std::string::npos) << spec;
  auto v = test::run_validators({tmp.path() / "o"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

}  // namespace
}  // namespace liftshift
