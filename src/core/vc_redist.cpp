#include "core/vc_redist.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace liftshift {

namespace {

// Runtime DLL families and the version digits in their names: msvcr120,
// msvcp140_1, mfc140u, mfcm120, vcomp110, concrt140, vccorlib140...
constexpr std::array<std::string_view, 9> kFamilies = {
    "vcruntime", "msvcr", "msvcp", "mfcm", "mfc", "vcomp", "concrt", "vccorlib", "vcamp"};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kReleases = {{
    {"140", "2015-2022"},
    {"120", "2013"},
    {"110", "2012"},
    {"100", "2010"},
    {"90", "2008"},
    {"80", "2005"},
}};

}  // namespace

std::optional<VcRedist> vc_redist_for_dll(std::string_view dll) {
  std::string name = to_lower(dll);
  if (!iends_with(name, ".dll")) return std::nullopt;
  name.resize(name.size() - 4);
  for (std::string_view family : kFamilies) {
    if (name.rfind(family, 0) != 0) continue;
    std::string_view rest = std::string_view(name).substr(family.size());
    for (const auto& [digits, release] : kReleases) {
      if (rest.rfind(digits, 0) != 0) continue;
      std::string_view tail = rest.substr(digits.size());
      // vcruntime140_app.dll, msvcp120_app.dll: Store apps, carried by their package.
      if (tail.find("_app") != std::string_view::npos) return std::nullopt;
      // "u": MFC's Unicode build (mfc140u); "d": a debug runtime (msvcr120d,
      // mfc140ud, msvcp140d_atomic_wait); "_1", "_atomic_wait": the 2019+
      // additions to a release.
      if (!tail.empty() && tail.front() == 'u') tail.remove_prefix(1);
      bool debug = !tail.empty() && tail.front() == 'd';
      if (debug) tail.remove_prefix(1);
      if (!tail.empty() && tail.front() != '_') return std::nullopt;
      return VcRedist{std::string(release), debug};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> vc_release_for_toolset(std::string_view toolset) {
  const std::string t = to_lower(toolset);
  if (t == "clangcl" || t == "llvm") return "2015-2022";
  if (t.size() < 3 || t[0] != 'v') return std::nullopt;
  std::string digits;
  for (std::size_t i = 1; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) digits.push_back(t[i]);
  if (digits.size() == 3 && digits.rfind("14", 0) == 0) return "2015-2022";
  for (const auto& [d, release] : kReleases) {
    if (digits == d) return std::string(release);
  }
  return std::nullopt;
}

std::string vc_redist_installer(std::string_view release, std::string_view arch) {
  if (release == "2015-2022") return "vc_redist." + std::string(arch) + ".exe";
  return "vcredist_" + std::string(arch) + ".exe";
}

std::string vc_redist_arguments(std::string_view release) {
  if (release == "2005" || release == "2008") return "/q";
  if (release == "2010") return "/q /norestart";
  return "/install /quiet /norestart";
}

}  // namespace liftshift
