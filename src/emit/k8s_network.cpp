// Service, Ingress (TLS at the ingress, seed: IIS certificates) and the
// HorizontalPodAutoscaler (only when scale-out is safe).
#include "emit/k8s.hpp"

namespace liftshift {

namespace {

std::string ingress_host(const AppPlan& plan) { return plan.k8s_name + ".example.com"; }

}  // namespace

std::vector<Artifact> k8s_network(const AppPlan& plan) {
  std::vector<Artifact> out;
  if (plan.ports.empty() || plan.entry_kind == EntryKind::kTask) return out;
  YAML::Node svc;
  svc["apiVersion"] = "v1";
  svc["kind"] = "Service";
  svc["metadata"] = k8s_metadata(plan, plan.k8s_name);
  svc["spec"]["type"] = "ClusterIP";
  svc["spec"]["selector"] = k8s_labels(plan);
  for (const auto& p : plan.ports) {
    svc["spec"]["ports"].push_back(yaml_map({{"name", YAML::Node(p.name)},
                                             {"port", YAML::Node(p.port == 8080 ? 80 : p.port)},
                                             {"targetPort", YAML::Node(p.name)},
                                             {"protocol", YAML::Node(p.protocol)}}));
  }
  out.push_back({"k8s/service.yaml",
                 yaml_document(svc, {"Stable name and address for " + plan.app_name + ": " + plan.k8s_name + "."})});

  if (plan.web) {
    YAML::Node ing;
    ing["apiVersion"] = "networking.k8s.io/v1";
    ing["kind"] = "Ingress";
    ing["metadata"] = k8s_metadata(plan, plan.k8s_name);
    YAML::Node tls;
    tls["hosts"].push_back(ingress_host(plan));
    tls["secretName"] = plan.k8s_name + "-tls";
    ing["spec"]["tls"].push_back(tls);
    YAML::Node backend;
    backend["service"]["name"] = plan.k8s_name;
    backend["service"]["port"]["name"] = plan.ports.front().name;
    YAML::Node path = yaml_map({{"path", YAML::Node("/")}, {"pathType", YAML::Node("Prefix")}, {"backend", backend}});
    YAML::Node rule;
    rule["host"] = ingress_host(plan);
    rule["http"]["paths"].push_back(path);
    ing["spec"]["rules"].push_back(rule);
    out.push_back({"k8s/ingress.yaml",
                   yaml_document(ing, {"TLS ends here, not in the container: create the secret " + plan.k8s_name +
                                           "-tls with",
                                       "kubectl create secret tls " + plan.k8s_name +
                                           "-tls --cert=FILE.crt --key=FILE.key",
                                       "and set the host name (" + ingress_host(plan) + " is a placeholder)."})});
  }

  if (plan.autoscale) {
    YAML::Node hpa;
    hpa["apiVersion"] = "autoscaling/v2";
    hpa["kind"] = "HorizontalPodAutoscaler";
    hpa["metadata"] = k8s_metadata(plan, plan.k8s_name);
    hpa["spec"]["scaleTargetRef"] = yaml_map({{"apiVersion", YAML::Node("apps/v1")},
                                              {"kind", YAML::Node("Deployment")},
                                              {"name", YAML::Node(plan.k8s_name)}});
    hpa["spec"]["minReplicas"] = 2;
    hpa["spec"]["maxReplicas"] = 5;
    YAML::Node metric;
    metric["type"] = "Resource";
    metric["resource"]["name"] = "cpu";
    metric["resource"]["target"]["type"] = "Utilization";
    metric["resource"]["target"]["averageUtilization"] = 70;
    hpa["spec"]["metrics"].push_back(metric);
    out.push_back({"k8s/hpa.yaml", yaml_document(hpa, {"Horizontal scale: the application keeps no state in the "
                                                       "instance (MIGRATION.md, step 5)."})});
  }
  return out;
}

}  // namespace liftshift
