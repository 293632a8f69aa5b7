// Which pipeline files an application gets, and renovate.json.
//
// The base image is pinned by digest by Renovate, not by us: a digest can only
// be read from the registry, and liftshift works offline. With pinDigests,
// Renovate's first pull request turns `FROM image:tag` into
// `FROM image:tag@sha256:...` (the digest of that day); from then on it
// proposes the new digest whenever Microsoft publishes the patched image.
// Version updates stay off: the Windows version is the plan's decision.
#include "emit/pipelines.hpp"

#include <nlohmann/json.hpp>

#include "emit/markdown.hpp"

namespace liftshift {

std::string pipeline_path(Pipeline p) {
  switch (p) {
    case Pipeline::kGithub:
      return ".github/workflows/image.yml";
    case Pipeline::kAzure:
      return "azure-pipelines.yml";
    case Pipeline::kGitlab:
      return ".gitlab-ci.yml";
  }
  return "";
}

std::string pipeline_name(Pipeline p) {
  switch (p) {
    case Pipeline::kGithub:
      return "GitHub Actions";
    case Pipeline::kAzure:
      return "Azure Pipelines";
    case Pipeline::kGitlab:
      return "GitLab CI/CD";
  }
  return "";
}

std::string render_renovate(const AppPlan& plan) {
  nlohmann::ordered_json r;
  r["$schema"] = "https://docs.renovatebot.com/renovate-schema.json";
  r["extends"] = {"config:recommended"};
  nlohmann::ordered_json managers = {"dockerfile"};
  for (Pipeline p : plan.pipelines) {
    if (p == Pipeline::kGithub) managers.push_back("github-actions");
  }
  r["enabledManagers"] = managers;
  r["packageRules"] = nlohmann::ordered_json::array();
  r["packageRules"].push_back({{"description", "Pin every base image by digest"},
                               {"matchDatasources", {"docker"}},
                               {"pinDigests", true}});
  r["packageRules"].push_back(
      {{"description", "Only new digests of the same tag: the Windows version is the plan's"},
       {"matchDatasources", {"docker"}},
       {"matchUpdateTypes", {"major", "minor", "patch"}},
       {"enabled", false}});
  return r.dump(2) + "\n";
}

std::string pipeline_notes(const AppPlan& plan) {
  if (plan.pipelines.empty()) return "";
  std::string md = "\n## Monthly rebuild pipeline\n\n";
  md +=
      "Containers get no Windows updates: the guidance rebuilds them on the latest base image "
      "every\nmonth (Patch Tuesday) with a DevOps pipeline. This folder has one for ";
  for (std::size_t i = 0; i < plan.pipelines.size(); ++i)
    md += std::string(i ? ", " : "") + pipeline_name(plan.pipelines[i]) + " (" +
          md_code(pipeline_path(plan.pipelines[i])) + ")";
  md +=
      ".\nIt builds on a Windows " + to_string(plan.windows_version) +
      " runner, scans the image, and pushes it to " + md_code(image_repository(plan)) +
      " on every\nchange and on the second Wednesday of each month. Cron cannot say "
      "\"second Wednesday\": the\nschedule " +
      md_code(kMonthlyCron) +
      " runs on days 8-14 and a guard step stops the runs that are not a\nWednesday. The "
      "pipeline and the registry are the backup of the image and of its Dockerfile (BACKUP.md).\n";
  md +=
      "\nBefore the first run:\n\n"
      "- Set the secrets `REGISTRY_USERNAME` and `REGISTRY_PASSWORD` in the CI system.\n"
      "- Choose the scanner: the scan step is a placeholder that runs Trivy when the runner has "
      "it and\n  fails otherwise; or scan with Microsoft Defender for Containers in the registry "
      "and replace it.\n"
      "- Enable Renovate on the repository. The Dockerfile names its base image by tag: "
      "liftshift works\n  offline and cannot know the digest. `renovate.json` has Renovate pin "
      "it (`FROM image:tag@sha256:...`)\n  in its first pull request and propose each new "
      "digest of the same tag after that.\n";
  if (hosted_windows_runner(plan).empty())
    md += "- No hosted runner runs " + to_string(plan.windows_version) +
          ": register a runner of your own on that Windows Server\n  version under the "
          "name or labels the pipeline uses.\n";
  for (Pipeline p : plan.pipelines) {
    if (p == Pipeline::kGitlab)
      md += "- GitLab: create the pipeline schedule " + md_code(kMonthlyCron) +
            " (UTC) under Build > Pipeline schedules.\n";
  }
  return md;
}

std::vector<Artifact> render_pipelines(const AppPlan& plan) {
  std::vector<Artifact> out;
  for (Pipeline p : plan.pipelines) {
    std::string text = p == Pipeline::kGithub  ? render_github_workflow(plan)
                       : p == Pipeline::kAzure ? render_azure_pipeline(plan)
                                               : render_gitlab_ci(plan);
    out.push_back({pipeline_path(p), std::move(text)});
  }
  if (!out.empty()) out.push_back({"renovate.json", render_renovate(plan)});
  return out;
}

}  // namespace liftshift
