#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "test_support.hpp"

extern char** environ;

namespace liftshift::test {

namespace {

namespace fs = std::filesystem;

std::string env_name(const std::string& assignment) {
  return assignment.substr(0, assignment.find('='));
}

// The inherited environment with options.env over it.
std::vector<std::string> child_environment(const std::vector<std::string>& overrides) {
  std::vector<std::string> names;
  names.reserve(overrides.size());
  for (const auto& e : overrides) names.push_back(env_name(e));
  std::vector<std::string> out;
  for (char** p = environ; *p != nullptr; ++p) {
    std::string e(*p);
    if (std::find(names.begin(), names.end(), env_name(e)) == names.end()) {
      out.push_back(std::move(e));
    }
  }
  out.insert(out.end(), overrides.begin(), overrides.end());
  return out;
}

// In the child, between fork and exec: stdin, stdout, stderr, limits, user.
// Exits with 120-124 when one of them cannot be set up.
void set_up_child(const ChildOptions& options, const fs::path& in, const fs::path& out,
                  const fs::path& err) {
  const int i = options.stdin_text ? ::open(in.c_str(), O_RDONLY) : ::open("/dev/null", O_RDONLY);
  const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int e = options.merge_output ? o : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (i < 0 || o < 0 || e < 0) ::_exit(120);
  ::dup2(i, 0);
  ::dup2(o, 1);
  ::dup2(e, 2);
  if (options.address_space != 0) {
    const rlimit as{options.address_space, options.address_space};
    if (::setrlimit(RLIMIT_AS, &as) != 0) ::_exit(121);
  }
  if (options.cpu_seconds != 0) {
    const rlimit cpu{options.cpu_seconds, options.cpu_seconds};
    if (::setrlimit(RLIMIT_CPU, &cpu) != 0) ::_exit(122);
  }
  if (options.run_as_uid >= 0) {
    const auto id = static_cast<uid_t>(options.run_as_uid);
    if (::setgid(id) != 0 || ::setuid(id) != 0) ::_exit(123);
  }
}

ChildResult run(const std::function<void()>& body, const ChildOptions& options) {
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  const fs::path out = tmp.path() / "out";
  const fs::path err = tmp.path() / "err";
  if (options.stdin_text) std::ofstream(in, std::ios::binary) << *options.stdin_text;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    set_up_child(options, in, out, err);
    body();
    ::_exit(127);
  }
  ChildResult r;
  if (pid < 0) return r;
  int status = 0;
  rusage usage{};
  const auto deadline = start + std::chrono::seconds(options.timeout_seconds);
  while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (options.timeout_seconds != 0 && std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss_kib = static_cast<std::uint64_t>(usage.ru_maxrss);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !r.timed_out) r.signal = WTERMSIG(status);
  if (fs::exists(out)) r.out = read_text(out);
  if (!options.merge_output && fs::exists(err)) r.err = read_text(err);
  return r;
}

}  // namespace

std::string ChildResult::describe() const {
  return timed_out ? "timed out"
         : signal  ? "killed by signal " + std::to_string(signal)
                   : "exit " + std::to_string(exit_code);
}

ChildResult run_child(const std::vector<std::string>& args, const ChildOptions& options) {
  if (args.empty()) return {};
  // Everything the child needs is built before fork: only exec runs after.
  std::vector<std::string> argv_text = args;
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = child_environment(options.env);
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  return run([&] { ::execvpe(argv[0], argv.data(), envp.data()); }, options);
}

ChildResult run_in_child(const std::function<int()>& fn, const ChildOptions& options) {
  return run([&] { ::_exit(fn()); }, options);
}

}  // namespace liftshift::test
