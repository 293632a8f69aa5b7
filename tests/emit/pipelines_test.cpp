// The monthly rebuild pipelines (--pipeline): each validates (GitHub with
// action-validator; GitLab with GitLab's published ci.json schema; Azure
// parsed and its structure checked by validate.js), runs on a runner of the plan's Windows version,
// keeps the second-Wednesday schedule and its guard, pushes with secrets by name only, and a
// hostile application name stays one YAML value.
#include "emit/pipelines.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "emit/validators.hpp"

namespace liftshift {
namespace {

const Artifact* find(const std::vector<Artifact>& all, const std::string& path) {
  for (const auto& a : all) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

AppPlan planned(WindowsVersion v, std::vector<Pipeline> pipelines,
                const std::string& registry = "contoso.azurecr.io/apps") {
  auto f = test::web_app();
  PlanOptions o = test::options(v);
  o.pipelines = std::move(pipelines);
  o.registry = registry;
  return plan_app(f.assessment, o);
}

void expect_valid(const std::vector<Artifact>& artifacts) {
  test::TempDir dir;
  for (const auto& a : artifacts) dir.write(a.path, a.content);
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

const std::vector<Pipeline> kAll{Pipeline::kGithub, Pipeline::kAzure, Pipeline::kGitlab};

TEST(Pipelines, NoneWithoutTheOption) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2022, {}));
  EXPECT_EQ(find(all, "renovate.json"), nullptr);
  EXPECT_EQ(find(all, ".github/workflows/image.yml"), nullptr);
  EXPECT_EQ(find(all, "BACKUP.md")->content.find("pipeline"), std::string::npos);
  EXPECT_EQ(find(all, "MIGRATION.md")->content.find("Monthly rebuild pipeline"), std::string::npos);
}

TEST(Pipelines, AllThreeValidateForEveryWindowsVersion) {
  for (auto v : {WindowsVersion::kLtsc2019, WindowsVersion::kLtsc2022, WindowsVersion::kLtsc2025}) {
    auto all = render_artifacts(planned(v, kAll));
    for (const char* f :
         {".github/workflows/image.yml", "azure-pipelines.yml", ".gitlab-ci.yml", "renovate.json"})
      EXPECT_NE(find(all, f), nullptr) << f;
    expect_valid(all);
  }
}

TEST(Pipelines, GithubRunsOnTheVersionsRunnerWithTheMonthlyGuard) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2025, {Pipeline::kGithub}));
  YAML::Node w = YAML::Load(find(all, ".github/workflows/image.yml")->content);
  EXPECT_EQ(w["on"]["schedule"][0]["cron"].as<std::string>(), "0 6 8-14 * *");
  EXPECT_TRUE(w["on"]["push"]);
  EXPECT_TRUE(w["on"]["pull_request"]);
  EXPECT_EQ(w["jobs"]["image"]["runs-on"].as<std::string>(), "windows-2025");
  EXPECT_EQ(w["jobs"]["image"]["needs"].as<std::string>(), "schedule-guard");
  std::string guard = w["jobs"]["schedule-guard"]["steps"][0]["run"].as<std::string>();
  EXPECT_NE(guard.find("DayOfWeek -eq 'Wednesday'"), std::string::npos) << guard;
  EXPECT_NE(guard.find("cron cannot say"), std::string::npos) << "the why is in the step";
  EXPECT_EQ(w["env"]["IMAGE"].as<std::string>(), "contoso.azurecr.io/apps/app");
  EXPECT_EQ(w["env"]["REGISTRY_HOST"].as<std::string>(), "contoso.azurecr.io");
  YAML::Node steps = w["jobs"]["image"]["steps"];
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_NE(steps[1]["run"].as<std::string>().find("docker build --pull"), std::string::npos);
  EXPECT_NE(steps[2]["run"].as<std::string>().find("trivy image"), std::string::npos);
  EXPECT_EQ(steps[3]["env"]["REGISTRY_PASSWORD"].as<std::string>(),
            "${{ secrets.REGISTRY_PASSWORD }}");
  EXPECT_EQ(steps[3]["if"].as<std::string>(), "github.event_name != 'pull_request'");
  auto renovate = nlohmann::json::parse(find(all, "renovate.json")->content);
  EXPECT_EQ(renovate["enabledManagers"], nlohmann::json({"dockerfile", "github-actions"}));
  EXPECT_TRUE(renovate["packageRules"][0]["pinDigests"].get<bool>());
}

TEST(Pipelines, NoHostedRunnerForLtsc2019IsSaidAndPlaceheld) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2019, kAll));
  YAML::Node w = YAML::Load(find(all, ".github/workflows/image.yml")->content);
  EXPECT_EQ(w["jobs"]["image"]["runs-on"][0].as<std::string>(), "self-hosted");
  EXPECT_EQ(w["jobs"]["image"]["runs-on"][2].as<std::string>(), "ltsc2019");
  YAML::Node a = YAML::Load(find(all, "azure-pipelines.yml")->content);
  EXPECT_EQ(a["pool"]["name"].as<std::string>(), "windows-ltsc2019");
  YAML::Node g = YAML::Load(find(all, ".gitlab-ci.yml")->content);
  EXPECT_EQ(g["build-scan-push"]["tags"][0].as<std::string>(), "windows-ltsc2019");
  EXPECT_NE(find(all, "MIGRATION.md")->content.find("No hosted runner runs ltsc2019"),
            std::string::npos);
}

