// The deployment environments of an application (AppPlan::environments):
// the values each Kustomize overlay sets, with the app's own as defaults.
// Shared by the planner, the plan file's checks and the overlays' writer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

// A host under example.com, which RFC 2606 reserves for examples: never a
// real one, so a placeholder the user must replace.
bool is_placeholder_host(std::string_view host);

// The Ingress host of the base manifests: the plan's, else NAME.example.com.
std::string base_ingress_host(const AppPlan& plan);
// The base's GMSACredentialSpec name (NAME-gmsa).
std::string base_credential_spec(const AppPlan& plan);

struct NamedEnvironment {
  std::string name;  // "dev", "prod", "staging"
  const EnvironmentPlan* values;
  std::string key;  // its path in an app of the plan file: "environments.more[0].values"
};
// dev, prod, then the plan's other environments in its order.
std::vector<NamedEnvironment> environments_of(const AppPlan& plan);

// A name an environment of the plan's `more` can have: a DNS-1123 label (its
// overlay's folder, k8s/overlays/NAME), not dev, prod or base.
bool is_environment_name(std::string_view name);

// What an environment uses: its own value, or the base's where it has none.
std::string environment_host(const AppPlan& plan, const EnvironmentPlan& env);
std::string environment_credential_spec(const AppPlan& plan, const EnvironmentPlan& env);

// True when the app has an Ingress (a web application on Kubernetes).
bool has_ingress(const AppPlan& plan);

// One warning per environment whose Ingress host is a placeholder; each
// starts with kPlaceholderHostWarning.
inline constexpr std::string_view kPlaceholderHostWarning = "the Ingress host of the ";
std::vector<std::string> environment_warnings(const AppPlan& plan);

}  // namespace liftshift
