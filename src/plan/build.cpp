// How the image gets the application: COPY from the published folder, or a
// multi-stage build from the source tree with the framework's SDK image
// (nuget restore + msbuild, or dotnet publish).
#include "core/native_projects.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {

namespace {

const ProjectFacts* main_project(const Application& app) {
  for (const auto& p : app.projects) {
    if (to_forward_slashes(p.path) == to_forward_slashes(app.entry)) return &p;
  }
  return app.projects.empty() ? nullptr : &app.projects.front();
}

// "OrdersDesk64.exe": the program a native Application project builds (TargetName).
std::string exe_name_of(const ProjectFacts& p) {
  std::string name = p.assembly_name;
  return name + (iequals(p.output_type, "Library") ? ".dll" : ".exe");
}

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + (a.back() == '/' ? "" : "/") + b;
}

std::string sdk_image(const AppPlan& plan) {
  WindowsVersion v = plan.windows_version;
  if (plan.framework.kind == FrameworkKind::kDotnet) {
    std::string tag = plan.base_tag;  // "8.0-nanoserver-ltsc2022": same tag for the SDK
    return "mcr.microsoft.com/dotnet/sdk:" + tag;
  }
  return "mcr.microsoft.com/dotnet/framework/sdk:" + netfx_tag(v);
}

// "net48", "net472", "net20": a .NET Framework target (not "net8.0", "netstandard2.0").
bool netfx_tfm(std::string_view tfm) {
  if (tfm.size() < 5 || !tfm.starts_with("net")) return false;
  for (char c : tfm.substr(3)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The .NET Framework target of a multi-target project: the newest it lists.
std::string framework_target(const ProjectFacts& project) {
  if (project.target_frameworks.size() < 2) return "";
  std::string best;
  for (const auto& t : project.target_frameworks) {
    if (!netfx_tfm(t)) continue;
    // Compared as version digits: net48 > net472 > net4 (pad to the same length).
    std::string a = t.substr(3) + std::string(8 - std::min<std::size_t>(8, t.size() - 3), '0');
    std::string b =
        best.empty()
            ? ""
            : best.substr(3) + std::string(8 - std::min<std::size_t>(8, best.size() - 3), '0');
    if (best.empty() || a > b) best = t;
  }
  return best;
}

}  // namespace

void plan_build(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  BuildPlan& b = plan.build;
  bool iis = plan.kind == AppKind::kWeb || plan.kind == AppKind::kWcf;
  bool managed =
      plan.framework.kind == FrameworkKind::kNetFx || plan.framework.kind == FrameworkKind::kDotnet;
  b.app_dir =
      iis && plan.framework.kind != FrameworkKind::kDotnet ? "C:\\inetpub\\wwwroot" : "C:\\app";
  b.from_source = app.binaries.empty() && !app.projects.empty() && managed;
  const ProjectFacts* native = main_project(app);
  if (!b.from_source && app.binaries.empty() && native != nullptr && is_native_project(*native)) {
    // No image carries the Visual C++ build tools: the program is built
    // before the image, and its output replaces the sources in app/.
    b.context_folder = "app";
    b.copy_from = join_path(app.source, app.root);
    const std::string& configuration = native->native.configuration;
    const std::string what =
        native->path + " is a native C++ project" +
        (native->native.platform_toolset.empty()
             ? ""
             : " (PlatformToolset " + native->native.platform_toolset + ")") +
        ", and no image carries the Visual C++ build tools: build its " +
        (configuration.empty() ? std::string("Release") : configuration) +
        " configuration with MSBuild (Visual Studio Build Tools with that toolset) and put its "
        "output (" +
        exe_name_of(*native) +
        " and the DLLs it loads) into app/ of the build context in place of the sources it "
        "holds before docker build";
    plan.warnings.push_back(what);
    decide(plan, "build", "copy the program built from " + native->path, what);
    return;
  }
  if (!b.from_source) {
    b.context_folder = "app";
    b.copy_from = join_path(app.source, app.root);
    decide(plan, "build", "copy the published application",
           "the source is a published application folder: the Dockerfile copies it from app/ in "
           "the build "
           "context into " +
               b.app_dir + " (the build context is this folder, so .dockerignore applies)");
    return;
  }
  const ProjectFacts* project = main_project(app);
  b.context_folder = "src";
  b.copy_from = app.source;
  b.project =
      project != nullptr ? to_forward_slashes(project->path) : to_forward_slashes(app.entry);
  b.sdk_image = sdk_image(plan);
  b.dotnet_sdk = plan.framework.kind == FrameworkKind::kDotnet;
  b.web_publish = iis && !b.dotnet_sdk;
  b.solution = to_forward_slashes(app.solution);
  if (!b.dotnet_sdk && project != nullptr) b.target_framework = framework_target(*project);
  decide(plan, "build", "multi-stage build from the source tree",
         "the source is a source tree: a build stage on " + b.sdk_image +
             (b.dotnet_sdk ? " runs dotnet publish" : " runs nuget restore and msbuild") + " for " +
             b.project +
             ", and only its output is copied into the runtime image (no SDK, no sources in the "
             "final image)");
  if (!b.dotnet_sdk && !b.solution.empty()) {
    decide(plan, "solution build",
           "nuget restore and msbuild " + b.solution + ", then " + b.project,
           "the whole solution is restored and built first, so packages land in its packages "
           "folder, HintPaths relative to the solution ($(SolutionDir)) resolve and projects it "
           "builds that the project does not reference (modules, plugins) are built; then " +
               b.project +
               (b.web_publish ? " is published (WebPublish)"
                              : " is built into its output folder (OutDir)") +
               ". A project of the solution that cannot build in the SDK image (an installer, a "
               "test project) fails the first step: take it out of the solution's Release "
               "configuration");
  }
  if (!b.target_framework.empty()) {
    decide(plan, "target framework", b.target_framework,
           b.project + " targets several frameworks: the image runs .NET Framework, so only " +
               b.target_framework + " is built (/p:TargetFramework)");
  }
}

}  // namespace liftshift
