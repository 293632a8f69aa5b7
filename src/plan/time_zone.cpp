// The server's time zone in the image (seed: a lifted application should see
// the machine it ran on). A container otherwise takes its host's zone when it
// starts, and container hosts and Kubernetes Windows nodes often run in UTC:
// an application that prints, logs or compares local times would shift by
// hours. Windows keeps a zone set inside a container in its own storage, and
// containers from an image inherit a zone set in one of its layers
// (virtualized time zone: Windows Server 2019 build 17763.1935 and later).
#include "core/powershell_quote.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

void plan_time_zone(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  if (!app.machine || app.machine->time_zone.empty()) return;
  const MachineFacts& m = *app.machine;
  // tzutil's id of a zone with daylight saving off.
  const std::string zone = m.time_zone + (m.daylight_saving_off ? "_dstoff" : "");
  const std::string shown = m.time_zone + (m.daylight_saving_off ? ", daylight saving off" : "");
  if (plan.windows_version == WindowsVersion::kLtsc2016) {
    plan.warnings.push_back("the server ran in " + shown +
                            "; a Windows Server 2016 container cannot keep a zone of its own "
                            "(virtualized time zones start with Server 2019): it has its host's");
    return;
  }
  if (plan.nano_server) {
    plan.warnings.push_back("the server ran in " + shown +
                            "; liftshift sets the zone on Server Core only: a Nano Server "
                            "container has its host's zone");
    return;
  }
  plan.steps.push_back({"Time zone of the server (" + shown +
                            "): containers from this image keep it, whatever their host's zone",
                        "tzutil /s " + ps_literal(zone)});
  decide(plan, "time-zone", zone,
         "the server ran in " + shown +
             " (SYSTEM TimeZoneInformation); a container otherwise takes its host's zone at "
             "start, often UTC, and local times the application prints, logs or compares would "
             "move by hours: the zone is set in the image, which containers inherit");
}

}  // namespace liftshift
