// The context writer on the sample server's VHDX, read through NTFS: the
// planner's copies for Contoso Web, with the config rewrite the secrets
// planner will fill set here by hand; no secret value anywhere under OUT.
#include <gtest/gtest.h>

#include <filesystem>

#include "collect/collect.hpp"
#include "context/context_writer.hpp"
#include "hostile_support.hpp"
#include "plan/planner.hpp"
#include "rules/engine.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

TEST(ContextWriterImage, ContosoWebFromTheVhdxWithItsConfigRewritten) {
  std::string image = (test::fixtures() / "servers" / "appsrv01.vhdx").string();
  Assessment a = assess(collect({image}));
  Plan plan = make_plan(a, {}, {"appsrv01.vhdx/iis/Contoso Web"});
  ASSERT_EQ(plan.apps.size(), 1u);
  AppPlan app = plan.apps[0];
  // The site's folder, then the seed of its App_Data volume (beside app/).
  ASSERT_EQ(app.build.copies.size(), 2u);
  EXPECT_EQ(app.build.copies[0].from, "inetpub/ContosoWeb");
  EXPECT_EQ(app.build.copies[1].to, "seed/app-data");
  ConfigRewrite rw;
  rw.config = "inetpub/ContosoWeb/Web.config";
  rw.moves.push_back({"connectionStrings", "config\\connectionStrings.config", {}, "", "", ""});
  rw.moves.push_back({"appSettings", "config\\appSettings.config", {"SmtpPassword"}, "", "", ""});
  rw.changes.push_back({"appSettings", "UploadRoot", "value", "C:\\Contoso\\Uploads", ""});
  app.config_rewrites = {rw};

  std::vector<Problem> problems;
  auto volume = open_context_volume(image, std::nullopt, problems);
  ASSERT_TRUE(volume) << volume.error().message;
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  fs::path secrets = tmp.path() / "secrets";
  ContextResult r = write_context(**volume, app, {out, false, secrets});
  ASSERT_FALSE(r.error) << r.error->message;
  fs::path web = out / app.folder / "app" / "Web.config";
  std::string text = test::read_text(web);
  EXPECT_NE(text.find("<connectionStrings configSource=\"config\\connectionStrings.config\"/>"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("<add key=\"UploadRoot\" value=\"C:\\Contoso\\Uploads\""), std::string::npos);
  EXPECT_NE(text.find("<add key=\"OpsMailbox\""), std::string::npos);
  EXPECT_TRUE(fs::exists(out / app.folder / "app" / "bin" / "Contoso.Web.dll"));
  EXPECT_FALSE(fs::exists(out / app.folder / "app" / "App_Data"))
      << "the volume's seed is beside app/";
  EXPECT_TRUE(fs::exists(out / app.folder / "seed" / "app-data" / "uploads"));
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    EXPECT_EQ(test::leaked_secrets(test::read_text(e.path())), std::vector<std::string>{})
        << e.path();
  }
  std::string cs = test::read_text(secrets / app.folder / "connectionStrings.config");
  EXPECT_NE(cs.find("Password=S3cr3t!Pass"), std::string::npos);
  EXPECT_NE(test::read_text(secrets / app.folder / "appSettings.config").find("Mail!Pass42"),
            std::string::npos);
}

}  // namespace
}  // namespace liftshift
