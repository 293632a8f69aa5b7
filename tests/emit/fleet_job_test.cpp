// The fleet job manifest (ConfigMap with the list, optional Secret, Indexed
// Job), its checks and the list reader; every manifest goes through the real
// validators (kubernetes-models, yamllint).
#include "emit/fleet_job.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "emit/validators.hpp"

namespace liftshift {
namespace {

const char* const kList =
    "# the application servers\n"
    "servers/appsrv01.vhdx\n"
    "servers/appsrv02.vhdx\n"
    "\n"
    "# copied system drives\n"
    "/sources/drives/dc01\n"
    "drives/web01\n";

FleetJob sample_job(int shards = 3) {
  FleetJob job;
  job.image = "registry.example.com/tools/liftshift:0.1.0";
  job.shards = shards;
  auto list = read_fleet_list(kList);
  EXPECT_TRUE(list.ok());
  job.list = *list;
  job.sources = "fleet-images";
  return job;
}

std::vector<YAML::Node> documents(const std::string& manifest) { return YAML::LoadAll(manifest); }

YAML::Node find_kind(const std::string& manifest, const std::string& kind) {
  for (const auto& d : documents(manifest)) {
    if (d["kind"].as<std::string>() == kind) return d;
  }
  return {};
}

// Written as k8s/fleet-job.yaml so validate.js checks it as Kubernetes objects.
void expect_valid(const std::string& manifest) {
  test::TempDir dir;
  dir.write("k8s/fleet-job.yaml", manifest);
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.out << "\n" << manifest;
  EXPECT_NE(r.out.find("validated 1 files"), std::string::npos) << r.out;
}

bool has(const std::vector<std::string>& problems, const std::string& text) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

TEST(FleetJobManifest, IsAnIndexedJobWithTheListInAConfigMap) {
  FleetJob job = sample_job(3);
  ASSERT_TRUE(fleet_job_problems(job).empty());
  std::string manifest = fleet_job_manifest(job);
  ASSERT_EQ(documents(manifest).size(), 2u) << "ConfigMap and Job, no Secret by default";

  YAML::Node cm = find_kind(manifest, "ConfigMap");
  ASSERT_TRUE(cm);
  EXPECT_EQ(cm["metadata"]["name"].as<std::string>(), "liftshift-fleet-list");
  EXPECT_TRUE(cm["immutable"].as<bool>());
  EXPECT_EQ(cm["data"]["sources.txt"].as<std::string>(), kList) << "the list, byte for byte";
  EXPECT_NE(manifest.find("  sources.txt: |\n    # the application servers\n"), std::string::npos)
      << "a readable literal block:\n"
      << manifest;

  YAML::Node j = find_kind(manifest, "Job");
  ASSERT_TRUE(j);
  EXPECT_EQ(j["apiVersion"].as<std::string>(), "batch/v1");
  EXPECT_EQ(j["spec"]["completionMode"].as<std::string>(), "Indexed");
  EXPECT_EQ(j["spec"]["completions"].as<int>(), 3);
  EXPECT_EQ(j["spec"]["parallelism"].as<int>(), 3);
  EXPECT_EQ(j["spec"]["backoffLimitPerIndex"].as<int>(), 2);
  EXPECT_EQ(j["spec"]["podFailurePolicy"]["rules"][0]["action"].as<std::string>(), "Ignore");
  YAML::Node pod = j["spec"]["template"]["spec"];
  EXPECT_EQ(pod["restartPolicy"].as<std::string>(), "Never");
  EXPECT_EQ(pod["nodeSelector"]["kubernetes.io/os"].as<std::string>(), "linux");
  EXPECT_FALSE(pod["automountServiceAccountToken"].as<bool>());
  EXPECT_TRUE(pod["securityContext"]["runAsNonRoot"].as<bool>());
  EXPECT_EQ(pod["securityContext"]["runAsUser"].as<int>(), 65532);
  EXPECT_EQ(pod["securityContext"]["seccompProfile"]["type"].as<std::string>(), "RuntimeDefault");

  YAML::Node c = pod["containers"][0];
  EXPECT_EQ(c["image"].as<std::string>(), job.image);
  std::vector<std::string> command{c["command"][0].as<std::string>()};
  for (const auto& a : c["args"]) command.push_back(a.as<std::string>());
  EXPECT_EQ(command, (std::vector<std::string>{"liftshift", "assess", "--from-list",
                                               "/etc/liftshift/list/sources.txt", "--shard",
                                               "$(JOB_COMPLETION_INDEX)/3"}));
  EXPECT_EQ(c["workingDir"].as<std::string>(), "/sources");
  EXPECT_EQ(c["env"][0]["name"].as<std::string>(), "JOB_COMPLETION_INDEX");
  EXPECT_EQ(c["env"][0]["valueFrom"]["fieldRef"]["fieldPath"].as<std::string>(),
            "metadata.annotations['batch.kubernetes.io/job-completion-index']");
  EXPECT_EQ(c["env"][1]["name"].as<std::string>(), "LIFTSHIFT_STORE");
  EXPECT_EQ(c["env"][1]["valueFrom"]["secretKeyRef"]["name"].as<std::string>(),
            "liftshift-fleet-store");
  EXPECT_EQ(c["env"][1]["valueFrom"]["secretKeyRef"]["key"].as<std::string>(), "url");
  YAML::Node sc = c["securityContext"];
  EXPECT_FALSE(sc["allowPrivilegeEscalation"].as<bool>());
  EXPECT_TRUE(sc["readOnlyRootFilesystem"].as<bool>());
  EXPECT_TRUE(sc["runAsNonRoot"].as<bool>());
  EXPECT_EQ(sc["capabilities"]["drop"][0].as<std::string>(), "ALL");
  EXPECT_EQ(c["resources"]["requests"]["memory"].as<std::string>(), "1Gi");
  EXPECT_EQ(c["resources"]["limits"]["cpu"].as<std::string>(), "1");

  // The list and the sources are mounted read-only; only /tmp is writable.
  std::map<std::string, YAML::Node> mounts;
  for (const auto& m : c["volumeMounts"]) mounts.emplace(m["name"].as<std::string>(), m);
  EXPECT_TRUE(mounts["list"]["readOnly"].as<bool>());
  EXPECT_EQ(mounts["list"]["mountPath"].as<std::string>(), "/etc/liftshift/list");
  EXPECT_TRUE(mounts["sources"]["readOnly"].as<bool>());
  EXPECT_EQ(mounts["sources"]["mountPath"].as<std::string>(), "/sources");
  EXPECT_EQ(pod["volumes"][0]["configMap"]["name"].as<std::string>(), "liftshift-fleet-list");
  EXPECT_EQ(pod["volumes"][1]["persistentVolumeClaim"]["claimName"].as<std::string>(),
            "fleet-images");
  EXPECT_TRUE(pod["volumes"][1]["persistentVolumeClaim"]["readOnly"].as<bool>());
  expect_valid(manifest);
}

TEST(FleetJobManifest, ParallelismDefaultsToAtMostEightAndNamespaceGoesEverywhere) {
  FleetJob job = sample_job(1);
  std::string many;
  for (int i = 0; i < 300; ++i) many += "servers/app" + std::to_string(i) + ".vhdx\n";
  job.list = *read_fleet_list(many);
  job.shards = 40;
  job.k8s_namespace = "migration";
  job.name = "estate";
  ASSERT_TRUE(fleet_job_problems(job).empty());
  std::string manifest = fleet_job_manifest(job);
  YAML::Node j = find_kind(manifest, "Job");
  EXPECT_EQ(j["spec"]["parallelism"].as<int>(), 8);
  EXPECT_EQ(j["spec"]["completions"].as<int>(), 40);
  EXPECT_EQ(j["spec"]["template"]["spec"]["containers"][0]["args"][4].as<std::string>(),
            "$(JOB_COMPLETION_INDEX)/40");
  for (const auto& d : documents(manifest))
    EXPECT_EQ(d["metadata"]["namespace"].as<std::string>(), "migration");
  EXPECT_EQ(find_kind(manifest, "ConfigMap")["data"]["sources.txt"].as<std::string>(), many);
  EXPECT_NE(manifest.find("kubectl apply -n migration"), std::string::npos);
  job.parallelism = 5;
  EXPECT_EQ(find_kind(fleet_job_manifest(job), "Job")["spec"]["parallelism"].as<int>(), 5);
  expect_valid(manifest);
}

TEST(FleetJobManifest, NoStoreUrlUnlessTheSecretIsAskedFor) {
  FleetJob job = sample_job();
  const std::string url = "postgresql://liftshift:Fl33t!Pwd@db.example.com/estate";
  std::string plain = fleet_job_manifest(job);
  EXPECT_EQ(plain.find("Fl33t!Pwd"), std::string::npos);
  EXPECT_EQ(plain.find("db.example.com"), std::string::npos);
  EXPECT_TRUE(find_kind(plain, "Secret").IsNull()) << "references a Secret, never writes one";

  job.store_secret = "estate-db";
  job.store_url_literal = url;
  std::string literal = fleet_job_manifest(job);
  YAML::Node secret = find_kind(literal, "Secret");
  ASSERT_TRUE(secret);
  EXPECT_EQ(secret["metadata"]["name"].as<std::string>(), "estate-db");
  EXPECT_EQ(secret["stringData"]["url"].as<std::string>(), url);
  YAML::Node j = find_kind(literal, "Job");
  EXPECT_EQ(
      j["spec"]["template"]["spec"]["containers"][0]["env"][1]["valueFrom"]["secretKeyRef"]["name"]
          .as<std::string>(),
      "estate-db");
  // The URL is in the Secret only, once.
  auto first = literal.find(url);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(literal.find(url, first + 1), std::string::npos);
  expect_valid(literal);
}

TEST(FleetJobManifest, HostPathSourcesAreMountedReadOnlyAtTheChosenPath) {
  FleetJob job = sample_job();
  job.sources_kind = SourcesVolume::kHostPath;
  job.sources = "/srv/fleet";
  job.sources_mount = "/srv/fleet";
  job.list = *read_fleet_list("/srv/fleet/a.vhdx\nb/c.vhdx\nd\n");
  ASSERT_TRUE(fleet_job_problems(job).empty());
  std::string manifest = fleet_job_manifest(job);
  YAML::Node pod = find_kind(manifest, "Job")["spec"]["template"]["spec"];
  EXPECT_EQ(pod["volumes"][1]["hostPath"]["path"].as<std::string>(), "/srv/fleet");
  EXPECT_EQ(pod["volumes"][1]["hostPath"]["type"].as<std::string>(), "Directory");
  EXPECT_EQ(pod["containers"][0]["volumeMounts"][1]["mountPath"].as<std::string>(), "/srv/fleet");
  EXPECT_TRUE(pod["containers"][0]["volumeMounts"][1]["readOnly"].as<bool>());
  EXPECT_EQ(pod["containers"][0]["workingDir"].as<std::string>(), "/srv/fleet");
  expect_valid(manifest);
}

TEST(FleetJobManifest, RunsOfBlankLinesPassYamllint) {
  FleetJob job = sample_job(2);
  job.list = *read_fleet_list("a.vhdx\n\n\n\n\n# next\n\n\n\nb.vhdx\n");
  std::string manifest = fleet_job_manifest(job);
  EXPECT_EQ(find_kind(manifest, "ConfigMap")["data"]["sources.txt"].as<std::string>(),
            "a.vhdx\n\n# next\n\nb.vhdx\n");
  expect_valid(manifest);
}

TEST(FleetJobManifest, AListThatNoLiteralBlockKeepsIsStillExact) {
  // Not what read_fleet_list gives, but the emitter must stay exact anyway.
  FleetJob job = sample_job();
  job.list.text = "a.vhdx  \n\tb.vhdx\n\n\n";
  std::string manifest = fleet_job_manifest(job);
  EXPECT_EQ(find_kind(manifest, "ConfigMap")["data"]["sources.txt"].as<std::string>(),
            job.list.text);
}

TEST(FleetList, KeepsAPlainFileByteForByteAndReadsTheSources) {
  auto list = read_fleet_list(kList);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->text, kList);
  EXPECT_EQ(list->sources,
            (std::vector<std::string>{"servers/appsrv01.vhdx", "servers/appsrv02.vhdx",
                                      "/sources/drives/dc01", "drives/web01"}));
}

TEST(FleetList, NormalisesCrlfBomAndSurroundingBlanks) {
  auto list =
      read_fleet_list("\xEF\xBB\xBF\n\n  a.vhdx \r\n# note\r\n\r\n \r\n\n\tb c.vhdx\r\n\r\n\r\n");
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->text, "a.vhdx\n# note\n\nb c.vhdx\n") << "one blank line for a run of them";
  EXPECT_EQ(list->sources, (std::vector<std::string>{"a.vhdx", "b c.vhdx"}));
  auto twice = read_fleet_list("a\nb\na\n");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->text, "a\nb\na\n");
  EXPECT_EQ(twice->sources, (std::vector<std::string>{"a", "b"})) << "as assess counts them";
  auto no_newline = read_fleet_list("only");
  ASSERT_TRUE(no_newline.ok());
  EXPECT_EQ(no_newline->text, "only\n");
}

