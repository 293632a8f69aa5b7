// BACKUP.md: what to back up for this application, following the seed's
// "Backup of Windows containers": persistent storage, the application source,
// the image, the Dockerfile and the orchestration files.
#include <sstream>

#include "emit/artifacts.hpp"
#include "emit/markdown.hpp"
#include "emit/pipelines.hpp"
#include "emit/secret_mounts.hpp"

namespace liftshift {

std::string render_backup(const AppPlan& plan) {
  std::ostringstream md;
  bool k8s = plan.orchestrator == Orchestrator::kKubernetes;
  md << "# Backup: " << md_text(plan.app_name) << "\n\n";
  md << "A container holds no state or data worth keeping: a failed instance is replaced by a new "
        "one that\n"
     << "mounts the same persistent storage. Back up what lives outside it.\n";
  md << "\n## Persistent storage\n\n";
  if (plan.volumes.empty()) {
    md << "None: the plan mounts no volume. If the application starts writing files, add a volume "
          "and back it up.\n";
  }
  for (const auto& v : plan.volumes) {
    md << "- Volume " << md_code(v.name) << " at " << md_code(v.container_path) << " ("
       << (k8s ? "PersistentVolumeClaim " + md_code(plan.k8s_name + "-" + v.name) + ", "
               : std::string())
       << (v.shared ? "shared by every instance" : "owned by one instance") << ")"
       << ": "
       << (v.holds.empty() || v.reason.rfind(v.holds, 0) == 0 ? ""
                                                              : "holds " + md_text(v.holds) + ". ")
       << md_text(v.reason) << ".\n";
    if (!v.seed_path.empty()) {
      md << "  On the first start it receives what the application ships there (the image keeps "
            "it in\n"
         << "  " << md_code(v.seed_path)
         << "); a later start never overwrites a file already on it.\n";
    }
    md << "  Back up the storage behind it (snapshots of the file share or disk, or your cluster "
          "backup\n"
       << "  tool), on the schedule the data needs"
       << (v.shared ? "" : "; stop the instance or use the data's own backup for a consistent copy")
       << ".\n";
  }
  md << "\n## Application\n\n"
     << "The source (" << md_code(md_app_source(plan))
     << ") belongs in a source repository with version control,\n"
     << "so you can go back to any version; follow that repository's own backup recommendations.\n";
  md << "\n## Container image\n\n"
     << "Push " << md_code(image_reference(plan))
     << " to a central registry; it makes the image available to\n"
     << "every host and serves as its backup. A registry doesn't stop an image from being deleted "
        "or\n"
     << "overwritten: use a new tag per build, lock or make tags immutable where the registry "
        "allows, and back\n"
     << "up an on-premises registry as its vendor recommends.\n";
  if (!plan.pipelines.empty()) {
    // The guidance's backup of the image and the Dockerfile, kept current.
    md << "\nThe pipeline";
    for (std::size_t i = 0; i < plan.pipelines.size(); ++i)
      md << (i ? ", " : " ") << md_code(pipeline_path(plan.pipelines[i]));
    md << " rebuilds the image from the\n"
       << "Dockerfile in source control on every change and on the monthly base image, and pushes "
          "each build\n"
       << "under a new tag to " << md_code(image_repository(plan))
       << ": the registry and the repository together are the backup of the\n"
       << "image and of the Dockerfile it is built from.\n";
  }
  md << "\n## Dockerfile and the other assets\n\n"
     << "This folder was generated for an existing application, so nothing else keeps it: store it "
        "with the\n"
     << "application source, in a secure, backed-up location:\n\n";
  md << "- `Dockerfile`, `.dockerignore`"
     << (plan.fallback_steps.empty() ? "" : ", `Dockerfile.netfx3`") << "\n";
  if (plan.log_monitor.used) md << "- `LogMonitorConfig.json`\n";
  if (k8s) md << "- `k8s/` (the Kubernetes manifests: the Kustomize base and its overlays)\n";
  md << "- `compose.yaml`\n";
  for (Pipeline p : plan.pipelines) md << "- " << md_code(pipeline_path(p)) << "\n";
  if (!plan.pipelines.empty()) md << "- `renovate.json`\n";
  if (plan.gmsa) md << "- the credential spec JSON of gMSA " << md_code(plan.gmsa_account) << "\n";
  if (!plan.secrets.empty()) {
    md << "\nSecret values are not in this folder and must not be: they live in your secret store, "
          "which has its\n"
       << "own backup. The secret names are listed in MIGRATION.md.\n";
  }
  const auto mounts = secret_mounts(plan);
  if (!mounts.empty()) {
    md << "The config sections moved out of the application (";
    for (std::size_t i = 0; i < mounts.size(); ++i) {
      for (std::size_t j = 0; j < mounts[i].files.size(); ++j)
        md << (i + j == 0 ? "" : ", ") << md_code(mounts[i].files[j].name);
    }
    md << ") are part of the\n"
       << "application: without them it has no connection strings. Back them up as secrets, "
          "with the secret\n"
       << "store (" << (k8s ? "the Secret " + md_code(secret_name(plan)) + ", " : std::string())
       << "the files a compose host keeps under " << md_code("secrets/")
       << "), never with this folder's source control.\n";
  }
  return md.str();
}

}  // namespace liftshift
