// Every artifact of one planned application, rendered in memory. Each
// emitter lives in its own file (dockerfile.cpp, logmonitor_config.cpp,
// k8s_*.cpp, compose_file.cpp, migration_md.cpp, backup_md.cpp, blocked_md.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"
#include "emit/artifact_writer.hpp"

namespace liftshift {

std::string render_dockerfile(const AppPlan& plan);
std::string render_dockerfile_netfx3(
    const AppPlan& plan);  // "" when the app has no NetFx3 fallback
std::string render_dockerignore(const AppPlan& plan);
// installers/README.md: the installers the Dockerfile runs, which the user
// puts beside it ("" when the plan installs none).
std::string render_installers(const AppPlan& plan);
std::string render_logmonitor_config(const AppPlan& plan);  // "" when Log Monitor is not used
std::vector<Artifact> render_k8s(const AppPlan& plan);      // k8s/*.yaml
std::string render_compose(const AppPlan& plan);
std::string render_migration(const AppPlan& plan);
std::string render_backup(const AppPlan& plan);
std::string render_blocked(const AppPlan& plan);

// The image reference the artifacts use: REGISTRY/name:1.0.0.
std::string image_reference(const AppPlan& plan);

// Everything for one application: BLOCKED.md alone for a blocked one.
std::vector<Artifact> render_artifacts(const AppPlan& plan);

}  // namespace liftshift
