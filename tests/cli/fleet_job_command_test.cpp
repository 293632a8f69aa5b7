// `liftshift fleet-job` end to end: the manifest it writes, the Secret
// handling, and the specific refusals (exit 2) of bad inputs.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "emit/validators.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

const std::string kPassword = "Fl33t!Pwd";
const std::string kUrl = "postgresql://liftshift:" + kPassword + "@db.example.com:5432/estate";
const std::string kList = "# estate\nservers/appsrv01.vhdx\nservers/dc01\n";

struct Fixture {
  test::TempDir dir;
  std::string list = dir.write("sources.txt", kList).string();
  // The usual arguments; an option in extra replaces the usual value.
  [[nodiscard]] std::vector<std::string> args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> a{"fleet-job",
                               "--list",
                               list,
                               "--shards",
                               "2",
                               "--store",
                               kUrl,
                               "--image",
                               "registry.example.com/liftshift:0.1.0",
                               "--sources-pvc",
                               "fleet-images"};
    for (std::size_t i = 0; i < extra.size(); ++i) {
      auto known = std::find(a.begin(), a.end(), extra[i]);
      if (known != a.end() && i + 1 < extra.size() && extra[i].starts_with("--")) {
        *(known + 1) = extra[++i];
      } else {
        a.push_back(extra[i]);
      }
    }
    return a;
  }
};

YAML::Node find_kind(const std::string& manifest, const std::string& kind) {
  for (const auto& d : YAML::LoadAll(manifest)) {
    if (d["kind"].as<std::string>() == kind) return d;
  }
  return {};
}

