// The tests' one child-process helper.
#include "child_process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>

namespace liftshift::test {
namespace {

TEST(ChildProcess, ArgumentsReachTheProgramWithoutAShell) {
  auto r = run_child({"printf", "%s|", "a b", "$HOME", "';'"});
  EXPECT_EQ(r.status(), 0);
  EXPECT_EQ(r.out, "a b|$HOME|';'|");
  EXPECT_EQ(r.err, "");
}

TEST(ChildProcess, OutputSeparatelyOrTogether) {
  const std::vector<std::string> both{"sh", "-c", "echo out; echo err >&2; exit 3"};
  auto apart = run_child(both);
  EXPECT_EQ(apart.exit_code, 3);
  EXPECT_EQ(apart.out, "out\n");
  EXPECT_EQ(apart.err, "err\n");
  auto together = run_child(both, {.merge_output = true});
  EXPECT_EQ(together.out, "out\nerr\n");
  EXPECT_EQ(together.err, "");
}

TEST(ChildProcess, EnvironmentOverTheInheritedOne) {
  ::setenv("LIFTSHIFT_CHILD_TEST", "inherited", 1);
  auto inherited = run_child({"sh", "-c", "printf %s \"$LIFTSHIFT_CHILD_TEST\""});
  EXPECT_EQ(inherited.out, "inherited");
  auto replaced = run_child({"sh", "-c", "printf %s \"$LIFTSHIFT_CHILD_TEST\""},
                            {.env = {"LIFTSHIFT_CHILD_TEST=given"}});
  EXPECT_EQ(replaced.out, "given");
  ::unsetenv("LIFTSHIFT_CHILD_TEST");
}

TEST(ChildProcess, StdinIsTheTextGivenOrEmpty) {
  EXPECT_EQ(run_child({"cat"}, {.stdin_text = "line 1\nline 2\n"}).out, "line 1\nline 2\n");
  EXPECT_EQ(run_child({"cat"}).out, "") << "stdin is /dev/null, not the test's";
}

TEST(ChildProcess, AMissingProgramExits127) {
  auto r = run_child({"/nonexistent/program"});
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_TRUE(r.exited_normally());
}

TEST(ChildProcess, SignalsAndTimeoutsAreReportedAsSuch) {
  auto killed = run_child({"sh", "-c", "kill -SEGV $$"});
  EXPECT_EQ(killed.signal, SIGSEGV);
  EXPECT_EQ(killed.status(), 128 + SIGSEGV);
  EXPECT_FALSE(killed.exited_normally());
  auto slow = run_child({"sleep", "30"}, {.timeout_seconds = 1});
  EXPECT_TRUE(slow.timed_out);
  EXPECT_EQ(slow.status(), -1);
  EXPECT_LT(slow.seconds, 10);
  EXPECT_EQ(slow.describe(), "timed out");
}

TEST(ChildProcess, ResourceLimitsApplyToTheChild) {
  auto spin =
      run_child({"sh", "-c", "while :; do :; done"}, {.timeout_seconds = 20, .cpu_seconds = 1});
  // Soft and hard limit are the same: SIGXCPU or, as Linux does, SIGKILL.
  EXPECT_TRUE(spin.signal == SIGXCPU || spin.signal == SIGKILL) << spin.describe();
  EXPECT_FALSE(spin.timed_out);
  EXPECT_GE(spin.cpu_seconds, 0.5);
}

TEST(ChildProcess, AFunctionInAForkedChildAndAnotherUser) {
  EXPECT_EQ(run_in_child([] { return 7; }).exit_code, 7);
  if (::geteuid() != 0) GTEST_SKIP() << "dropping to another user needs root";
  auto r = run_in_child([] { return ::geteuid() == 65534 ? 0 : 1; }, {.run_as_uid = 65534});
  EXPECT_EQ(r.status(), 0);
  EXPECT_EQ(run_child({"id", "-u"}, {.run_as_uid = 65534}).out, "65534\n");
}

}  // namespace
}  // namespace liftshift::test
