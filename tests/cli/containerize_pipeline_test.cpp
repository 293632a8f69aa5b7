// `liftshift containerize --pipeline` end to end on the bundled sample: the
// repeatable/comma option, one set of pipeline files per application (none
// for a blocked one), all of them through the real validators.
#include <gtest/gtest.h>

#include <filesystem>

#include "emit/validators.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

TEST(ContainerizePipeline, CommaAndRepeatedValuesWriteEveryPipelinePerApp) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "sample" / "published").string(), "-o", out.string(),
       "--no-copy", "--windows-version", "ltsc2025", "--pipeline", "github,azure", "--pipeline",
       "gitlab", "--pipeline", "github"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path web = out / "published-ContosoWeb";
  for (const char* f :
       {".github/workflows/image.yml", "azure-pipelines.yml", ".gitlab-ci.yml", "renovate.json"})
    EXPECT_TRUE(fs::exists(web / f)) << f;
  EXPECT_NE(test::read_text(web / ".github/workflows/image.yml").find("runs-on: windows-2025"),
            std::string::npos);
  fs::path blocked = out / "published-InventoryTool-Contoso.InventoryTool.exe";
  EXPECT_FALSE(fs::exists(blocked / "renovate.json"));
  auto v = test::run_validators({out});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(ContainerizePipeline, AnUnknownCiSystemIsAUsageError) {
  test::TempDir tmp;
  auto r =
      test::run_liftshift({"containerize", (test::fixtures() / "sample" / "published").string(),
                           "-o", tmp.path().string(), "--pipeline", "jenkins"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(fs::exists(tmp.path() / "published-ContosoWeb"));
}

}  // namespace
}  // namespace liftshift
