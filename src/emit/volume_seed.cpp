#include "emit/volume_seed.hpp"

#include "emit/quoting.hpp"

namespace liftshift {

namespace {

constexpr const char* kRobocopyFlags = " /E /XC /XN /XO /R:2 /W:5 /NP /NJH /NJS";

}  // namespace

std::vector<const VolumePlan*> seeded_volumes(const AppPlan& plan) {
  std::vector<const VolumePlan*> out;
  for (const auto& v : plan.volumes) {
    if (!v.seed_path.empty()) out.push_back(&v);
  }
  return out;
}

std::vector<std::string> seed_command(const AppPlan& plan) {
  auto seeded = seeded_volumes(plan);
  if (seeded.empty()) return {};
  std::string script;
  if (plan.nano_server) {
    // Nano Server has no PowerShell: cmd, with errorlevel 8 and up as failure.
    for (const auto* v : seeded) {
      script += "robocopy " + cmd_argument(v->seed_path) + " " + cmd_argument(v->container_path) +
                kRobocopyFlags + " & (if errorlevel 8 exit /b 1) & ";
    }
    return {"cmd", "/S", "/C", script + "exit /b 0"};
  }
  for (const auto* v : seeded) {
    script += "robocopy " + ps_literal(v->seed_path) + " " + ps_literal(v->container_path) +
              kRobocopyFlags + "; if ($LASTEXITCODE -ge 8) { exit $LASTEXITCODE }; ";
  }
  return {"powershell", "-NoProfile", "-Command", script + "exit 0"};
}

std::string seed_step_name(const AppPlan& plan) { return plan.k8s_name + "-seed"; }

}  // namespace liftshift
