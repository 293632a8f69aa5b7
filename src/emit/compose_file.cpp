// compose.yaml for Docker compose and Swarm: isolation, credential_spec,
// the placement constraint node.platform.os == windows, volumes, secrets.
// With Kubernetes it is the file for a local test run on a Windows host.
#include "core/k8s_quantity.hpp"
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "emit/artifacts.hpp"
#include "emit/compose_env.hpp"
#include "emit/quoting.hpp"
#include "emit/secret_mounts.hpp"
#include "emit/volume_seed.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

std::string env_file(const AppPlan& plan) { return "./secrets/" + plan.k8s_name + ".env"; }

// A one-shot service in the same image that copies what the image ships
// under C:\seed onto the empty volumes before the application starts.
YamlValue seed_service(const AppPlan& plan) {
  YamlValue svc;
  svc["image"] = image_reference(plan);
  svc["build"] = yaml_map({{"context", YamlValue(".")}, {"dockerfile", YamlValue("Dockerfile")}});
  svc["isolation"] = to_string(plan.isolation);
  for (const auto& arg : seed_command(plan)) svc["entrypoint"].push_back(arg);
  for (const auto* v : seeded_volumes(plan)) {
    svc["volumes"].push_back(yaml_map({{"type", YamlValue("volume")},
                                       {"source", YamlValue(v->name)},
                                       {"target", YamlValue(v->container_path)}}));
  }
  if (plan.orchestrator != Orchestrator::kSwarm) svc["restart"] = "no";
  svc["deploy"]["mode"] = "replicated";
  svc["deploy"]["replicas"] = 1;
  svc["deploy"]["placement"]["constraints"].push_back("node.platform.os == windows");
  svc["deploy"]["restart_policy"]["condition"] = "on-failure";
  return svc;
}

// The plan's limits; the requests become reservations for Swarm, which
// places tasks by them (a single compose host has nothing to place).
YamlValue compose_resources(const AppPlan& plan) {
  const ResourcePlan& r = plan.resources;
  auto amounts = [](const std::string& cpu, const std::string& memory) {
    YamlValue out;
    // The plan file's checks keep both valid (plan_file_check.cpp); a plan
    // built in code with a bad one leaves it out rather than guess.
    if (auto m = cpu_millicores(cpu)) out["cpus"] = compose_cpus(*m);
    if (auto b = memory_bytes(memory)) out["memory"] = compose_memory(*b);
    return out;
  };
  YamlValue resources;
  YamlValue limits = amounts(r.cpu_limit, r.memory_limit);
  if (!limits.empty()) resources["limits"] = limits;
  YamlValue reservations = amounts(r.cpu_request, r.memory_request);
  if (plan.orchestrator == Orchestrator::kSwarm && !reservations.empty())
    resources["reservations"] = reservations;
  return resources;
}

// Every string value as compose reads it back (no interpolation).
void escape_values(YamlValue& v) {
  if (v.is_string()) {
    v = compose_value(v.get<std::string>());
  } else if (v.is_structured()) {
    for (auto& item : v) escape_values(item);
  }
}

// Our own ${NAME:-default} (compose_env.hpp), set after escape_values so
// that they stay variables: the image tag of every service, the host ports.
void interpolate(YamlValue& root, const AppPlan& plan) {
  const auto vars = compose_variables(plan);
  std::string image = image_reference(plan);
  std::string repository = compose_value(image.substr(0, image.rfind(':') + 1));
  for (auto& [name, svc] : root["services"].items()) {
    if (svc.contains("image")) svc["image"] = repository + compose_interpolation(vars.front());
  }
  auto& app = root["services"][plan.k8s_name];
  if (!app.contains("ports")) return;
  auto& ports = app["ports"];
  for (std::size_t i = 0; i < ports.size() && i < plan.ports.size(); ++i)
    ports[i]["published"] = compose_interpolation(port_variable(vars, i));
}

}  // namespace

