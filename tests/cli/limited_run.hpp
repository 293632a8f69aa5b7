// Runs the liftshift executable under resource limits (setrlimit in the
// child, between fork and exec) with a wall-clock deadline, and reports how
// it ended and what it used (wait4's rusage): child_process.hpp's run_child.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

// AddressSanitizer reserves terabytes of address space for its shadow
// memory, so an address-space limit (RLIMIT_AS, or RLIMIT_DATA, which also
// counts private mappings) kills a sanitized binary at start-up: under ASan
// the memory cap is not applied (the CPU and wall-clock limits still are).
#if defined(__SANITIZE_ADDRESS__)
#define LIFTSHIFT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIFTSHIFT_TEST_ASAN 1
#endif
#endif
#ifndef LIFTSHIFT_TEST_ASAN
#define LIFTSHIFT_TEST_ASAN 0
#endif

namespace liftshift::test {

inline constexpr bool kSanitized = LIFTSHIFT_TEST_ASAN != 0;

struct Limits {
  std::uint64_t address_space = 1ull << 30;  // RLIMIT_AS, bytes; 0: none
  unsigned cpu_seconds = 60;                 // RLIMIT_CPU
  unsigned wall_seconds = 120;               // killed (SIGKILL) after this
};

using LimitedRun = ChildResult;

// run_as_uid >= 0: the child drops to that user (and group) before exec.
inline LimitedRun run_limited(const std::vector<std::string>& args, const Limits& limits,
                              int run_as_uid = -1) {
  TempDir tmp;
  std::vector<std::string> all{exe().string()};
  all.insert(all.end(), args.begin(), args.end());
  ChildOptions options;
  options.address_space = kSanitized ? 0 : limits.address_space;
  options.cpu_seconds = limits.cpu_seconds;
  options.timeout_seconds = limits.wall_seconds;
  options.run_as_uid = run_as_uid;
  // Whatever liftshift keeps by default (its results store) goes to the
  // run's own folder, not the user's.
  options.env.push_back("XDG_DATA_HOME=" + (tmp.path() / "data").string());
  return run_child(all, options);
}

}  // namespace liftshift::test
