// The folders the orchestrator mounts the moved config files into: one per
// ConfigRewrite::secret_folder, the files it holds, the Secret keys, and the
// folder beside compose.yaml that a compose run mounts instead.
#include "emit/secret_mounts.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace liftshift {

namespace {

std::string after_last_backslash(const std::string& path) {
  auto slash = path.rfind('\\');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::vector<SecretMount> secret_mounts(const AppPlan& plan) {
  std::vector<SecretMount> out;
  for (const auto& r : plan.config_rewrites) {
    if (r.secret_folder.empty() || r.moves.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const SecretMount& m) { return m.folder == r.secret_folder; });
    if (it == out.end()) {
      SecretMount m;
      m.folder = r.secret_folder;
      std::string rel = istarts_with(r.secret_folder, plan.build.app_dir + "\\")
                            ? r.secret_folder.substr(plan.build.app_dir.size() + 1)
                            : after_last_backslash(r.secret_folder);
      m.host_folder = "secrets/" + to_forward_slashes(rel);
      out.push_back(std::move(m));
      it = out.end() - 1;
    }
    for (const auto& mv : r.moves)
      it->files.push_back({mv.secret_key, after_last_backslash(mv.file), r.config, &mv});
  }
  std::stable_partition(out.begin(), out.end(),
                        [&](const SecretMount& m) { return m.folder == plan.secret_mount; });
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].volume = i == 0 ? "config-secrets" : "config-secrets-" + std::to_string(i + 1);
  return out;
}

std::string secret_name(const AppPlan& plan) { return plan.k8s_name + "-secrets"; }

std::vector<const SecretName*> env_secrets(const AppPlan& plan) {
  std::vector<const SecretName*> out;
  for (const auto& s : plan.secrets) {
    if (s.file.empty()) out.push_back(&s);
  }
  return out;
}

}  // namespace liftshift
