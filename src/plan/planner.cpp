#include "plan/planner.hpp"

#include <algorithm>
#include <set>

#include "plan/plan_disk_paths.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

const Finding* find_finding(const AppAssessment& a, std::string_view rule) {
  for (const auto& f : a.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

void decide(AppPlan& plan, std::string topic, std::string choice, std::string reason) {
  plan.decisions.push_back({std::move(topic), std::move(choice), std::move(reason)});
}

std::vector<std::string> refused_options(const PlanOptions& options) {
  std::vector<std::string> out;
  if (options.orchestrator == Orchestrator::kKubernetes &&
      options.isolation == Isolation::kHyperv) {
    out.push_back(
        "--isolation hyperv with --orchestrator kubernetes: Kubernetes runs Windows containers "
        "with "
        "process isolation only (Hyper-V isolation is not supported, and AKS doesn't offer it); "
        "use "
        "--isolation process, or --orchestrator compose|swarm for Hyper-V isolation");
  }
  if (options.orchestrator == Orchestrator::kKubernetes &&
      options.windows_version == WindowsVersion::kLtsc2016) {
    out.push_back(
        "--windows-version ltsc2016 with --orchestrator kubernetes: Kubernetes has no Windows "
        "Server 2016 "
        "nodes; use ltsc2022 or ltsc2025");
  }
  return out;
}

namespace {

std::string default_k8s_name(const Application& app) {
  return dns_label(app.name.empty() ? app.id : app.name, 40);
}

AppPlan plan_named(const AppAssessment& a, const PlanOptions& options, std::string folder,
                   std::string k8s_name) {
  const Application& app = a.app;
  AppPlan plan;
  plan.app_id = app.id;
  plan.app_name = app.name;
  plan.folder = std::move(folder);
  plan.k8s_name = std::move(k8s_name);
  plan.source = app.source;
  plan.root = app.root;
  plan.kind = app.kind;
  plan.framework = app.framework;
  plan.verdict = a.verdict;
  plan.orchestrator = options.orchestrator;
  plan.registry = options.registry;
  plan.pipelines = options.pipelines;
  plan_blockers(a, plan);
  if (plan.blocked) {
    plan_fixes(a, plan);
    return plan;
  }
  plan_platform(a, options, plan);
  plan_image(a, plan);
  plan_build(a, plan);
  plan_copies(a, plan);
  plan_features(a, plan);
  plan_time_zone(a, plan);
  plan_runtimes(a, plan);
  plan_com_servers(a, plan);
  plan_entry(a, plan);
  plan_logging(a, plan);
  plan_storage(a, plan);
  plan_config(a, options, plan);
  plan_network(a, plan);
  plan_resources(a, plan);
  plan_environments(plan);
  plan_fixes(a, plan);
  return plan;
}

}  // namespace

AppPlan plan_app(const AppAssessment& a, const PlanOptions& options) {
  return plan_named(a, options, safe_folder_name(a.app.id), default_k8s_name(a.app));
}

Plan make_plan(const Assessment& assessment, const PlanOptions& options,
               const std::vector<std::string>& only) {
  Plan plan;
  plan.options = options;
  plan.refusals = refused_options(options);
  if (!plan.refusals.empty()) return plan;
  std::set<std::string> folders;
  std::set<std::string> names;
  for (const auto& a : assessment.apps) {
    if (!only.empty() && std::find(only.begin(), only.end(), a.app.id) == only.end()) continue;
    std::string base_folder = safe_folder_name(a.app.id);
    std::string folder = base_folder;
    for (int n = 2; !folders.insert(folder).second; ++n)
      folder = base_folder + "-" + std::to_string(n);
    std::string base_name = default_k8s_name(a.app);
    std::string name = base_name;
    for (int n = 2; !names.insert(name).second; ++n) name = base_name + "-" + std::to_string(n);
    plan.apps.push_back(plan_named(a, options, folder, name));
  }
  exclude_nested_apps(assessment, plan);
  // The data disks of the servers planned, so containerize --plan reads them too.
  for (const auto& s : assessment.sources) {
    bool planned = std::any_of(plan.apps.begin(), plan.apps.end(),
                               [&](const AppPlan& a) { return a.source == s.path; });
    if (!planned) continue;
    for (const auto& d : s.disks)
      plan.disks.push_back({s.path, absolute_disk_path(d.path), d.letter, d.drives});
  }
  return plan;
}

}  // namespace liftshift
