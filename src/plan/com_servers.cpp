// COM servers of the application registered in the image as the server had
// them (the com-registration rule): after the files are copied, since the
// registration names their place. regsvcs builds the COM+ application in the
// catalog, regasm /codebase registers a ComVisible assembly where it lies,
// regsvr32 /s a native in-process server (SysWOW64's for a 32-bit DLL) and
// /RegServer a LocalServer32 program.
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"
#include "plan/windows_facts.hpp"

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

// An assembly of CLR 2.0 (RuntimeVersion v2.0.50727: built for .NET 2.0 to
// 3.5) is registered by the v2.0.50727 RegAsm or RegSvcs, which only .NET
// Framework 3.5 installs. No image carries it (FACTS.md: the 3.5 images were
// removed in October 2025), so the image enables NetFx3 before it registers.
void netfx3_for_clr2(const AppAssessment& a, AppPlan& plan) {
  std::string files;
  for (const auto& com : a.results.com_servers) {
    if ((com.tool == "regasm" || com.tool == "regsvcs") && com.clr == "v2.0.50727")
      files += (files.empty() ? "" : ", ") + base_name(com.path);
  }
  if (files.empty()) return;
  if (plan.nano_server) {
    plan.warnings.push_back(files +
                            " needs .NET Framework 3.5 (CLR 2.0) to be registered, which Nano "
                            "Server cannot carry: build on Server Core");
    return;
  }
  const std::string command = netfx3_command(plan.windows_version);
  plan.steps.push_back(
      {"Enable .NET Framework 3.5 (NetFx3): the CLR 2.0 RegAsm/RegSvcs registers " + files +
           " (com-registration)",
       command});
  decide(plan, ".NET Framework 3.5", "NetFx3 enabled in " + plan.base_image + ":" + plan.base_tag,
         "com-registration finding: " + files +
             " is a CLR 2.0 assembly (RuntimeVersion v2.0.50727), registered by the v2.0.50727 "
             "RegAsm/RegSvcs that only .NET Framework 3.5 brings; no image carries it (the 3.5 "
             "images were removed in October 2025), so the Dockerfile enables the NetFx3 feature "
             "(`" +
             command + "`: dism fetches it from Windows Update, so the build needs that access)");
}

}  // namespace

void plan_com_servers(const AppAssessment& a, AppPlan& plan) {
  netfx3_for_clr2(a, plan);
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
