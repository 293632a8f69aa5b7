// .github/workflows/image.yml: a guard job (cheap, on Linux) decides whether a
// scheduled run is the second Wednesday; the image job builds, scans and, but
// for pull requests, pushes on a Windows runner of the plan's version.
#include "emit/pipelines.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

// A PowerShell step; `extra` (id, if, env) comes before the script, which is long.
YamlValue pwsh_step(const std::string& name, const std::string& script, YamlValue extra = {}) {
  YamlValue step = yaml_map({{"name", YamlValue(name)}});
  if (extra.is_object()) step.update(extra);
  step["shell"] = "pwsh";
  step["run"] = script;
  return step;
}

YamlValue runner(const AppPlan& plan) {
  std::string hosted = hosted_windows_runner(plan);
  if (!hosted.empty()) return hosted;
  // Placeholder labels of a self-hosted runner on Windows Server of the version.
  return YamlValue::array({"self-hosted", "windows", to_string(plan.windows_version)});
}

}  // namespace

std::string render_github_workflow(const AppPlan& plan) {
  YamlValue root;
  root["name"] = plan.app_name + " image";
  YamlValue on;
  on["push"]["branches"] = YamlValue::array({"main"});
  on["pull_request"]["branches"] = YamlValue::array({"main"});
  on["schedule"].push_back(yaml_map({{"cron", YamlValue(kMonthlyCron)}}));
  on["workflow_dispatch"] = YamlValue::object();
  root["on"] = on;
  root["permissions"]["contents"] = "read";
  root["env"]["IMAGE"] = image_repository(plan);
  root["env"]["IMAGE_TAG"] = "${{ github.run_number }}";
  root["env"]["REGISTRY_HOST"] = registry_host(plan);

  YamlValue guard;
  guard["runs-on"] = "ubuntu-latest";
  guard["outputs"]["run"] = "${{ steps.day.outputs.run }}";
  guard["steps"].push_back(
      pwsh_step("Second Wednesday of the month, or not a scheduled run",
                guard_condition("GITHUB_EVENT_NAME", "schedule") +
                    "\"run=$($run.ToString().ToLower())\" >> $env:GITHUB_OUTPUT\n",
                yaml_map({{"id", YamlValue("day")}})));
  root["jobs"]["schedule-guard"] = guard;

  YamlValue image;
  image["needs"] = "schedule-guard";
  image["if"] = "needs.schedule-guard.outputs.run == 'true'";
  image["runs-on"] = runner(plan);
  image["steps"].push_back(yaml_map({{"uses", YamlValue("actions/checkout@v4")}}));
  image["steps"].push_back(pwsh_step("Build the image", build_script()));
  image["steps"].push_back(pwsh_step("Scan the image", scan_script()));
  YamlValue push_env =
      yaml_map({{"REGISTRY_USERNAME", YamlValue("${{ secrets.REGISTRY_USERNAME }}")},
                {"REGISTRY_PASSWORD", YamlValue("${{ secrets.REGISTRY_PASSWORD }}")}});
  image["steps"].push_back(pwsh_step(
      "Push the image", push_script(),
      yaml_map({{"if", YamlValue("github.event_name != 'pull_request'")}, {"env", push_env}})));
  root["jobs"]["image"] = image;
  return yaml_document(root, pipeline_header(plan, Pipeline::kGithub));
}

}  // namespace liftshift
