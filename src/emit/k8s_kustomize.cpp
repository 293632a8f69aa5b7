// The Kubernetes manifests as a Kustomize base (k8s/base/, every object the
// application needs) and two overlays (k8s/overlays/dev, k8s/overlays/prod)
// that set what differs per environment: the image tag, the replicas and the
// container's cpu and memory. `kubectl apply -k k8s/overlays/prod` deploys.
// The Secret template stays out of the base (k8s/secret.template.yaml): it
// holds placeholders, and applying it would overwrite the real Secret.
#include <algorithm>

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
};

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

// The container of the workload with the environment's resources, under
// the path of the pod template in this kind of object.
YamlValue pod_patch(const AppPlan& plan, const ResourcePlan& r) {
  YamlValue c;
  c["name"] = plan.k8s_name;
  c["resources"] = k8s_resources(r);
  YamlValue spec;
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

// The strategic-merge patches of one environment: file name -> content.
std::vector<Artifact> patches(const AppPlan& plan, const Environment& env, const std::string& dir) {
  std::vector<Artifact> out;
  auto add = [&](const std::string& file, const YamlValue& patch, const std::string& what) {
    out.push_back({dir + "/" + file, yaml_document(patch, {what})});
  };
  std::string sized = "cpu and memory of " + plan.k8s_name + " in " + env.name + ".";
  if (plan.entry_kind == EntryKind::kTask) {
    std::size_t count = std::max<std::size_t>(1, plan.schedules.size());
    for (std::size_t i = 0; i < count; ++i) {
      std::string name = plan.k8s_name + (i == 0 ? "" : "-" + std::to_string(i + 1));
      YamlValue p = object_patch("batch/v1", "CronJob", name);
      p["spec"]["jobTemplate"]["spec"]["template"]["spec"] = pod_patch(plan, env.resources);
      add("cronjob" + (i == 0 ? std::string() : "-" + std::to_string(i + 1)) + "-patch.yaml", p,
          sized);
    }
  } else if (plan.entry_kind == EntryKind::kJob) {
    YamlValue p = object_patch("batch/v1", "Job", plan.k8s_name);
    p["spec"]["template"]["spec"] = pod_patch(plan, env.resources);
    add("job-patch.yaml", p, sized);
  } else {
    YamlValue p = object_patch("apps/v1", "Deployment", plan.k8s_name);
    p["spec"]["replicas"] = env.replicas;
    p["spec"]["template"]["spec"] = pod_patch(plan, env.resources);
    add("deployment-patch.yaml", p, "Instances, " + sized);
    if (plan.autoscale) {
      // The autoscaler's minimum is the environment's replicas.
      YamlValue h = object_patch("autoscaling/v2", "HorizontalPodAutoscaler", plan.k8s_name);
      h["spec"]["minReplicas"] = env.replicas;
      h["spec"]["maxReplicas"] = std::max(5, env.replicas);
      add("hpa-patch.yaml", h, "The autoscaler's range in " + env.name + ".");
    }
  }
  return out;
}

std::vector<Artifact> overlay(const AppPlan& plan, const Environment& env) {
  std::string dir = "k8s/overlays/" + env.name;
  std::vector<Artifact> files = patches(plan, env, dir);
  std::string image = image_reference(plan);
  auto colon = image.rfind(':');
  YamlValue k = kustomization();
  k["resources"].push_back("../../base");
  k["images"].push_back(yaml_map({{"name", YamlValue(image.substr(0, colon))},
                                  {"newTag", YamlValue(image.substr(colon + 1))}}));
  for (const auto& f : files)
    k["patches"].push_back(yaml_map({{"path", YamlValue(f.path.substr(dir.size() + 1))}}));
  std::vector<Artifact> out{{dir + "/kustomization.yaml", yaml_document(k, env.header)}};
  for (auto& f : files) out.push_back(std::move(f));
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
  std::vector<std::string> header{
      plan.app_name + ": every object, as planned; deploy an overlay, not this folder:",
      "kubectl apply -k k8s/overlays/prod (or k8s/overlays/dev)."};
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
                    "Set newTag to the build the pipeline pushed and tested (its IMAGE_TAG)."}};
  ResourcePlan small = plan.resources;
  small.cpu_request = half_cpu(small.cpu_request);
  small.memory_request = half_memory(small.memory_request);
  Environment dev{"dev",
                  1,
                  small,
                  {"Development: one instance, half the plan's requests (a smaller cluster), the "
                   "same limits.",
                   "Set newTag to the build to try (the pipeline's IMAGE_TAG)."}};
  for (const Environment& env : {dev, prod}) {
    for (auto& a : overlay(plan, env)) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace liftshift
