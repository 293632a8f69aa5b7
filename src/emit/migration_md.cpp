// MIGRATION.md: the seed's eight planning steps filled in for one
// application, every decision with its reason, the findings still to fix by
// hand, and the commands to build, test, push and deploy.
#include <algorithm>
#include <sstream>

#include "core/environments.hpp"
#include "core/text.hpp"
#include "emit/artifacts.hpp"
#include "emit/compose_env.hpp"
#include "emit/markdown.hpp"
#include "emit/pipelines.hpp"
#include "emit/secret_mounts.hpp"
#include "emit/volume_seed.hpp"

namespace liftshift {

namespace {

// compose and Swarm: the secrets read as variables come from one env file.
void env_file_line(std::ostringstream& md, const AppPlan& plan) {
  std::string names;
  for (const auto* s : env_secrets(plan)) names += (names.empty() ? "" : ", ") + s->key;
  if (names.empty()) return;
  md << "# Write secrets/" << printable(plan.k8s_name) << ".env: one NAME=VALUE line for each of "
     << printable(names) << " (compose.yaml's env_file)\n";
}

const Decision* decision(const AppPlan& plan, std::string_view topic) {
  for (const auto& d : plan.decisions) {
    if (d.topic == topic) return &d;
  }
  return nullptr;
}

void say(std::ostringstream& md, const AppPlan& plan, std::string_view topic) {
  if (const Decision* d = decision(plan, topic)) {
    md << "   - " << d->topic << ": " << md_code(d->choice) << ". " << md_text(d->reason) << ".\n";
  }
}

void security_step(std::ostringstream& md, const AppPlan& plan) {
  md << "4. **Security policies for the container environment.**\n";
  say(md, plan, "user");
  md << "   - Scan the image in the registry and the running containers (Microsoft Defender for "
        "Containers\n"
     << "     scans Windows images and watches them at run time), as your security policy "
        "requires.\n"
     << "   - Containers have no servicing stack: rebuild on the monthly base image (Patch "
        "Tuesday) instead of\n"
     << "     patching, and redeploy.\n";
  md << "   - With " << to_string(plan.isolation) << " isolation "
     << (plan.isolation == Isolation::kProcess
             ? "the container shares the host's kernel: an elevated process on the host can reach "
               "it; choose\n"
               "     Hyper-V isolation (compose/Swarm) where tenants must be kept apart.\n"
             : "each container has its own kernel in a utility VM.\n");
  if (!plan.secrets.empty()) {
    md << "   - No secret is in the image, the build context or these files: "
       << plan.secrets.size() << " secret(s) come from the secret store (list below).\n";
  }
  say(md, plan, "identity");
}

void orchestration_step(std::ostringstream& md, const AppPlan& plan) {
  md << "6. **Orchestration.** " << to_string(plan.orchestrator) << ": ";
  if (plan.orchestrator == Orchestrator::kKubernetes) {
    bool runs_once = plan.entry_kind == EntryKind::kTask || plan.entry_kind == EntryKind::kJob;
    md << "`k8s/` pins the pods to Windows nodes (`kubernetes.io/os: windows`,\n"
       << "   `node.kubernetes.io/windows-build: " << plan.windows_build
       << "`), tolerates the `os=windows:NoSchedule` taint and runs as `" << plan.user << "`.\n"
       << "   The manifests are a Kustomize base (`k8s/base/`) and two overlays that set the image "
          "tag,\n";
    if (runs_once) {
      // A Job or CronJob runs one container per run: the overlays size it only.
      md << "   and cpu/memory per environment: `k8s/overlays/prod` (the plan's resources)\n"
         << "   and `k8s/overlays/dev` (half the requests, the same limits).\n";
    } else {
      md << "   replicas and cpu/memory per environment: `k8s/overlays/prod` (the plan's "
         << plan.replicas << " replica(s)" << (plan.autoscale ? " and up, autoscaled" : "")
         << " and resources)\n"
         << "   and `k8s/overlays/dev` (one instance, half the requests, the same limits).\n";
    }
    for (const auto& e : plan.environments.more) {
      if (is_environment_name(e.name))
        md << "   `k8s/overlays/" << e.name
           << "` has the plan's replicas and resources, as prod.\n";
    }
    say(md, plan, "environments");
    md << "   `compose.yaml` runs the same image on one Windows host for testing.\n";
  } else {
    md << "`compose.yaml` places the service on Windows nodes (`node.platform.os == windows`) "
          "with\n"
       << "   `isolation: " << to_string(plan.isolation)
       << "`; pin the build with a node label (`node.labels.OsVersion`).\n";
  }
  for (const char* topic : {"schedule", "hostname", "storage", "configuration", "logging"})
    say(md, plan, topic);
}

std::string variable_names(const AppPlan& plan) {
  std::string names;
  for (const auto& v : compose_variables(plan)) names += (names.empty() ? "" : ", ") + v.name;
  return names;
}

std::string what_varies(const AppPlan& plan) {
  return plan.ports.empty() ? "Another image tag" : "Another image tag or host ports";
}

// What docker compose reads beside compose.yaml without being told
// (compose_env.hpp): .env when the user made one, the local override.
void compose_variables_lines(std::ostringstream& md, const AppPlan& plan) {
  md << "# " << what_varies(plan)
     << " without editing compose.yaml: copy .env.example to .env and change "
     << variable_names(plan) << " there\n";
  if (!render_compose_override(plan).empty())
    md << "# docker compose also reads compose.override.yaml: one container on this host, not "
       << plan.replicas << "\n";
}

void commands(std::ostringstream& md, const AppPlan& plan) {
  std::string image = image_reference(plan);
  md << "\n## Build, test, push and deploy\n\n";
  if (plan.registry.empty()) {
    md << "The image name uses a placeholder registry; run `liftshift containerize --registry "
          "HOST/REPO` to set yours.\n\n";
  }
  md << "On a Windows build host with Docker (Windows containers), in this "
        "folder:\n\n```powershell\n";
  if (plan.build.context_written) {
    md << "# 7. The application is in the build context already: liftshift copied it into "
       << plan.build.context_folder << "/ (" << plan.build.context_summary << ")\n";
  } else {
    md << "# 7. Put the application in the build context (" << plan.build.context_folder << "/)\n";
    md << "New-Item -ItemType Directory -Force " << plan.build.context_folder << " | Out-Null\n";
    md << "Copy-Item -Recurse -Force -Path " << ps_literal(md_app_source(plan) + "/*")
       << " -Destination " << plan.build.context_folder << "/\n";
    // Only without a written context: the writer copies the seeds itself.
    for (const auto& c : plan.build.copies) {
      if (c.to.rfind("seed/", 0) != 0) continue;  // a volume's seed: beside app/, not in it
      md << "# The " << c.reason
         << (plan.build.from_source ? ""
                                    : " (the data folder stays out of " +
                                          plan.build.context_folder + "/: .dockerignore)")
         << "\n";
      md << "New-Item -ItemType Directory -Force " << c.to << " | Out-Null\n";
      md << "Copy-Item -Recurse -Force -Path " << ps_literal(plan.source + "/" + c.from + "/*")
         << " -Destination " << c.to << "/\n";
    }
  }
  for (const auto& step : plan.steps) {
    if (step.supplied.empty()) continue;
    md << "# You supply " << printable(step.supplied)
       << "/ (liftshift downloads nothing it cannot verify): " << printable(step.supplied_what)
       << "\n";
  }
  if (!plan.secrets.empty() && plan.build.context_written && plan.config_rewrites.empty()) {
    md << "# The configuration files holding secrets were left out of " << plan.build.context_folder
       << "/: add them without their secret values.\n";
  } else if (!plan.secrets.empty() && !plan.build.context_written) {
    md << "# Copy the configuration without its secret values: the orchestrator supplies them "
          "(see Configuration and secrets).\n";
  }
  for (const auto& i : plan.installs) {
    md << "# Put the " << printable(i.name)
       << " installer into installers/ (installers/README.md)\n";
    md << "Copy-Item -Path " << ps_literal("PATH\\TO\\" + i.file) << " -Destination "
       << ps_literal("installers/" + i.file) << "\n";
  }
  md << "docker build -t " << ps_argument(image) << " .\n";
  if (!plan.fallback_steps.empty()) {
    md << "# Only if the application fails on the 4.x image (the seed's fallback):\n";
    md << "docker build -f Dockerfile.netfx3 -t " << ps_argument(image) << " .\n";
  }
  md << "\n# Test on this host\n";
  std::string run = "docker run --rm --isolation=" + to_string(plan.isolation);
  for (const auto& p : plan.ports)
    run += " -p " + std::to_string(published_port(p)) + ":" + std::to_string(p.port);
  if (!plan.hostname.empty()) run += " --hostname " + ps_argument(plan.hostname);
  if (plan.gmsa) run += " --security-opt \"credentialspec=file://" + plan.k8s_name + "-gmsa.json\"";
  for (const auto& c : plan.config) run += " -e " + ps_argument(c.key);
  for (const auto* s : env_secrets(plan)) run += " -e " + ps_argument(s->key);
  for (const auto& m : secret_mounts(plan)) {
    std::string host = m.host_folder;
    for (auto& c : host) {
      if (c == '/') c = '\\';
    }
    // One expression argument: this folder + the literal rest, whatever its characters.
    run += " -v ((Get-Location).Path + " + ps_literal("\\" + host + ":" + m.folder + ":ro") + ")";
  }
  md << run << " " << ps_argument(image) << "\n";
  md << "# or: docker compose up\n";
  compose_variables_lines(md, plan);
  md << "\n# 8. Push to the image repository\n";
  md << "docker push " << ps_argument(image) << "\n";
  md << "\n# Deploy\n";
  if (plan.orchestrator == Orchestrator::kKubernetes) {
    if (!plan.secrets.empty()) {
      md << "# Create the secret " << secret_name(plan)
         << " (k8s/secret.template.yaml shows each key's content)\n";
      md << "kubectl create secret generic " << secret_name(plan);
      for (const auto& m : secret_mounts(plan)) {
        for (const auto& f : m.files)
          md << " `\n    "
             << ps_argument("--from-file=" + f.key + "=" + m.host_folder + "/" + f.name);
      }
      for (const auto* e : env_secrets(plan))
        md << " `\n    " << ps_argument("--from-literal=" + e->key + "=VALUE");
      md << "\n";
    }
    if (plan.web)
      md << "kubectl create secret tls " << plan.k8s_name
         << "-tls --cert=FILE.crt --key=FILE.key\n";
    md << "# Production (k8s/overlays/dev for development); set the overlay's newTag to the "
          "image you pushed\n";
    md << "kubectl apply -k k8s/overlays/prod\n";
  } else if (plan.orchestrator == Orchestrator::kSwarm) {
    for (const auto& m : secret_mounts(plan))
      md << "# Put the moved config files in the folder " << printable(m.host_folder)
         << " on every Windows node (bound at " << printable(m.folder) << ")\n";
    env_file_line(md, plan);
    md << "# " << what_varies(plan) << ": set " << variable_names(plan)
       << " in this shell first, e.g. $env:IMAGE_TAG = '1.0.1' (docker stack deploy reads no "
          ".env)\n";
    md << "docker stack deploy -c compose.yaml " << plan.k8s_name << "\n";
    if (!seeded_volumes(plan).empty()) {
      // Swarm ignores depends_on: the application may start on empty volumes.
      md << "# Swarm ignores depends_on: on the first deploy, once the service " << plan.k8s_name
         << "_" << seed_step_name(plan)
         << " has finished seeding the volumes,\n# restart the application on them\n";
      md << "docker service update --force " << plan.k8s_name << "_" << plan.k8s_name << "\n";
    }
  } else {
    for (const auto& m : secret_mounts(plan))
      md << "# Put the moved config files in " << printable(m.host_folder) << " (bound at "
         << printable(m.folder) << ")\n";
    env_file_line(md, plan);
    md << "docker compose up -d\n";
  }
  md << "```\n";
  if (plan.entry_kind == EntryKind::kTask && plan.orchestrator != Orchestrator::kKubernetes) {
    std::string crons;
    for (const auto& s : plan.schedules) crons += (crons.empty() ? "" : ", ") + md_code(s.cron);
    if (crons.empty()) crons = md_code(plan.schedule.value_or(""));
    md << "\nCompose and Swarm have no cron: start the task from the host's Task Scheduler on its "
          "schedule ("
       << crons << ") with `docker compose run --rm " << plan.k8s_name << "`.\n";
  }
}

// Text indented by two spaces, for a code block inside a list item.
std::string indented(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += "  " + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

void configuration_section(std::ostringstream& md, const AppPlan& plan) {
  const bool k8s = plan.orchestrator == Orchestrator::kKubernetes;
  md << "\n## Configuration and secrets\n\n";
  const auto mounts = secret_mounts(plan);
  const bool moves = !mounts.empty();
  const bool json = std::any_of(plan.config_rewrites.begin(), plan.config_rewrites.end(),
                                [](const ConfigRewrite& r) { return r.json; });
  if (!plan.config_rewrites.empty() && !moves) {
    md << "The configuration is rewritten as it is copied into the build context (the original is "
          "never copied\n"
       << "as it was): its secret values are blanked and "
       << (json ? ".NET's host reads them over the JSON from the\n"
                : "the Environment config builder reads them from the\n")
       << "container's environment variables, listed below"
       << (k8s ? " (`k8s/secret.template.yaml` holds one key for each)" : "")
       << "; compose reads them from `secrets/" << printable(plan.k8s_name)
       << ".env`, one `NAME=VALUE` line each,\n"
       << "which `.dockerignore` leaves out."
       << "\nWith `--secrets-to DIR`, containerize writes that file there with the values "
          "it blanked\n(`kubectl create secret generic ... --from-env-file` reads it "
          "too)."
       << "\n\n";
  }
  if (!plan.config_rewrites.empty() && moves) {
    md << "The configuration is rewritten as it is copied into the build context (the original is "
          "never copied\n"
       << "as it was). Sections holding secrets move to files of a `config` folder beside it, "
          "read back through\n"
       << "`configSource` and `<appSettings file=...>` (every .NET Framework from 2.0 reads them, "
          "no code change).\n"
       << "Those files are not in the build context: fill them from "
       << (k8s ? "`k8s/secret.template.yaml`" : "the templates below") << " (replace each\n"
       << md_code(kSecretPlaceholder)
       << ") into the folder named below, next to this file; "
          "`.dockerignore` leaves `secrets/` out.\n\n";
  }
  for (const auto& r : plan.config_rewrites) {
    for (const auto& m : r.moves) {
      if (!m.from_file.empty()) {
        md << "- " << md_code(m.from_file) << " is not copied: it is the Secret's file "
           << md_code(m.secret_key) << ", mounted as " << md_code(m.file) << " beside "
           << md_code(r.config) << ", whose " << md_code(m.section) << " "
           << md_code(m.from_attribute + "=") << " now names it: " << md_text(m.reason) << ".\n";
        continue;
      }
      md << "- " << md_code(r.config) << ": " << md_code(m.section) << " moves to "
         << md_code(m.file) << ": " << md_text(m.reason) << ".\n";
    }
    for (const auto& c : r.changes) {
      md << "- " << md_code(r.config) << ": " << (r.json ? "setting" : c.section);
      if (!c.key.empty() || r.json)
        md << " " << md_code(r.json && !c.section.empty() ? c.section + ":" + c.key : c.key);
      if (!c.from.empty() && c.attribute != "value") md << " " << md_code(c.attribute);
      md << " "
         << (c.to.empty()     ? std::string("blanked")
             : c.from.empty() ? "rewritten to " + md_code(c.to)
                              : "rewritten from " + md_code(c.from) + " to " + md_code(c.to))
         << ": " << md_text(c.reason) << ".\n";
    }
    if (r.builders) {
      md << "- " << md_code(r.config) << ": read through "
         << "`Microsoft.Configuration.ConfigurationBuilders.Environment` (`--config env`): "
         << "appSettings from `" << kAppSettingsPrefix << "NAME` and connectionStrings from `"
         << kConnectionStringsPrefix
         << "NAME` variables. The Dockerfile fetches the package "
            "from nuget.org at build time\n"
         << "  (this tool's own tests can't run it: the package is not on their machine).\n";
    }
  }
  for (const auto& m : mounts) {
    md << "- Mounted at " << md_code(m.folder)
       << " as a whole folder (Windows nodes mount no "
          "single files):\n"
       << "  " << (k8s ? "the Secret " + md_code(secret_name(plan)) + " on Kubernetes, " : "")
       << "the folder " << md_code("./" + m.host_folder) << " with compose. Files:";
    for (const auto& f : m.files) md << " " << md_code(f.name);
    md << ".\n";
    if (k8s) continue;
    for (const auto& f : m.files)
      md << "\n  `" << m.host_folder << "/" << f.name << "`:\n\n  ```xml\n"
         << indented(f.move->template_xml) << "  ```\n";
  }
  if (!plan.config.empty() || !env_secrets(plan).empty()) {
    md << "\nThese reach the application as environment variables";
    md << (plan.framework.kind == FrameworkKind::kDotnet
               ? " (.NET reads `Section__Key` variables itself)"
               : " (read by the Environment config builder)")
       << ". For IIS, ServiceMonitor copies the container's environment into the app pool.\n\n";
  }
  for (const auto& c : plan.config)
    md << "- " << md_code(c.key) << " (config): " << md_text(c.reason) << ".\n";
  for (const auto& s : plan.secrets) {
    md << "- " << md_code(s.key) << " (secret" << (s.file.empty() ? "" : ", in " + md_code(s.file))
       << "): " << md_text(s.reason) << ". Shape: " << md_code(s.hint) << ".\n";
  }
}

}  // namespace

std::string render_migration(const AppPlan& plan) {
  std::ostringstream md;
  md << "# Migration plan: " << md_text(plan.app_name) << "\n\n";
  md << md_app_line(plan) << ", verdict **" << to_string(plan.verdict) << "**, from "
     << md_code(md_app_source(plan)) << ".\n"
     << "Written by `liftshift containerize` from the assessment, following Microsoft's \"Lift and "
        "shift to\n"
     << "containers\" guidance. Every decision says why; review them before you build.\n";

  md << "\n## The eight planning steps for this application\n\n";
  md << "1. **Base image.**\n";
  for (const char* topic :
       {"base image", "fallback image", "fonts", "build", "solution build", "target framework"})
    say(md, plan, topic);
  md << "2. **Isolation mode.**\n";
  say(md, plan, "isolation");
  md << "3. **Windows Server version.**\n";
  say(md, plan, "Windows Server version");
  security_step(md, plan);
  md << "5. **Load balancing and scale.**\n";
  for (const char* topic : {"scale", "resources", "TLS"}) say(md, plan, topic);
  orchestration_step(md, plan);
  md << "7. **Containerize the app.** `Dockerfile` ("
     << md_code(plan.base_image + ":" + plan.base_tag) << ").\n";
  for (const char* topic : {"entrypoint", "MSMQ"}) say(md, plan, topic);
  for (const auto& d : plan.decisions) {
    if (d.topic == "Visual C++ runtime")
      md << "   - " << d.topic << ": " << md_code(d.choice) << ". " << md_text(d.reason) << ".\n";
  }
  md << "8. **Push the app to an image repository**: " << md_code(image_reference(plan))
     << ", so every host (dev, test,\n   production) pulls the same image.\n";

  md << "\n## All decisions\n\n";
  for (const auto& d : plan.decisions)
    md << "- **" << d.topic << "**: " << md_code(d.choice) << ". " << md_text(d.reason) << ".\n";
  if (!plan.warnings.empty()) {
    md << "\n## Warnings\n\n";
    for (const auto& w : plan.warnings) md << "- " << md_text(w) << "\n";
  }
  if (!plan.ports.empty()) {
    md << "\n## Ports\n\n";
    for (const auto& p : plan.ports)
      md << "- " << p.port << "/" << p.protocol << " (" << p.name << "): " << md_text(p.purpose)
         << "\n";
  }
  if (!plan.config.empty() || !plan.secrets.empty() || !plan.config_rewrites.empty())
    configuration_section(md, plan);
  md << "\n## Findings still to fix\n\n";
  bool any = false;
  for (const auto& f : plan.to_fix) {
    if (f.finding.severity == Severity::kInfo) continue;
    any = true;
    md << "- **" << f.finding.rule << "** (" << to_string(f.finding.severity)
       << "): " << md_text(f.finding.title) << ".\n";
    md << "  - Done by these artifacts: "
       << (f.covered.empty() ? "nothing; fix by hand" : f.covered) << ".\n";
    md << "  - Fix: " << f.finding.remediation << "\n";
    for (const auto& e : f.finding.evidence) md << "  - Evidence: " << md_code(e) << "\n";
  }
  if (!any) md << "None.\n";
  commands(md, plan);
  md << pipeline_notes(plan);
  return md.str();
}

}  // namespace liftshift
