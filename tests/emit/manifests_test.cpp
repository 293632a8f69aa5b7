// Kubernetes manifests, compose.yaml, LogMonitorConfig.json, MIGRATION.md,
// BACKUP.md and BLOCKED.md for planned apps; every generated file is also
// put through the real validators.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/cron.hpp"
#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "emit/validators.hpp"

namespace liftshift {
namespace {

using test::options;

const Artifact* find(const std::vector<Artifact>& all, const std::string& path) {
  for (const auto& a : all) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

void expect_valid(const std::vector<Artifact>& artifacts) {
  test::TempDir dir;
  for (const auto& a : artifacts) dir.write(a.path, a.content);
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(K8sManifests, WebAppDeploymentPinsWindowsNodesUserAndGmsa) {
  auto f = test::web_app();
  auto all = render_artifacts(plan_app(f.assessment, options(WindowsVersion::kLtsc2025)));
  const Artifact* dep = find(all, "k8s/base/deployment.yaml");
  ASSERT_NE(dep, nullptr);
  YAML::Node d = YAML::Load(dep->content);
  YAML::Node pod = d["spec"]["template"]["spec"];
  EXPECT_EQ(pod["nodeSelector"]["kubernetes.io/os"].as<std::string>(), "windows");
  EXPECT_EQ(pod["nodeSelector"]["node.kubernetes.io/windows-build"].as<std::string>(),
            "10.0.26100");
  EXPECT_EQ(pod["tolerations"][0]["value"].as<std::string>(), "windows");
  EXPECT_EQ(pod["securityContext"]["windowsOptions"]["runAsUserName"].as<std::string>(),
            "ContainerAdministrator");
  EXPECT_EQ(pod["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"].as<std::string>(),
            "app-gmsa");
  EXPECT_EQ(d["spec"]["replicas"].as<int>(), 1);
  for (const char* file : {"k8s/base/service.yaml", "k8s/base/ingress.yaml",
                           "k8s/secret.template.yaml", "k8s/base/pvc-app-data.yaml",
                           "k8s/base/gmsa-credentialspec.yaml", "k8s/base/gmsa-clusterrole.yaml",
                           "k8s/base/gmsa-rolebinding.yaml", "k8s/base/serviceaccount.yaml"}) {
    EXPECT_NE(find(all, file), nullptr) << file;
  }
  EXPECT_EQ(find(all, "k8s/base/hpa.yaml"), nullptr) << "scale-out-state: no autoscaling";
  YAML::Node ingress = YAML::Load(find(all, "k8s/base/ingress.yaml")->content);
  EXPECT_EQ(ingress["spec"]["tls"][0]["secretName"].as<std::string>(), "app-tls");
  YAML::Node secret = YAML::Load(find(all, "k8s/secret.template.yaml")->content);
  EXPECT_FALSE(secret["stringData"]["ConnectionStrings__Db"]) << "no variable: a moved file";
  const std::string moved = secret["stringData"]["connectionStrings.config"].as<std::string>();
  EXPECT_NE(moved.find("connectionString=\"Data Source=db;User ID=app;Password=__SECRET__\""),
            std::string::npos)
      << moved;
  bool mounted = false;
  for (const auto& m : pod["containers"][0]["volumeMounts"]) {
    mounted = mounted || (m["name"].as<std::string>() == "config-secrets" &&
                          m["mountPath"].as<std::string>() == "C:\\inetpub\\wwwroot\\config" &&
                          m["readOnly"].as<bool>());
  }
  EXPECT_TRUE(mounted) << dep->content;
  EXPECT_FALSE(pod["containers"][0]["env"]) << "the password is no variable";
  YAML::Node role = YAML::Load(find(all, "k8s/base/gmsa-clusterrole.yaml")->content);
  EXPECT_EQ(role["rules"][0]["verbs"][0].as<std::string>(), "use");
  expect_valid(all);
}

TEST(K8sManifests, StatelessWebAppGetsAnAutoscaler) {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  auto all = render_artifacts(plan_app(f.assessment, options()));
  ASSERT_NE(find(all, "k8s/base/hpa.yaml"), nullptr);
  YAML::Node hpa = YAML::Load(find(all, "k8s/base/hpa.yaml")->content);
  EXPECT_EQ(hpa["spec"]["scaleTargetRef"]["name"].as<std::string>(), "app");
  expect_valid(all);
}

TEST(K8sManifests, ScheduledTaskIsACronJob) {
  auto f = test::task_app();
  auto all = render_artifacts(plan_app(f.assessment, options()));
  ASSERT_NE(find(all, "k8s/base/cronjob.yaml"), nullptr);
  EXPECT_EQ(find(all, "k8s/base/deployment.yaml"), nullptr);
  YAML::Node job = YAML::Load(find(all, "k8s/base/cronjob.yaml")->content);
  EXPECT_EQ(job["spec"]["schedule"].as<std::string>(), "0 2 * * *");
  EXPECT_EQ(
      job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["restartPolicy"].as<std::string>(),
      "OnFailure");
  expect_valid(all);
}

TEST(K8sManifests, EverySchedulesIsACronJobWithItsTimeZone) {
  auto f = test::task_app();
  TaskTrigger last;
  last.text = "monthly on day the last day at 22:30";
  last.crons = {"30 22 31 1,3,5,7,8,10,12 *", "30 22 30 4,6,9,11 *", "30 22 28 2 *"};
  last.time_zone = "Etc/GMT-2";
  f.app().task->triggers = {last};
  AppPlan plan = plan_app(f.assessment, options());
  auto all = render_artifacts(plan);
  ASSERT_NE(find(all, "k8s/base/cronjob.yaml"), nullptr);
  auto docs = YAML::LoadAll(find(all, "k8s/base/cronjob.yaml")->content);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["metadata"]["name"].as<std::string>(), plan.k8s_name);
  EXPECT_EQ(docs[2]["metadata"]["name"].as<std::string>(), plan.k8s_name + "-3");
  EXPECT_EQ(docs[1]["spec"]["schedule"].as<std::string>(), "30 22 30 4,6,9,11 *");
  EXPECT_EQ(docs[1]["spec"]["timeZone"].as<std::string>(), "Etc/GMT-2");
  for (const auto& d : docs) EXPECT_EQ(cron_problem(d["spec"]["schedule"].as<std::string>()), "");
  expect_valid(all);
}

TEST(K8sManifests, AConsoleProgramThatExitsIsAJob) {
  test::AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  auto all = render_artifacts(plan_app(f.assessment, options()));
  EXPECT_EQ(find(all, "k8s/base/deployment.yaml"), nullptr);
  ASSERT_NE(find(all, "k8s/base/job.yaml"), nullptr);
  YAML::Node job = YAML::Load(find(all, "k8s/base/job.yaml")->content);
  EXPECT_EQ(job["kind"].as<std::string>(), "Job");
  EXPECT_EQ(job["spec"]["template"]["spec"]["restartPolicy"].as<std::string>(), "OnFailure");
  YAML::Node compose = YAML::Load(find(all, "compose.yaml")->content);
  EXPECT_FALSE(compose["services"].begin()->second["restart"]);
  expect_valid(all);
}

TEST(K8sManifests, AServiceIsProbedByItsStatus) {
  test::AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().service = test::service("Orders", "C:\\O\\o.exe", "LocalSystem");
  auto all = render_artifacts(plan_app(f.assessment, options()));
  ASSERT_NE(find(all, "k8s/base/deployment.yaml"), nullptr);
  YAML::Node d = YAML::Load(find(all, "k8s/base/deployment.yaml")->content);
  YAML::Node c = d["spec"]["template"]["spec"]["containers"][0];
  for (const char* probe : {"readinessProbe", "livenessProbe"}) {
    ASSERT_TRUE(c[probe]) << probe;
    EXPECT_EQ(c[probe]["exec"]["command"][3].as<std::string>(),
              "if ((Get-Service -Name 'Orders').Status -ne 'Running') { exit 1 }");
    EXPECT_FALSE(c[probe]["tcpSocket"]);
  }
  expect_valid(all);
}

// Every schedule in the reviewed outputs is one a CronJob accepts.
TEST(K8sManifests, EveryGoldenCronJobScheduleIsValid) {
  std::size_t seen = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(test::source_dir() / "tests" / "golden")) {
    if (e.path().filename() != "cronjob.yaml") continue;
    for (const auto& doc : YAML::LoadAllFromFile(e.path().string())) {
      ++seen;
      std::string cron = doc["spec"]["schedule"].as<std::string>();
      EXPECT_EQ(cron_problem(cron), "") << cron << " in " << e.path();
    }
  }
  EXPECT_GT(seen, 0u);
}

TEST(ComposeFile, SwarmHyperVWithCredentialSpecPlacementAndSecrets) {
  auto f = test::web_app();
  auto all = render_artifacts(plan_app(
      f.assessment, options(WindowsVersion::kLtsc2022, Isolation::kHyperv, Orchestrator::kSwarm)));
  EXPECT_EQ(find(all, "k8s/base/deployment.yaml"), nullptr) << "no Kubernetes files for Swarm";
  YAML::Node c = YAML::Load(find(all, "compose.yaml")->content);
  YAML::Node svc = c["services"]["app"];
  EXPECT_EQ(svc["isolation"].as<std::string>(), "hyperv");
  EXPECT_EQ(svc["credential_spec"]["file"].as<std::string>(), "app-gmsa.json");
  EXPECT_EQ(svc["deploy"]["placement"]["constraints"][0].as<std::string>(),
            "node.platform.os == windows");
  EXPECT_EQ(svc["volumes"][0]["target"].as<std::string>(), "C:\\inetpub\\wwwroot\\App_Data");
  EXPECT_FALSE(c["secrets"]) << "the moved config file is a bind mount, not a compose secret";
  YAML::Node bind = svc["volumes"][svc["volumes"].size() - 1];
  EXPECT_EQ(bind["type"].as<std::string>(), "bind");
  EXPECT_EQ(bind["source"].as<std::string>(), "./secrets/config");
  EXPECT_EQ(bind["target"].as<std::string>(), "C:\\inetpub\\wwwroot\\config");
  EXPECT_TRUE(bind["read_only"].as<bool>());
  expect_valid(all);
}

TEST(ComposeFile, ComposeOnLtsc2019ProcessIsValid) {
  auto f = test::task_app();
  auto all = render_artifacts(
      plan_app(f.assessment,
               options(WindowsVersion::kLtsc2019, Isolation::kProcess, Orchestrator::kCompose)));
  YAML::Node c = YAML::Load(find(all, "compose.yaml")->content);
  EXPECT_EQ(c["services"]["app"]["isolation"].as<std::string>(), "process");
  EXPECT_EQ(c["services"]["app"]["deploy"]["replicas"].as<int>(), 0);
  expect_valid(all);
}

TEST(LogMonitorConfig, SourcesFollowTheEvidence) {
  auto f = test::web_app();
  auto j = nlohmann::json::parse(render_logmonitor_config(plan_app(f.assessment, options())));
  const auto& sources = j["LogConfig"]["sources"];
  ASSERT_EQ(sources.size(), 4u) << j.dump(2);
  EXPECT_EQ(sources[0]["type"], "EventLog");
  EXPECT_EQ(sources[1]["type"], "File");
  EXPECT_EQ(sources[1]["directory"], "C:\\Logs\\Site");
  EXPECT_EQ(sources[2]["directory"], "C:\\inetpub\\logs");
  EXPECT_EQ(sources[3]["type"], "ETW");
  EXPECT_EQ(sources[3]["providers"][0]["providerGuid"], "3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83");
}

TEST(LogMonitorConfig, ValidatorRejectsAnInvalidConfig) {
  test::TempDir dir;
  dir.write("LogMonitorConfig.json", R"({"LogConfig": {"sources": [{"type": "File"}]}})");
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("directory"), std::string::npos) << r.out;
}

TEST(K8sManifests, ValidatorRejectsABrokenManifest) {
  test::TempDir dir;
  dir.write(
      "k8s/base/deployment.yaml",
      "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: two\n");
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

TEST(ComposeFile, ValidatorRejectsAnUnknownKey) {
  test::TempDir dir;
  dir.write("compose.yaml", "---\nservices:\n  x:\n    image: a\n    isolaton: process\n");
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

TEST(Dockerfile, ValidatorRejectsExecFormAfterTheLogMonitorShell) {
  test::TempDir dir;
  dir.write("Dockerfile",
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
            "SHELL [\"C:\\\\LogMonitor\\\\LogMonitor.exe\", \"cmd\", \"/S\", \"/C\"]\nENTRYPOINT "
            "[\"C:\\\\app.exe\"]\n");
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("exec form"), std::string::npos) << r.out;
}

TEST(Migration, FillsTheEightPlanningStepsAndTheCommands) {
  auto f = test::web_app();
  PlanOptions o = options();
  o.registry = "contoso.azurecr.io/apps";
  std::string md = render_migration(plan_app(f.assessment, o));
  for (const char* step :
       {"1. **Base image.**", "2. **Isolation mode.**", "3. **Windows Server version.**",
        "4. **Security policies", "5. **Load balancing", "6. **Orchestration.**",
        "7. **Containerize the app.**", "8. **Push the app"}) {
    EXPECT_NE(md.find(step), std::string::npos) << step;
  }
  EXPECT_NE(md.find("docker build -t contoso.azurecr.io/apps/app:1.0.0 ."), std::string::npos)
      << md;
  EXPECT_NE(md.find("docker push contoso.azurecr.io/apps/app:1.0.0"), std::string::npos);
  EXPECT_NE(md.find("kubectl apply -k k8s/overlays/prod"), std::string::npos);
  EXPECT_NE(md.find("**scale-out-state** (change)"), std::string::npos) << "findings still to fix";
}

TEST(Migration, BackupAndBlockedFollowTheSeed) {
  auto f = test::web_app();
  std::string backup = render_backup(plan_app(f.assessment, options()));
  for (const char* part : {"## Persistent storage", "## Application", "## Container image",
                           "## Dockerfile", "app-app-data"}) {
    EXPECT_NE(backup.find(part), std::string::npos) << part;
  }
  test::AppFixture desktop(AppKind::kDesktop, FrameworkKind::kNetFx, "3.5");
  desktop.finding("gui-desktop", Severity::kBlocker, {"App/App.exe: subsystem Windows GUI"});
  AppPlan p = plan_app(desktop.assessment, options());
  auto all = render_artifacts(p);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].path, "BLOCKED.md");
  EXPECT_NE(all[0].content.find("### gui-desktop"), std::string::npos);
  EXPECT_NE(all[0].content.find("Workaround: gui-desktop remediation"), std::string::npos);
}