std::string render_compose(const AppPlan& plan) {
  bool swarm = plan.orchestrator == Orchestrator::kSwarm;
  YamlValue svc;
  svc["image"] = image_reference(plan);
  svc["build"] = yaml_map({{"context", YamlValue(".")}, {"dockerfile", YamlValue("Dockerfile")}});
  svc["isolation"] = to_string(plan.isolation);
  if (!plan.hostname.empty()) svc["hostname"] = plan.hostname;
  for (const auto& p : plan.ports) {
    // Long syntax: "8080:80" in short syntax is a base-60 number to YAML 1.1
    // readers. The host port is a variable (interpolate() below).
    svc["ports"].push_back(yaml_map({{"target", YamlValue(p.port)},
                                     {"published", YamlValue(published_port(p))},
                                     {"protocol", YamlValue(to_lower(p.protocol))}}));
  }
  const auto env = env_secrets(plan);
  const auto mounts = secret_mounts(plan);
  for (const auto& c : plan.config) svc["environment"][c.key] = c.value;
  // The secrets read as variables (the Environment config builder, .NET's
  // own configuration) come from a file beside compose.yaml: compose and
  // Swarm secrets would be files in C:\ProgramData\Docker\secrets instead,
  // which neither reads.
  if (!env.empty()) svc["env_file"].push_back(env_file(plan));
  for (const auto& v : plan.volumes) {
    svc["volumes"].push_back(yaml_map({{"type", YamlValue("volume")},
                                       {"source", YamlValue(v.name)},
                                       {"target", YamlValue(v.container_path)}}));
  }
  // The moved config files: a host folder, read-only, where configSource looks
  // (compose secrets would land in C:\ProgramData\Docker\secrets instead).
  for (const auto& m : mounts) {
    svc["volumes"].push_back(yaml_map({{"type", YamlValue("bind")},
                                       {"source", YamlValue("./" + m.host_folder)},
                                       {"target", YamlValue(m.folder)},
                                       {"read_only", YamlValue(true)}}));
  }
  bool seeded = !seeded_volumes(plan).empty();
  if (seeded) {
    svc["depends_on"][seed_step_name(plan)]["condition"] = "service_completed_successfully";
  }
  if (plan.gmsa) svc["credential_spec"]["file"] = plan.k8s_name + "-gmsa.json";
  if (plan.health.used) {
    // The application's own URL, as the Kubernetes readiness probe: compose
    // reports it; Swarm replaces a task that stays unhealthy.
    const HttpCheck& check = plan.health.readiness;
    std::string url = "http://localhost:" + std::to_string(check.port) + check.path;
    svc["healthcheck"]["test"].push_back("CMD");
    svc["healthcheck"]["test"].push_back("powershell");
    svc["healthcheck"]["test"].push_back("-NoProfile");
    svc["healthcheck"]["test"].push_back("-Command");
    svc["healthcheck"]["test"].push_back(
        "try { Invoke-WebRequest -UseBasicParsing -TimeoutSec 5 -Uri " + ps_literal(url) +
        " | Out-Null; exit 0 } catch { exit 1 }");
    svc["healthcheck"]["interval"] = "30s";
    svc["healthcheck"]["timeout"] = "10s";
    svc["healthcheck"]["retries"] = 3;
    svc["healthcheck"]["start_period"] = "60s";
  }
  bool task = plan.entry_kind == EntryKind::kTask;
  // A task or a console program that exits must not be restarted when it is done.
  bool runs_once = task || plan.entry_kind == EntryKind::kJob;
  if (!swarm && !runs_once)
    svc["restart"] = "unless-stopped";  // a task keeps compose's default: no restart
  YamlValue deploy;
  deploy["mode"] = "replicated";
  deploy["replicas"] = task ? 0 : runs_once ? 1 : plan.replicas;
  if (YamlValue resources = compose_resources(plan); !resources.empty())
    deploy["resources"] = resources;
  deploy["placement"]["constraints"].push_back("node.platform.os == windows");
  deploy["restart_policy"]["condition"] = task ? "none" : runs_once ? "on-failure" : "any";
  svc["deploy"] = deploy;

  YamlValue root;
  root["services"][plan.k8s_name] = svc;
  if (seeded) root["services"][seed_step_name(plan)] = seed_service(plan);
  for (const auto& v : plan.volumes) root["volumes"][v.name] = YamlValue::object();
  escape_values(root);
  interpolate(root, plan);
  std::vector<std::string> header{
      plan.app_name + ": " +
          (plan.orchestrator == Orchestrator::kKubernetes
               ? "local test run on a Windows container host (Kubernetes "
                 "uses k8s/)"
               : "deployment with Docker " + to_string(plan.orchestrator)) +
          ".",
      "Windows Server " + to_string(plan.windows_version) + ", " + to_string(plan.isolation) +
          " isolation.",
      std::string(
          plan.ports.empty()
              ? "The image tag is ${IMAGE_TAG:-planned tag}: set it"
              : "The image tag and the host ports are ${VARIABLE:-planned value}: set them") +
          " in .env (.env.example" + (plan.ports.empty() ? " has it)" : " lists them)") +
          (swarm ? " or, for docker stack deploy, in the shell." : ".")};
  for (const auto& m : mounts) {
    header.push_back("Moved config files: put them in ./" + m.host_folder +
                     " (never commit them; " +
                     (swarm ? "on every node" : "the build context leaves secrets/ out") + ").");
    header.push_back("It is mounted read-only at " + m.folder + ", where configSource reads them.");
  }
  if (!env.empty()) {
    std::string names;
    for (const auto* s : env) names += (names.empty() ? "" : ", ") + s->key;
    header.push_back("Secrets: " + env_file(plan) + " holds one NAME=VALUE line for each of " +
                     names + " (never commit it; the build context leaves secrets/ out).");
    header.push_back(std::string("They reach the container as environment variables") +
                     (swarm ? " (docker stack deploy reads the file where it runs and keeps the "
                              "values in the service definition)."
                            : "."));
  }
  if (plan.gmsa) {
    header.push_back(
        "credential_spec: the file lives in C:\\ProgramData\\Docker\\CredentialSpecs on every "
        "host.");
  }
  if (seeded) {
    header.push_back(seed_step_name(plan) +
                     ": copies what the image ships under C:\\seed onto the empty volumes, "
                     "never over a file already there.");
    if (swarm)
      header.push_back(
          "Swarm ignores depends_on: on the first deploy, restart the application once the seed "
          "service has finished (docker service update --force).");
  }
  if (task)
    header.push_back("A scheduled task: replicas 0; the schedule starts it (MIGRATION.md).");
  return yaml_document(root, header);
}

}  // namespace liftshift
