// The Kubernetes workload: a Deployment, a Job (a console program that
// exits) or CronJobs (a scheduled task), pinned to Windows nodes of the
// chosen build, with the container user, the gMSA credential spec,
// configuration, secrets and volumes from the plan.
#include <algorithm>

#include "core/environments.hpp"
#include "emit/k8s.hpp"
#include "emit/secret_mounts.hpp"
#include "emit/volume_seed.hpp"

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
  for (const auto* s : env_secrets(plan)) {
    YamlValue ref = yaml_map({{"name", YamlValue(secret_name(plan))}, {"key", YamlValue(s->key)}});
    c["env"].push_back(
        yaml_map({{"name", YamlValue(s->key)}, {"valueFrom", yaml_map({{"secretKeyRef", ref}})}}));
  }
  for (const auto& v : plan.volumes) {
    c["volumeMounts"].push_back(
        yaml_map({{"name", YamlValue(v.name)}, {"mountPath", YamlValue(v.container_path)}}));
  }
  // The moved config files: the whole folder (Windows nodes mount no single files or subPaths).
  for (const auto& m : secret_mounts(plan)) {
    c["volumeMounts"].push_back(yaml_map({{"name", YamlValue(m.volume)},
                                          {"mountPath", YamlValue(m.folder)},
                                          {"readOnly", YamlValue(true)}}));
  }
  c["resources"] = k8s_resources(plan.resources);
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
  } else if (!plan.health_command.empty()) {
    // The planner's own check of the app (a service's status), not just an open port.
    YamlValue probe;
    for (const auto& arg : plan.health_command) probe["exec"]["command"].push_back(arg);
    probe["initialDelaySeconds"] = 30;
    probe["periodSeconds"] = 30;
    probe["timeoutSeconds"] = 20;  // PowerShell starts slowly in Windows containers
    probe["failureThreshold"] = 3;
    c["readinessProbe"] = probe;
    c["livenessProbe"] = probe;
  } else if (plan.web && !plan.ports.empty()) {
    YamlValue probe;
    probe["tcpSocket"]["port"] = plan.ports.front().name;
    probe["initialDelaySeconds"] = 30;
    probe["periodSeconds"] = 10;
    c["readinessProbe"] = probe;
  }
  return c;
}

// Runs before the application, in the same image: copies what the image
// ships under C:\seed onto the volumes, only the files they lack.
YamlValue seed_container(const AppPlan& plan) {
  YamlValue c;
  c["name"] = seed_step_name(plan);
  c["image"] = image_reference(plan);
  c["imagePullPolicy"] = "IfNotPresent";
  for (const auto& arg : seed_command(plan)) c["command"].push_back(arg);
  for (const auto* v : seeded_volumes(plan)) {
    c["volumeMounts"].push_back(
        yaml_map({{"name", YamlValue(v->name)}, {"mountPath", YamlValue(v->container_path)}}));
  }
  return c;
}

}  // namespace

YamlValue k8s_resources(const ResourcePlan& r) {
  YamlValue requests =
      yaml_map({{"cpu", YamlValue(r.cpu_request)}, {"memory", YamlValue(r.memory_request)}});
  YamlValue limits =
      yaml_map({{"cpu", YamlValue(r.cpu_limit)}, {"memory", YamlValue(r.memory_limit)}});
  return yaml_map({{"requests", requests}, {"limits", limits}});
}

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
    spec["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"] =
        base_credential_spec(plan);
  if (!seeded_volumes(plan).empty()) spec["initContainers"].push_back(seed_container(plan));
  spec["containers"].push_back(container(plan));
  if (job) spec["restartPolicy"] = "OnFailure";
  for (const auto& v : plan.volumes) {
    spec["volumes"].push_back(
        yaml_map({{"name", YamlValue(v.name)},
                  {"persistentVolumeClaim",
                   yaml_map({{"claimName", YamlValue(plan.k8s_name + "-" + v.name)}})}}));
  }
  for (const auto& m : secret_mounts(plan)) {
    YamlValue secret;
    secret["secretName"] = secret_name(plan);
    for (const auto& f : m.files)
      secret["items"].push_back(yaml_map({{"key", YamlValue(f.key)}, {"path", YamlValue(f.name)}}));
    spec["volumes"].push_back(yaml_map({{"name", YamlValue(m.volume)}, {"secret", secret}}));
  }
  return spec;
}

