// Native programs containerized as a user would (`liftshift containerize
// FOLDER -o OUT`) on the mingw-w64 fixtures: the service's image installs the
// Visual C++ 2013 runtime from installers/, the desktop program is blocked;
// the output passes the artifact check.
#include <gtest/gtest.h>

#include "artifact_check.hpp"
#include "test_support.hpp"

namespace liftshift::test {
namespace {

namespace fs = std::filesystem;

TEST(ContainerizeNative, TheServiceInstallsItsRuntimeTheDesktopProgramIsBlocked) {
  TempDir out;
  auto r =
      run_liftshift({"containerize", (fixtures() / "native").string(), "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path feed = out.path() / "native-orders-feed-OrdersFeed.exe";
  std::string d = read_text(feed / "Dockerfile");
  EXPECT_NE(d.find("FROM mcr.microsoft.com/windows/servercore:"), std::string::npos) << d;
  EXPECT_NE(d.find("COPY installers/ C:/installers/"), std::string::npos) << d;
  EXPECT_NE(d.find("'C:\\installers\\vcredist_x64.exe' -ArgumentList "
                   "'/install','/quiet','/norestart'"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("New-Service -Name 'OrdersFeed'"), std::string::npos) << d;
  std::string readme = read_text(feed / "installers" / "README.md");
  EXPECT_NE(readme.find("Visual C++ 2013 Redistributable (x64)"), std::string::npos) << readme;
  std::string md = read_text(feed / "MIGRATION.md");
  EXPECT_NE(md.find("Copy-Item -Path 'PATH\\TO\\vcredist_x64.exe' -Destination "
                    "'installers/vcredist_x64.exe'"),
            std::string::npos)
      << md;
  EXPECT_TRUE(fs::exists(out.path() / "native-orders-desk-OrdersDesk.exe" / "BLOCKED.md"));
  auto report = check_artifacts(out.path());
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
}

// A source tree of .vcxproj projects: the MFC desk program is blocked, the
// Winsock service's image installs the runtime of the DLL it references and
// says the program is built before the image.
TEST(ContainerizeNative, VcxprojProgramsArePlannedFromTheirProjectSettings) {
  TempDir out;
  auto r = run_liftshift(
      {"containerize", (fixtures() / "native-src").string(), "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path feed;
  for (const auto& e : fs::directory_iterator(out.path())) {
    if (e.path().filename().string().find("PriceFeed") != std::string::npos) feed = e.path();
    if (e.path().filename().string().find("OrdersDesk") != std::string::npos) {
      EXPECT_TRUE(fs::exists(e.path() / "BLOCKED.md")) << e.path();
    }
  }
  ASSERT_FALSE(feed.empty());
  std::string d = read_text(feed / "Dockerfile");
  EXPECT_NE(d.find("FROM mcr.microsoft.com/windows/servercore:"), std::string::npos) << d;
  EXPECT_NE(d.find("'C:\\installers\\vcredist_x86.exe'"), std::string::npos) << d;
  EXPECT_NE(d.find("New-Service -Name 'PriceFeed'"), std::string::npos) << d;
  std::string md = read_text(feed / "MIGRATION.md");
  EXPECT_NE(md.find("no image carries the Visual C++ build tools"), std::string::npos) << md;
  auto report = check_artifacts(out.path());
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
}

// The ledger program's image registers its COM+ and COM libraries.
TEST(ContainerizeNative, TheLedgerProgramsImageRegistersItsComLibraries) {
  TempDir out;
  auto r =
      run_liftshift({"containerize", (fixtures() / "com").string(), "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string d = read_text(out.path() / "com-ledger-LedgerClient.exe" / "Dockerfile");
  EXPECT_NE(d.find("RegSvcs.exe' /nologo 'C:\\app\\ServicedLedger.dll'"), std::string::npos) << d;
  EXPECT_NE(d.find("RegAsm.exe' /nologo /codebase 'C:\\app\\ComVisibleLib.dll'"), std::string::npos)
      << d;
  auto report = check_artifacts(out.path());
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
}

}  // namespace
}  // namespace liftshift::test