// A volume over a folder the application ships files in: the image carries
// them under C:\seed, and a first-run step copies the missing ones onto it.
test::AppFixture seeded_web_app() {
  auto f = test::web_app();
  f.assessment.results.state_folders.front().files = 2;
  return f;
}

TEST(VolumeSeed, KubernetesRunsAnInitContainerThatCopiesOnlyMissingFiles) {
  auto f = seeded_web_app();
  auto all = render_artifacts(plan_app(f.assessment, options()));
  YAML::Node d = YAML::Load(find(all, "k8s/base/deployment.yaml")->content);
  YAML::Node spec = d["spec"]["template"]["spec"];
  ASSERT_TRUE(spec["initContainers"].IsSequence());
  YAML::Node seed = spec["initContainers"][0];
  EXPECT_EQ(seed["image"].as<std::string>(), spec["containers"][0]["image"].as<std::string>());
  EXPECT_EQ(seed["volumeMounts"][0]["mountPath"].as<std::string>(),
            "C:\\inetpub\\wwwroot\\App_Data");
  std::string script = seed["command"][3].as<std::string>();
  EXPECT_NE(
      script.find("robocopy 'C:\\seed\\app-data' 'C:\\inetpub\\wwwroot\\App_Data' /E /XC /XN /XO"),
      std::string::npos)
      << script;
  EXPECT_NE(script.find("if ($LASTEXITCODE -ge 8)"), std::string::npos) << "below 8 is success";
  std::string dockerfile = find(all, "Dockerfile")->content;
  EXPECT_NE(dockerfile.find("COPY seed/app-data/ C:/seed/app-data/"), std::string::npos);
  EXPECT_NE(find(all, ".dockerignore")->content.find("app/App_Data/"), std::string::npos);
  EXPECT_NE(find(all, "BACKUP.md")->content.find("Volume `app-data`"), std::string::npos);
  expect_valid(all);
}

