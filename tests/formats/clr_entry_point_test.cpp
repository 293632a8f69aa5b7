// The entry method's calls, read from assemblies built by Mono mcs
// (tests/fixtures/pe/build.sh), and the IL walker on damaged input.
#include "formats/clr_entry_point.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "formats/pe.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::vector<std::string> entry_calls(const std::string& name) {
  auto r = parse_pe(test::read_bytes(test::fixtures() / "pe" / name), name);
  EXPECT_TRUE(r.ok()) << name;
  return r.ok() ? r->entry_calls : std::vector<std::string>{};
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

TEST(ClrEntryPoint, AWinFormsMainRunsTheMessageLoop) {
  auto calls = entry_calls("WinFormsApp.exe");
  EXPECT_TRUE(has(calls, "System.Windows.Forms.Application::EnableVisualStyles")) << joined(calls);
  EXPECT_TRUE(has(calls, "System.Windows.Forms.Application::Run")) << joined(calls);
}

TEST(ClrEntryPoint, AServiceManagerRunsAFormNotAService) {
  // The form's constructor (called from Main) uses a ServiceController: that
  // is managing a service; the only call with a role is the message loop.
  auto calls = entry_calls("ServiceManager.exe");
  EXPECT_TRUE(has(calls, "System.Windows.Forms.Application::Run")) << joined(calls);
  EXPECT_TRUE(has(calls, "System.ServiceProcess.ServiceController::.ctor")) << joined(calls);
  for (const auto& c : calls) {
    EXPECT_TRUE(entry_call_role(c) == EntryCallRole::kNone ||
                entry_call_role(c) == EntryCallRole::kGui)
        << c;
  }
}

TEST(ClrEntryPoint, AWcfSelfHostConstructsItsServiceHost) {
  auto calls = entry_calls("WcfSelfHost.exe");
  EXPECT_TRUE(has(calls, "System.ServiceModel.ServiceHost::.ctor")) << joined(calls);
  EXPECT_TRUE(has(calls, "System.Console::ReadLine")) << joined(calls);
}

TEST(ClrEntryPoint, TheEntryPointsOwnHelpersAreReadToo) {
  EXPECT_TRUE(has(entry_calls("DelegatingService.exe"), "System.ServiceProcess.ServiceBase::Run"));
  EXPECT_TRUE(has(entry_calls("LegacyService.exe"), "System.ServiceProcess.ServiceBase::Run"));
}

TEST(ClrEntryPoint, ALibraryHasNoEntryPoint) { EXPECT_TRUE(entry_calls("DirLib.dll").empty()); }

TEST(ClrEntryPoint, RolesOfTheCallsThatDecideAKind) {
  EXPECT_EQ(entry_call_role("System.Windows.Forms.Application::Run"), EntryCallRole::kGui);
  EXPECT_EQ(entry_call_role("System.Windows.Application::Run"), EntryCallRole::kGui);
  EXPECT_EQ(entry_call_role("System.ServiceProcess.ServiceBase::Run"), EntryCallRole::kService);
  EXPECT_EQ(entry_call_role("Topshelf.HostFactory::Run"), EntryCallRole::kService);
  EXPECT_EQ(entry_call_role("System.ServiceModel.ServiceHost::.ctor"), EntryCallRole::kWcfHost);
  EXPECT_EQ(entry_call_role("Microsoft.AspNetCore.WebHost::CreateDefaultBuilder"),
            EntryCallRole::kWebHost);
  EXPECT_EQ(entry_call_role("System.ServiceProcess.ServiceController::.ctor"),
            EntryCallRole::kNone);
  EXPECT_EQ(entry_call_role("System.Console::ReadLine"), EntryCallRole::kNone);
}

// Method headers: tiny (size in the first byte), fat (12 bytes), anything else
// refused; a code size past the bytes given is refused, never read.
TEST(ClrEntryPoint, MethodHeadersAreBoundedByTheBytesGiven) {
  const std::vector<std::uint8_t> tiny = {(3u << 2) | 0x2u, 0x00, 0x00, 0x2A};
  auto code = il_method_code(tiny);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->size(), 3u);
  const std::vector<std::uint8_t> tiny_truncated = {(40u << 2) | 0x2u, 0x00};
  EXPECT_FALSE(il_method_code(tiny_truncated).has_value());
  const std::vector<std::uint8_t> fat_huge = {0x03, 0x30, 0x08, 0x00, 0xFF, 0xFF,
                                              0xFF, 0x7F, 0x00, 0x00, 0x00, 0x00};
  EXPECT_FALSE(il_method_code(fat_huge).has_value());
  const std::vector<std::uint8_t> not_a_header = {0x00, 0x01};
  EXPECT_FALSE(il_method_code(not_a_header).has_value());
  EXPECT_FALSE(il_method_code({}).has_value());
}

TEST(ClrEntryPoint, TheIlWalkerStopsAtUnknownOpcodesAndTruncatedOperands) {
  // call 0x0A000001; ldstr 0x70000001 (its operand holds a 0x28 byte, not a call); ret
  const std::vector<std::uint8_t> il = {0x28, 0x01, 0x00, 0x00, 0x0A, 0x72,
                                        0x28, 0x00, 0x00, 0x70, 0x2A};
  EXPECT_EQ(il_call_tokens(il), (std::vector<std::uint32_t>{0x0A000001}));
  const std::vector<std::uint8_t> truncated = {0x73, 0x01, 0x00};
  EXPECT_TRUE(il_call_tokens(truncated).empty());
  const std::vector<std::uint8_t> unknown = {0x24, 0x28, 0x01, 0x00, 0x00, 0x0A};
  EXPECT_TRUE(il_call_tokens(unknown).empty());
  const std::vector<std::uint8_t> huge_switch = {0x45, 0xFF, 0xFF, 0xFF, 0xFF, 0x28};
  EXPECT_TRUE(il_call_tokens(huge_switch).empty());
}

}  // namespace
}  // namespace liftshift
