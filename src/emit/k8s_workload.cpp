// The Kubernetes workload: a Deployment (or a CronJob for a scheduled task)
// pinned to Windows nodes of the chosen build, with the container user, the
// gMSA credential spec, configuration, secrets and volumes from the plan.
#include "emit/k8s.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {

namespace {

YAML::Node container(const AppPlan& plan) {
  YAML::Node c;
  c["name"] = plan.k8s_name;
  c["image"] = image_reference(plan);
  c["imagePullPolicy"] = "IfNotPresent";
  for (const auto& p : plan.ports) {
    c["ports"].push_back(yaml_map({{"name", YAML::Node(p.name)},
                                   {"containerPort", YAML::Node(p.port)},
                                   {"protocol", YAML::Node(p.protocol)}}));
  }
  if (!plan.config.empty()) {
    c["envFrom"].push_back(yaml_map({{"configMapRef", yaml_map({{"name", YAML::Node(plan.k8s_name + "-config")}})}}));
  }
  for (const auto& s : plan.secrets) {
    YAML::Node ref = yaml_map({{"name", YAML::Node(plan.k8s_name + "-secrets")}, {"key", YAML::Node(s.key)}});
    c["env"].push_back(yaml_map({{"name", YAML::Node(s.key)}, {"valueFrom", yaml_map({{"secretKeyRef", ref}})}}));
  }
  for (const auto& v : plan.volumes) {
    c["volumeMounts"].push_back(yaml_map({{"name", YAML::Node(v.name)}, {"mountPath", YAML::Node(v.container_path)}}));
  }
  YAML::Node requests = yaml_map({{"cpu", YAML::Node("500m")}, {"memory", YAML::Node("1Gi")}});
  YAML::Node limits = yaml_map({{"cpu", YAML::Node("2")}, {"memory", YAML::Node("2Gi")}});
  c["resources"] = yaml_map({{"requests", requests}, {"limits", limits}});
  if (plan.web && !plan.ports.empty()) {
    YAML::Node probe;
    probe["tcpSocket"]["port"] = plan.ports.front().name;
    probe["initialDelaySeconds"] = 30;
    probe["periodSeconds"] = 10;
    c["readinessProbe"] = probe;
  }
  return c;
}

}  // namespace

YAML::Node k8s_labels(const AppPlan& plan) {
  return yaml_map({{"app.kubernetes.io/name", YAML::Node(plan.k8s_name)},
                   {"app.kubernetes.io/managed-by", YAML::Node("liftshift")}});
}

YAML::Node k8s_metadata(const AppPlan& plan, const std::string& name) {
  return yaml_map({{"name", YAML::Node(name)}, {"labels", k8s_labels(plan)}});
}

YAML::Node k8s_pod_spec(const AppPlan& plan, bool job) {
  YAML::Node spec;
  spec["os"]["name"] = "windows";
  spec["nodeSelector"]["kubernetes.io/os"] = "windows";
  spec["nodeSelector"]["node.kubernetes.io/windows-build"] = windows_build(plan.windows_version);
  spec["tolerations"].push_back(yaml_map({{"key", YAML::Node("os")},
                                          {"operator", YAML::Node("Equal")},
                                          {"value", YAML::Node("windows")},
                                          {"effect", YAML::Node("NoSchedule")}}));
  if (!plan.hostname.empty()) spec["hostname"] = plan.hostname;
  if (plan.gmsa) spec["serviceAccountName"] = plan.k8s_name;
  spec["securityContext"]["windowsOptions"]["runAsUserName"] = plan.user;
  if (plan.gmsa) spec["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"] = plan.k8s_name + "-gmsa";
  spec["containers"].push_back(container(plan));
  if (job) spec["restartPolicy"] = "OnFailure";
  for (const auto& v : plan.volumes) {
    spec["volumes"].push_back(yaml_map({{"name", YAML::Node(v.name)},
                                        {"persistentVolumeClaim",
                                         yaml_map({{"claimName", YAML::Node(plan.k8s_name + "-" + v.name)}})}}));
  }
  return spec;
}

Artifact k8s_workload(const AppPlan& plan) {
  YAML::Node template_node;
  template_node["metadata"]["labels"] = k8s_labels(plan);
  if (plan.entry_kind == EntryKind::kTask) {
    template_node["spec"] = k8s_pod_spec(plan, true);
    YAML::Node job;
    job["apiVersion"] = "batch/v1";
    job["kind"] = "CronJob";
    job["metadata"] = k8s_metadata(plan, plan.k8s_name);
    job["spec"]["schedule"] = plan.schedule.value_or("0 2 * * *");
    job["spec"]["concurrencyPolicy"] = "Forbid";
    job["spec"]["jobTemplate"]["spec"]["backoffLimit"] = 2;
    job["spec"]["jobTemplate"]["spec"]["template"] = template_node;
    return {"k8s/cronjob.yaml",
            yaml_document(job, {"Scheduled task " + plan.app_name + ": " + plan.schedule_text + ".",
                                "The cluster starts the container on the schedule; it runs once and exits."})};
  }
  template_node["spec"] = k8s_pod_spec(plan, false);
  YAML::Node d;
  d["apiVersion"] = "apps/v1";
  d["kind"] = "Deployment";
  d["metadata"] = k8s_metadata(plan, plan.k8s_name);
  d["spec"]["replicas"] = plan.autoscale ? 2 : 1;
  d["spec"]["selector"]["matchLabels"] = k8s_labels(plan);
  d["spec"]["template"] = template_node;
  return {"k8s/deployment.yaml",
          yaml_document(d, {plan.app_name + " on Windows nodes of build " + windows_build(plan.windows_version) + " (" +
                                to_string(plan.windows_version) + "), process isolation, user " + plan.user + "."})};
}

}  // namespace liftshift
