// The rules on real binaries: the PE fixtures (built by mcs and mingw-w64)
// assessed as one published folder, each program checked for the rules its
// source code earns it, and for the ones it must not get.
#include <gtest/gtest.h>

#include <set>

#include "collect/collect.hpp"
#include "rules/engine.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

class FixtureRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    assessment_ = new Assessment(assess(collect({(test::fixtures() / "pe").string()})));
  }
  static void TearDownTestSuite() { delete assessment_; }

  static std::set<std::string> rules_of(const std::string& exe) {
    for (const auto& a : assessment_->apps) {
      if (a.app.entry == exe) {
        std::set<std::string> out;
        for (const auto& f : a.findings) out.insert(f.rule);
        return out;
      }
    }
    ADD_FAILURE() << exe << " was not found as an application";
    return {};
  }

  static Verdict verdict_of(const std::string& exe) {
    for (const auto& a : assessment_->apps) {
      if (a.app.entry == exe) return a.verdict;
    }
    return Verdict::kReady;
  }

  static Assessment* assessment_;
};

Assessment* FixtureRules::assessment_ = nullptr;

TEST_F(FixtureRules, NativeGuiProgramWithRemoteDesktopSessions) {
  auto r = rules_of("GuiApp64.exe");
  EXPECT_TRUE(r.count("gui-desktop"));
  EXPECT_TRUE(r.count("rdp"));
  EXPECT_FALSE(r.count("msmq"));
  EXPECT_EQ(verdict_of("GuiApp64.exe"), Verdict::kNotACandidate);
}

TEST_F(FixtureRules, NativeMsmqAndDtcClients) {
  auto mq = rules_of("MqClient64.exe");
  EXPECT_TRUE(mq.count("msmq"));
  EXPECT_FALSE(mq.count("gui-desktop"));
  EXPECT_FALSE(mq.count("msdtc"));
  auto dtc = rules_of("DtcClient64.exe");
  EXPECT_TRUE(dtc.count("msdtc"));
  EXPECT_FALSE(dtc.count("msmq"));
}

TEST_F(FixtureRules, ManagedPrograms) {
  auto forms = rules_of("WinFormsApp.exe");
  EXPECT_TRUE(forms.count("gui-desktop"));
  EXPECT_TRUE(forms.count("netfx-image"));
  auto queue = rules_of("MsmqConsole.exe");
  EXPECT_TRUE(queue.count("msmq"));
  EXPECT_TRUE(queue.count("event-log"));
  EXPECT_FALSE(queue.count("gui-desktop"));
  auto service = rules_of("LegacyService.exe");
  EXPECT_TRUE(service.count("background-service"));
  EXPECT_FALSE(service.count("netfx-unsupported"));
  auto clr11 = rules_of("Clr11Service.exe");
  EXPECT_TRUE(clr11.count("netfx-unsupported"));
  EXPECT_EQ(verdict_of("Clr11Service.exe"), Verdict::kNotACandidate);
  auto sessions = rules_of("SessionWatcher.exe");
  EXPECT_TRUE(sessions.count("rdp")) << "P/Invoke into wtsapi32.dll";
  EXPECT_FALSE(sessions.count("gui-desktop"));
}

TEST_F(FixtureRules, DamagedBinariesAreProblemsNotApplications) {
  std::set<std::string> with_problems;
  for (const auto& p : assessment_->problems) {
    with_problems.insert(p.path.substr(p.path.rfind('/') + 1));
  }
  for (const char* damaged : {"trunc_dos.exe", "bad_lfanew.exe", "trunc_optional.exe"}) {
    EXPECT_TRUE(with_problems.count(damaged)) << damaged;
  }
}

}  // namespace
}  // namespace liftshift
