// PowerShell's own parser for the tests: every PowerShell snippet liftshift
// emits is parsed (never run) by [System.Management.Automation.Language.Parser]
// ::ParseInput in PowerShell 7 (pwsh, a .NET global tool: scripts/setup.sh).
// One pwsh process parses a whole batch: its start-up takes seconds.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace liftshift::test {

struct PowerShellParse {
  std::vector<std::string> errors;  // "ErrorId: message", empty when it parses
  int statements = 0;               // top-level statements
  std::vector<int> command_words;   // per command, in order: its name, parameters and arguments
};

// pwsh on PATH, else ~/.dotnet/tools/pwsh; "" when there is none.
std::string find_pwsh();

// Parses every snippet in one pwsh process, in order. nullopt when pwsh is
// missing; a failure of pwsh itself fails the calling test.
std::optional<std::vector<PowerShellParse>> parse_powershell(
    const std::vector<std::string>& snippets);

// True when the environment says this is CI (CI=true): tools are required there.
inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

}  // namespace liftshift::test

// In a test that needs pwsh: skips with a clear message when it is missing,
// fails instead under CI=true.
#define LIFTSHIFT_REQUIRE_PWSH()                                                                \
  do {                                                                                          \
    if (::liftshift::test::find_pwsh().empty()) {                                               \
      if (::liftshift::test::in_ci()) FAIL() << "pwsh (PowerShell 7) is required with CI=true"; \
      GTEST_SKIP() << "pwsh (PowerShell 7) is not installed: run scripts/setup.sh "             \
                      "(dotnet tool install --global PowerShell --version 7.6.9)";              \
    }                                                                                           \
  } while (0)
