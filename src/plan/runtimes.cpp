// Runtimes the server had installed that the base image lacks: the Visual
// C++ Redistributables the vc-runtime rule found, each installed in the image
// from the installer the user puts into the build context (nothing is
// downloaded: the redistributables' download links are not stable).
#include "plan/plan_steps.hpp"

namespace liftshift {

void plan_runtimes(const AppAssessment& a, AppPlan& plan) {
  for (const auto& rt : a.results.vc_runtimes) {
    std::string dlls;
    for (const auto& d : rt.dlls) dlls += (dlls.empty() ? "" : ", ") + d;
    RuntimeInstall install;
    install.name = "Visual C++ " + rt.release + " Redistributable (" + rt.arch + ")";
    install.file = rt.installer;
    install.arguments = rt.arguments;
    std::string projects;
    for (const auto& p : rt.projects) projects += (projects.empty() ? "" : "; ") + p;
    install.reason =
        !dlls.empty()
            ? "vc-runtime finding: the program imports " + dlls +
                  ", which Windows does not carry; the server had the redistributable installed"
            : "vc-runtime finding: " + projects +
                  ": the program is built against the Visual C++ runtime DLLs, which Windows "
                  "does not carry";
    decide(plan, "Visual C++ runtime",
           install.name + ": installers/" + install.file + " " + install.arguments,
           install.reason +
               "; the Dockerfile runs its installer silently from installers/ of the "
               "build context, where you put it (MIGRATION.md)");
    plan.installs.push_back(std::move(install));
  }
}

}  // namespace liftshift