TEST(VolumeSeed, ComposeRunsASeedServiceTheAppWaitsFor) {
  auto f = seeded_web_app();
  auto all = render_artifacts(
      plan_app(f.assessment,
               options(WindowsVersion::kLtsc2022, Isolation::kProcess, Orchestrator::kCompose)));
  YAML::Node c = YAML::Load(find(all, "compose.yaml")->content);
  EXPECT_EQ(c["services"]["app"]["depends_on"]["app-seed"]["condition"].as<std::string>(),
            "service_completed_successfully");
  YAML::Node seed = c["services"]["app-seed"];
  EXPECT_EQ(seed["image"].as<std::string>(), c["services"]["app"]["image"].as<std::string>());
  EXPECT_EQ(seed["restart"].as<std::string>(), "no");
  EXPECT_EQ(seed["volumes"][0]["source"].as<std::string>(), "app-data");
  expect_valid(all);
}

// Swarm ignores depends_on: both compose.yaml and MIGRATION.md say so, and
// MIGRATION.md gives the restart that puts the application on the seeded volume.
TEST(VolumeSeed, SwarmIgnoringDependsOnIsSaidWithTheRestart) {
  auto f = seeded_web_app();
  auto all = render_artifacts(plan_app(
      f.assessment, options(WindowsVersion::kLtsc2022, Isolation::kProcess, Orchestrator::kSwarm)));
  EXPECT_NE(find(all, "compose.yaml")->content.find("# Swarm ignores depends_on"),
            std::string::npos);
  const std::string& md = find(all, "MIGRATION.md")->content;
  EXPECT_NE(
      md.find("# Swarm ignores depends_on: on the first deploy, once the service app_app-seed"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("docker service update --force app_app\n"), std::string::npos) << md;
  auto compose = render_artifacts(
      plan_app(f.assessment,
               options(WindowsVersion::kLtsc2022, Isolation::kProcess, Orchestrator::kCompose)));
  EXPECT_EQ(find(compose, "MIGRATION.md")->content.find("docker service update"), std::string::npos)
      << "compose waits for the seed itself";
  expect_valid(all);
}

TEST(VolumeSeed, AnEmptyFolderGetsNoSeedStep) {
  auto f = test::web_app();  // App_Data with no files: created at run time
  auto all = render_artifacts(plan_app(f.assessment, options()));
  EXPECT_EQ(find(all, "k8s/base/deployment.yaml")->content.find("initContainers"),
            std::string::npos);
  EXPECT_EQ(find(all, "compose.yaml")->content.find("-seed"), std::string::npos);
  EXPECT_EQ(find(all, "Dockerfile")->content.find("C:/seed"), std::string::npos);
}

TEST(K8sManifests, AVolumeOneInstanceOwnsIsReplacedNotRolled) {
  auto f = test::web_app();
  f.finding("database");
  f.assessment.results.state_folders.push_back({"Site/App_Data/app.sdf", "SQL CE database", true});
  auto all = render_artifacts(plan_app(f.assessment, options()));
  YAML::Node d = YAML::Load(find(all, "k8s/base/deployment.yaml")->content);
  EXPECT_EQ(d["spec"]["strategy"]["type"].as<std::string>(), "Recreate");
  EXPECT_NE(find(all, "k8s/base/pvc-app-data.yaml")->content.find("ReadWriteOnce"),
            std::string::npos);
  EXPECT_EQ(find(all, "k8s/base/hpa.yaml"), nullptr);
}

}  // namespace
}  // namespace liftshift
