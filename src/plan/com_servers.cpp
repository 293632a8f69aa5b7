// COM servers of the application registered in the image as the server had
// them (the com-registration rule): after the files are copied, since the
// registration names their place. regsvcs builds the COM+ application in the
// catalog, regasm /codebase registers a ComVisible assembly where it lies.
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// Where a file of the application lies in the image: under app_dir as under
// the application's folder on the source.
std::string image_path(const AppPlan& plan, const Application& app, const std::string& path) {
  std::string rel = path;
  if (!app.root.empty() && istarts_with(rel, app.root + "/")) rel = rel.substr(app.root.size() + 1);
  for (auto& c : rel) {
    if (c == '/') c = '\\';
  }
  return plan.build.app_dir + "\\" + rel;
}

}  // namespace

void plan_com_servers(const AppAssessment& a, AppPlan& plan) {
  for (const auto& com : a.results.com_servers) {
    std::string file = image_path(plan, a.app, com.path);
    std::string framework = "C:\\Windows\\Microsoft.NET\\Framework64\\" + com.clr + "\\";
    std::string command;
    if (com.tool == "regsvcs") {
      command = "& " + ps_literal(framework + "RegSvcs.exe") + " /nologo " + ps_literal(file);
    } else {
      command =
          "& " + ps_literal(framework + "RegAsm.exe") + " /nologo /codebase " + ps_literal(file);
    }
    command +=
        "; if ($LASTEXITCODE) { throw " + ps_literal(com.tool + " failed for " + file) + " }";
    plan.post_copy_steps.push_back({"Register " + base_name(com.path) + " with " + com.tool +
                                        " (com-registration: " + com.reason + ")",
                                    command});
    decide(plan, "COM registration", com.tool + " " + file,
           "com-registration finding: " + com.reason +
               "; the server had it registered, an image built from the files has no "
               "registration, so the Dockerfile registers it after copying the application");
  }
}

}  // namespace liftshift
