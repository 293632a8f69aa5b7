// .env.example, compose.override.yaml and the ${NAME:-default} of compose.yaml
// (emit/compose_env.cpp): the image tag and host ports change without editing
// compose.yaml, and nothing read from the application becomes a variable.
#include "emit/compose_env.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <regex>

#include "artifact_check.hpp"
#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "emit/validators.hpp"

namespace liftshift {
namespace {

using test::options;

const Artifact* find(const std::vector<Artifact>& all, const std::string& path) {
  for (const auto& a : all) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

// What compose makes of a value without .env: $$ is $, ${NAME:-d} is d.
std::string as_compose_reads(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '$') {
      out += '$';
      ++i;
    } else if (s.compare(i, 2, "${") == 0) {
      auto dash = s.find(":-", i);
      auto close = s.find('}', i);
      out += s.substr(dash + 2, close - dash - 2);
      i = close;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The compose files and .env.example alone, through the artifact check and
// the validators (the rest of a hostile plan's artifacts is other tests' job).
void expect_compose_files_valid(const std::vector<Artifact>& all) {
  test::TempDir dir;
  for (const char* name : {"compose.yaml", "compose.override.yaml", ".env.example"}) {
    if (const Artifact* a = find(all, name)) dir.write(name, a->content);
  }
  auto report = test::check_artifacts(dir.path());
  for (const auto& p : report.problems) ADD_FAILURE() << p;
  auto v = test::run_validators({dir.path()});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(ComposeEnv, TagAndHostPortsAreVariablesWithThePlannedDefaults) {
  auto f = test::web_app();
  PlanOptions o = options();
  o.registry = "contoso.azurecr.io/apps";
  AppPlan plan = plan_app(f.assessment, o);
  ASSERT_FALSE(plan.ports.empty());
  auto all = render_artifacts(plan);
  YAML::Node svc = YAML::Load(find(all, "compose.yaml")->content)["services"]["app"];
  EXPECT_EQ(svc["image"].as<std::string>(), "contoso.azurecr.io/apps/app:${IMAGE_TAG:-1.0.0}");
  EXPECT_EQ(svc["ports"][0]["published"].as<std::string>(), "${HTTP_PORT:-8080}");
  EXPECT_EQ(svc["ports"][0]["target"].as<int>(), 80);
  std::string env = find(all, ".env.example")->content;
  EXPECT_NE(env.find("\nIMAGE_TAG=1.0.0\n"), std::string::npos) << env;
  EXPECT_NE(env.find("\nHTTP_PORT=8080\n"), std::string::npos) << env;
  EXPECT_NE(env.find("# The tag of contoso.azurecr.io/apps/app that compose runs"),
            std::string::npos)
      << env;
  std::string md = find(all, "MIGRATION.md")->content;
  EXPECT_NE(md.find("# Another image tag or host ports without editing compose.yaml: copy "
                    ".env.example to .env and change IMAGE_TAG, HTTP_PORT there"),
            std::string::npos)
      << md;
  EXPECT_NE(find(all, ".dockerignore")->content.find("\n.env*\n"), std::string::npos);
  expect_compose_files_valid(all);
}

// A port the plan says is UDP is UDP everywhere: compose's long syntax takes
// the protocol in lower case, Kubernetes in capitals.
TEST(ComposeEnv, AUdpPortStaysUdpInComposeAndKubernetes) {
  auto f = test::web_app();
  AppPlan plan = plan_app(f.assessment, options());
  plan.ports.push_back({514, "UDP", "syslog", "typed in"});
  auto all = render_artifacts(plan);
  YAML::Node ports = YAML::Load(find(all, "compose.yaml")->content)["services"]["app"]["ports"];
  ASSERT_EQ(ports.size(), plan.ports.size());
  EXPECT_EQ(ports[0]["protocol"].as<std::string>(), "tcp");
  EXPECT_EQ(ports[plan.ports.size() - 1]["protocol"].as<std::string>(), "udp");
  std::string service;
  for (const auto& a : all) {
    if (a.path.ends_with("service.yaml")) service = a.content;
  }
  EXPECT_NE(service.find("protocol: UDP"), std::string::npos) << service;
  expect_compose_files_valid(all);
}

TEST(ComposeEnv, PortVariablesAreNamesAndUnique) {
  AppPlan plan;
  plan.k8s_name = "app";
  plan.ports = {{80, "TCP", "http", ""},     {8081, "TCP", "http", ""},
                {443, "TCP", "", ""},        {1801, "TCP", "msmq-$x}", "MSMQ"},
                {5000, "TCP", "9lives", ""}, {5001, "TCP", "HTTP", ""}};
  auto vars = compose_variables(plan);
  std::vector<std::string> names;
  for (const auto& v : vars) names.push_back(v.name);
  EXPECT_EQ(names, (std::vector<std::string>{"IMAGE_TAG", "HTTP_PORT", "HTTP_PORT_8081", "PORT_443",
                                             "MSMQ_X_PORT", "PORT_9LIVES_PORT", "HTTP_PORT_5001"}));
  EXPECT_EQ(port_variable(vars, 0).default_value, "8080");
  EXPECT_EQ(port_variable(vars, 3).default_value, "1801");
  EXPECT_EQ(port_variable(vars, 3).what, "The host port for the container's port 1801 (MSMQ).");
  static const std::regex name("[A-Z][A-Z0-9_]*");
  for (const auto& n : names) EXPECT_TRUE(std::regex_match(n, name)) << n;
}

// Names and values read from the application hold `$`, `${X}`, quotes and
// line breaks: compose reads each back as written, .env.example's comments
// stay comments, and the only variables are liftshift's own.
TEST(ComposeEnv, HostileNamesAndValuesNeverBecomeVariables) {
  auto f = test::web_app();
  AppPlan plan = plan_app(f.assessment, options(WindowsVersion::kLtsc2022, Isolation::kProcess,
                                                Orchestrator::kCompose));
  const std::string hostile = "a $HOME ${IMAGE_TAG:-9} $$ \"q\" 'q'\nIMAGE_TAG=evil\r\n${X}";
  plan.app_name = hostile;
  plan.registry = "reg.example.com/$x";
  plan.hostname = "h$x";
  plan.config.push_back({"Odd__Value", hostile, "test"});
  plan.ports[0].purpose = hostile;
  plan.replicas = 2;
  auto all = render_artifacts(plan);
  YAML::Node svc = YAML::Load(find(all, "compose.yaml")->content)["services"]["app"];
  EXPECT_EQ(as_compose_reads(svc["environment"]["Odd__Value"].as<std::string>()), hostile);
  EXPECT_EQ(as_compose_reads(svc["hostname"].as<std::string>()), "h$x");
  EXPECT_EQ(svc["image"].as<std::string>(), "reg.example.com/$$x/app:${IMAGE_TAG:-1.0.0}");
  std::string env = find(all, ".env.example")->content;
  std::istringstream lines(env);
  std::vector<std::string> assignments;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("# ", 0) != 0) assignments.push_back(line);
  }
  EXPECT_EQ(assignments, (std::vector<std::string>{"IMAGE_TAG=1.0.0", "HTTP_PORT=8080"})) << env;
  ASSERT_NE(find(all, "compose.override.yaml"), nullptr);
  EXPECT_EQ(find(all, "compose.override.yaml")->content.find("\nIMAGE_TAG=evil"),
            std::string::npos);
  expect_compose_files_valid(all);
}

// Two replicas on one host would publish the same host port twice: the local
// run's override keeps one; docker stack deploy and Kubernetes don't read it.
TEST(ComposeEnv, AnOverrideRunsOneContainerLocallyWhenReplicasShareHostPorts) {
  auto f = test::web_app();
  for (Orchestrator o : {Orchestrator::kKubernetes, Orchestrator::kSwarm}) {
    AppPlan plan =
        plan_app(f.assessment, options(WindowsVersion::kLtsc2022, Isolation::kProcess, o));
    plan.replicas = 3;
    auto all = render_artifacts(plan);
    const Artifact* local = find(all, "compose.override.yaml");
    ASSERT_NE(local, nullptr);
    YAML::Node y = YAML::Load(local->content);
    EXPECT_EQ(y["services"]["app"]["deploy"]["replicas"].as<int>(), 1);
    EXPECT_EQ(y["services"].size(), 1u);
    EXPECT_NE(local->content.find("the 3 replicas of compose.yaml"), std::string::npos);
    EXPECT_NE(find(all, "MIGRATION.md")
                  ->content.find("docker compose also reads "
                                 "compose.override.yaml"),
              std::string::npos);
    EXPECT_EQ(
        YAML::Load(find(all, "compose.yaml")->content)["services"]["app"]["deploy"]["replicas"]
            .as<int>(),
        3)
        << "compose.yaml keeps the plan's replicas";
    expect_compose_files_valid(all);
  }
  AppPlan one = plan_app(f.assessment, options());
  one.replicas = 1;
  EXPECT_EQ(render_compose_override(one), "") << "nothing differs";
  AppPlan no_ports = one;
  no_ports.replicas = 2;
  no_ports.ports.clear();
  EXPECT_EQ(render_compose_override(no_ports), "") << "no host port to share";
  auto t = test::task_app();
  AppPlan task = plan_app(t.assessment, options());
  task.replicas = 2;
  task.ports = one.ports;
  EXPECT_EQ(render_compose_override(task), "") << "a task runs once";
}

TEST(ComposeEnv, SwarmIsToldToSetTheVariablesInTheShell) {
  auto f = test::web_app();
  auto all = render_artifacts(plan_app(
      f.assessment, options(WindowsVersion::kLtsc2022, Isolation::kProcess, Orchestrator::kSwarm)));
  EXPECT_NE(find(all, ".env.example")->content.find("docker stack deploy reads no .env"),
            std::string::npos);
  std::string md = find(all, "MIGRATION.md")->content;
  EXPECT_NE(md.find("set IMAGE_TAG, HTTP_PORT in this shell first"), std::string::npos) << md;
}

// The validator interpolates as compose does: a stray `$`, a variable
// .env.example does not declare, or an override service compose.yaml lacks fail.
TEST(ComposeEnv, ValidatorRejectsStrayDollarsAndUndeclaredVariables) {
  test::TempDir dir;
  dir.write(".env.example", "IMAGE_TAG=1.0.0\nUNUSED=1\n");
  dir.write("compose.yaml",
            "---\nservices:\n  x:\n    image: \"a:${IMAGE_TAG:-1.0.0}\"\n    isolation: process\n"
            "    hostname: \"a$HOME\"\n    environment:\n      A: \"${OTHER:-1}\"\n"
            "    deploy:\n      placement:\n        constraints:\n"
            "          - node.platform.os == windows\n");
  dir.write("compose.override.yaml", "---\nservices:\n  y:\n    deploy:\n      replicas: 1\n");
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  for (const char* expected :
       {"compose would expand the $ of \"a$HOME\"", "${OTHER} is not in .env.example",
        "reads no UNUSED of .env.example", "service y is not in compose.yaml"})
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
}

}  // namespace
}  // namespace liftshift
