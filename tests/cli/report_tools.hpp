// Runs the external tools the report tests check outputs with: node scripts
// under tools/validators (playwright-core + Debian's chromium) and the SARIF
// Multitool shipped by npm @microsoft/sarif-multitool-linux. Installed by
// scripts/setup.sh; a missing install fails the test rather than skipping it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift::test {

inline std::filesystem::path validators_dir() { return source_dir() / "tools" / "validators"; }

// Where the browser test leaves its screenshots and PDFs: build/test-artifacts.
inline std::filesystem::path test_artifacts() {
  return fixtures().parent_path() / "test-artifacts";
}

// node html_check.js HTML JSON OUT_DIR NAME; its stdout and stderr in out.
inline ChildResult check_html_in_chromium(const std::filesystem::path& html,
                                          const std::filesystem::path& json,
                                          const std::string& name) {
  return run_child({"node", (validators_dir() / "html_check.js").string(), html.string(),
                    json.string(), test_artifacts().string(), name},
                   {.merge_output = true});
}

// Links each source into a folder under `dir` whose name is long and has no
// place to break, and returns the linked paths. Reports then carry paths at
// least as long as a CI checkout's, so the phone-width check cannot pass just
// because this checkout's path happens to be short.
inline std::vector<std::string> behind_a_long_path(const TempDir& dir,
                                                   const std::vector<std::string>& sources) {
  std::filesystem::path folder =
      dir.path() / ("ci-workspace-" + std::string(72, 'x') + "-checkout_of_liftshift");
  std::filesystem::create_directories(folder);
  std::vector<std::string> linked;
  for (const auto& s : sources) {
    std::filesystem::path link = folder / std::filesystem::path(s).filename();
    std::filesystem::create_symlink(s, link);
    linked.push_back(link.string());
  }
  return linked;
}

inline std::filesystem::path sarif_multitool() {
  return validators_dir() / "node_modules" / "@microsoft" / "sarif-multitool-linux" /
         "Sarif.Multitool";
}

}  // namespace liftshift::test
