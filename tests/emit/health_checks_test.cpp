// The plan's health checks in the artifacts: Kubernetes httpGet readiness and
// liveness probes, the compose healthcheck; all through the real validators.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "emit/validators.hpp"
#include "powershell_parser.hpp"

namespace liftshift {
namespace {

using test::options;

AppPlan nested_site_plan() {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  IisInfo iis;
  iis.site = "Shop";
  iis.site_id = 3;
  iis.app_path = "/orders";
  iis.physical_path = "C:\\Sites\\Orders";
  iis.app_pool = "Orders";
  iis.runtime_version = "v4.0";
  iis.pipeline_mode = "Integrated";
  iis.identity = "ApplicationPoolIdentity";
  iis.bindings = {{"http", "*", 8080, "shop.contoso.com", ""}};
  f.app().iis = iis;
  return plan_app(f.assessment, options());
}

const Artifact* find(const std::vector<Artifact>& all, const std::string& path) {
  for (const auto& a : all) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

TEST(HealthChecks, KubernetesProbesGetTheApplicationAndThePoolsHealthPage) {
  auto all = render_artifacts(nested_site_plan());
  const Artifact* dep = find(all, "k8s/base/deployment.yaml");
  ASSERT_NE(dep, nullptr);
  YAML::Node c = YAML::Load(dep->content)["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(c["readinessProbe"]["httpGet"]["path"].as<std::string>(), "/orders/");
  EXPECT_EQ(c["readinessProbe"]["httpGet"]["port"].as<int>(), 8080);
  EXPECT_EQ(c["livenessProbe"]["httpGet"]["path"].as<std::string>(), "/health.htm");
  EXPECT_EQ(c["livenessProbe"]["httpGet"]["port"].as<int>(), 8099);
  EXPECT_FALSE(c["readinessProbe"]["tcpSocket"]) << "not just the TCP port";
  YAML::Node ingress = YAML::Load(find(all, "k8s/base/ingress.yaml")->content);
  EXPECT_EQ(ingress["spec"]["rules"][0]["http"]["paths"][0]["path"].as<std::string>(), "/orders")
      << "the application keeps its path";
  std::string d = render_dockerfile(nested_site_plan());
  EXPECT_NE(d.find("\nENTRYPOINT C:\\ServiceMonitor.exe w3svc Orders\n"), std::string::npos) << d;
  EXPECT_NE(d.find("\nEXPOSE 8080\n"), std::string::npos) << d;
  test::TempDir dir;
  for (const auto& a : all) dir.write(a.path, a.content);
  auto r = test::run_validators({dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(HealthChecks, ComposeHealthcheckRunsInvokeWebRequestInTheContainer) {
  YAML::Node svc = YAML::Load(render_compose(nested_site_plan()))["services"]["app"];
  YAML::Node test = svc["healthcheck"]["test"];
  ASSERT_EQ(test.size(), 5u);
  EXPECT_EQ(test[0].as<std::string>(), "CMD");
  EXPECT_EQ(test[1].as<std::string>(), "powershell");
  EXPECT_EQ(test[4].as<std::string>(),
            "try { Invoke-WebRequest -UseBasicParsing -TimeoutSec 5 -Uri "
            "'http://localhost:8080/orders/' | Out-Null; exit 0 } catch { exit 1 }");
  EXPECT_EQ(svc["healthcheck"]["interval"].as<std::string>(), "30s");
}

// An IIS application path (from the server's config) holding a typographic
// quote, which PowerShell reads as `'`: doubled, the -Uri stays one literal.
TEST(HealthChecks, TypographicQuoteInTheAppPathStaysInsideTheHealthcheckLiteral) {
  LIFTSHIFT_REQUIRE_PWSH();
  AppPlan plain = nested_site_plan();
  AppPlan hostile = nested_site_plan();
  hostile.health.readiness.path = "/or\xE2\x80\x99; calc; #ders/";
  auto command = [](const AppPlan& p) {
    return YAML::Load(render_compose(p))["services"]["app"]["healthcheck"]["test"][4]
        .as<std::string>();
  };
  std::string h = command(hostile);
  EXPECT_NE(h.find("-Uri 'http://localhost:8080/or\xE2\x80\x99\xE2\x80\x99; calc; #ders/' |"),
            std::string::npos)
      << h;
  auto parsed = test::parse_powershell({command(plain), h});
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_TRUE((*parsed)[1].errors.empty()) << h;
  EXPECT_EQ((*parsed)[1].statements, (*parsed)[0].statements) << h;
  EXPECT_EQ((*parsed)[1].command_words, (*parsed)[0].command_words) << h;
}

}  // namespace
}  // namespace liftshift
