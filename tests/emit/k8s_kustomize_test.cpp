// The Kustomize layout (emit/k8s_kustomize.cpp): the base lists every
// manifest but the Secret template, the overlays set image tag, replicas and
// resources, and `kubectl kustomize` renders each overlay into objects that
// pass the validators and carry exactly those values.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "core/environments.hpp"
#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "emit/kustomize.hpp"
#include "emit/validators.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::options;

const Artifact* find(const std::vector<Artifact>& all, const std::string& path) {
  for (const auto& a : all) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

// The objects of a rendered overlay by kind.
std::map<std::string, YAML::Node> by_kind(const std::string& text) {
  std::map<std::string, YAML::Node> out;
  for (const auto& doc : YAML::LoadAll(text)) out[doc["kind"].as<std::string>()] = doc;
  return out;
}

TEST(K8sKustomize, BaseListsEveryManifestButTheSecretTemplate) {
  auto f = test::web_app();
  auto all = render_artifacts(plan_app(f.assessment, options()));
  const Artifact* k = find(all, "k8s/base/kustomization.yaml");
  ASSERT_NE(k, nullptr);
  std::set<std::string> listed;
  for (const auto& r : YAML::Load(k->content)["resources"]) listed.insert(r.as<std::string>());
  std::set<std::string> in_base;
  for (const auto& a : all) {
    if (a.path.starts_with("k8s/base/") && a.path != "k8s/base/kustomization.yaml")
      in_base.insert(a.path.substr(9));
    EXPECT_FALSE(a.path.starts_with("k8s/") && !a.path.starts_with("k8s/base/") &&
                 !a.path.starts_with("k8s/overlays/") && a.path != "k8s/secret.template.yaml")
        << a.path << " is neither in the base nor an overlay";
  }
  EXPECT_EQ(listed, in_base);
  EXPECT_TRUE(listed.contains("deployment.yaml"));
  ASSERT_NE(find(all, "k8s/secret.template.yaml"), nullptr) << "the web app has secrets";
  EXPECT_FALSE(listed.contains("secret.template.yaml"));
  EXPECT_NE(k->content.find("Not listed: ../secret.template.yaml"), std::string::npos);
}

// Writes the artifacts under APP/ and renders both overlays.
struct Rendered {
  std::map<std::string, std::string> text;  // "dev", "prod" -> kubectl kustomize's output
};

void render(const std::vector<Artifact>& all, const test::TempDir& dir, Rendered& out,
            std::size_t overlay_count = 2) {
  for (const auto& a : all) dir.write("app/" + a.path, a.content);
  auto overlays = test::render_overlays(dir.path() / "app", dir.path() / "rendered");
  ASSERT_EQ(overlays.size(), overlay_count);
  for (const auto& o : overlays) {
    ASSERT_EQ(o.result.exit_code, 0) << o.overlay << ": " << o.result.err;
    out.text[o.overlay.filename().string()] = o.result.out;
  }
  auto v = test::run_validators_on_rendered({dir.path() / "rendered"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(K8sKustomize, OverlaysSetTagReplicasAndResources) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan plan = plan_app(f.assessment, options());
  ASSERT_TRUE(plan.autoscale) << "a stateless web app";
  plan.replicas = 3;
  plan.resources = {"600m", "1536Mi", "3", "4Gi"};
  plan.registry = "contoso.azurecr.io/web";
  test::TempDir dir;
  Rendered r;
  render(render_artifacts(plan), dir, r);
  if (HasFatalFailure()) return;

  auto prod = by_kind(r.text["prod"]);
  YAML::Node pod = prod["Deployment"]["spec"]["template"]["spec"];
  EXPECT_EQ(prod["Deployment"]["spec"]["replicas"].as<int>(), 3);
  EXPECT_EQ(pod["containers"][0]["image"].as<std::string>(), "contoso.azurecr.io/web/app:1.0.0");
  EXPECT_EQ(pod["containers"][0]["resources"]["requests"]["cpu"].as<std::string>(), "600m");
  EXPECT_EQ(pod["containers"][0]["resources"]["limits"]["memory"].as<std::string>(), "4Gi");
  EXPECT_EQ(prod["HorizontalPodAutoscaler"]["spec"]["minReplicas"].as<int>(), 3);
  // The base's pod spec survives the patch: Windows nodes, the probes.
  EXPECT_EQ(pod["os"]["name"].as<std::string>(), "windows");
  EXPECT_TRUE(pod["containers"][0]["readinessProbe"].IsDefined());

  auto dev = by_kind(r.text["dev"]);
  YAML::Node dev_container = dev["Deployment"]["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(dev["Deployment"]["spec"]["replicas"].as<int>(), 1);
  EXPECT_EQ(dev["HorizontalPodAutoscaler"]["spec"]["minReplicas"].as<int>(), 1);
  EXPECT_EQ(dev_container["resources"]["requests"]["cpu"].as<std::string>(), "300m");
  EXPECT_EQ(dev_container["resources"]["requests"]["memory"].as<std::string>(), "768Mi");
  EXPECT_EQ(dev_container["resources"]["limits"]["cpu"].as<std::string>(), "3");
  std::string md = find(render_artifacts(plan), "MIGRATION.md")->content;
  EXPECT_NE(md.find("`k8s/overlays/prod` (the plan's 3 replica(s) and up, autoscaled and "
                    "resources)"),
            std::string::npos);
  EXPECT_NE(md.find("kubectl apply -k k8s/overlays/prod"), std::string::npos);
}

// The plan's environments: each overlay its own Ingress host, credential
// spec and storage class; a value like the base's gives no patch.
TEST(K8sKustomize, OverlaysSetHostCredentialSpecAndStorageClass) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan plan = plan_app(f.assessment, options());
  ASSERT_TRUE(has_ingress(plan));
  EXPECT_EQ(plan.environments.dev.ingress_host, plan.k8s_name + ".dev.example.com")
      << "dev's own host, a placeholder";
  plan.gmsa = true;
  plan.gmsa_account = "svc_web";
  VolumePlan data;
  data.name = "data";
  data.container_path = "C:\\app\\App_Data";
  data.size = "5Gi";
  data.reason = "uploads";
  plan.volumes.push_back(data);
  plan.ingress_host = "shop.contoso.com";
  plan.environments.prod = {"", "", "managed-csi-premium"};
  plan.environments.dev = {"shop.dev.contoso.com", plan.k8s_name + "-gmsa-dev", ""};
  test::TempDir dir;
  Rendered r;
  auto all = render_artifacts(plan);
  render(all, dir, r);
  if (HasFatalFailure()) return;

  auto prod = by_kind(r.text["prod"]);
  EXPECT_EQ(prod["Ingress"]["spec"]["rules"][0]["host"].as<std::string>(), "shop.contoso.com");
  EXPECT_EQ(prod["PersistentVolumeClaim"]["spec"]["storageClassName"].as<std::string>(),
            "managed-csi-premium");
  EXPECT_EQ(prod["GMSACredentialSpec"]["metadata"]["name"].as<std::string>(),
            plan.k8s_name + "-gmsa");
  EXPECT_EQ(find(all, "k8s/overlays/prod/ingress-patch.yaml"), nullptr) << "the base's host";

  auto dev = by_kind(r.text["dev"]);
  EXPECT_EQ(dev["Ingress"]["spec"]["rules"][0]["host"].as<std::string>(), "shop.dev.contoso.com");
  EXPECT_EQ(dev["Ingress"]["spec"]["tls"][0]["hosts"][0].as<std::string>(), "shop.dev.contoso.com");
  EXPECT_FALSE(dev["PersistentVolumeClaim"]["spec"]["storageClassName"].IsDefined())
      << "the cluster's default";
  std::string spec = plan.k8s_name + "-gmsa-dev";
  EXPECT_EQ(dev["GMSACredentialSpec"]["metadata"]["name"].as<std::string>(), spec);
  EXPECT_EQ(dev["ClusterRole"]["rules"][0]["resourceNames"][0].as<std::string>(), spec);
  YAML::Node pod = dev["Deployment"]["spec"]["template"]["spec"];
  EXPECT_EQ(pod["securityContext"]["windowsOptions"]["gmsaCredentialSpecName"].as<std::string>(),
            spec);
  EXPECT_EQ(pod["serviceAccountName"].as<std::string>(), plan.k8s_name) << "the base's, kept";
  std::string md = find(all, "MIGRATION.md")->content;
  // The decision as planned (edits through the plan file update it: PlanCommand).
  EXPECT_NE(md.find("   - environments: `dev: host " + plan.k8s_name + ".dev.example.com"),
            std::string::npos)
      << md;
}

// Every environment the plan names gets its overlay: staging and qa run as
// prod does, with their own host and storage class, and are rendered too.
TEST(K8sKustomize, EveryEnvironmentThePlanNamesGetsAnOverlay) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan plan = plan_app(f.assessment, options());
  plan.replicas = 3;
  plan.ingress_host = "shop.contoso.com";
  VolumePlan data;
  data.name = "data";
  data.container_path = "C:\\app\\App_Data";
  data.size = "5Gi";
  data.reason = "uploads";
  data.shared = true;
  plan.volumes.push_back(data);
  plan.environments.more = {{"staging", {"shop.staging.contoso.com", "", "managed-csi"}},
                            {"qa", {"", "", ""}},
                            {"../evil", {"x.contoso.com", "", ""}}};
  test::TempDir dir;
  Rendered r;
  auto all = render_artifacts(plan);
  render(all, dir, r, 4);
  if (HasFatalFailure()) return;
  for (const auto& a : all)
    EXPECT_EQ(a.path.find("evil"), std::string::npos) << "a name that is no label: " << a.path;

  auto staging = by_kind(r.text["staging"]);
  EXPECT_EQ(staging["Deployment"]["spec"]["replicas"].as<int>(), 3) << "as prod";
  EXPECT_EQ(staging["Ingress"]["spec"]["rules"][0]["host"].as<std::string>(),
            "shop.staging.contoso.com");
  EXPECT_EQ(staging["PersistentVolumeClaim"]["spec"]["storageClassName"].as<std::string>(),
            "managed-csi");
  auto qa = by_kind(r.text["qa"]);
  EXPECT_EQ(qa["Ingress"]["spec"]["rules"][0]["host"].as<std::string>(), "shop.contoso.com")
      << "no host of its own: the base's";
  EXPECT_NE(find(all, "k8s/overlays/staging/kustomization.yaml")
                ->content.find("# staging: the plan's replicas and resources, as prod"),
            std::string::npos);
  EXPECT_NE(find(all, "k8s/base/kustomization.yaml")
                ->content.find("(or k8s/overlays/dev, k8s/overlays/staging, k8s/overlays/qa)."),
            std::string::npos);
  std::string md = find(all, "MIGRATION.md")->content;
  EXPECT_NE(md.find("`k8s/overlays/staging` has the plan's replicas and resources, as prod."),
            std::string::npos)
      << md;
}

TEST(K8sKustomize, APlaceholderHostIsPatchedAndWarned) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan plan = plan_app(f.assessment, options());
  std::string dev_host = plan.k8s_name + ".dev.example.com";
  std::string warnings;
  for (const auto& w : plan.warnings) warnings += w + "\n";
  EXPECT_NE(warnings.find("the Ingress host of the dev overlay, " + dev_host +
                          ", is a placeholder (example.com is reserved for examples): set "
                          "environments.dev.ingress_host in the plan"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("the Ingress host of the prod overlay, " + plan.k8s_name +
                          ".example.com, is a placeholder"),
            std::string::npos)
      << warnings;
  test::TempDir dir;
  Rendered r;
  auto all = render_artifacts(plan);
  render(all, dir, r);
  if (HasFatalFailure()) return;
  EXPECT_EQ(by_kind(r.text["dev"])["Ingress"]["spec"]["rules"][0]["host"].as<std::string>(),
            dev_host);
  EXPECT_NE(find(all, "k8s/overlays/dev/ingress-patch.yaml")->content.find("a placeholder: set it"),
            std::string::npos);
}

TEST(K8sKustomize, TaskOverlaysPatchEveryCronJob) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  auto f = test::task_app();
  AppPlan plan = plan_app(f.assessment, options());
  ASSERT_EQ(plan.entry_kind, EntryKind::kTask);
  plan.schedules = {{"0 2 * * *", "", "daily"}, {"30 14 * * 1", "", "Mondays"}};
  plan.resources.memory_limit = "3Gi";
  test::TempDir dir;
  Rendered r;
  render(render_artifacts(plan), dir, r);
  if (HasFatalFailure()) return;
  int cronjobs = 0;
  for (const auto& doc : YAML::LoadAll(r.text["prod"])) {
    if (doc["kind"].as<std::string>() != "CronJob") continue;
    ++cronjobs;
    YAML::Node c = doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0];
    EXPECT_EQ(c["resources"]["limits"]["memory"].as<std::string>(), "3Gi");
    EXPECT_TRUE(c["image"].IsDefined()) << "the patch merges into the base's container";
  }
  EXPECT_EQ(cronjobs, 2);
  // MIGRATION.md says what the overlays do for a task: no replicas.
  std::string md = find(render_artifacts(plan), "MIGRATION.md")->content;
  EXPECT_NE(md.find("and cpu/memory per environment: `k8s/overlays/prod` (the plan's resources)"),
            std::string::npos);
  EXPECT_EQ(md.find("replicas and cpu/memory per environment"), std::string::npos);
}

TEST(K8sKustomize, AProgramThatExitsPatchesItsJob) {
  LIFTSHIFT_REQUIRE_KUSTOMIZE();
  test::AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  AppPlan plan = plan_app(f.assessment, options());
  ASSERT_EQ(plan.entry_kind, EntryKind::kJob);
  test::TempDir dir;
  Rendered r;
  render(render_artifacts(plan), dir, r);
  if (HasFatalFailure()) return;
  auto dev = by_kind(r.text["dev"]);
  ASSERT_TRUE(dev["Job"].IsDefined());
  EXPECT_EQ(dev["Job"]["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"]
                .as<std::string>(),
            "125m");
}

}  // namespace
}  // namespace liftshift
