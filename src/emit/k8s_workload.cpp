// The Kubernetes workload: a Deployment (or a CronJob for a scheduled task)
// pinned to Windows nodes of the chosen build, with the container user, the
// gMSA credential spec, configuration, secrets and volumes from the plan.
#include "emit/k8s.hpp"

namespace liftshift {

namespace {

YamlValue container(const AppPlan& plan) {
  YamlValue c;
  c["name"] = plan.k8s_name;
  c["image"] = image_reference(plan);
  c["imagePullPolicy"] = "IfNotPresent";
  for (const auto& p : plan.ports) {
    c["ports"].push_back(yaml_map({{"name", YamlValue(p.name)},
                                   {"containerPort", YamlValue(p.port)},
                                   {"protocol", YamlValue(p.protocol)}}));
  }
  if (!plan.config.empty()) {
    c["envFrom"].push_back(
        yaml_map({{"configMapRef", yaml_map({{"name", YamlValue(plan.k8s_name + "-config")}})}}));
  }
  for (const auto& s : plan.secrets) {
    YamlValue ref =
        yaml_map({{"name", YamlValue(plan.k8s_name + "-secrets")}, {"key", YamlValue(s.key)}});
    c["env"].push_back(
        yaml_map({{"name", YamlValue(s.key)}, {"valueFrom", yaml_map({{"secretKeyRef", ref}})}}));
  }
  for (const auto& v : plan.volumes) {
    c["volumeMounts"].push_back(
        yaml_map({{"name", YamlValue(v.name)}, {"mountPath", YamlValue(v.container_path)}}));
  }
  YamlValue requests = yaml_map({{"cpu", YamlValue("500m")}, {"memory", YamlValue("1Gi")}});
  YamlValue limits = yaml_map({{"cpu", YamlValue("2")}, {"memory", YamlValue("2Gi")}});
  c["resources"] = yaml_map({{"requests", requests}, {"limits", limits}});
  if (plan.health.used) {
    // Readiness asks the application, liveness something lighter (plan/iis_site.cpp).
    auto http_get = [](const HttpCheck& check, int period, int failures) {
      YamlValue probe;
      probe["httpGet"]["path"] = check.path;
      probe["httpGet"]["port"] = check.port;
      probe["initialDelaySeconds"] = 30;
      probe["periodSeconds"] = period;
      probe["timeoutSeconds"] = 5;
      probe["failureThreshold"] = failures;
      return probe;
    };
    c["readinessProbe"] = http_get(plan.health.readiness, 10, 3);
    c["livenessProbe"] = http_get(plan.health.liveness, 30, 5);
  } else if (plan.web && !plan.ports.empty()) {
    YamlValue probe;
    probe["tcpSocket"]["port"] = plan.ports.front().name;
    probe["initialDelaySeconds"] = 30;
    probe["periodSeconds"] = 10;
    c["readinessProbe"] = probe;
  }
  return c;
}

}  // namespace

YamlValue k8s_labels(const AppPlan& plan) {
  return yaml_map({{"app.kubernetes.io/name", YamlValue(plan.k8s_name)},
                   {"app.kubernetes.io/managed-by", YamlValue("liftshift")}});
}

YamlValue k8s_metadata(const AppPlan& plan, const std::string& name) {
  return yaml_map({{"name", YamlValue(name)}, {"labels", k8s_labels(plan)}});
}

YamlValue k8s_pod_spec(const AppPlan& plan, bool job) {
  YamlValue spec;
  spec["os"]["name"] = "windows";
  spec["nodeSelector"]["kubernetes.io/os"] = "windows";
  spec["nodeSelector"]["node.kubernetes.io/windows-build"] = plan.windows_build;
  spec["tolerations"].push_back(yaml_map({{"key", YamlValue("os")},
                                          {"operator", YamlValue("Equal")},
                                          {"value", YamlValue("windows")},
                                          {"effect", YamlValue("NoSchedule")}}));
  if (!plan.hostname.empty()) spec["hostname"] = plan.hostname;
  if (plan.gmsa) spec["serviceAccountName"] = plan.k8s_name;
  spec["securityContext"]["windowsOptions"]["runAsUserName"] = plan.user;
  if (plan.gmsa)
    spec["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"] = plan.k8s_name + "-gmsa";
  spec["containers"].push_back(container(plan));
  if (job) spec["restartPolicy"] = "OnFailure";
  for (const auto& v : plan.volumes) {
    spec["volumes"].push_back(
        yaml_map({{"name", YamlValue(v.name)},
                  {"persistentVolumeClaim",
                   yaml_map({{"claimName", YamlValue(plan.k8s_name + "-" + v.name)}})}}));
  }
  return spec;
}

Artifact k8s_workload(const AppPlan& plan) {
  YamlValue template_node;
  template_node["metadata"]["labels"] = k8s_labels(plan);
  if (plan.entry_kind == EntryKind::kTask) {
    template_node["spec"] = k8s_pod_spec(plan, true);
    YamlValue job;
    job["apiVersion"] = "batch/v1";
    job["kind"] = "CronJob";
    job["metadata"] = k8s_metadata(plan, plan.k8s_name);
    job["spec"]["schedule"] = plan.schedule.value_or("0 2 * * *");
    job["spec"]["concurrencyPolicy"] = "Forbid";
    job["spec"]["jobTemplate"]["spec"]["backoffLimit"] = 2;
    job["spec"]["jobTemplate"]["spec"]["template"] = template_node;
    return {
        "k8s/cronjob.yaml",
        yaml_document(
            job, {"Scheduled task " + plan.app_name + ": " + plan.schedule_text + ".",
                  "The cluster starts the container on the schedule; it runs once and exits."})};
  }
  template_node["spec"] = k8s_pod_spec(plan, false);
  YamlValue d;
  d["apiVersion"] = "apps/v1";
  d["kind"] = "Deployment";
  d["metadata"] = k8s_metadata(plan, plan.k8s_name);
  d["spec"]["replicas"] = plan.autoscale ? 2 : 1;
  d["spec"]["selector"]["matchLabels"] = k8s_labels(plan);
  d["spec"]["template"] = template_node;
  return {"k8s/deployment.yaml",
          yaml_document(d, {plan.app_name + " on Windows nodes of build " + plan.windows_build +
                            " (" + to_string(plan.windows_version) + "), process isolation, user " +
                            plan.user + "."})};
}

}  // namespace liftshift
