// Edits checked when a plan file is read (plan/plan_file_check.cpp): an edited
// value's decision says what was planned and why, not the planner's argument
// for a value the artifacts no longer have.
#include "plan/plan_file_check.hpp"

#include <gtest/gtest.h>

#include "plan/plan_steps.hpp"

namespace liftshift {
namespace {

const Decision* find_decision(const AppPlan& plan, const std::string& topic) {
  for (const auto& d : plan.decisions) {
    if (d.topic == topic) return &d;
  }
  return nullptr;
}

// A planned console program listening on 8080, as the planner leaves it.
Plan planned_console() {
  Plan plan;
  AppPlan app;
  app.app_id = "tool";
  app.folder = "tool";
  app.k8s_name = "tool";
  app.base_image = "contoso/base";
  app.entry_kind = EntryKind::kConsole;
  app.entry_exe = "C:\\app\\Tool.exe";
  app.ports.push_back({8080, "TCP", "http-8080", "self-hosted listener http://+:8080/"});
  decide(app, "entrypoint", entrypoint_choice(app), "the program hosts its server itself");
  decide(app, "ports", ports_choice(app.ports), "the program hosts its HTTP listener itself");
  plan.apps.push_back(app);
  return plan;
}

// The lines of a plan file that has every value of apps[0] written.
PlanLines every_value_given() {
  PlanLines lines;
  int n = 10;
  for (const char* key : {"replicas", "resources.cpu_request", "resources.memory_request",
                          "resources.cpu_limit", "resources.memory_limit"})
    lines[std::string("apps[0].") + key] = n++;
  return lines;
}

std::vector<std::string> apply_edits(Plan& plan, const PlanLines& lines = every_value_given()) {
  std::vector<std::string> errors;
  apply_plan_edits(plan, lines, "plan.yaml", errors);
  return errors;
}

std::string all_warnings(const AppPlan& p) {
  std::string out;
  for (const auto& w : p.warnings) out += w + "\n";
  return out;
}

TEST(PlanFileCheck, AnUneditedEntrypointAndPortsKeepTheirReasons) {
  Plan plan = planned_console();
  EXPECT_TRUE(apply_edits(plan).empty());
  EXPECT_EQ(find_decision(plan.apps[0], "entrypoint")->reason,
            "the program hosts its server itself");
  EXPECT_EQ(find_decision(plan.apps[0], "ports")->choice, "8080");
  EXPECT_EQ(find_decision(plan.apps[0], "ports")->reason,
            "the program hosts its HTTP listener itself");
}

TEST(PlanFileCheck, AnEditedEntrypointSaysWhatWasPlannedAndWhy) {
  Plan plan = planned_console();
  plan.apps[0].entry_args = "--listen 9000";
  EXPECT_TRUE(apply_edits(plan).empty());
  const Decision* d = find_decision(plan.apps[0], "entrypoint");
  EXPECT_EQ(d->choice, "C:\\app\\Tool.exe --listen 9000");
  EXPECT_EQ(d->reason,
            "edited in the plan (planned: C:\\app\\Tool.exe, because the program hosts its "
            "server itself)");
}

TEST(PlanFileCheck, EditedPortsSayWhatWasPlannedAndWhy) {
  Plan plan = planned_console();
  plan.apps[0].ports[0].port = 9000;
  plan.apps[0].ports.push_back({9001, "TCP", "admin", "typed in"});
  EXPECT_TRUE(apply_edits(plan).empty());
  const Decision* d = find_decision(plan.apps[0], "ports");
  EXPECT_EQ(d->choice, "9000, 9001");
  EXPECT_EQ(d->reason,
            "edited in the plan (planned: 8080, because the program hosts its HTTP listener "
            "itself)");

  Plan none = planned_console();
  none.apps[0].ports.clear();
  EXPECT_TRUE(apply_edits(none).empty());
  EXPECT_EQ(find_decision(none.apps[0], "ports")->choice, "none");
}

// A port's protocol is what Kubernetes takes (TCP or UDP, in capitals);
// anything else is an error naming the line, not a manifest kubectl refuses.
TEST(PlanFileCheck, APortsProtocolIsTcpOrUdp) {
  Plan plan = planned_console();
  plan.apps[0].ports.push_back({514, "UDP", "syslog", "typed in"});
  EXPECT_TRUE(apply_edits(plan).empty());
  for (const char* bad : {"udp", "SCTP", "http", ""}) {
    Plan edited = planned_console();
    edited.apps[0].ports[0].protocol = bad;
    PlanLines lines = every_value_given();
    lines["apps[0].ports[0].protocol"] = 31;
    auto errors = apply_edits(edited, lines);
    ASSERT_EQ(errors.size(), 1u) << bad;
    EXPECT_NE(errors[0].find("plan.yaml:31: apps[0].ports[0].protocol: '" + std::string(bad) +
                             "' is not TCP or UDP"),
              std::string::npos)
        << errors[0];
  }
}

// A plan written before plans had replicas and resources: the struct's
// defaults (1 replica, IIS's cpu and memory) are not what the planner gives
// this kind of application.
TEST(PlanFileCheck, ReplicasAndResourcesLeftOutAreThePlannersByKind) {
  Plan web = planned_console();
  AppPlan& site = web.apps[0];
  site.entry_kind = EntryKind::kIis;
  site.autoscale = true;
  decide(site, "scale", "HorizontalPodAutoscaler 2-5 replicas at 70% CPU", "stateless");
  decide(site, "TLS", "terminate TLS at the ingress", "seed");
  EXPECT_TRUE(apply_edits(web, {}).empty());
  EXPECT_EQ(site.replicas, 2) << "the autoscaler's minimum, as the planner gives";
  EXPECT_EQ(site.resources.cpu_request, "500m");
  ASSERT_EQ(site.warnings.size(), 1u);
  EXPECT_NE(site.warnings[0].find("the plan file has no replicas, resources.cpu_request, "
                                  "resources.memory_request, resources.cpu_limit, "
                                  "resources.memory_limit (a plan written before it had them)"),
            std::string::npos)
      << site.warnings[0];
  EXPECT_NE(site.warnings[0].find("(replicas 2, cpu_request 500m, memory_request 1Gi"),
            std::string::npos);
  // The resources decision, where the planner puts it (after scale), saying so.
  std::vector<std::string> topics;
  for (const auto& d : site.decisions) topics.push_back(d.topic);
  EXPECT_EQ(topics, (std::vector<std::string>{"entrypoint", "ports", "scale", "resources", "TLS"}));
  EXPECT_NE(find_decision(site, "resources")
                ->reason.find("not in the plan file, the planner's "
                              "default: IIS on Windows Server Core"),
            std::string::npos);

  Plan service = planned_console();
  service.apps[0].entry_kind = EntryKind::kService;
  PlanLines lines = every_value_given();
  lines.erase("apps[0].resources.memory_limit");
  service.apps[0].resources.memory_limit = "2Gi";  // what the reader leaves: the struct's
  service.apps[0].replicas = 1;
  EXPECT_TRUE(apply_edits(service, lines).empty());
  EXPECT_EQ(service.apps[0].resources.memory_limit, "1Gi") << "a Windows service's limit";
  EXPECT_EQ(service.apps[0].resources.cpu_request, "500m") << "a value given stays as given";
  EXPECT_NE(all_warnings(service.apps[0]).find("has no resources.memory_limit ("),
            std::string::npos)
      << all_warnings(service.apps[0]);
}

TEST(PlanFileCheck, ReplicasAndResourcesGivenStayAsGiven) {
  Plan plan = planned_console();
  plan.apps[0].replicas = 1;
  plan.apps[0].resources = {"100m", "128Mi", "200m", "256Mi"};
  EXPECT_TRUE(apply_edits(plan).empty());
  EXPECT_EQ(plan.apps[0].resources.cpu_request, "100m");
  EXPECT_EQ(plan.apps[0].replicas, 1);
  EXPECT_TRUE(plan.apps[0].warnings.empty()) << all_warnings(plan.apps[0]);
}

// replicas and resources edited: scale and resources say what the planner
// chose and why, as an edited entrypoint does.
TEST(PlanFileCheck, EditedReplicasAndResourcesSayWhatWasPlannedAndWhy) {
  Plan plan = planned_console();
  AppPlan& app = plan.apps[0];
  app.web = true;
  app.resources = {"500m", "1Gi", "1", "2Gi"};
  decide(app, "scale", "1 replica, no autoscaling until fixed", "findings keep state");
  decide(app, "resources", resources_choice(app.resources), "a typical IIS site");
  app.replicas = 3;
  app.resources.cpu_limit = "1500m";
  EXPECT_TRUE(apply_edits(plan).empty());
  const Decision* scale = find_decision(app, "scale");
  EXPECT_EQ(scale->choice, "3 replicas, no autoscaling");
  EXPECT_EQ(scale->reason,
            "edited in the plan (planned: 1 replica, no autoscaling until fixed, because findings "
            "keep state)");
  const Decision* resources = find_decision(app, "resources");
  EXPECT_EQ(resources->choice, "requests cpu 500m, memory 1Gi; limits cpu 1500m, memory 2Gi");
  EXPECT_EQ(resources->reason,
            "edited in the plan (planned: requests cpu 500m, memory 1Gi; limits cpu 1, memory "
            "2Gi, because a typical IIS site)");

  // As planned: the planner's reasons stay.
  Plan same = planned_console();
  same.apps[0].resources = {"500m", "1Gi", "1", "2Gi"};
  decide(same.apps[0], "scale", "1 replica, no autoscaling", "not a web front end");
  decide(same.apps[0], "resources", resources_choice(same.apps[0].resources), "a program");
  EXPECT_TRUE(apply_edits(same).empty());
  EXPECT_EQ(find_decision(same.apps[0], "scale")->reason, "not a web front end");
  EXPECT_EQ(find_decision(same.apps[0], "resources")->reason, "a program");
}

TEST(PlanFileCheck, EnvironmentValuesAreNamesKubernetesTakes) {
  Plan plan = planned_console();
  plan.apps[0].environments.dev = {"shop dev", "Spec_1", "fast/ssd"};
  PlanLines lines = every_value_given();
  lines["apps[0].environments"] = 40;
  lines["apps[0].environments.dev.ingress_host"] = 42;
  lines["apps[0].environments.dev.gmsa_credential_spec"] = 43;
  lines["apps[0].environments.dev.storage_class"] = 44;
  auto errors = apply_edits(plan, lines);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("plan.yaml:42: apps[0].environments.dev.ingress_host: 'shop dev' is "
                           "not a host name"),
            std::string::npos)
      << errors[0];
  EXPECT_NE(errors[1].find("plan.yaml:43: apps[0].environments.dev.gmsa_credential_spec: "
                           "'Spec_1' is not the name of a GMSACredentialSpec"),
            std::string::npos)
      << errors[1];
  EXPECT_NE(errors[2].find("plan.yaml:44: apps[0].environments.dev.storage_class: 'fast/ssd' "
                           "is not the name of a StorageClass"),
            std::string::npos)
      << errors[2];
}

// The plan's other environments: names an overlay folder takes, each once,
// not dev, prod or base; their values checked as dev's and prod's are.
TEST(PlanFileCheck, OtherEnvironmentsHaveNamesAnOverlayTakes) {
  Plan plan = planned_console();
  plan.apps[0].web = true;
  plan.apps[0].environments.more = {{"staging", {"shop staging", "", ""}},
                                    {"Staging", {}},
                                    {"prod", {}},
                                    {"../x", {}},
                                    {"staging", {}},
                                    {"qa-2", {"", "", "fast_ssd"}}};
  PlanLines lines = every_value_given();
  lines["apps[0].environments"] = 40;
  for (int i = 0; i < 6; ++i) {
    std::string at = "apps[0].environments.more[" + std::to_string(i) + "]";
    lines[at + ".name"] = 50 + i;
    lines[at + ".values.ingress_host"] = 60 + i;
    lines[at + ".values.storage_class"] = 70 + i;
  }
  auto errors = apply_edits(plan, lines);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  ASSERT_EQ(errors.size(), 6u) << all;
  for (int i : {1, 2, 3}) {
    EXPECT_NE(all.find("plan.yaml:" + std::to_string(50 + i) + ": apps[0].environments.more[" +
                       std::to_string(i) + "].name: '"),
              std::string::npos)
        << all;
  }
  EXPECT_NE(all.find("'prod' is not a name for an environment's overlay (a DNS-1123 label"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("plan.yaml:54: apps[0].environments.more[4].name: 'staging' again: "
                     "environments.more[0] has that name"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("plan.yaml:60: apps[0].environments.more[0].values.ingress_host: 'shop "
                     "staging' is not a host name"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("plan.yaml:75: apps[0].environments.more[5].values.storage_class: "
                     "'fast_ssd' is not the name of a StorageClass"),
            std::string::npos)
      << all;
}

TEST(PlanFileCheck, APlanWithoutEnvironmentsGetsThePlannersAndItsWarnings) {
  Plan plan = planned_console();
  AppPlan& app = plan.apps[0];
  app.web = true;
  app.gmsa = true;
  EXPECT_TRUE(apply_edits(plan).empty());
  EXPECT_EQ(app.environments.dev.ingress_host, "tool.dev.example.com");
  EXPECT_EQ(app.environments.prod.gmsa_credential_spec, "tool-gmsa");
  EXPECT_NE(all_warnings(app).find("the Ingress host of the dev overlay, tool.dev.example.com, is "
                                   "a placeholder"),
            std::string::npos)
      << all_warnings(app);

  // Set: the warning goes, once, in its place.
  PlanLines lines = every_value_given();
  lines["apps[0].environments"] = 40;
  app.ingress_host = "tool.contoso.com";
  app.environments.dev.ingress_host = "tool.dev.contoso.com";
  app.warnings.insert(app.warnings.begin(), "first");
  app.warnings.push_back("last");
  EXPECT_TRUE(apply_edits(plan, lines).empty());
  EXPECT_EQ(app.warnings, (std::vector<std::string>{"first", "last"}));
}

}  // namespace
}  // namespace liftshift
