// COM servers of the application registered in the image as the server had
// them (the com-registration rule): after the files are copied, since the
// registration names their place. regsvcs builds the COM+ application in the
// catalog, regasm /codebase registers a ComVisible assembly where it lies,
// regsvr32 /s a native in-process server (SysWOW64's for a 32-bit DLL) and
// /RegServer a LocalServer32 program.
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

// regsvr32 and a COM server EXE are Windows programs: PowerShell does not wait
// for them when called with '&', so Start-Process -Wait runs them and reads
// their exit code. -ArgumentList joins its items with spaces unquoted: the
// path is put in double quotes (no Windows path contains one).
std::string native_registration(const ComRegistration& com, const std::string& file) {
  std::string start = "$p = Start-Process -Wait -PassThru -FilePath ";
  std::string tool;
  if (com.tool == "regsvr32") {
    tool = com.x86 ? "C:\\Windows\\SysWOW64\\regsvr32.exe" : "C:\\Windows\\System32\\regsvr32.exe";
    start += ps_literal(tool) + " -ArgumentList '/s', " + ps_literal("\"" + file + "\"");
  } else {
    tool = file;
    start += ps_literal(file) + " -ArgumentList '/RegServer'";
  }
  return start + "; if ($p.ExitCode) { throw (" +
         ps_literal(base_name(tool) + " failed for " + file + " with exit code ") +
         " + $p.ExitCode) }";
}

}  // namespace

void plan_com_servers(const AppAssessment& a, AppPlan& plan) {
  for (const auto& com : a.results.com_servers) {
    std::string file = image_path(plan, a.app, com.path);
    // A class registered in the 32-bit view is 32-bit RegAsm's (Framework\).
    std::string framework = std::string("C:\\Windows\\Microsoft.NET\\") +
                            (com.x86 ? "Framework\\" : "Framework64\\") + com.clr + "\\";
    std::string command;
    if (com.tool == "regsvr32" || com.tool == "regserver") {
      command = native_registration(com, file);
    } else if (com.tool == "regsvcs") {
      command = "& " + ps_literal(framework + "RegSvcs.exe") + " /nologo " + ps_literal(file);
    } else {
      command =
          "& " + ps_literal(framework + "RegAsm.exe") + " /nologo /codebase " + ps_literal(file);
    }
    if (com.tool == "regsvcs" || com.tool == "regasm") {
      command +=
          "; if ($LASTEXITCODE) { throw " + ps_literal(com.tool + " failed for " + file) + " }";
    }
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
