#include "emit/compose_env.hpp"

#include <set>

#include "core/text.hpp"
#include "emit/artifacts.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

// A variable name from a port name: letters and digits upper-cased, anything
// else `_`; never empty, never starting with a digit.
std::string variable_stem(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && out.front() >= '0' && out.front() <= '9') out = "PORT_" + out;
  return out;
}

bool runs_once(const AppPlan& plan) {
  return plan.entry_kind == EntryKind::kTask || plan.entry_kind == EntryKind::kJob;
}

}  // namespace

std::string image_tag(const AppPlan&) { return "1.0.0"; }

int published_port(const Port& port) {
  return port.port == 80 || port.port == 8080 ? 8080 : port.port;
}

std::vector<ComposeVariable> compose_variables(const AppPlan& plan) {
  std::vector<ComposeVariable> out;
  std::string image = image_reference(plan);
  out.push_back({"IMAGE_TAG", image_tag(plan),
                 "The tag of " + image.substr(0, image.rfind(':')) +
                     " that compose runs (and builds): the one you built and pushed."});
  std::set<std::string> taken{"IMAGE_TAG"};
  for (const auto& p : plan.ports) {
    std::string stem = variable_stem(p.name);
    std::string name = (stem.empty() ? "PORT_" + std::to_string(p.port) : stem + "_PORT");
    // Two ports of one name (or names that read the same upper-cased) stay apart.
    if (taken.count(name)) name += "_" + std::to_string(p.port);
    for (int n = 2; taken.count(name); ++n) name += "_" + std::to_string(n);
    taken.insert(name);
    std::string what = "The host port for the container's port " + std::to_string(p.port);
    if (!p.purpose.empty()) what += " (" + p.purpose + ")";
    out.push_back({name, std::to_string(published_port(p)), what + "."});
  }
  return out;
}

const ComposeVariable& port_variable(const std::vector<ComposeVariable>& vars, std::size_t index) {
  return vars.at(index + 1);
}

std::string compose_interpolation(const ComposeVariable& v) {
  return "${" + v.name + ":-" + v.default_value + "}";
}

std::string render_env_example(const AppPlan& plan) {
  // Comments are one line each (printable() turns a line break of a name
  // into `?`): nothing read from the application can start an assignment.
  std::string out = "# " + printable(plan.app_name) +
                    ": the variables compose.yaml reads. Copy this file to .env (docker compose "
                    "reads .env beside compose.yaml)\n"
                    "# and change what differs; a variable left out keeps the value shown "
                    "here.\n";
  if (plan.orchestrator == Orchestrator::kSwarm)
    out += "# docker stack deploy reads no .env: set the variables in the shell that runs it.\n";
  for (const auto& v : compose_variables(plan))
    out += "# " + printable(v.what) + "\n" + v.name + "=" + v.default_value + "\n";
  return out;
}

std::string render_compose_override(const AppPlan& plan) {
  // On one host every replica would publish the same host ports: the second
  // could not start. Swarm spreads them over its nodes' routing mesh and
  // Kubernetes over pods; docker stack deploy does not read this file.
  if (runs_once(plan) || plan.replicas <= 1 || plan.ports.empty()) return "";
  YamlValue root;
  root["services"][plan.k8s_name]["deploy"]["replicas"] = 1;
  return yaml_document(
      root, {plan.app_name + ": a local run on one Windows host; docker compose reads this file "
                             "with compose.yaml.",
             "One container: the " + std::to_string(plan.replicas) +
                 " replicas of compose.yaml would publish the same host ports.",
             std::string(plan.orchestrator == Orchestrator::kKubernetes
                             ? "Kubernetes runs them all (k8s/)."
                         : plan.orchestrator == Orchestrator::kSwarm
                             ? "docker stack deploy, which reads no override, runs them all."
                             : "More need more hosts, each publishing the ports once.")});
}

}  // namespace liftshift
