// The check run on every containerize output in the tests (issue 12, "Proof,
// on Linux"): every emitted PowerShell snippet parses (PowerShell's own
// parser), every Dockerfile instruction is well formed, every path with a
// space is quoted, every COPY/ADD source exists in the build context, every
// YAML file loads, and no secret value of the input is in any file written.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "powershell_parser.hpp"

namespace liftshift::test {

// A PowerShell snippet found in the output: a RUN line (continuations
// joined) or shell-form ENTRYPOINT/CMD under a powershell SHELL, a
// ```powershell block of a Markdown file, a .ps1 file, or the -Command of a
// powershell command in a YAML manifest.
struct PowerShellSnippet {
  std::string file;  // relative to the output folder
  int line = 0;      // where it starts
  std::string text;
};

struct ArtifactCheckOptions {
  std::vector<std::string> secrets;       // values that must appear in no file
  std::vector<std::string> spaced_paths;  // input paths with spaces: quoted wherever they appear
};

struct ArtifactReport {
  std::vector<std::string> problems;  // one line each; empty when all is well
  std::vector<PowerShellSnippet> snippets;
  std::vector<PowerShellParse> parses;      // one per snippet when powershell_checked
  bool powershell_checked = false;          // false: pwsh is missing
  std::map<std::string, int> instructions;  // Dockerfile (relative path) -> instruction count
};

// Dockerfile instructions, comments and blank lines left out, continuation
// lines joined (the escape character from `# escape=`, else `\`).
struct DockerInstruction {
  int line = 0;
  std::string keyword;  // upper case
  std::string args;
};
std::vector<DockerInstruction> dockerfile_instructions(const std::string& text);

// Everything above over every file under `out`.
ArtifactReport check_artifacts(const std::filesystem::path& out,
                               const ArtifactCheckOptions& options = {});

}  // namespace liftshift::test

// The check in a test: fails on each problem, then skips (or fails under
// CI=true) when pwsh was missing so the PowerShell part did not run.
#define LIFTSHIFT_EXPECT_ARTIFACTS_OK(report)                                 \
  do {                                                                        \
    for (const auto& problem_ : (report).problems) ADD_FAILURE() << problem_; \
    if (!(report).powershell_checked) LIFTSHIFT_REQUIRE_PWSH();               \
  } while (0)
