#include "core/environments.hpp"

namespace liftshift {

bool is_placeholder_host(std::string_view host) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::string h;
  for (char c : host) h += lower(c);
  return h == "example.com" || h.ends_with(".example.com");
}

std::string base_ingress_host(const AppPlan& plan) {
  return plan.ingress_host.empty() ? plan.k8s_name + ".example.com" : plan.ingress_host;
}

std::string base_credential_spec(const AppPlan& plan) { return plan.k8s_name + "-gmsa"; }

std::vector<NamedEnvironment> environments_of(const AppPlan& plan) {
  std::vector<NamedEnvironment> out{{"dev", &plan.environments.dev, "environments.dev"},
                                    {"prod", &plan.environments.prod, "environments.prod"}};
  for (std::size_t i = 0; i < plan.environments.more.size(); ++i) {
    const auto& e = plan.environments.more[i];
    out.push_back({e.name, &e.values, "environments.more[" + std::to_string(i) + "].values"});
  }
  return out;
}

bool is_environment_name(std::string_view name) {
  if (name.empty() || name.size() > 63 || name == "dev" || name == "prod" || name == "base")
    return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  for (char c : name) {
    if (!alnum(c) && c != '-') return false;
  }
  return true;
}

std::string environment_host(const AppPlan& plan, const EnvironmentPlan& env) {
  return env.ingress_host.empty() ? base_ingress_host(plan) : env.ingress_host;
}

std::string environment_credential_spec(const AppPlan& plan, const EnvironmentPlan& env) {
  return env.gmsa_credential_spec.empty() ? base_credential_spec(plan) : env.gmsa_credential_spec;
}

bool has_ingress(const AppPlan& plan) {
  return plan.web && plan.orchestrator == Orchestrator::kKubernetes && !plan.ports.empty() &&
         plan.entry_kind != EntryKind::kTask;
}

std::vector<std::string> environment_warnings(const AppPlan& plan) {
  std::vector<std::string> out;
  if (!has_ingress(plan)) return out;
  for (const auto& [name, env, key] : environments_of(plan)) {
    std::string host = environment_host(plan, *env);
    if (!is_placeholder_host(host)) continue;
    out.push_back(std::string(kPlaceholderHostWarning) + name + " overlay, " + host +
                  ", is a placeholder (example.com is reserved for examples): set " + key +
                  ".ingress_host" + (env->ingress_host.empty() ? " (or ingress_host)" : "") +
                  " in the plan, or the host in k8s/overlays/" + name);
  }
  return out;
}

}  // namespace liftshift
