// What the three CI pipelines share: the runner for the Windows version, the
// image name, the schedule guard and the PowerShell of the build, scan and
// push steps. The scripts take every value from environment variables the
// pipeline sets (quoted by the YAML layer), so no input text is ever part of
// a PowerShell command.
#include "emit/artifacts.hpp"
#include "emit/pipelines.hpp"

namespace liftshift {

std::string hosted_windows_runner(const AppPlan& plan) {
  // A process-isolated build needs a host of the image's own version; GitHub
  // and Azure host Windows Server 2022 and 2025 runners (2019 is retired).
  switch (plan.windows_version) {
    case WindowsVersion::kLtsc2022:
      return "windows-2022";
    case WindowsVersion::kLtsc2025:
      return "windows-2025";
    default:
      return "";
  }
}

std::string image_repository(const AppPlan& plan) {
  std::string ref = image_reference(plan);
  return ref.substr(0, ref.rfind(':'));
}

std::string registry_host(const AppPlan& plan) {
  std::string repo = image_repository(plan);
  return repo.substr(0, repo.find('/'));
}

std::string guard_condition(const std::string& event_env, const std::string& scheduled) {
  return "# The schedule fires on days 8-14 of each month: cron cannot say \"second\n"
         "# Wednesday\" (with both day fields set it fires when either matches), so a\n"
         "# scheduled run goes on only on the Wednesday among those days, the day\n"
         "# after Patch Tuesday, when Microsoft publishes the patched base images.\n"
         "$scheduled = $env:" +
         event_env + " -eq '" + scheduled +
         "'\n"
         "$wednesday = (Get-Date).ToUniversalTime().DayOfWeek -eq 'Wednesday'\n"
         "$run = (-not $scheduled) -or $wednesday\n"
         "if (-not $run) { Write-Host 'Scheduled run on a day that is not the second "
         "Wednesday: nothing to build' }\n";
}

std::string build_script() {
  // --pull: the newest image of the pinned base (the digest Renovate moves).
  return "docker build --pull --tag \"$($env:IMAGE):$($env:IMAGE_TAG)\" .\n"
         "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }\n";
}

std::string scan_script() {
  return "# Placeholder scanner, to be chosen: Trivy on the runner (its findings for\n"
         "# Windows images cover the application's packages more than Windows\n"
         "# itself), or Microsoft Defender for Containers, which the guidance\n"
         "# recommends and which scans Windows images in the registry after the\n"
         "# push: then replace this step with your Defender gate. Without a\n"
         "# scanner the step fails, so no unscanned image is pushed.\n"
         "if (-not (Get-Command trivy -ErrorAction SilentlyContinue)) {\n"
         "  Write-Error 'No image scanner on this runner: install Trivy or replace this step "
         "with Microsoft Defender for Containers'\n"
         "  exit 1\n"
         "}\n"
         "trivy image --exit-code 1 --severity HIGH,CRITICAL \"$($env:IMAGE):$($env:IMAGE_TAG)\"\n"
         "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }\n";
}

std::string push_script() {
  return "$env:REGISTRY_PASSWORD | docker login $env:REGISTRY_HOST --username "
         "$env:REGISTRY_USERNAME --password-stdin\n"
         "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }\n"
         "docker push \"$($env:IMAGE):$($env:IMAGE_TAG)\"\n"
         "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }\n";
}

std::vector<std::string> pipeline_header(const AppPlan& plan, Pipeline p) {
  std::vector<std::string> h{
      plan.app_name + ": " + pipeline_name(p) + " pipeline that rebuilds the image " +
          image_repository(plan) + ".",
      "It builds, scans and pushes on every change and on the second Wednesday of each",
      "month (the day after Patch Tuesday): a container gets no Windows updates, it is",
      "rebuilt on the patched base image. renovate.json pins that image by digest and",
      "proposes the new digest each month (see MIGRATION.md).",
      "Place this folder at the root of the application's repository."};
  if (plan.registry.empty())
    h.push_back("The registry is a placeholder: rerun containerize with --registry HOST/REPO.");
  std::string secrets = p == Pipeline::kGithub  ? "repository secrets"
                        : p == Pipeline::kAzure ? "secret pipeline variables"
                                                : "masked CI/CD variables";
  h.push_back("Set REGISTRY_USERNAME and REGISTRY_PASSWORD as " + secrets + ".");
  if (p == Pipeline::kGitlab)
    h.push_back(std::string("GitLab reads no schedule from this file: create a pipeline "
                            "schedule with cron ") +
                kMonthlyCron + " (UTC) under Build > Pipeline schedules.");
  if (hosted_windows_runner(plan).empty() ||
      (p == Pipeline::kGitlab && plan.windows_version != WindowsVersion::kLtsc2022))
    h.push_back("No hosted runner runs " + to_string(plan.windows_version) +
                ": the runner named below is a placeholder for your own Windows Server host.");
  return h;
}

}  // namespace liftshift
