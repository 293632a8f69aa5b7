// Every project of the real-world corpus containerized as a user would
// (`liftshift containerize PROJECT -o OUT`), and the output checked the way
// every containerize output is (tests/artifact_check): every PowerShell
// snippet parses, every path of the project with a space is quoted where it
// appears, every COPY source is in the context, no password of the project's
// configs is in any file written.
#include <gtest/gtest.h>

#include <regex>

#include "artifact_check.hpp"
#include "realworld/realworld_support.hpp"
#include "test_support.hpp"

namespace liftshift::test {
namespace {

namespace fs = std::filesystem;

// Relative paths of the project's files and folders with a space in a name.
std::vector<std::string> spaced_paths(const fs::path& project) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(project)) {
    std::string name = e.path().filename().string();
    if (name.find(' ') != std::string::npos)
      out.push_back(fs::relative(e.path(), project).generic_string());
  }
  return out;
}

// The password values of the project's .config files (Password=... in a
// connection string, the value of an appSettings key naming a password).
std::vector<std::string> config_passwords(const fs::path& project) {
  static const std::regex pwd(R"((?:password|pwd)\s*=\s*([^;"'&\s]{4,}))", std::regex::icase);
  static const std::regex key(R"re(key="[^"]*(?:password|secret)[^"]*"\s+value="([^"]{4,})")re",
                              std::regex::icase);
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(project)) {
    if (!e.is_regular_file() || e.path().extension() != ".config") continue;
    std::string text = read_text(e.path());
    for (const auto* re : {&pwd, &key}) {
      for (std::sregex_iterator m(text.begin(), text.end(), *re), end; m != end; ++m)
        out.push_back((*m)[1].str());
    }
  }
  return out;
}

TEST(RealworldContainerize, EveryProjectsOutputPassesTheArtifactCheck) {
  std::size_t snippets = 0;
  bool checked = true;
  for (const auto& project : fs::directory_iterator(realworld_dir())) {
    if (!project.is_directory()) continue;
    SCOPED_TRACE(project.path().filename().string());
    TempDir out;
    auto r = run_liftshift({"containerize", project.path().string(), "-o", out.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto report = check_artifacts(out.path(),
                                  {config_passwords(project.path()), spaced_paths(project.path())});
    for (const auto& problem : report.problems) ADD_FAILURE() << problem;
    snippets += report.snippets.size();
    checked = checked && report.powershell_checked;
  }
  EXPECT_GT(snippets, 0u) << "no PowerShell snippet in the corpus' outputs";
  if (!checked) LIFTSHIFT_REQUIRE_PWSH();
}

}  // namespace
}  // namespace liftshift::test
