// The secret folders of a plan as the emitters write them (k8s Secret and
// Deployment, compose bind mounts, MIGRATION.md, BACKUP.md).
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

struct SecretFile {
  std::string key;     // the Secret key: "connectionStrings.config"
  std::string name;    // the file name in the mounted folder: "connectionStrings.config"
  std::string config;  // the config it moved out of, relative to the source
  const ConfigSectionMove* move = nullptr;
};

struct SecretMount {
  std::string folder;       // in the container: "C:\\inetpub\\wwwroot\\config"
  std::string host_folder;  // beside compose.yaml, '/' separators: "secrets/config"
  std::string volume;       // the pod volume's name: "config-secrets"
  std::vector<SecretFile> files;
};

// One per distinct ConfigRewrite::secret_folder, the app's own first.
std::vector<SecretMount> secret_mounts(const AppPlan& plan);

// The Secret holding every secret of the app: "NAME-secrets".
std::string secret_name(const AppPlan& plan);

// The secrets that reach the app as environment variables (not in a moved file).
std::vector<const SecretName*> env_secrets(const AppPlan& plan);

}  // namespace liftshift