TEST(Pipelines, AzureAndGitlabKeepTheScheduleGuardAndPushRules) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2022, kAll));
  YAML::Node a = YAML::Load(find(all, "azure-pipelines.yml")->content);
  EXPECT_EQ(a["pool"]["vmImage"].as<std::string>(), "windows-2022");
  EXPECT_EQ(a["schedules"][0]["cron"].as<std::string>(), "0 6 8-14 * *");
  EXPECT_TRUE(a["schedules"][0]["always"].as<bool>());
  YAML::Node steps = a["steps"];
  EXPECT_NE(steps[1]["pwsh"].as<std::string>().find("task.setvariable variable=RUN_BUILD"),
            std::string::npos);
  EXPECT_NE(steps[4]["condition"].as<std::string>().find("'PullRequest'"), std::string::npos);
  EXPECT_EQ(steps[4]["env"]["REGISTRY_PASSWORD"].as<std::string>(), "$(REGISTRY_PASSWORD)");
  YAML::Node g = YAML::Load(find(all, ".gitlab-ci.yml")->content);
  EXPECT_EQ(g["build-scan-push"]["tags"][0].as<std::string>(), "saas-windows-medium-amd64");
  std::string script = g["build-scan-push"]["script"][0].as<std::string>();
  EXPECT_LT(script.find("if (-not $run) { exit 0 }"), script.find("docker build"));
  EXPECT_LT(script.find("CI_DEFAULT_BRANCH"), script.find("docker push"));
  EXPECT_NE(find(all, ".gitlab-ci.yml")->content.find("Pipeline schedules"), std::string::npos);
}

// The pinned GitLab schema bites where validate.js's own structure check
// would not: a rule's `when` outside GitLab's enum, an unknown job key.
TEST(Pipelines, ValidatorChecksGitlabAgainstGitlabsOwnSchema) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2022, {Pipeline::kGitlab}));
  std::string good = find(all, ".gitlab-ci.yml")->content;
  test::TempDir dir;
  dir.write(".gitlab-ci.yml", good);
  EXPECT_EQ(test::run_validators({dir.path()}).exit_code, 0);
  std::string bad = good;
  size_t rules = bad.find("rules:");
  ASSERT_NE(rules, std::string::npos) << good;
  size_t if_at = bad.find("if:", rules);
  ASSERT_NE(if_at, std::string::npos) << good;
  bad.insert(if_at, "when: sometimes\n      ");
  dir.write(".gitlab-ci.yml", bad);
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << bad;
  EXPECT_NE(r.out.find("GitLab CI schema"), std::string::npos) << r.out;
}

TEST(Pipelines, BackupAndMigrationNameThePipelineAndTheRegistry) {
  auto all = render_artifacts(planned(WindowsVersion::kLtsc2022, {Pipeline::kGithub}));
  const std::string& backup = find(all, "BACKUP.md")->content;
  EXPECT_NE(backup.find("`.github/workflows/image.yml` rebuilds the image"), std::string::npos)
      << backup;
  EXPECT_NE(backup.find("`contoso.azurecr.io/apps/app`"), std::string::npos);
  EXPECT_NE(backup.find("- `renovate.json`"), std::string::npos);
  const std::string& migration = find(all, "MIGRATION.md")->content;
  EXPECT_NE(migration.find("## Monthly rebuild pipeline"), std::string::npos);
  EXPECT_NE(migration.find("cannot know the digest"), std::string::npos);
}

TEST(Pipelines, HostileNameAndRegistryStayOneValue) {
  auto f = test::web_app();
  f.app().name = "evil: \"x\"\n  on: [push]\n# ${{ secrets.TOKEN }} `whoami`";
  PlanOptions o = test::options(WindowsVersion::kLtsc2022);
  o.pipelines = kAll;
  o.registry = "reg.example.com/a: b";
  auto all = render_artifacts(plan_app(f.assessment, o));
  YAML::Node w = YAML::Load(find(all, ".github/workflows/image.yml")->content);
  EXPECT_EQ(w["name"].as<std::string>(), f.app().name + " image");
  EXPECT_EQ(w["env"]["IMAGE"].as<std::string>().rfind("reg.example.com/a: b/", 0), 0u);
  YAML::Node a = YAML::Load(find(all, "azure-pipelines.yml")->content);
  EXPECT_EQ(a["variables"]["REGISTRY_HOST"].as<std::string>(), "reg.example.com");
  for (const auto& art : all) {
    if (art.path.find(".yml") == std::string::npos) continue;
    // The name's line break never starts a YAML line of its own.
    EXPECT_EQ(art.content.find("\n  on: [push]"), std::string::npos) << art.path;
  }
}

}  // namespace
}  // namespace liftshift