void expect_refused(const std::vector<std::string>& args, const std::string& message) {
  auto r = run_liftshift(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << "expected: " << message << "\n" << r.err;
  EXPECT_TRUE(r.out.empty()) << "no manifest for bad input:\n" << r.out;
  EXPECT_EQ(r.err.find(kPassword), std::string::npos);
}

TEST(FleetJobCommand, WritesAValidManifestWithoutThePassword) {
  Fixture f;
  fs::path out = f.dir.path() / "k8s" / "fleet-job.yaml";
  fs::create_directories(out.parent_path());
  auto r = run_liftshift(f.args({"-o", out.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::string manifest = test::read_text(out);
  EXPECT_EQ(manifest.find(kPassword), std::string::npos);
  EXPECT_EQ(manifest.find("db.example.com"), std::string::npos);
  EXPECT_EQ(r.err.find(kPassword), std::string::npos) << r.err;
  // The hint says how to create the Secret, with the password masked.
  EXPECT_NE(r.err.find("kubectl create secret generic liftshift-fleet-store --from-literal=url='"
                       "postgresql://liftshift:***@db.example.com:5432/estate'"),
            std::string::npos)
      << r.err;
  YAML::Node job = find_kind(manifest, "Job");
  EXPECT_EQ(job["spec"]["completionMode"].as<std::string>(), "Indexed");
  EXPECT_EQ(job["spec"]["completions"].as<int>(), 2);
  EXPECT_EQ(job["spec"]["template"]["spec"]["containers"][0]["args"][4].as<std::string>(),
            "$(JOB_COMPLETION_INDEX)/2");
  EXPECT_EQ(find_kind(manifest, "ConfigMap")["data"]["sources.txt"].as<std::string>(), kList);
  EXPECT_TRUE(find_kind(manifest, "Secret").IsNull());
  auto v = test::run_validators({out.parent_path()});
  EXPECT_EQ(v.exit_code, 0) << v.out;

  // Never overwritten without --force.
  auto again = run_liftshift(f.args({"-o", out.string()}));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("exists; use --force"), std::string::npos) << again.err;
  EXPECT_EQ(run_liftshift(f.args({"-o", out.string(), "--force", "--name", "second"})).exit_code,
            0);
  EXPECT_NE(test::read_text(out).find("name: second"), std::string::npos);
}

TEST(FleetJobCommand, LiteralSecretOnlyWhenAskedAndThenPrivate) {
  Fixture f;
  fs::path out = f.dir.path() / "fleet.yaml";
  auto r = run_liftshift(f.args({"--store-secret-literal", "-o", out.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string manifest = test::read_text(out);
  EXPECT_EQ(find_kind(manifest, "Secret")["stringData"]["url"].as<std::string>(), kUrl);
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "a file holding a credential is private";
  EXPECT_NE(r.err.find("keep it out of version control"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kPassword), std::string::npos);
}

TEST(FleetJobCommand, AnExistingSecretNeedsNoUrlOnTheCommandLine) {
  Fixture f;
  auto r = run_liftshift({"fleet-job", "--list", f.list, "--shards", "1", "--image",
                          "liftshift:0.1.0", "--store-secret", "estate-db", "--sources-pvc",
                          "fleet-images", "--namespace", "migration"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  YAML::Node job = find_kind(r.out, "Job");
  EXPECT_EQ(job["metadata"]["namespace"].as<std::string>(), "migration");
  EXPECT_EQ(job["spec"]["template"]["spec"]["containers"][0]["env"][1]["valueFrom"]["secretKeyRef"]
               ["name"]
                   .as<std::string>(),
            "estate-db");
  EXPECT_NE(r.err.find("kubectl create secret generic estate-db -n migration"), std::string::npos)
      << r.err;
}

TEST(FleetJobCommand, WarnsAboutUnpinnedImagesAndHostPath) {
  Fixture f;
  auto r = run_liftshift({"fleet-job", "--list", f.list, "--shards", "1", "--store", kUrl,
                          "--image", "liftshift", "--sources-host-path", "/srv/fleet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("has no tag or digest"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hostPath needs /srv/fleet on every Linux node"), std::string::npos);
  EXPECT_EQ(find_kind(r.out, "Job")["spec"]["template"]["spec"]["volumes"][1]["hostPath"]["path"]
                .as<std::string>(),
            "/srv/fleet");
}

TEST(FleetJobCommand, RefusesBadInputsWithSpecificMessages) {
  Fixture f;
  expect_refused(f.args({"--shards", "0"}), "--shards 0 is out of range 1..10000");
  expect_refused(f.args({"--shards", "10001"}), "--shards 10001 is out of range 1..10000");
  expect_refused(f.args({"--shards", "3"}), "--shards 3 but the list has 2 source(s)");
  expect_refused(f.args({"--image", "Registry Example/liftshift"}),
                 "is not a well-formed image reference");
  expect_refused(f.args({"--image", "liftshift:"}), "is not a well-formed image reference");
  expect_refused(f.args({"--parallelism", "3"}), "--parallelism 3 is out of range");
  expect_refused(f.args({"--name", "Fleet"}), "--name Fleet is not a valid Job name");
  expect_refused(f.args({"--cpu", "lots"}), "--cpu lots is not a CPU quantity");

  std::string absent = (f.dir.path() / "absent.txt").string();
  expect_refused(f.args({"--list", absent}), "cannot read --list " + absent);
  expect_refused(f.args({"--list", f.dir.write("empty.txt", "# nothing yet\n\n").string()}),
                 "the list holds no source");
  expect_refused(f.args({"--list", f.dir.write("control.txt", "a\nb\x07\n").string()}),
                 "line 2: invalid UTF-8 or a control character");
  expect_refused(f.args({"--list", f.dir.write("outside.txt", "/data/a.vhdx\nb\n").string()}),
                 "list entry /data/a.vhdx is outside /sources");

  expect_refused({"fleet-job", "--list", f.list, "--shards", "1", "--image", "liftshift:1",
                  "--sources-pvc", "x"},
                 "give --store postgresql://");
  expect_refused(f.args({"--store", (f.dir.path() / "results.db").string()}),
                 "--store must be a postgresql:// URL");
  expect_refused(
      {"fleet-job", "--list", f.list, "--shards", "1", "--image", "liftshift:1", "--store", kUrl},
      "give --sources-pvc NAME");
  expect_refused(f.args({"--sources-host-path", "/srv"}), "excludes");
  expect_refused({"fleet-job", "--list", f.list, "--shards", "1", "--image", "liftshift:1",
                  "--store-secret", "db", "--store-secret-literal", "--sources-pvc", "x"},
                 "requires --store");
  expect_refused(f.args({"--shards", "two"}), "--shards");
}

// Kubernetes expands $(NAME) in args from the container's env; the pod's
// env values are given here as the cluster would resolve them.
std::string expand(std::string arg, const std::map<std::string, std::string>& env) {
  for (const auto& [name, value] : env) {
    std::string ref = "$(" + name + ")";
    for (auto at = arg.find(ref); at != std::string::npos; at = arg.find(ref, at + value.size()))
      arg.replace(at, ref.size(), value);
  }
  return arg;
}

// Runs, locally, every pod the manifest describes: for each completion index
// the container's command with the index, the list from the ConfigMap and a
// local store, then checks that every listed source was assessed by exactly
// one pod and is in the store once.
TEST(FleetJobCommand, ThePodsOfTheManifestAssessEverySourceExactlyOnce) {
  test::TempDir tmp;
  // The list holds paths relative to the sources volume (mounted at the
  // default /sources, the pods' working folder); locally the fixtures folder
  // stands in for the volume, wherever the checkout lives.
  std::string root = test::fixtures().string();
  std::vector<std::string> relative{"sample/published/ContosoWeb",
                                    "sample/published/InventoryTool",
                                    "sample/published/OrderProcessor",
                                    "servers/appsrv01",
                                    "servers/dc01",
                                    "servers/appsrv01.vhdx",
                                    "servers/dc01.vmdk"};
  std::vector<std::string> sources;
  for (const auto& r : relative) sources.push_back(root + "/" + r);
  auto list_of = [](const std::vector<std::string>& paths) {
    std::string text = "# the estate\n";
    for (std::size_t i = 0; i < paths.size(); ++i)
      text += paths[i] + (i == 2 ? "\n\n# servers\n" : "\n");
    return text + paths[0] + "\n";  // listed twice, assessed once
  };
  std::string list_text = list_of(relative);
  std::string list = tmp.write("estate.txt", list_text).string();
  fs::path manifest_path = tmp.path() / "k8s" / "fleet.yaml";
  auto r =
      run_liftshift({"fleet-job", "--list", list, "--shards", "3", "--store", kUrl, "--image",
                     "liftshift:0.1.0", "--sources-pvc", "fleet", "-o", manifest_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string manifest = test::read_text(manifest_path);

  // The list as the pods read it, from the ConfigMap.
  std::string in_pod = find_kind(manifest, "ConfigMap")["data"]["sources.txt"].as<std::string>();
  EXPECT_EQ(in_pod, list_text);
  std::string pod_list = tmp.write("pod/sources.txt", list_of(sources)).string();
  std::string store = (tmp.path() / "results.db").string();

  YAML::Node job = find_kind(manifest, "Job");
  int completions = job["spec"]["completions"].as<int>();
  ASSERT_EQ(completions, 3);
  YAML::Node c = job["spec"]["template"]["spec"]["containers"][0];
  ASSERT_EQ(c["command"].size(), 1u);
  EXPECT_EQ(c["command"][0].as<std::string>(), "liftshift");
  std::string mounted_list;
  for (const auto& m : c["volumeMounts"]) {
    if (m["name"].as<std::string>() == "list")
      mounted_list = m["mountPath"].as<std::string>() + "/sources.txt";
  }
  std::map<std::string, int> assessed;
  for (int index = 0; index < completions; ++index) {
    std::map<std::string, std::string> env;
    for (const auto& e : c["env"]) {
      std::string name = e["name"].as<std::string>();
      if (e["value"]) {
        env[name] = e["value"].as<std::string>();
      } else if (e["valueFrom"]["fieldRef"]) {
        EXPECT_EQ(e["valueFrom"]["fieldRef"]["fieldPath"].as<std::string>(),
                  "metadata.annotations['batch.kubernetes.io/job-completion-index']");
        env[name] = std::to_string(index);
      } else if (e["valueFrom"]["secretKeyRef"]) {
        env[name] = store;  // the Secret's url, here a local store
      }
    }
    std::vector<std::string> args;
    for (const auto& a : c["args"]) {
      std::string arg = expand(a.as<std::string>(), env);
      EXPECT_EQ(arg.find("$("), std::string::npos) << "unresolved: " << arg;
      args.push_back(arg == mounted_list ? pod_list : arg);
    }
    args.insert(args.end(), {"--format", "json"});
    for (const auto& a : args) {
      EXPECT_EQ(a.find(store), std::string::npos) << "the store URL is on the command line: " << a;
    }
    // The pod's environment, as the kubelet sets it (the store URL from the
    // Secret among it).
    std::vector<std::string> pod_env;
    for (const auto& [name, value] : env) pod_env.push_back(name + "=" + value);
    auto pod = run_liftshift(args, pod_env);
    ASSERT_EQ(pod.exit_code, 0) << "pod " << index << ": " << pod.err;
    auto report = nlohmann::json::parse(pod.out);
    EXPECT_FALSE(report["sources"].empty()) << "pod " << index << " had nothing to do";
    for (const auto& s : report["sources"]) ++assessed[s["path"].get<std::string>()];
  }
  EXPECT_EQ(assessed.size(), sources.size());
  for (const auto& s : sources) EXPECT_EQ(assessed[s], 1) << s;

  auto opened = open_store(store);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto estate = (*opened)->load();
  ASSERT_TRUE(estate.ok()) << estate.error().message;
  std::map<std::string, int> stored;
  for (const auto& s : estate->sources) ++stored[s.path];
  EXPECT_EQ(stored.size(), sources.size());
  for (const auto& s : sources) EXPECT_EQ(stored[s], 1) << s;
  auto runs = (*opened)->runs();
  ASSERT_TRUE(runs.ok()) << runs.error().message;
  std::map<std::string, int> shards;
  for (const auto& run : *runs) shards[run.info.shard] += run.sources;
  EXPECT_EQ(shards, (std::map<std::string, int>{{"0/3", 3}, {"1/3", 2}, {"2/3", 2}}));
}

}  // namespace
}  // namespace liftshift
