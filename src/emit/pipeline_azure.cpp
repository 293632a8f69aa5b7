// azure-pipelines.yml: one job on a Windows agent of the plan's version; the
// first step decides whether a scheduled run is the second Wednesday and the
// others run only then (or on a change); pull requests build and scan only.
#include "emit/pipelines.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

constexpr const char* kRuns = "eq(variables['RUN_BUILD'], 'true')";

YamlValue pwsh_step(const std::string& name, const std::string& script,
                    const std::string& condition) {
  return yaml_map({{"pwsh", script},
                   {"displayName", YamlValue(name)},
                   {"condition", YamlValue("and(succeeded(), " + condition + ")")}});
}

}  // namespace

std::string render_azure_pipeline(const AppPlan& plan) {
  YamlValue root;
  root["trigger"]["branches"]["include"] = YamlValue::array({"main"});
  root["pr"]["branches"]["include"] = YamlValue::array({"main"});
  YamlValue schedule;
  schedule["cron"] = kMonthlyCron;
  schedule["displayName"] = "Days 8-14 of each month (the guard step keeps the Wednesday)";
  schedule["branches"]["include"] = YamlValue::array({"main"});
  schedule["always"] = true;  // rebuild even when the code did not change
  root["schedules"].push_back(schedule);
  std::string hosted = hosted_windows_runner(plan);
  if (!hosted.empty()) {
    root["pool"]["vmImage"] = hosted;
  } else {
    root["pool"]["name"] = "windows-" + to_string(plan.windows_version);  // self-hosted pool
  }
  root["variables"]["IMAGE"] = image_repository(plan);
  root["variables"]["IMAGE_TAG"] = "$(Build.BuildId)";
  root["variables"]["REGISTRY_HOST"] = registry_host(plan);

  YamlValue steps = YamlValue::array();
  steps.push_back(yaml_map({{"checkout", YamlValue("self")}}));
  steps.push_back(yaml_map(
      {{"pwsh", guard_condition("BUILD_REASON", "Schedule") +
                    "Write-Host \"##vso[task.setvariable variable=RUN_BUILD]$($run.ToString()."
                    "ToLower())\"\n"},
       {"displayName", YamlValue("Second Wednesday of the month, or not a scheduled run")}}));
  steps.push_back(pwsh_step("Build the image", build_script(), kRuns));
  steps.push_back(pwsh_step("Scan the image", scan_script(), kRuns));
  YamlValue push = pwsh_step("Push the image", push_script(),
                             std::string(kRuns) + ", ne(variables['Build.Reason'], 'PullRequest')");
  // Secret variables reach a script only when mapped.
  push["env"]["REGISTRY_USERNAME"] = "$(REGISTRY_USERNAME)";
  push["env"]["REGISTRY_PASSWORD"] = "$(REGISTRY_PASSWORD)";
  steps.push_back(push);
  root["steps"] = steps;
  return yaml_document(root, pipeline_header(plan, Pipeline::kAzure));
}

}  // namespace liftshift
