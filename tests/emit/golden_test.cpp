// Golden files for every artifact of the sample's applications, from the
// published folders and from the source tree. Regenerate them with
//   LIFTSHIFT_UPDATE_GOLDEN=1 ctest -R ContainerizeGolden
// (then review the diff). The sample's path is replaced by SAMPLE.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "artifact_check.hpp"
#include "emit/kustomize.hpp"
#include "emit/validators.hpp"
#include "hostile_support.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// The build contexts (APP/app/, APP/src/, APP/vdir/...) are copies of the
// input, checked by tests/context; the golden files are what liftshift writes.
bool in_build_context(const fs::path& rel) {
  auto it = rel.begin();
  if (it == rel.end() || ++it == rel.end()) return false;
  auto top = it->string();
  return std::next(it) != rel.end() &&
         (top == "app" || top == "src" || top == "vdir" || top == "seed");
}

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    fs::path rel = fs::relative(e.path(), root);
    if (e.is_regular_file() && !in_build_context(rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_golden(const std::string& name, const fs::path& sample,
                  const std::vector<std::string>& extra) {
  test::TempDir tmp;
  fs::path out = tmp.path() / "out";
  std::vector<std::string> args{"containerize", sample.string(), "-o", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = test::run_liftshift(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto v = test::run_validators({out});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  // The check every containerize output passes (PowerShell parses, paths
  // quoted, COPY sources present, no planted secret).
  auto report = test::check_artifacts(out, {test::planted_secrets(), {}});
  for (const auto& problem : report.problems) ADD_FAILURE() << problem;
  EXPECT_FALSE(report.snippets.empty()) << "no PowerShell snippet found in " << name;
  // Every Kustomize overlay renders, and what it gives passes the validators.
  bool overlays_written = false;
  for (const auto& e : fs::recursive_directory_iterator(out))
    overlays_written = overlays_written || e.path().filename() == "overlays";
  if (overlays_written && test::kustomize_available()) {
    auto overlays = test::render_overlays(out, tmp.path() / "rendered");
    EXPECT_FALSE(overlays.empty());
    for (const auto& o : overlays)
      EXPECT_EQ(o.result.exit_code, 0) << o.overlay << ": " << o.result.err;
    auto rendered = test::run_validators_on_rendered({tmp.path() / "rendered"});
    EXPECT_EQ(rendered.exit_code, 0) << rendered.out;
  }

  fs::path golden = test::source_dir() / "tests" / "golden" / name;
  const char* update = std::getenv("LIFTSHIFT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::remove_all(golden);
    for (const auto& rel : files_under(out)) {
      fs::create_directories((golden / rel).parent_path());
      std::ofstream(golden / rel, std::ios::binary)
          << replace_all(test::read_text(out / rel), sample.string(), "SAMPLE");
    }
    GTEST_SKIP() << "golden files written to " << golden;
  }
  auto produced = files_under(out);
  ASSERT_EQ(produced, files_under(golden))
      << "the set of files differs; LIFTSHIFT_UPDATE_GOLDEN=1 regenerates";
  for (const auto& rel : produced) {
    EXPECT_EQ(replace_all(test::read_text(out / rel), sample.string(), "SAMPLE"),
              test::read_text(golden / rel))
        << rel << " differs from tests/golden/" << name
        << "; LIFTSHIFT_UPDATE_GOLDEN=1 regenerates";
  }
  if (!report.powershell_checked) LIFTSHIFT_REQUIRE_PWSH();
  if (overlays_written) LIFTSHIFT_REQUIRE_KUSTOMIZE();
}

TEST(ContainerizeGolden, PublishedSampleForKubernetes) {
  check_golden("published-kubernetes", test::fixtures() / "sample" / "published", {});
}

TEST(ContainerizeGolden, ServerSystemDriveForKubernetesOn2019) {
  check_golden("server-kubernetes", test::fixtures() / "servers" / "appsrv01",
               {"--windows-version", "ltsc2019"});
}

TEST(ContainerizeGolden, SourceTreeForSwarmWithHyperVOn2025) {
  check_golden("source-swarm", test::source_dir() / "samples" / "legacy-apps",
               {"--orchestrator", "swarm", "--isolation", "hyperv", "--windows-version", "ltsc2025",
                "--registry", "contoso.azurecr.io/legacy"});
}

}  // namespace
}  // namespace liftshift
