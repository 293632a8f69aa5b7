// The Kubernetes manifests as a Kustomize base (k8s/base/, every object the
// application needs) and two overlays (k8s/overlays/dev, k8s/overlays/prod)
// that set what differs per environment: the image tag, the replicas and the
// container's cpu and memory. `kubectl apply -k k8s/overlays/prod` deploys.
// The Secret template stays out of the base (k8s/secret.template.yaml): it
// holds placeholders, and applying it would overwrite the real Secret.
#include <algorithm>

#include "core/environments.hpp"
#include "core/k8s_quantity.hpp"
#include "emit/k8s.hpp"

namespace liftshift {

namespace {

constexpr const char* kSecretTemplate = "k8s/secret.template.yaml";

YamlValue kustomization() {
  YamlValue k;
  k["apiVersion"] = "kustomize.config.k8s.io/v1beta1";
  k["kind"] = "Kustomization";
  return k;
}

struct Environment {
  std::string name;  // "dev", "prod"
  int replicas = 1;
  ResourcePlan resources;
  std::vector<std::string> header;
  const EnvironmentPlan* values = nullptr;  // the plan's host, credential spec, storage class
};

// A patch file and, for a JSON patch (RFC 6902), the object it applies to.
struct Patch {
  Artifact file;
  YamlValue target;  // null for a strategic-merge patch, which names its object
};

YamlValue replace_op(const std::string& path, const std::string& value) {
  return yaml_map(
      {{"op", YamlValue("replace")}, {"path", YamlValue(path)}, {"value", YamlValue(value)}});
}

// Half of a request (a smaller cluster), never below 1m or 1 byte; the
// request itself when it is not a quantity (the plan file's checks keep it one).
std::string half_cpu(const std::string& q) {
  auto m = cpu_millicores(q);
  return m ? k8s_cpu(std::max<std::int64_t>(1, *m / 2)) : q;
}
std::string half_memory(const std::string& q) {
  auto b = memory_bytes(q);
  return b ? k8s_memory(std::max<std::int64_t>(1, *b / 2)) : q;
}

// The container of the workload with the environment's resources, and its
// credential spec when it is not the base's, under the path of the pod
// template in this kind of object.
YamlValue pod_patch(const AppPlan& plan, const Environment& env) {
  YamlValue c;
  c["name"] = plan.k8s_name;
  c["resources"] = k8s_resources(env.resources);
  YamlValue spec;
  std::string spec_name = environment_credential_spec(plan, *env.values);
  if (plan.gmsa && spec_name != base_credential_spec(plan))
    spec["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"] = spec_name;
  spec["containers"].push_back(c);
  return spec;
}

YamlValue object_patch(const std::string& api, const std::string& kind, const std::string& name) {
  YamlValue p;
  p["apiVersion"] = api;
  p["kind"] = kind;
  p["metadata"]["name"] = name;
  return p;
}

// The patches of one environment.
std::vector<Patch> patches(const AppPlan& plan, const Environment& env, const std::string& dir) {
  std::vector<Patch> out;
  auto add = [&](const std::string& file, const YamlValue& patch, const std::string& what,
                 YamlValue target = nullptr) {
    out.push_back({{dir + "/" + file, yaml_document(patch, {what})}, std::move(target)});
  };
  auto target = [](const char* kind, const std::string& name) {
    return yaml_map({{"kind", YamlValue(kind)}, {"name", YamlValue(name)}});
  };
  std::string sized = "cpu and memory of " + plan.k8s_name + " in " + env.name + ".";
  if (plan.entry_kind == EntryKind::kTask) {
    std::size_t count = std::max<std::size_t>(1, plan.schedules.size());
    for (std::size_t i = 0; i < count; ++i) {
      std::string name = plan.k8s_name + (i == 0 ? "" : "-" + std::to_string(i + 1));
      YamlValue p = object_patch("batch/v1", "CronJob", name);
      p["spec"]["jobTemplate"]["spec"]["template"]["spec"] = pod_patch(plan, env);
      add("cronjob" + (i == 0 ? std::string() : "-" + std::to_string(i + 1)) + "-patch.yaml", p,
          sized);
    }
  } else if (plan.entry_kind == EntryKind::kJob) {
    YamlValue p = object_patch("batch/v1", "Job", plan.k8s_name);
    p["spec"]["template"]["spec"] = pod_patch(plan, env);
    add("job-patch.yaml", p, sized);
  } else {
    YamlValue p = object_patch("apps/v1", "Deployment", plan.k8s_name);
    p["spec"]["replicas"] = env.replicas;
    p["spec"]["template"]["spec"] = pod_patch(plan, env);
    add("deployment-patch.yaml", p, "Instances, " + sized);
    if (plan.autoscale) {
      // The autoscaler's minimum is the environment's replicas.
      YamlValue h = object_patch("autoscaling/v2", "HorizontalPodAutoscaler", plan.k8s_name);
      h["spec"]["minReplicas"] = env.replicas;
      h["spec"]["maxReplicas"] = std::max(5, env.replicas);
      add("hpa-patch.yaml", h, "The autoscaler's range in " + env.name + ".");
    }
  }
  std::string host = environment_host(plan, *env.values);
  if (has_ingress(plan) && host != base_ingress_host(plan)) {
    YamlValue ops;
    ops.push_back(replace_op("/spec/rules/0/host", host));
    ops.push_back(replace_op("/spec/tls/0/hosts/0", host));
    add("ingress-patch.yaml", ops,
        "The Ingress host in " + env.name + ": " + host +
            (is_placeholder_host(host) ? " (a placeholder: set it)." : "."),
        target("Ingress", plan.k8s_name));
  }
  std::string spec_name = environment_credential_spec(plan, *env.values);
  if (plan.gmsa && spec_name != base_credential_spec(plan)) {
    YamlValue rename;
    rename.push_back(replace_op("/metadata/name", spec_name));
    add("gmsa-credentialspec-patch.yaml", rename,
        "The credential spec of " + env.name + "'s gMSA: " + spec_name +
            "; put New-CredentialSpec's output for that account into its credspec.",
        target("GMSACredentialSpec", base_credential_spec(plan)));
    YamlValue use;
    use.push_back(replace_op("/rules/0/resourceNames/0", spec_name));
    add("gmsa-clusterrole-patch.yaml", use, "The pods may use " + spec_name + ".",
        target("ClusterRole", plan.k8s_name + "-gmsa-user"));
  }
  if (!env.values->storage_class.empty()) {
    for (const auto& v : plan.volumes) {
      YamlValue p = object_patch("v1", "PersistentVolumeClaim", plan.k8s_name + "-" + v.name);
      p["spec"]["storageClassName"] = env.values->storage_class;
      add("pvc-" + v.name + "-patch.yaml", p,
          "The StorageClass of " + v.name + " in " + env.name + ".");
    }
  }
  return out;
}

std::vector<Artifact> overlay(const AppPlan& plan, const Environment& env) {
  std::string dir = "k8s/overlays/" + env.name;
  std::vector<Patch> files = patches(plan, env, dir);
  std::string image = image_reference(plan);
  auto colon = image.rfind(':');
  YamlValue k = kustomization();
  k["resources"].push_back("../../base");
  k["images"].push_back(yaml_map({{"name", YamlValue(image.substr(0, colon))},
                                  {"newTag", YamlValue(image.substr(colon + 1))}}));
  for (const auto& f : files) {
    YamlValue entry = yaml_map({{"path", YamlValue(f.file.path.substr(dir.size() + 1))}});
    if (!f.target.is_null()) {
      entry["target"] = f.target;
      // The credential spec is renamed; Kustomize keeps names unless told.
      if (f.target["kind"] == "GMSACredentialSpec") entry["options"]["allowNameChange"] = true;
    }
    k["patches"].push_back(entry);
  }
  std::vector<Artifact> out{{dir + "/kustomization.yaml", yaml_document(k, env.header)}};
  for (auto& f : files) out.push_back(std::move(f.file));
  return out;
}

}  // namespace

std::vector<Artifact> k8s_kustomize(const AppPlan& plan, std::vector<Artifact> manifests) {
  std::vector<Artifact> out;
  YamlValue base = kustomization();
  for (auto& m : manifests) {
    if (m.path == kSecretTemplate || !m.path.starts_with("k8s/")) {
      out.push_back(std::move(m));
      continue;
    }
    std::string file = m.path.substr(4);
    base["resources"].push_back(file);
    out.push_back({"k8s/base/" + file, std::move(m.content)});
  }
  std::string others = "k8s/overlays/dev";
  for (const auto& e : plan.environments.more) {
    if (is_environment_name(e.name)) others += ", k8s/overlays/" + e.name;
  }
  std::vector<std::string> header{
      plan.app_name + ": every object, as planned; deploy an overlay, not this folder:",
      "kubectl apply -k k8s/overlays/prod (or " + others + ")."};
  if (!plan.secrets.empty())
    header.push_back(
        "Not listed: ../secret.template.yaml, a template with placeholders; create the Secret "
        "as MIGRATION.md says.");
  out.push_back({"k8s/base/kustomization.yaml", yaml_document(base, header)});

  std::string tag = image_reference(plan).substr(image_reference(plan).rfind(':') + 1);
  Environment prod{"prod",
                   plan.replicas,
                   plan.resources,
                   {"Production: the plan's replicas and resources, image tag " + tag + ".",
                    "Set newTag to the build the pipeline pushed and tested (its IMAGE_TAG)."},
                   &plan.environments.prod};
  ResourcePlan small = plan.resources;
  small.cpu_request = half_cpu(small.cpu_request);
  small.memory_request = half_memory(small.memory_request);
  Environment dev{"dev",
                  1,
                  small,
                  {"Development: one instance, half the plan's requests (a smaller cluster), the "
                   "same limits.",
                   "Set newTag to the build to try (the pipeline's IMAGE_TAG)."},
                  &plan.environments.dev};
  std::vector<Environment> all{dev, prod};
  // The plan's other environments (staging...) run as prod does. A name the
  // plan file's check refused never reaches here; one set in code is skipped
  // rather than made a folder.
  for (const auto& e : plan.environments.more) {
    if (!is_environment_name(e.name)) continue;
    all.push_back({e.name,
                   plan.replicas,
                   plan.resources,
                   {e.name + ": the plan's replicas and resources, as prod, image tag " + tag + ".",
                    "Set newTag to the build to deploy here (the pipeline's IMAGE_TAG)."},
                   &e.values});
  }
  for (const Environment& env : all) {
    for (auto& a : overlay(plan, env)) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace liftshift
