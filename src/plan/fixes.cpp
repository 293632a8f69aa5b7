// Every finding of a candidate, with what the generated artifacts already do
// about it; what they don't do is left for MIGRATION.md's "fix by hand" list.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

bool k8s(const AppPlan& plan) { return plan.orchestrator == Orchestrator::kKubernetes; }

bool has_volume(const AppPlan& plan, bool shared) {
  for (const auto& v : plan.volumes) {
    if (v.shared == shared && !iequals(v.container_path, "C:\\msmq")) return true;
  }
  return false;
}

// The moved files as the artifacts deliver them: each claim names the file
// that carries it (tests/emit/migration_claims_test.cpp checks every one).
std::string secrets_covered(const AppPlan& plan, bool connection_strings) {
  bool k8s = plan.orchestrator == Orchestrator::kKubernetes;
  std::string workload = plan.entry_kind == EntryKind::kTask  ? "k8s/base/cronjob.yaml"
                         : plan.entry_kind == EntryKind::kJob ? "k8s/base/job.yaml"
                                                              : "k8s/base/deployment.yaml";
  std::string out;
  for (const auto& r : plan.config_rewrites) {
    for (const auto& m : r.moves) {
      if ((m.section == "connectionStrings") != connection_strings) continue;
      std::string rel = r.secret_folder;
      if (rel.rfind(plan.build.app_dir + "\\", 0) == 0)
        rel = rel.substr(plan.build.app_dir.size() + 1);
      std::replace(rel.begin(), rel.end(), '\\', '/');
      std::string name = m.file.substr(m.file.rfind('\\') + 1);
      out += (out.empty() ? "" : "; ") + m.section + " of " + r.config + " moved to " + m.file +
             (m.section == "appSettings" ? " (appSettings file=)" : " (configSource)") +
             ", never copied into the build context: ";
      if (k8s)
        out += "key " + m.secret_key + " of k8s/secret.template.yaml, mounted at " +
               r.secret_folder + " by " + workload + ", and ";
      out +=
          "./secrets/" + rel + "/" + name + " mounted at " + r.secret_folder + " by compose.yaml";
    }
    if (r.builders && connection_strings) {
      out += std::string(out.empty() ? "" : "; ") + "secret values of " + r.config +
             " blanked in the copied config; the Environment config builder reads them from "
             "environment variables (" +
             (k8s ? "secretKeyRef in " + workload + ", " : std::string()) +
             "env_file in compose.yaml), the Dockerfile adds its package";
    }
    if (r.json && !r.changes.empty()) {
      out += std::string(out.empty() ? "" : "; ") + "secret values of " + r.config +
             " blanked in the copied JSON; .NET's host reads them from environment variables "
             "over it (" +
             (k8s ? "secretKeyRef in " + workload + ", " : std::string()) +
             "env_file in compose.yaml)";
    }
  }
  bool moved = std::any_of(plan.config_rewrites.begin(), plan.config_rewrites.end(),
                           [](const ConfigRewrite& r) { return !r.moves.empty(); });
  if (moved)
    out += k8s ? "; fill the files from the template and create the secret (MIGRATION.md)"
               : "; fill the files from MIGRATION.md's templates";
  return out;
}

std::string drive_paths_covered(const AppPlan& plan) {
  std::string changed;
  for (const auto& r : plan.config_rewrites) {
    for (const auto& c : r.changes) {
      if (c.to.empty()) continue;
      changed += (changed.empty() ? "" : ", ") + c.section + " '" + printable(c.key) + "' -> " +
                 printable(c.to);
    }
  }
  return "non-C: folders mapped to C: (volumes, LogMonitor)" +
         (changed.empty() ? std::string() : "; rewritten in the copied config: " + changed) +
         "; other paths in the config: by hand";
}

