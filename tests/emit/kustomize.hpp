// Renders the Kustomize overlays liftshift writes (APP/k8s/overlays/ENV)
// with `kubectl kustomize`, which needs no cluster. Only a kubectl whose
// Kustomize is v4 or later reads them: Debian 12's kubernetes-client (kubectl
// 1.20, Kustomize v2.0.3) reads neither a folder in `resources` nor
// `patches:` (checked), so scripts/setup.sh does not install it.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "powershell_parser.hpp"
#include "test_support.hpp"

namespace liftshift::test {

// True when `kubectl` is on PATH and its Kustomize is v4 or later.
inline bool kustomize_available() {
  static const bool available = [] {
    auto r = run_child({"kubectl", "version", "--client"}, {.merge_output = true});
    std::smatch m;
    static const std::regex version("Kustomize Version: v([0-9]+)\\.");
    return r.exit_code == 0 && std::regex_search(r.out, m, version) && std::stoi(m[1]) >= 4;
  }();
  return available;
}

struct RenderedOverlay {
  std::filesystem::path overlay;   // OUT/APP/k8s/overlays/ENV
  std::filesystem::path rendered;  // where its objects were written
  ChildResult result;
};

// Every overlay under `out`, rendered into rendered_root/APP/k8s/ENV.yaml
// (a k8s/ folder, so the validators read the file as Kubernetes objects).
inline std::vector<RenderedOverlay> render_overlays(const std::filesystem::path& out,
                                                    const std::filesystem::path& rendered_root) {
  namespace fs = std::filesystem;
  std::vector<RenderedOverlay> all;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_directory() || e.path().parent_path().filename() != "overlays" ||
        e.path().parent_path().parent_path().filename() != "k8s")
      continue;
    fs::path app = fs::relative(e.path().parent_path().parent_path().parent_path(), out);
    RenderedOverlay r{e.path(),
                      rendered_root / app / "k8s" / (e.path().filename().string() + ".yaml"),
                      run_child({"kubectl", "kustomize", e.path().string()})};
    fs::create_directories(r.rendered.parent_path());
    std::ofstream(r.rendered, std::ios::binary) << r.result.out;
    all.push_back(std::move(r));
  }
  std::sort(all.begin(), all.end(),
            [](const auto& a, const auto& b) { return a.overlay < b.overlay; });
  return all;
}

}  // namespace liftshift::test

// In a test that renders overlays: skips with a clear message when no
// suitable kubectl is there, fails instead under CI=true.
#define LIFTSHIFT_REQUIRE_KUSTOMIZE()                                                       \
  do {                                                                                      \
    if (!::liftshift::test::kustomize_available()) {                                        \
      if (::liftshift::test::in_ci())                                                       \
        FAIL() << "kubectl with Kustomize v4 or later is required with CI=true";            \
      GTEST_SKIP() << "kubectl with Kustomize v4 or later is not on PATH (Debian 12's "     \
                      "kubernetes-client 1.20 is too old): install kubectl from the "       \
                      "Kubernetes packages (pkgs.k8s.io) to render the Kustomize overlays"; \
    }                                                                                       \
  } while (0)
