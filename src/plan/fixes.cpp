// Every finding of a candidate, with what the generated artifacts already do
// about it; what they don't do is left for MIGRATION.md's "fix by hand" list.
#include <map>
#include <string>
#include <string_view>

#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string covered_by(const Finding& f, const AppPlan& plan) {
  static const std::map<std::string_view, std::string_view> kCovered{
      {rule_id::kLocalState,
       "volumes for the folders found (Dockerfile paths, PVC/compose volumes); other writes: by "
       "hand"},
      {rule_id::kAdDependent,
       "gMSA credential spec wired into the manifests; create the gMSA and credential spec"},
      {rule_id::kConnectionString,
       "connection strings moved to ConfigMap/Secret names; make the app read them and "
       "remove the passwords from the config before building"},
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
      {rule_id::kDrivePath,
       "non-C: folders mapped to C: (volumes, LogMonitor); change the paths in the config by hand"},
      {rule_id::kRegistryDependency, ""},
      {rule_id::kDatabase, "database folder on a volume, single instance"},
      {rule_id::kGuiApi, "fallback to the Server image or a font install, if rendering fails"},
      {rule_id::kGuiInstaller, ""},
  };
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
