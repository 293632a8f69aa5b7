// The CI pipelines `containerize --pipeline` writes into each application's
// folder (the root of its repository): build on a Windows runner of the
// plan's Windows version, scan, push, on every change and on the second
// Wednesday of each month (the day after Patch Tuesday, when Microsoft
// publishes the patched base images), plus renovate.json, which pins the
// base image by digest and proposes the new digest each month.
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"
#include "emit/artifact_writer.hpp"

namespace liftshift {

std::string render_github_workflow(const AppPlan& plan);  // .github/workflows/image.yml
std::string render_azure_pipeline(const AppPlan& plan);   // azure-pipelines.yml
std::string render_gitlab_ci(const AppPlan& plan);        // .gitlab-ci.yml
std::string render_renovate(const AppPlan& plan);         // renovate.json

// Every pipeline the plan asks for, plus renovate.json; nothing without one.
std::vector<Artifact> render_pipelines(const AppPlan& plan);
// The file each CI system reads, relative to the application's folder.
std::string pipeline_path(Pipeline p);
std::string pipeline_name(Pipeline p);  // "GitHub Actions"
// MIGRATION.md's section on the pipelines; "" without one.
std::string pipeline_notes(const AppPlan& plan);

// --- shared by the three emitters (pipeline_common.cpp) ---

// Days 8-14 at 06:00 UTC. Cron cannot say "second Wednesday": with both
// day-of-month and day-of-week set, a match of either fires, so the
// schedule runs on days 8-14 and the guard keeps the one that is a Wednesday.
inline constexpr const char* kMonthlyCron = "0 6 8-14 * *";
// The hosted runner image ("windows-2022"), "" when none runs the version.
std::string hosted_windows_runner(const AppPlan& plan);
std::string image_repository(const AppPlan& plan);  // REGISTRY/name, no tag
std::string registry_host(const AppPlan& plan);     // what docker login takes
// PowerShell: true when a scheduled run falls on a Wednesday (or the run
// was not scheduled); event_env names the CI's variable of the run's cause.
std::string guard_condition(const std::string& event_env, const std::string& scheduled);
// PowerShell steps; they read IMAGE, IMAGE_TAG, REGISTRY_HOST,
// REGISTRY_USERNAME and REGISTRY_PASSWORD from the environment.
std::string build_script();
std::string scan_script();
std::string push_script();
// The header comment every pipeline starts with.
std::vector<std::string> pipeline_header(const AppPlan& plan, Pipeline p);

}  // namespace liftshift
