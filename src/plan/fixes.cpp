// Every finding of a candidate, with what the generated artifacts already do
// about it; what they don't do is left for MIGRATION.md's "fix by hand" list.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// The moved files as the artifacts deliver them: each claim names the file
// that carries it (tests/emit/migration_claims_test.cpp checks every one).
std::string secrets_covered(const AppPlan& plan, bool connection_strings) {
  bool k8s = plan.orchestrator == Orchestrator::kKubernetes;
  std::string workload =
      plan.entry_kind == EntryKind::kTask ? "k8s/cronjob.yaml" : "k8s/deployment.yaml";
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
             (k8s ? "secretKeyRef in " + workload : std::string("compose.yaml secrets")) +
             "), the Dockerfile adds its package";
    }
  }
  if (!out.empty())
    out += k8s ? "; fill the files from the template and create the secret (MIGRATION.md)"
               : "; fill the files from MIGRATION.md's templates";
  return out;
}

std::string drive_paths_covered(const AppPlan& plan) {
  std::string changed;
  for (const auto& r : plan.config_rewrites) {
    for (const auto& c : r.changes) {
      if (c.to.empty()) continue;
      changed += (changed.empty() ? "" : ", ") + c.section + " '" + c.key + "' -> " + c.to;
    }
  }
  return "non-C: folders mapped to C: (volumes, LogMonitor)" +
         (changed.empty() ? std::string() : "; rewritten in the copied config: " + changed) +
         "; other paths in the config: by hand";
}

std::string covered_by(const Finding& f, const AppPlan& plan) {
  static const std::map<std::string_view, std::string_view> kCovered{
      {rule_id::kLocalState,
       "volumes for the folders found (Dockerfile paths, PVC/compose volumes); other writes: by "
       "hand"},
      {rule_id::kAdDependent,
       "gMSA credential spec wired into the manifests; create the gMSA and credential spec"},
      {rule_id::kScaleOutState,
       "no autoscaling, one replica; move session state out of process and set a machineKey"},
      {rule_id::kEventLog, "Log Monitor forwards the event log and log files to stdout"},
      {rule_id::kBackgroundService,
       "ServiceMonitor entrypoint that starts and watches the service"},
      {rule_id::kMsmq, "MSMQ enabled in the image, port 1801, queue store on a volume"},
      {rule_id::kMsdtc,
       "stable hostname, port 135 and network DTC access; configure a fixed RPC port range by "
       "hand"},
      {rule_id::kIisCertificate,
       "TLS terminates at the ingress; remove the certificate and HTTPS binding from the image"},
      {rule_id::kNetfxImage, "base image chosen from the seed's table"},
      {rule_id::kScheduledTask, "one replica (the schedule lives in the application)"},
      {rule_id::kThirdPartyFramework, ""},
      {rule_id::kRegistryDependency, ""},
      {rule_id::kDatabase, "database folder on a volume, single instance"},
      {rule_id::kGuiApi, "fallback to the Server image or a font install, if rendering fails"},
      {rule_id::kGuiInstaller, ""},
  };
  if (f.rule == rule_id::kConnectionString) return secrets_covered(plan, true);
  if (f.rule == rule_id::kConfigSecret) return secrets_covered(plan, false);
  if (f.rule == rule_id::kDrivePath) return drive_paths_covered(plan);
  auto it = kCovered.find(f.rule);
  if (it == kCovered.end()) return "";
  if (f.rule == rule_id::kLocalState && plan.volumes.empty()) return "";
  return std::string(it->second);
}

}  // namespace

void plan_fixes(const AppAssessment& a, AppPlan& plan) {
  for (const auto& f : a.findings) {
    if (f.severity == Severity::kBlocker) continue;
    plan.to_fix.push_back({f, covered_by(f, plan)});
  }
}

}  // namespace liftshift