Artifact k8s_workload(const AppPlan& plan) {
  YamlValue template_node;
  template_node["metadata"]["labels"] = k8s_labels(plan);
  if (plan.entry_kind == EntryKind::kTask) {
    // One CronJob per schedule (cron cannot say some triggers in one line), in one file.
    template_node["spec"] = k8s_pod_spec(plan, true);
    std::vector<CronSchedule> schedules = plan.schedules;
    if (schedules.empty())
      schedules.push_back({plan.schedule.value_or("0 2 * * *"), "", plan.schedule_text});
    std::string text;
    for (std::size_t i = 0; i < schedules.size(); ++i) {
      const CronSchedule& s = schedules[i];
      YamlValue job;
      job["apiVersion"] = "batch/v1";
      job["kind"] = "CronJob";
      job["metadata"] =
          k8s_metadata(plan, plan.k8s_name + (i == 0 ? "" : "-" + std::to_string(i + 1)));
      job["spec"]["schedule"] = s.cron;
      if (!s.time_zone.empty()) job["spec"]["timeZone"] = s.time_zone;
      job["spec"]["concurrencyPolicy"] = "Forbid";
      job["spec"]["jobTemplate"]["spec"]["backoffLimit"] = 2;
      job["spec"]["jobTemplate"]["spec"]["template"] = template_node;
      std::vector<std::string> header{"Scheduled task " + plan.app_name + ": " + s.trigger + "."};
      if (i == 0)
        header.push_back(
            "The cluster starts the container on the schedule; it runs once and exits.");
      header.push_back(s.time_zone.empty()
                           ? "No timeZone: the schedule is in the cluster's zone (MIGRATION.md)."
                           : "Times in " + s.time_zone +
                                 ", the zone of the task's start times (MIGRATION.md).");
      text += yaml_document(job, header);
    }
    return {"k8s/cronjob.yaml", text};
  }
  if (plan.entry_kind == EntryKind::kJob) {
    // A console program that does its work and exits: a Deployment would restart it forever.
    template_node["spec"] = k8s_pod_spec(plan, true);
    YamlValue job;
    job["apiVersion"] = "batch/v1";
    job["kind"] = "Job";
    job["metadata"] = k8s_metadata(plan, plan.k8s_name);
    job["spec"]["backoffLimit"] = 2;
    job["spec"]["template"] = template_node;
    return {"k8s/job.yaml",
            yaml_document(job, {plan.app_name + ": a console program that runs to completion.",
                                "Run it again with kubectl delete job " + plan.k8s_name +
                                    " && kubectl apply -k k8s/overlays/prod."})};
  }
  template_node["spec"] = k8s_pod_spec(plan, false);
  YamlValue d;
  d["apiVersion"] = "apps/v1";
  d["kind"] = "Deployment";
  d["metadata"] = k8s_metadata(plan, plan.k8s_name);
  d["spec"]["replicas"] = plan.replicas;
  d["spec"]["selector"]["matchLabels"] = k8s_labels(plan);
  // A volume one instance owns (ReadWriteOnce: a database's, a queue store's)
  // can't be attached by the new pod while the old one runs.
  if (std::any_of(plan.volumes.begin(), plan.volumes.end(),
                  [](const VolumePlan& v) { return !v.shared; }))
    d["spec"]["strategy"]["type"] = "Recreate";
  d["spec"]["template"] = template_node;
  return {"k8s/deployment.yaml",
          yaml_document(d, {plan.app_name + " on Windows nodes of build " + plan.windows_build +
                            " (" + to_string(plan.windows_version) + "), process isolation, user " +
                            plan.user + "."})};
}

}  // namespace liftshift
