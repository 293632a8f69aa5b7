#include "emit/artifacts.hpp"

#include "emit/compose_env.hpp"
#include "emit/pipelines.hpp"

namespace liftshift {

std::string image_reference(const AppPlan& plan) {
  std::string registry = plan.registry.empty() ? "registry.example.com/apps" : plan.registry;
  while (!registry.empty() && registry.back() == '/') registry.pop_back();
  return registry + "/" + plan.k8s_name + ":" + image_tag(plan);
}

std::vector<Artifact> render_artifacts(const AppPlan& plan) {
  if (plan.blocked) return {{"BLOCKED.md", render_blocked(plan)}};
  std::vector<Artifact> out;
  out.push_back({"Dockerfile", render_dockerfile(plan)});
  if (std::string alt = render_dockerfile_netfx3(plan); !alt.empty())
    out.push_back({"Dockerfile.netfx3", alt});
  out.push_back({".dockerignore", render_dockerignore(plan)});
  if (!plan.installs.empty()) out.push_back({"installers/README.md", render_installers(plan)});
  if (plan.log_monitor.used)
    out.push_back({"LogMonitorConfig.json", render_logmonitor_config(plan)});
  if (plan.orchestrator == Orchestrator::kKubernetes) {
    for (auto& a : render_k8s(plan)) out.push_back(std::move(a));
  }
  // compose.yaml always: the deployment for compose/Swarm, the local test run for Kubernetes.
  out.push_back({"compose.yaml", render_compose(plan)});
  out.push_back({".env.example", render_env_example(plan)});
  if (std::string local = render_compose_override(plan); !local.empty())
    out.push_back({"compose.override.yaml", local});
  for (auto& a : render_pipelines(plan)) out.push_back(std::move(a));
  out.push_back({"MIGRATION.md", render_migration(plan)});
  // The folders the user fills with what liftshift cannot download.
  for (const auto& step : plan.steps) {
    if (step.supplied.empty()) continue;
    out.push_back({step.supplied + "/README.txt",
                   "Put here: " + step.supplied_what + "\r\nThe Dockerfile copies this folder to " +
                       step.supplied_to +
                       " and the step after it stops the build while it is missing.\r\n"});
  }
  out.push_back({"BACKUP.md", render_backup(plan)});
  return out;
}

}  // namespace liftshift