// Control characters and bad UTF-8 are the parser's (tests/core/source_list_test.cpp).
TEST(FleetList, RefusesWhatTheParserRefusesAndEmptyLists) {
  auto control = read_fleet_list("a\n\n\n\nb\x1b[31m\n");
  ASSERT_FALSE(control.ok());
  EXPECT_NE(control.error().message.find("line 5"), std::string::npos) << control.error().message;
  auto empty = read_fleet_list("\n# nothing here\n  \n");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no source"), std::string::npos);
  EXPECT_FALSE(read_fleet_list("").ok());
}

TEST(FleetJobChecks, ImageReferences) {
  const std::string hex64(64, 'a');
  const std::string long_tag(129, 't');
  for (const std::string& good :
       {std::string("liftshift"), std::string("liftshift:0.1.0"), std::string("tools/liftshift"),
        std::string("registry.example.com/tools/liftshift:1"),
        std::string("registry.example.com:5000/a/b/c:v1.2-rc_3"),
        std::string("localhost/liftshift:dev"), std::string("localhost:5000/liftshift"),
        std::string("docker.io/library/debian:12"), std::string("my-registry.local/x__y.z-w"),
        "ghcr.io/org/liftshift@sha256:" + hex64, "ghcr.io/org/liftshift:1.0@sha256:" + hex64,
        "x:" + long_tag.substr(1)}) {
    EXPECT_TRUE(is_image_reference(good)) << good;
  }
  for (const std::string& bad :
       {std::string(), std::string("Liftshift"), std::string("tools/LiftShift:1"),
        std::string("liftshift:"), std::string("liftshift::1"), std::string("lift shift"),
        std::string("-liftshift"), std::string("liftshift-"), std::string("registry.example.com/"),
        std::string("registry.example.com:port/x"), std::string("x@sha256:abc"), "x@:" + hex64,
        std::string("x:.tag"), std::string("a//b"), std::string("a/b/"), "x:" + long_tag}) {
    EXPECT_FALSE(is_image_reference(bad)) << bad;
  }
  EXPECT_TRUE(is_pinned_image("a/b:1.0"));
  EXPECT_TRUE(is_pinned_image("a@sha256:0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(is_pinned_image("a/b"));
  EXPECT_FALSE(is_pinned_image("a/b:latest"));
  EXPECT_FALSE(is_pinned_image("localhost:5000/b"));
}

TEST(FleetJobChecks, RefusesWhatTheClusterWouldRefuseOrNeverReach) {
  FleetJob job = sample_job();
  EXPECT_TRUE(fleet_job_problems(job).empty());

  FleetJob zero = sample_job(0);
  EXPECT_TRUE(has(fleet_job_problems(zero), "--shards 0 is out of range 1..10000"));
  FleetJob huge = sample_job(10001);
  EXPECT_TRUE(has(fleet_job_problems(huge), "--shards 10001 is out of range 1..10000"));
  FleetJob more = sample_job(5);
  EXPECT_TRUE(has(fleet_job_problems(more), "--shards 5 but the list has 4 source(s)"));

  FleetJob names = sample_job();
  names.name = "Fleet_Job";
  names.k8s_namespace = "Migration";
  names.store_secret = "db url";
  auto p = fleet_job_problems(names);
  EXPECT_TRUE(has(p, "--name Fleet_Job is not a valid Job name"));
  EXPECT_TRUE(has(p, "--namespace Migration is not a valid namespace name"));
  EXPECT_TRUE(has(p, "--store-secret db url is not a valid Secret name"));

  FleetJob long_name = sample_job();
  long_name.name = std::string(62, 'a');
  EXPECT_TRUE(has(fleet_job_problems(long_name), "must fit in 63 characters"));
  long_name.name = std::string(61, 'a');
  long_name.shards = 4;
  long_name.list = *read_fleet_list("a\nb\nc\nd\n");
  EXPECT_TRUE(fleet_job_problems(long_name).empty()) << "61 + '-' + one digit = 63";

  FleetJob image = sample_job();
  image.image = "Registry Example/liftshift";
  EXPECT_TRUE(has(fleet_job_problems(image), "is not a well-formed image reference"));

  FleetJob counts = sample_job();
  counts.parallelism = 4;
  counts.retries = -1;
  counts.cpu = "two";
  counts.memory = "0Gi";
  counts.run_as_user = 0;
  p = fleet_job_problems(counts);
  EXPECT_TRUE(has(p, "--parallelism 4 is out of range 1..--shards (3)"));
  EXPECT_TRUE(has(p, "--retries -1 is out of range"));
  EXPECT_TRUE(has(p, "--cpu two is not a CPU quantity"));
  EXPECT_TRUE(has(p, "--memory 0Gi is not a memory quantity"));
  EXPECT_TRUE(has(p, "--run-as-user 0 must be a non-root user id"));

  FleetJob sources = sample_job();
  sources.sources.clear();
  sources.sources_mount = "/tmp/sources";
  p = fleet_job_problems(sources);
  EXPECT_TRUE(has(p, "give --sources-pvc NAME"));
  EXPECT_TRUE(has(p, "--sources-mount /tmp/sources overlaps /tmp"));
  FleetJob relative = sample_job();
  relative.sources_mount = "sources/";
  EXPECT_TRUE(has(fleet_job_problems(relative), "--sources-mount sources/ must be an absolute"));
}

TEST(FleetJobChecks, ListEntriesOutsideTheMountAreRefused) {
  FleetJob job = sample_job(1);
  job.list = *read_fleet_list(
      "inside.vhdx\n/sources/also/inside\n/data/outside.vhdx\n../escape.vhdx\n"
      "C:\\images\\app.vhdx\n\\\\fileserver\\share\\x.vhdx\n");
  auto p = fleet_job_problems(job);
  EXPECT_EQ(p.size(), 4u) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "list entry /data/outside.vhdx is outside /sources"));
  EXPECT_TRUE(has(p, "list entry ../escape.vhdx is outside /sources"));
  EXPECT_TRUE(has(p, "list entry C:\\images\\app.vhdx is a Windows path"));
  EXPECT_TRUE(has(p, "\\\\fileserver\\share\\x.vhdx is a Windows path"));
  std::string many;
  for (int i = 0; i < 9; ++i) many += "/elsewhere/" + std::to_string(i) + "\n";
  job.list = *read_fleet_list(many);
  p = fleet_job_problems(job);
  EXPECT_EQ(p.size(), 6u);
  EXPECT_TRUE(has(p, "... and 4 more list entries the pods cannot reach"));
}

}  // namespace
}  // namespace liftshift
