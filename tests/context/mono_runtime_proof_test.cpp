// The runtime proof of the build context, on Linux with Mono: the sample
// server's WebForms site and Windows service, extracted from its VHDX by
// `containerize`, read their connection strings and settings through the
// rewritten configs once the moved sections (--secrets-to) are placed where
// the Secret is mounted (the app's config\ folder).
//
// Two test-only adjustments, both Mono's limits, not the product's: Mono's
// System.Configuration resolves configSource only with '/' (FACTS.md), so the
// copy under test turns config\ into config/; and Mono's
// WindowsAuthenticationModule is not implemented, so no user is ever signed in
// and the site's <deny users="?"/> is dropped from the test copy.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "powershell_parser.hpp"  // in_ci
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

bool have_mono() {
  return test::run_child({"sh", "-c", "command -v mono && command -v mcs"}).exit_code == 0;
}

#define LIFTSHIFT_REQUIRE_MONO()                                                         \
  do {                                                                                   \
    if (!have_mono()) {                                                                  \
      if (test::in_ci()) FAIL() << "mono and mcs are required with CI=true";             \
      GTEST_SKIP() << "mono or mcs is not installed: run scripts/setup.sh (mono-devel)"; \
    }                                                                                    \
  } while (0)

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The config as Mono reads it: configSource and file= with '/'.
void for_mono(const fs::path& config, bool drop_deny) {
  std::string text = test::read_text(config);
  text = replace_all(text, "configSource=\"config\\", "configSource=\"config/");
  text = replace_all(text, "file=\"config\\", "file=\"config/");
  if (drop_deny) text = replace_all(text, "<deny users=\"?\"/>", "");
  std::ofstream(config, std::ios::binary | std::ios::trunc) << text;
}

struct Extracted {
  test::TempDir dir;
  fs::path out;
  fs::path secrets;
};

void containerize_sample(Extracted& e) {
  e.out = e.dir.path() / "out";
  e.secrets = e.dir.path() / "secrets";
  auto r = test::run_liftshift({"containerize",
                                (test::fixtures() / "servers" / "appsrv01.vhdx").string(), "-o",
                                e.out.string(), "--secrets-to", e.secrets.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
}

// Places the moved sections where the Secret would be mounted.
void mount_secrets(const fs::path& secrets, const fs::path& app) {
  fs::create_directories(app / "config");
  for (const auto& f : fs::directory_iterator(secrets))
    fs::copy_file(f.path(), app / "config" / f.path().filename());
}

test::ChildResult run(const std::vector<std::string>& args) {
  test::ChildOptions o;
  o.timeout_seconds = 120;
  return test::run_child(args, o);
}

TEST(MonoRuntimeProof, TheExtractedSiteReadsItsSettingsThroughTheRewrittenWebConfig) {
  LIFTSHIFT_REQUIRE_MONO();
  Extracted e;
  containerize_sample(e);
  const std::string folder = "appsrv01.vhdx-iis-Contoso-Web";
  fs::path site = e.out / folder / "app";
  ASSERT_TRUE(fs::exists(site / "Web.config"));
  // The context holds no secret: the moved sections are only in --secrets-to.
  std::string rewritten = test::read_text(site / "Web.config");
  EXPECT_EQ(rewritten.find("S3cr3t!Pass"), std::string::npos);
  EXPECT_EQ(rewritten.find("Mail!Pass42"), std::string::npos);
  EXPECT_FALSE(fs::exists(site / "config"));

  fs::path run_dir = e.dir.path() / "site";
  fs::copy(site, run_dir, fs::copy_options::recursive);
  mount_secrets(e.secrets / folder, run_dir);
  for_mono(run_dir / "Web.config", true);
  fs::copy_file(test::source_dir() / "tests/context/mono/settings.aspx", run_dir / "settings.aspx");
  auto built = run({"mcs", "-r:System.Web", "-out:" + (run_dir / "bin" / "SiteHost.exe").string(),
                    (test::source_dir() / "tests/context/mono/SiteHost.cs").string()});
  ASSERT_EQ(built.exit_code, 0) << built.describe() << built.out << built.err;

  auto page =
      run({"mono", (run_dir / "bin" / "SiteHost.exe").string(), run_dir.string(), "settings.aspx"});
  ASSERT_EQ(page.exit_code, 0) << page.describe() << page.out << page.err;
  EXPECT_NE(page.out.find("db=Data Source=SQLPROD01;Initial Catalog=Contoso;User ID=contoso_app;"
                          "Password=S3cr3t!Pass"),
            std::string::npos)
      << page.out;
  EXPECT_NE(page.out.find("smtp=Mail!Pass42"), std::string::npos) << page.out;
  // A value rewritten in place: the folder moved from D: to the volume on C:.
  EXPECT_NE(page.out.find("upload=C:\\Contoso\\Uploads"), std::string::npos) << page.out;
}

TEST(MonoRuntimeProof, TheExtractedServiceReadsItsConnectionStringThroughConfigurationManager) {
  LIFTSHIFT_REQUIRE_MONO();
  Extracted e;
  containerize_sample(e);
  const std::string folder = "appsrv01.vhdx-service-OrderProcessor";
  fs::path app = e.out / folder / "app";
  ASSERT_TRUE(fs::exists(app / "Contoso.OrderProcessor.exe.config"));
  EXPECT_EQ(test::read_text(app / "Contoso.OrderProcessor.exe.config").find("Ord3rs!Pwd"),
            std::string::npos);

  fs::path run_dir = e.dir.path() / "service";
  fs::copy(app, run_dir, fs::copy_options::recursive);
  mount_secrets(e.secrets / folder, run_dir);
  for_mono(run_dir / "Contoso.OrderProcessor.exe.config", false);
  fs::path probe = e.dir.path() / "ExeSettings.exe";
  auto built = run({"mcs", "-r:System.Configuration", "-out:" + probe.string(),
                    (test::source_dir() / "tests/context/mono/ExeSettings.cs").string()});
  ASSERT_EQ(built.exit_code, 0) << built.describe() << built.out << built.err;
  auto shown = run({"mono", probe.string(), (run_dir / "Contoso.OrderProcessor.exe").string()});
  ASSERT_EQ(shown.exit_code, 0) << shown.describe() << shown.out << shown.err;
  EXPECT_NE(shown.out.find("OrdersDb=Data Source=SQLPROD01;Initial Catalog=Orders;User "
                           "ID=orders_svc;Password=Ord3rs!Pwd;Enlist=true"),
            std::string::npos)
      << shown.out;
}

}  // namespace
}  // namespace liftshift
