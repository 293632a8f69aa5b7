// Runs the liftshift executable under resource limits (setrlimit in the
// child, between fork and exec) with a wall-clock deadline, and reports how
// it ended and what it used (wait4's rusage).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

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

struct LimitedRun {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it (SIGXCPU, SIGKILL, SIGSEGV...)
  bool timed_out = false;
  double seconds = 0;             // wall clock
  double cpu_seconds = 0;         // user + system
  std::uint64_t max_rss_kib = 0;  // peak resident set
  std::string out;
  std::string err;
  [[nodiscard]] bool exited_normally() const { return signal == 0 && !timed_out; }
  [[nodiscard]] std::string describe() const {
    return timed_out ? "timed out"
           : signal  ? "killed by signal " + std::to_string(signal)
                     : "exit " + std::to_string(exit_code);
  }
};

// run_as_uid >= 0: the child drops to that user (and group) before exec.
inline LimitedRun run_limited(const std::vector<std::string>& args, const Limits& limits,
                              int run_as_uid = -1) {
  TempDir tmp;
  const std::string out_path = (tmp.path() / "out").string();
  const std::string err_path = (tmp.path() / "err").string();
  std::vector<std::string> all{exe().string()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::dup2(devnull, 0);
    if (limits.address_space != 0 && !kSanitized) {
      const rlimit as{limits.address_space, limits.address_space};
      if (::setrlimit(RLIMIT_AS, &as) != 0) ::_exit(120);
    }
    const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds};
    if (::setrlimit(RLIMIT_CPU, &cpu) != 0) ::_exit(121);
    // Whatever liftshift keeps by default (its results store) goes to the
    // run's own folder, not the user's.
    ::setenv("XDG_DATA_HOME", (tmp.path() / "data").c_str(), 1);
    if (run_as_uid >= 0) {
      const auto id = static_cast<uid_t>(run_as_uid);
      if (::setgid(id) != 0 || ::setuid(id) != 0) ::_exit(122);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  LimitedRun r;
  int status = 0;
  rusage usage{};
  const auto deadline = start + std::chrono::seconds(limits.wall_seconds);
  while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss_kib = static_cast<std::uint64_t>(usage.ru_maxrss);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !r.timed_out) r.signal = WTERMSIG(status);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

}  // namespace liftshift::test