// What the written artifacts do about a finding, and nothing they don't:
// each claim is checked against the files (tests/emit/migration_claims_test).
std::string covered_by(const Finding& f, const AppPlan& plan) {
  const std::string_view r = f.rule;
  if (r == rule_id::kLocalState) {
    if (plan.volumes.empty()) return "";
    return k8s(plan) ? "a PersistentVolumeClaim mounted at each folder found, seeded from the "
                       "image where the application ships files there; other writes: by hand"
                     : "a compose volume mounted at each folder found, seeded from the image where "
                       "the application ships files there; other writes: by hand";
  }
  if (r == rule_id::kAdDependent) {
    if (!plan.gmsa) return "";
    return k8s(plan) ? "gMSA credential spec (template) wired into the manifests; create the gMSA "
                       "and fill in the credential spec"
                     : "credential_spec wired into compose.yaml; create the gMSA and its "
                       "credential spec file";
  }
  if (r == rule_id::kConnectionString) return secrets_covered(plan, true);
  if (r == rule_id::kConfigSecret) return secrets_covered(plan, false);
  if (r == rule_id::kScheduledTask && plan.entry_kind == EntryKind::kTask)
    return k8s(plan) && plan.schedule ? "a CronJob on the task's schedule" : "";
  if (r == rule_id::kScaleOutState || r == rule_id::kScheduledTask) {
    if (plan.autoscale) return "";
    return r == rule_id::kScaleOutState
               ? "no autoscaling, one replica; move session state out of process and set a "
                 "machineKey"
               : "one replica, no autoscaling (the schedule lives in the application)";
  }
  if (r == rule_id::kEventLog) {
    if (!plan.log_monitor.used) return "";
    return "Log Monitor forwards the event log and log files to stdout";
  }
  if (r == rule_id::kBackgroundService) {
    if (plan.entry_exe.find("ServiceMonitor") == std::string::npos) return "";
    return "ServiceMonitor entrypoint that starts and watches the service";
  }
  if (r == rule_id::kVcRuntime) {
    if (plan.installs.empty()) return "";
    std::string out = "the Dockerfile installs ";
    for (std::size_t i = 0; i < plan.installs.size(); ++i)
      out += (i ? ", " : "") + plan.installs[i].name + " from installers/" + plan.installs[i].file;
    return out + "; put the installer there (MIGRATION.md)";
  }
  if (r == rule_id::kComRegistration) {
    if (plan.post_copy_steps.empty()) return "";
    return "the Dockerfile registers the components after copying the application (" +
           std::to_string(plan.post_copy_steps.size()) +
           " registration step(s)); a COM+ server application's DCOM clients still need their "
           "RPC ports";
  }
  if (r == rule_id::kMsmq) {
    if (!plan.msmq) return "";
    return "MSMQ enabled in the image, port 1801, queue store on a volume";
  }
  if (r == rule_id::kMsdtc) {
    if (!plan.msdtc) return "";
    return "stable hostname, port 135 and network DTC access with mutual authentication; "
           "configure a fixed RPC port range by hand";
  }
  if (r == rule_id::kIisCertificate) {
    return k8s(plan) ? "TLS terminates at the Ingress; remove the certificate and HTTPS binding "
                       "from the image"
                     : "";
  }
  if (r == rule_id::kNetfxImage) return "base image chosen from the seed's table";
  if (r == rule_id::kDrivePath) {
    if (plan.volumes.empty() && !plan.log_monitor.used && plan.config_rewrites.empty()) return "";
    return drive_paths_covered(plan);
  }
  if (r == rule_id::kDatabase) {
    if (!has_volume(plan, false)) return "";
    return "the database's folder on a volume one instance owns, a single replica";
  }
  if (r == rule_id::kGuiApi) {
    bool full = plan.base_image == "mcr.microsoft.com/windows" ||
                plan.base_image == "mcr.microsoft.com/windows/server";
    return full ? "the Server image, with every default font" : "";
  }
  return "";
}

}  // namespace

void plan_fixes(const AppAssessment& a, AppPlan& plan) {
  for (const auto& f : a.findings) {
    if (f.severity == Severity::kBlocker) continue;
    plan.to_fix.push_back({f, covered_by(f, plan)});
  }
}

}  // namespace liftshift
