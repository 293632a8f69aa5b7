// How the image gets the application: COPY from the published folder, or a
// multi-stage build from the source tree with the framework's SDK image
// (nuget restore + msbuild, or dotnet publish).
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
  decide(plan, "build", "multi-stage build from the source tree",
         "the source is a source tree: a build stage on " + b.sdk_image +
             (b.dotnet_sdk ? " runs dotnet publish" : " runs nuget restore and msbuild") + " for " +
             b.project +
             ", and only its output is copied into the runtime image (no SDK, no sources in the "
             "final image)");
}

}  // namespace liftshift
