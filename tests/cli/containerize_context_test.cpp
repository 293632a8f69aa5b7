// `liftshift containerize` writes each application's build context: from a
// published folder, a copied system drive and the same server's VHDX (read
// through NTFS, with the same result), a source tree's solution; --no-copy
// keeps the old behaviour; no planted secret reaches OUT.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "hostile_support.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

// Files (relative to root) under each application's context folders.
std::set<std::string> context_files(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), root).generic_string();
    auto slash = rel.find('/');
    std::string rest = slash == std::string::npos ? "" : rel.substr(slash + 1);
    if (rest.starts_with("app/") || rest.starts_with("src/") || rest.starts_with("vdir/"))
      out.insert(rel);
  }
  return out;
}

std::vector<std::string> leaks_under(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    for (const auto& s : test::leaked_secrets(test::read_text(e.path())))
      out.push_back(e.path().string() + ": " + s);
  }
  return out;
}

// The context files of one server, with the source's own name taken out of
// the application folders ("appsrv01.vhdx-iis-..." -> "iis-...").
std::set<std::string> server_contexts(const fs::path& out, const std::string& source_name) {
  std::set<std::string> files;
  for (const auto& f : context_files(out)) files.insert(f.substr(source_name.size() + 1));
  return files;
}

// --config env on frameworks before 4.7.1: refused by name, nothing written
// for them (tests/emit/secret_claims_test covers a 4.8 site end to end).
TEST(ContainerizeContext, ConfigEnvIsRefusedForFrameworksWithoutConfigBuilders) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  auto r = run_liftshift({"containerize", (test::fixtures() / "sample" / "published").string(),
                          "-o", out.string(), "--config", "env"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("published/ContosoWeb: refused: --config env needs .NET Framework 4.7.1"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out / "published-ContosoWeb")) << "nothing written for a refused app";
}

TEST(ContainerizeContext, PublishedFolderCopiesEachAppsOwnFilesAndPrintsWhat) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  auto r = run_liftshift(
      {"containerize", (test::fixtures() / "sample" / "published").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("published/ContosoWeb: copied "), std::string::npos) << r.out;
  auto files = context_files(out);
  EXPECT_TRUE(files.count("published-ContosoWeb/app/Default.aspx"));
  EXPECT_TRUE(files.count("published-ContosoWeb/app/bin/Contoso.Web.dll"));
  for (const auto& f : files) {
    EXPECT_EQ(f.find("OrderProcessor/app/Contoso.Web"), std::string::npos) << f;
    if (f.starts_with("published-ContosoWeb/")) {
      EXPECT_EQ(f.find("OrderProcessor"), std::string::npos) << "another app's file: " << f;
    }
  }
  EXPECT_FALSE(fs::exists(out / "published-InventoryTool-Contoso.InventoryTool.exe" / "app"))
      << "a blocked application gets no context";
  EXPECT_EQ(leaks_under(out), std::vector<std::string>{});
  std::string migration = test::read_text(out / "published-ContosoWeb" / "MIGRATION.md");
  EXPECT_EQ(migration.find("Copy-Item"), std::string::npos);
  EXPECT_NE(migration.find("liftshift copied it into app/"), std::string::npos);
}

TEST(ContainerizeContext, ADiskImageGivesTheSameContextsAsTheCopiedDrive) {
  test::TempDir tmp;
  fs::path drive_out = tmp.path() / "drive";
  fs::path image_out = tmp.path() / "image";
  auto servers = test::fixtures() / "servers";
  auto d =
      run_liftshift({"containerize", (servers / "appsrv01").string(), "-o", drive_out.string()});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto i = run_liftshift(
      {"containerize", (servers / "appsrv01.vhdx").string(), "-o", image_out.string()});
  ASSERT_EQ(i.exit_code, 0) << i.err;
  auto drive = server_contexts(drive_out, "appsrv01");
  auto image = server_contexts(image_out, "appsrv01.vhdx");
  EXPECT_EQ(drive, image);
  EXPECT_TRUE(image.count("iis-Contoso-Web/app/Default.aspx")) << ::testing::PrintToString(image);
  EXPECT_TRUE(image.count("iis-Contoso-Web/app/bin/Contoso.Web.dll"));
  EXPECT_TRUE(image.count("service-OrderProcessor/app/Contoso.OrderProcessor.exe"));
  EXPECT_TRUE(image.count("task-Contoso-Nightly-Export/app/Contoso.NightlyExport.exe"));
  EXPECT_LT(image.size(), 20u) << "only the applications' folders, never the drive";
  for (const auto& f : image) {
    EXPECT_EQ(f.find("/app/Windows/"), std::string::npos) << f;
    EXPECT_EQ(f.find("config/SYSTEM"), std::string::npos) << f;
  }
  // The same bytes, read through NTFS.
  EXPECT_EQ(test::read_bytes(image_out / "appsrv01.vhdx-iis-Contoso-Web/app/bin/Contoso.Web.dll"),
            test::read_bytes(servers / "appsrv01/inetpub/ContosoWeb/bin/Contoso.Web.dll"));
  EXPECT_EQ(leaks_under(image_out), std::vector<std::string>{});
  EXPECT_EQ(leaks_under(drive_out), std::vector<std::string>{});
  EXPECT_EQ(test::read_text(image_out / "appsrv01.vhdx-iis-Contoso-Web" / "MIGRATION.md")
                .find("Copy-Item"),
            std::string::npos)
      << "no Copy-Item from inside a VHDX";
}

TEST(ContainerizeContext, ASourceTreeCopiesItsSolutionWithoutBuildOutputs) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  auto r = run_liftshift({"containerize", (test::source_dir() / "samples" / "legacy-apps").string(),
                          "-o", out.string(), "--app", "legacy-apps/Contoso.Web"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto files = context_files(out);
  EXPECT_TRUE(files.count("legacy-apps-Contoso.Web/src/Contoso.LegacyApps.sln"))
      << ::testing::PrintToString(files);
  EXPECT_TRUE(files.count("legacy-apps-Contoso.Web/src/Contoso.Web/Contoso.Web.csproj"));
  EXPECT_TRUE(files.count("legacy-apps-Contoso.Web/src/Contoso.Web/Default.aspx"));
  for (const auto& f : files) {
    EXPECT_EQ(f.find("/obj/"), std::string::npos) << f;
    EXPECT_EQ(f.find("/bin/"), std::string::npos) << f;
  }
  EXPECT_EQ(leaks_under(out), std::vector<std::string>{});
}

TEST(ContainerizeContext, NoCopyKeepsTheUsersCopyStepAndSecretsToInsideOutIsRefused) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  std::string sample = (test::fixtures() / "sample" / "published").string();
  auto r = run_liftshift({"containerize", sample, "-o", out.string(), "--no-copy"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(context_files(out).empty());
  EXPECT_EQ(r.out.find("copied"), std::string::npos);
  EXPECT_NE(test::read_text(out / "published-ContosoWeb" / "MIGRATION.md").find("Copy-Item"),
            std::string::npos);

  fs::path fresh = tmp.path() / "fresh";
  auto refused = run_liftshift(
      {"containerize", sample, "-o", fresh.string(), "--secrets-to", (fresh / "secrets").string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("inside the output folder"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(fresh));
}

}  // namespace
}  // namespace liftshift
