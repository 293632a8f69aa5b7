// Replicas and the container's cpu and memory. The number of instances
// follows the scale decision (network.cpp): two, the autoscaler's minimum,
// only for a web application that keeps no state in the instance; one for
// everything else. Resources are a starting point by what the container
// runs, never a measurement of the server: the reason says how to set them.
#include "plan/plan_steps.hpp"

namespace liftshift {

std::string resources_choice(const ResourcePlan& r) {
  return "requests cpu " + r.cpu_request + ", memory " + r.memory_request + "; limits cpu " +
         r.cpu_limit + ", memory " + r.memory_limit;
}

ResourcePlan default_resources(const AppPlan& plan) {
  if (plan.entry_kind == EntryKind::kIis) return {"500m", "1Gi", "2", "2Gi"};
  if (plan.nano_server) return {"250m", "256Mi", "1", "1Gi"};
  return {"250m", "512Mi", "1", "1Gi"};
}

std::string resources_reason(const AppPlan& plan) {
  std::string why;
  if (plan.entry_kind == EntryKind::kIis) {
    why =
        "IIS on Windows Server Core; the limit leaves room for an app pool recycle, where the new "
        "worker process starts before the old one stops";
  } else if (plan.nano_server) {
    why = "one .NET process on Nano Server, the smallest Windows base image";
  } else {
    why = std::string("one ") +
          (plan.entry_kind == EntryKind::kService ? "Windows service" : "program") +
          " on Windows Server Core";
  }
  return why +
         ". A starting point, not measured: set the requests from the server's own use of the "
         "application's process (Performance Monitor: Process, Working Set and % Processor "
         "Time)" +
         (plan.autoscale ? "; the autoscaler's 70% CPU target is of the cpu request" : "");
}

void plan_resources(const AppAssessment&, AppPlan& plan) {
  plan.replicas = plan.autoscale ? 2 : 1;
  plan.resources = default_resources(plan);
  decide(plan, "resources", resources_choice(plan.resources), resources_reason(plan));
}

}  // namespace liftshift
