// Every finding of a candidate, with what the generated artifacts already do
// about it; what they don't do is left for MIGRATION.md's "fix by hand" list.
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
  if (r == rule_id::kConnectionString) {
    if (plan.config.empty() && plan.secrets.empty()) return "";
    return k8s(plan) ? "connection strings named in the ConfigMap and the Secret template; make "
                       "the app read them and remove the passwords from the config before building"
                     : "connection strings named in compose.yaml (environment, secrets); make the "
                       "app read them and remove the passwords from the config before building";
  }
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
    if (plan.volumes.empty() && !plan.log_monitor.used) return "";
    return "non-C: folders mapped to C: (volumes, LogMonitor); change the paths in the config by "
           "hand";
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
