// Service, Ingress (TLS at the ingress, seed: IIS certificates) and the
// HorizontalPodAutoscaler (only when scale-out is safe).
#include <algorithm>

#include "core/environments.hpp"
#include "emit/k8s.hpp"

namespace liftshift {

std::vector<Artifact> k8s_network(const AppPlan& plan) {
  std::vector<Artifact> out;
  if (plan.ports.empty() || plan.entry_kind == EntryKind::kTask) return out;
  YamlValue svc;
  svc["apiVersion"] = "v1";
  svc["kind"] = "Service";
  svc["metadata"] = k8s_metadata(plan, plan.k8s_name);
  svc["spec"]["type"] = "ClusterIP";
  svc["spec"]["selector"] = k8s_labels(plan);
  for (const auto& p : plan.ports) {
    svc["spec"]["ports"].push_back(yaml_map({{"name", YamlValue(p.name)},
                                             {"port", YamlValue(p.port == 8080 ? 80 : p.port)},
                                             {"targetPort", YamlValue(p.name)},
                                             {"protocol", YamlValue(p.protocol)}}));
  }
  out.push_back(
      {"k8s/service.yaml", yaml_document(svc, {"Stable name and address for " + plan.app_name +
                                               ": " + plan.k8s_name + "."})});

  if (plan.web) {
    YamlValue ing;
    ing["apiVersion"] = "networking.k8s.io/v1";
    ing["kind"] = "Ingress";
    ing["metadata"] = k8s_metadata(plan, plan.k8s_name);
    YamlValue tls;
    tls["hosts"].push_back(base_ingress_host(plan));
    tls["secretName"] = plan.k8s_name + "-tls";
    ing["spec"]["tls"].push_back(tls);
    YamlValue backend;
    backend["service"]["name"] = plan.k8s_name;
    backend["service"]["port"]["name"] = plan.ports.front().name;
    YamlValue path =
        yaml_map({{"path", YamlValue(plan.url_path.empty() ? std::string("/") : plan.url_path)},
                  {"pathType", YamlValue("Prefix")},
                  {"backend", backend}});
    YamlValue rule;
    rule["host"] = base_ingress_host(plan);
    rule["http"]["paths"].push_back(path);
    ing["spec"]["rules"].push_back(rule);
    out.push_back({"k8s/ingress.yaml",
                   yaml_document(ing, {"TLS ends here, not in the container: create the secret " +
                                           plan.k8s_name + "-tls with",
                                       "kubectl create secret tls " + plan.k8s_name +
                                           "-tls --cert=FILE.crt --key=FILE.key",
                                       is_placeholder_host(base_ingress_host(plan))
                                           ? "and set the host name (" + base_ingress_host(plan) +
                                                 " is a placeholder); the overlays set theirs."
                                           : "The overlays k8s/overlays/* set each "
                                             "environment's host."})});
  }

  if (plan.autoscale) {
    YamlValue hpa;
    hpa["apiVersion"] = "autoscaling/v2";
    hpa["kind"] = "HorizontalPodAutoscaler";
    hpa["metadata"] = k8s_metadata(plan, plan.k8s_name);
    hpa["spec"]["scaleTargetRef"] = yaml_map({{"apiVersion", YamlValue("apps/v1")},
                                              {"kind", YamlValue("Deployment")},
                                              {"name", YamlValue(plan.k8s_name)}});
    hpa["spec"]["minReplicas"] = plan.replicas;
    hpa["spec"]["maxReplicas"] = std::max(5, plan.replicas);
    YamlValue metric;
    metric["type"] = "Resource";
    metric["resource"]["name"] = "cpu";
    metric["resource"]["target"]["type"] = "Utilization";
    metric["resource"]["target"]["averageUtilization"] = 70;
    hpa["spec"]["metrics"].push_back(metric);
    out.push_back({"k8s/hpa.yaml",
                   yaml_document(hpa, {"Horizontal scale: the application keeps no state in the "
                                       "instance (MIGRATION.md, step 5)."})});
  }
  return out;
}

}  // namespace liftshift
