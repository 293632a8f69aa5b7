// The dev and prod environments (the Kustomize overlays): the Ingress host,
// the gMSA credential spec and the PVCs' storage class each can set. Prod
// takes the app's own host and credential spec; dev gets a host of its own
// (a placeholder under example.com until the user sets it) and the same
// credential spec; the storage class is the cluster's default until set.
#include "core/environments.hpp"

#include "plan/plan_steps.hpp"

namespace liftshift {

Environments default_environments(const AppPlan& plan) {
  Environments e;
  if (plan.orchestrator != Orchestrator::kKubernetes) return e;  // no overlays
  if (has_ingress(plan)) e.dev.ingress_host = plan.k8s_name + ".dev.example.com";
  if (plan.gmsa) {
    e.dev.gmsa_credential_spec = base_credential_spec(plan);
    e.prod.gmsa_credential_spec = base_credential_spec(plan);
  }
  return e;
}

std::string environments_choice(const AppPlan& plan) {
  std::string out;
  if (plan.orchestrator != Orchestrator::kKubernetes) return out;
  for (const auto& [name, env, key] : environments_of(plan)) {
    std::string parts;
    auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : ", ") + part; };
    if (has_ingress(plan)) add("host " + environment_host(plan, *env));
    if (plan.gmsa) add("credential spec " + environment_credential_spec(plan, *env));
    if (!plan.volumes.empty())
      add("storage class " +
          (env->storage_class.empty() ? "the cluster's default" : env->storage_class));
    if (!parts.empty()) out += (out.empty() ? "" : "; ") + name + ": " + parts;
  }
  return out;
}

void plan_environments(AppPlan& plan) {
  plan.environments = default_environments(plan);
  std::string choice = environments_choice(plan);
  if (choice.empty()) return;
  std::string why;
  auto add = [&](const std::string& part) { why += (why.empty() ? "" : ", ") + part; };
  if (has_ingress(plan)) add("its own Ingress host (dev's is a placeholder until set)");
  if (plan.gmsa) add("the GMSACredentialSpec of its domain's gMSA");
  if (!plan.volumes.empty())
    add("the StorageClass its cluster offers (a ReadWriteMany volume needs one that shares, such "
        "as Azure Files)");
  decide(plan, "environments", choice,
         "the overlays k8s/overlays/dev and prod each set, besides image tag, replicas and "
         "resources, " +
             why);
  for (auto& w : environment_warnings(plan)) plan.warnings.push_back(std::move(w));
}

}  // namespace liftshift
