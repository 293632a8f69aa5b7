// .gitlab-ci.yml: one job on a Windows runner (PowerShell) that leaves a
// scheduled run early unless it is the second Wednesday, then builds, scans
// and, on the default branch, pushes.
#include "emit/pipelines.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

std::string runner_tag(const AppPlan& plan) {
  // GitLab's hosted Windows runners run Windows Server 2022; another version
  // needs a runner of your own, tagged with its version.
  return plan.windows_version == WindowsVersion::kLtsc2022
             ? "saas-windows-medium-amd64"
             : "windows-" + to_string(plan.windows_version);
}

}  // namespace

std::string render_gitlab_ci(const AppPlan& plan) {
  YamlValue root;
  root["stages"] = YamlValue::array({"image"});
  root["variables"]["IMAGE"] = image_repository(plan);
  root["variables"]["IMAGE_TAG"] = "$CI_PIPELINE_IID";
  root["variables"]["REGISTRY_HOST"] = registry_host(plan);
  YamlValue job;
  job["stage"] = "image";
  job["tags"] = YamlValue::array({runner_tag(plan)});
  // Every push and merge request, and the monthly schedule.
  job["rules"].push_back(yaml_map({{"if", YamlValue("$CI_PIPELINE_SOURCE == \"schedule\"")}}));
  job["rules"].push_back(
      yaml_map({{"if", YamlValue("$CI_PIPELINE_SOURCE == \"merge_request_event\"")}}));
  job["rules"].push_back(yaml_map({{"if", YamlValue("$CI_COMMIT_BRANCH")}}));
  std::string script = guard_condition("CI_PIPELINE_SOURCE", "schedule") +
                       "if (-not $run) { exit 0 }\n" + build_script() + scan_script() +
                       "if ($env:CI_COMMIT_BRANCH -ne $env:CI_DEFAULT_BRANCH) { exit 0 }\n" +
                       push_script();
  job["script"].push_back(script);
  root["build-scan-push"] = job;
  return yaml_document(root, pipeline_header(plan, Pipeline::kGitlab));
}

}  // namespace liftshift
