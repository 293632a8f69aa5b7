// Kubernetes manifests, one file per object under k8s/ (k8s_workload.cpp,
// k8s_network.cpp, k8s_config.cpp, k8s_identity.cpp).
#pragma once

#include <string>
#include <vector>

#include "emit/artifacts.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

YamlValue k8s_labels(const AppPlan& plan);
YamlValue k8s_metadata(const AppPlan& plan, const std::string& name);
YamlValue k8s_pod_spec(const AppPlan& plan, bool job);
// A container's resources: requests and limits of the plan.
YamlValue k8s_resources(const ResourcePlan& r);

Artifact k8s_workload(const AppPlan& plan);  // Deployment or CronJob
std::vector<Artifact> k8s_network(
    const AppPlan& plan);  // Service, Ingress, HorizontalPodAutoscaler
std::vector<Artifact> k8s_config(
    const AppPlan& plan);  // ConfigMap, Secret template, PersistentVolumeClaims
std::vector<Artifact> k8s_identity(
    const AppPlan& plan);  // ServiceAccount, GMSACredentialSpec, ClusterRole, RoleBinding

// The manifests moved into k8s/base/ with its kustomization.yaml, and the
// overlays k8s/overlays/dev and prod (image tag, replicas, resources); the
// Secret template stays in k8s/ (k8s_kustomize.cpp).
std::vector<Artifact> k8s_kustomize(const AppPlan& plan, std::vector<Artifact> manifests);

}  // namespace liftshift
