// ConfigMap (settings that are not secret), a Secret template without
// secret values (one key per moved config file, holding the file with
// placeholders, and one per environment variable), and a PersistentVolumeClaim
// per volume.
#include "emit/k8s.hpp"
#include "emit/secret_mounts.hpp"

namespace liftshift {

std::vector<Artifact> k8s_config(const AppPlan& plan) {
  std::vector<Artifact> out;
  if (!plan.config.empty()) {
    YamlValue cm;
    cm["apiVersion"] = "v1";
    cm["kind"] = "ConfigMap";
    cm["metadata"] = k8s_metadata(plan, plan.k8s_name + "-config");
    for (const auto& c : plan.config) cm["data"][c.key] = c.value;
    out.push_back(
        {"k8s/configmap.yaml",
         yaml_document(
             cm, {"Settings from the orchestrator, so they change without a rebuild.",
                  "No secret is here: those are in the Secret " + plan.k8s_name + "-secrets."})});
  }
  const auto mounts = secret_mounts(plan);
  const auto env = env_secrets(plan);
  if (!mounts.empty() || !env.empty()) {
    YamlValue secret;
    secret["apiVersion"] = "v1";
    secret["kind"] = "Secret";
    secret["metadata"] = k8s_metadata(plan, secret_name(plan));
    secret["type"] = "Opaque";
    std::vector<std::string> header{
        "TEMPLATE: no secret values. Each *.config key is a file moved out of the app's config;",
        "put the real values where " + std::string(kSecretPlaceholder) +
            " stands, or create the secret from those files with",
        "kubectl create secret generic " + secret_name(plan) + " \\"};
    std::vector<std::string> args;
    for (const auto& m : mounts) {
      for (const auto& f : m.files) {
        secret["stringData"][f.key] = f.move->template_xml;
        args.push_back("--from-file=" + f.key + "=" + m.host_folder + "/" + f.name);
      }
    }
    for (const auto* s : env) {
      secret["stringData"][s->key] = "";
      args.push_back("--from-literal=" + s->key + "=VALUE");
    }
    for (std::size_t i = 0; i < args.size(); ++i)
      header.push_back("  " + args[i] + (i + 1 < args.size() ? " \\" : ""));
    header.emplace_back("");
    for (const auto& m : mounts) {
      for (const auto& f : m.files)
        header.push_back(f.key + ": mounted as " + m.folder + "\\" + f.name + " (" + f.config +
                         ")");
    }
    for (const auto& s : plan.secrets)
      header.push_back(s.key + (s.file.empty() ? "" : " (in " + s.file + ")") + ": " + s.hint);
    out.push_back({"k8s/secret.template.yaml", yaml_document(secret, header)});
  }
  for (const auto& v : plan.volumes) {
    YamlValue pvc;
    pvc["apiVersion"] = "v1";
    pvc["kind"] = "PersistentVolumeClaim";
    pvc["metadata"] = k8s_metadata(plan, plan.k8s_name + "-" + v.name);
    pvc["spec"]["accessModes"].push_back(v.shared ? "ReadWriteMany" : "ReadWriteOnce");
    pvc["spec"]["resources"]["requests"]["storage"] = v.size;
    out.push_back(
        {"k8s/pvc-" + v.name + ".yaml",
         yaml_document(pvc,
                       {v.container_path + ": " + v.reason + ".",
                        v.shared ? "ReadWriteMany: every instance mounts it (Azure Files, SMB)."
                                 : "ReadWriteOnce: one instance owns it."})});
  }
  return out;
}

}  // namespace liftshift
