// The one way the tests run a child process: a program (argv, no shell) or a
// function in a forked child, with an optional environment, stdin, resource
// limits, user and deadline; stdout and stderr captured separately or
// together. Output goes through files, not pipes, so a child that leaves a
// daemon holding them (pg_ctl start) cannot make the test wait forever.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace liftshift::test {

struct ChildOptions {
  // NAME=VALUE, over the inherited environment (a name given here replaces
  // the inherited one).
  std::vector<std::string> env{};
  std::optional<std::string> stdin_text{};  // none: stdin is /dev/null
  bool merge_output = false;                // stderr into out
  unsigned timeout_seconds = 0;             // killed (SIGKILL) after this; 0: never
  std::uint64_t address_space = 0;          // RLIMIT_AS, bytes; 0: none
  unsigned cpu_seconds = 0;                 // RLIMIT_CPU; 0: none
  int run_as_uid = -1;                      // >= 0: drops to that user and group first
};

struct ChildResult {
  int exit_code = -1;  // when it exited (127: the program could not be run)
  int signal = 0;      // when a signal ended it (SIGXCPU, SIGKILL, SIGSEGV...)
  bool timed_out = false;
  double seconds = 0;             // wall clock
  double cpu_seconds = 0;         // user + system
  std::uint64_t max_rss_kib = 0;  // peak resident set
  std::string out;                // stdout (and stderr with merge_output)
  std::string err;
  // The exit code, or 128 + the signal as a shell reports it; -1 on timeout.
  [[nodiscard]] int status() const {
    return timed_out ? -1 : signal != 0 ? 128 + signal : exit_code;
  }
  [[nodiscard]] bool exited_normally() const { return signal == 0 && !timed_out; }
  [[nodiscard]] std::string describe() const;
};

// Runs args[0] (looked up in PATH when it has no '/') with args.
ChildResult run_child(const std::vector<std::string>& args, const ChildOptions& options = {});

// Runs fn in a forked child; its return value is the exit code.
ChildResult run_in_child(const std::function<int()>& fn, const ChildOptions& options = {});

}  // namespace liftshift::test
