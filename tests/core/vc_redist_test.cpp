#include "core/vc_redist.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

std::string release_of(std::string_view dll) {
  auto r = vc_redist_for_dll(dll);
  return r ? r->release + (r->debug ? " debug" : "") : "-";
}

TEST(VcRedist, EachRuntimeDllNamesItsRelease) {
  EXPECT_EQ(release_of("VCRUNTIME140.dll"), "2015-2022");
  EXPECT_EQ(release_of("vcruntime140_1.dll"), "2015-2022");
  EXPECT_EQ(release_of("MSVCP140.dll"), "2015-2022");
  EXPECT_EQ(release_of("msvcp140_atomic_wait.dll"), "2015-2022");
  EXPECT_EQ(release_of("mfc140u.dll"), "2015-2022");
  EXPECT_EQ(release_of("MFCM140U.DLL"), "2015-2022");
  EXPECT_EQ(release_of("concrt140.dll"), "2015-2022");
  EXPECT_EQ(release_of("MSVCR120.dll"), "2013");
  EXPECT_EQ(release_of("msvcp110.dll"), "2012");
  EXPECT_EQ(release_of("msvcr100.dll"), "2010");
  EXPECT_EQ(release_of("vcomp100.dll"), "2010");
  EXPECT_EQ(release_of("msvcr90.dll"), "2008");
  EXPECT_EQ(release_of("mfc80u.dll"), "2005");
}

TEST(VcRedist, DebugRuntimesAreKnownAsSuch) {
  EXPECT_EQ(release_of("MSVCR120D.dll"), "2013 debug");
  EXPECT_EQ(release_of("vcruntime140d.dll"), "2015-2022 debug");
  EXPECT_EQ(release_of("mfc140ud.dll"), "2015-2022 debug");
}

// Part of Windows, a Store app's own package, or no runtime at all.
TEST(VcRedist, WindowsOwnAndOtherDllsNeedNone) {
  for (const char* dll : {"msvcrt.dll", "mfc42.dll", "mfc42u.dll", "ucrtbase.dll",
                          "api-ms-win-crt-runtime-l1-1-0.dll", "vcruntime140_app.dll",
                          "msvcp120_app.dll", "msvcr71.dll", "kernel32.dll", "msvcr120"}) {
    EXPECT_EQ(release_of(dll), "-") << dll;
  }
}

TEST(VcRedist, InstallerAndSilentArgumentsPerRelease) {
  EXPECT_EQ(vc_redist_installer("2015-2022", "x64"), "vc_redist.x64.exe");
  EXPECT_EQ(vc_redist_installer("2015-2022", "arm64"), "vc_redist.arm64.exe");
  EXPECT_EQ(vc_redist_installer("2013", "x86"), "vcredist_x86.exe");
  EXPECT_EQ(vc_redist_arguments("2015-2022"), "/install /quiet /norestart");
  EXPECT_EQ(vc_redist_arguments("2012"), "/install /quiet /norestart");
  EXPECT_EQ(vc_redist_arguments("2010"), "/q /norestart");
  EXPECT_EQ(vc_redist_arguments("2008"), "/q");
}

TEST(VcRedist, EachToolsetNamesItsRelease) {
  auto of = [](std::string_view t) { return vc_release_for_toolset(t).value_or("-"); };
  EXPECT_EQ(of("v143"), "2015-2022");
  EXPECT_EQ(of("v140_xp"), "2015-2022");
  EXPECT_EQ(of("ClangCL"), "2015-2022");
  EXPECT_EQ(of("v120"), "2013");
  EXPECT_EQ(of("v110_xp"), "2012");
  EXPECT_EQ(of("v100"), "2010");
  EXPECT_EQ(of("v90"), "2008");
  EXPECT_EQ(of("v80"), "2005");
  EXPECT_EQ(of(""), "-");
  EXPECT_EQ(of("v1430"), "-");
  EXPECT_EQ(of("WindowsKernelModeDriver10.0"), "-");
}

}  // namespace
}  // namespace liftshift
