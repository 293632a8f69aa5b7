// ConfigMap (settings that are not secret), a Secret template that names the
// keys without values, and a PersistentVolumeClaim per volume.
#include "emit/k8s.hpp"

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
  if (!plan.secrets.empty()) {
    YamlValue secret;
    secret["apiVersion"] = "v1";
    secret["kind"] = "Secret";
    secret["metadata"] = k8s_metadata(plan, plan.k8s_name + "-secrets");
    secret["type"] = "Opaque";
    std::vector<std::string> header{
        "TEMPLATE: no values. Fill them from your secret store, or create the secret with",
        "kubectl create secret generic " + plan.k8s_name + "-secrets \\"};
    for (std::size_t i = 0; i < plan.secrets.size(); ++i) {
      secret["stringData"][plan.secrets[i].key] = "";
      header.push_back("  --from-literal=" + plan.secrets[i].key + "=VALUE" +
                       (i + 1 < plan.secrets.size() ? " \\" : ""));
    }
    header.emplace_back("");
    for (const auto& s : plan.secrets) header.push_back(s.key + ": " + s.hint);
    out.push_back({"k8s/secret.template.yaml", yaml_document(secret, header)});
  }
  for (const auto& v : plan.volumes) {
    YamlValue pvc;
    pvc["apiVersion"] = "v1";
    pvc["kind"] = "PersistentVolumeClaim";
    pvc["metadata"] = k8s_metadata(plan, plan.k8s_name + "-" + v.name);
    pvc["spec"]["accessModes"].push_back(v.shared ? "ReadWriteMany" : "ReadWriteOnce");
    pvc["spec"]["resources"]["requests"]["storage"] = "10Gi";
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
