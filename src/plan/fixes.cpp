// Every finding of a candidate, with what the generated artifacts already do
// about it; what they don't do is left for MIGRATION.md's "fix by hand" list.
#include <map>

#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string covered_by(const Finding& f, const AppPlan& plan) {
  static const std::map<std::string, std::string, std::less<>> kCovered{
      {"local-state",
       "volumes for the folders found (Dockerfile paths, PVC/compose volumes); other writes: by "
       "hand"},
      {"ad-dependent",
       "gMSA credential spec wired into the manifests; create the gMSA and credential spec"},
      {"connection-string",
       "connection strings moved to ConfigMap/Secret names; make the app read them and "
       "remove the passwords from the config before building"},
      {"scale-out-state",
       "no autoscaling, one replica; move session state out of process and set a machineKey"},
      {"event-log", "Log Monitor forwards the event log and log files to stdout"},
      {"background-service", "ServiceMonitor entrypoint that starts and watches the service"},
      {"msmq", "MSMQ enabled in the image, port 1801, queue store on a volume"},
      {"msdtc",
       "stable hostname, port 135 and network DTC access; configure a fixed RPC port range by "
       "hand"},
      {"iis-certificate",
       "TLS terminates at the ingress; remove the certificate and HTTPS binding from the image"},
      {"netfx-image", "base image chosen from the seed's table"},
      {"scheduled-task", "one replica (the schedule lives in the application)"},
      {"third-party-framework", ""},
      {"drive-path",
       "non-C: folders mapped to C: (volumes, LogMonitor); change the paths in the config by hand"},
      {"registry-dependency", ""},
      {"database", "database folder on a volume, single instance"},
      {"gui-api", "fallback to the Server image or a font install, if rendering fails"},
      {"gui-installer", ""},
  };
  auto it = kCovered.find(f.rule);
  if (it == kCovered.end()) return "";
  if (f.rule == "local-state" && plan.volumes.empty()) return "";
  return it->second;
}

}  // namespace

void plan_fixes(const AppAssessment& a, AppPlan& plan) {
  for (const auto& f : a.findings) {
    if (f.severity == Severity::kBlocker) continue;
    plan.to_fix.push_back({f, covered_by(f, plan)});
  }
}

}  // namespace liftshift
