// `liftshift containerize` on a site whose web.config sets IIS authentication
// that a fresh IIS locks: the Dockerfile installs Windows authentication and
// unlocks the sections before the site runs, MIGRATION.md says why, and
// Windows authentication gets the gMSA it needs in a container. Every output
// passes the artifact check (PowerShell parses every RUN line).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "artifact_check.hpp"
#include "assessment_json.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

TEST(ContainerizeIisLocks, WebConfigAuthenticationIsUnlockedAndInstalled) {
  test::TempDir in;
  in.write("Intranet/web.config", R"(<?xml version="1.0"?>
<configuration>
  <system.web><compilation targetFramework="4.8" /></system.web>
  <system.webServer>
    <security>
      <authentication>
        <anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" />
      </authentication>
    </security>
  </system.webServer>
</configuration>)");
  in.write("Intranet/Default.aspx", "<%@ Page Language=\"C#\" %>\n<p>Hello</p>\n");
  in.write("Intranet/bin/README.txt", "published site\n");

  auto assessed =
      test::run_liftshift({"assess", "--format", "json", "--no-store", in.path().string()});
  ASSERT_EQ(assessed.exit_code, 0) << assessed.err;
  const std::string ad_evidence =
      test::evidence_lines(nlohmann::json::parse(assessed.out)["apps"][0], "ad-dependent");
  EXPECT_NE(ad_evidence.find("Intranet/web.config: "
                             "system.webServer/security/authentication/windowsAuthentication "
                             "enabled=\"true\""),
            std::string::npos)
      << ad_evidence;

  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift({"containerize", in.path().string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto report = test::check_artifacts(out, {});
  for (const auto& p : report.problems) ADD_FAILURE() << p;
  if (test::in_ci()) {
    EXPECT_TRUE(report.powershell_checked) << "pwsh is required with CI=true";
  }
  fs::path app;
  for (const auto& e : fs::directory_iterator(out)) {
    if (fs::exists(e.path() / "Dockerfile")) app = e.path();
  }
  ASSERT_FALSE(app.empty());
  const std::string d = test::read_text(app / "Dockerfile");
  const auto features = d.find("RUN Install-WindowsFeature Web-Windows-Auth\n");
  const auto unlock = d.find(
      "RUN & $env:windir\\System32\\inetsrv\\appcmd.exe unlock config "
      "-section:system.webServer/security/authentication/anonymousAuthentication; ");
  EXPECT_NE(features, std::string::npos) << d;
  EXPECT_NE(unlock, std::string::npos) << d;
  EXPECT_LT(features, unlock) << d;
  EXPECT_NE(d.find("-section:system.webServer/security/authentication/windowsAuthentication; "),
            std::string::npos)
      << d;
  EXPECT_LT(unlock, d.find("COPY ")) << "the sections are open before the site's files arrive";
  const std::string m = test::read_text(app / "MIGRATION.md");
  EXPECT_NE(m.find("IIS section locks"), std::string::npos) << m;
  EXPECT_NE(m.find("HTTP 500.19"), std::string::npos) << m;
  // Markdown escapes the element's angle brackets.
  EXPECT_NE(m.find("Intranet/web.config \\<windowsAuthentication enabled=\"true\"\\>"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("gMSA"), std::string::npos) << m;
}

}  // namespace
}  // namespace liftshift
