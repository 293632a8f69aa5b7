// `liftshift containerize` end to end on the bundled sample.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

std::string sample() { return (test::fixtures() / "sample" / "published").string(); }

const std::vector<std::string> kSecrets{"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd"};

TEST(Containerize, WritesOneFolderPerAppAndBlockedMdForTheDesktopTool) {
  test::TempDir tmp;
  auto r = run_liftshift({"containerize", sample(), "-o", (tmp.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path out = tmp.path() / "out";
  EXPECT_TRUE(fs::exists(out / "published-ContosoWeb/Dockerfile"));
  EXPECT_TRUE(fs::exists(out / "published-ContosoWeb/k8s/base/deployment.yaml"));
  EXPECT_TRUE(fs::exists(
      out / "published-OrderProcessor-Contoso.OrderProcessor.exe/LogMonitorConfig.json"));
  fs::path blocked = out / "published-InventoryTool-Contoso.InventoryTool.exe";
  EXPECT_TRUE(fs::exists(blocked / "BLOCKED.md"));
  EXPECT_FALSE(fs::exists(blocked / "Dockerfile"));
  EXPECT_NE(test::read_text(blocked / "BLOCKED.md").find("gui-desktop"), std::string::npos);
}

TEST(Containerize, NoPlantedSecretReachesAnyArtifact) {
  for (const std::string& path :
       {sample(), (test::source_dir() / "samples" / "legacy-apps").string()}) {
    test::TempDir tmp;
    auto r = run_liftshift(
        {"containerize", path, "-o", tmp.path().string(), "--orchestrator", "compose"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path())) {
      if (!e.is_regular_file()) continue;
      ++files;
      std::string text = test::read_text(e.path());
      for (const auto& s : kSecrets)
        EXPECT_EQ(text.find(s), std::string::npos) << s << " in " << e.path();
    }
    EXPECT_GT(files, 5);
    for (const auto& s : kSecrets) EXPECT_EQ(r.out.find(s) + r.err.find(s), 2 * std::string::npos);
  }
}

TEST(Containerize, RefusesHyperVWithKubernetesWithExitTwo) {
  test::TempDir tmp;
  auto r =
      run_liftshift({"containerize", sample(), "-o", tmp.path().string(), "--isolation", "hyperv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("process isolation only"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(tmp.path()));
  auto ok = run_liftshift({"containerize", sample(), "-o", tmp.path().string(), "--isolation",
                           "hyperv", "--orchestrator", "compose"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(Containerize, NeverOverwritesWithoutForce) {
  test::TempDir tmp;
  std::string out = (tmp.path() / "out").string();
  ASSERT_EQ(run_liftshift({"containerize", sample(), "-o", out}).exit_code, 0);
  fs::path dockerfile = tmp.path() / "out/published-ContosoWeb/Dockerfile";
  std::ofstream(dockerfile) << "edited by hand\n";
  auto again = run_liftshift({"containerize", sample(), "-o", out});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(test::read_text(dockerfile), "edited by hand\n");
  EXPECT_EQ(run_liftshift({"containerize", sample(), "-o", out, "--force"}).exit_code, 0);
  EXPECT_NE(test::read_text(dockerfile), "edited by hand\n");
}

TEST(Containerize, AppFilterAndUsageErrors) {
  test::TempDir tmp;
  auto one = run_liftshift(
      {"containerize", sample(), "--app", "published/ContosoWeb", "-o", tmp.path().string()});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(fs::exists(tmp.path() / "published-ContosoWeb"));
  EXPECT_FALSE(fs::exists(tmp.path() / "published-OrderProcessor-Contoso.OrderProcessor.exe"));
  auto unknown =
      run_liftshift({"containerize", sample(), "--app", "nope", "-o", tmp.path().string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("published/ContosoWeb"), std::string::npos) << "lists the ids found";
  EXPECT_EQ(run_liftshift({"containerize", sample()}).exit_code, 2) << "-o is required";
  EXPECT_EQ(run_liftshift(
                {"containerize", sample(), "-o", tmp.path().string(), "--windows-version", "2022"})
                .exit_code,
            2);
}

}  // namespace
}  // namespace liftshift
