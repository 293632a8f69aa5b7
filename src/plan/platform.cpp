// Windows Server version and isolation mode (seed: planning steps 2 and 3;
// FACTS.md: host/container compatibility, Kubernetes on Windows).
#include "core/numbers.hpp"
#include "plan/plan_steps.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

int dotnet_major(const Framework& f) {
  if (f.kind != FrameworkKind::kDotnet || f.version.empty()) return 0;
  return leading_number<int>(f.version).value_or(0);
}

}  // namespace

void plan_platform(const AppAssessment& a, const PlanOptions& options, AppPlan& plan) {
  const Application& app = a.app;
  plan.orchestrator = options.orchestrator;
  plan.registry = options.registry;

  if (options.windows_version) {
    plan.windows_version = *options.windows_version;
    decide(plan, "Windows Server version", to_string(plan.windows_version),
           "chosen with --windows-version (" + server_name(plan.windows_version) + ", build " +
               windows_build(plan.windows_version) + ")");
  } else {
    plan.windows_version = WindowsVersion::kLtsc2022;
    decide(plan, "Windows Server version", "ltsc2022",
           "default: Windows Server 2022 (build 10.0.20348) images run with process isolation on "
           "Windows "
           "Server 2022 and 2025 hosts, the widest choice of hosts; the .NET Framework 4.8.1 and "
           ".NET 8/9/10 "
           "images exist for it and Kubernetes supports 2022 nodes (extended support until "
           "2031-10-14); "
           "choose ltsc2025 with --windows-version for new 2025 hosts");
  }

  WindowsVersion v = plan.windows_version;
  plan.windows_build = windows_build(v);
  if (plan.orchestrator == Orchestrator::kKubernetes && v == WindowsVersion::kLtsc2016) {
    plan.refusals.push_back(
        "Kubernetes has no Windows Server 2016 nodes (Windows nodes are 2019 and later; "
        "current releases support 2022 and 2025): choose ltsc2022 or ltsc2025");
  }
  int major = dotnet_major(app.framework);
  if (major == 10 && (v == WindowsVersion::kLtsc2019 || v == WindowsVersion::kLtsc2016)) {
    plan.refusals.push_back(
        ".NET 10 images exist only for ltsc2022 and ltsc2025; " + to_string(v) +
        " cannot run this .NET 10 application: choose --windows-version ltsc2022 or ltsc2025");
  }
  if (app.framework.kind == FrameworkKind::kDotnet && v == WindowsVersion::kLtsc2016) {
    plan.refusals.push_back(
        ".NET images are not published for Windows Server 2016: choose ltsc2019 or later");
  }
  if (has_finding(a, rule_id::kMsmq) && v == WindowsVersion::kLtsc2016) {
    plan.refusals.push_back(
        "MSMQ in containers needs Windows Server 2019 or later (seed: minimal OS for MSMQ): "
        "choose ltsc2019 or later");
  }

  if (plan.orchestrator == Orchestrator::kKubernetes) {
    plan.isolation = Isolation::kProcess;
    decide(plan, "isolation", "process",
           "Kubernetes runs Windows containers with process isolation only (Hyper-V isolation is "
           "not supported, "
           "and neither AKS nor AKS on Azure Stack HCI offers it), so every node must run the "
           "container's build " +
               windows_build(v) + ": " + join(compatible_hosts(v, Isolation::kProcess), ", "));
  } else if (options.isolation == Isolation::kHyperv) {
    plan.isolation = Isolation::kHyperv;
    decide(plan, "isolation", "hyperv",
           "chosen with --isolation: each container gets its own kernel in a utility VM (more "
           "isolation, "
           "multitenancy) at the cost of start-up time; Hyper-V isolation runs this " +
               to_string(v) + " image on " + join(compatible_hosts(v, Isolation::kHyperv), ", "));
  } else {
    plan.isolation = Isolation::kProcess;
    decide(plan, "isolation", "process",
           std::string(options.isolation ? "chosen with --isolation" : "default") +
               ": process isolation starts faster and works with every tool; the host must run the "
               "same build (" +
               windows_build(v) + "): " + join(compatible_hosts(v, Isolation::kProcess), ", ") +
               ". Switch to hyperv later without changing the image to run it on newer hosts");
  }
}

}  // namespace liftshift
