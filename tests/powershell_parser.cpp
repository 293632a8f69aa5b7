#include "powershell_parser.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift::test {

namespace fs = std::filesystem;

std::string find_pwsh() {
  if (const char* path = std::getenv("PATH")) {
    std::string dirs(path);
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / "pwsh";
      if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
  }
  if (const char* home = std::getenv("HOME")) {
    fs::path tool = fs::path(home) / ".dotnet" / "tools" / "pwsh";
    if (::access(tool.c_str(), X_OK) == 0) return tool.string();
  }
  return "";
}

std::optional<std::vector<PowerShellParse>> parse_powershell(
    const std::vector<std::string>& snippets) {
  std::string pwsh = find_pwsh();
  if (pwsh.empty()) return std::nullopt;
  std::vector<PowerShellParse> out;
  if (snippets.empty()) return out;
  TempDir tmp;
  fs::path in = tmp.path() / "snippets.json";
  fs::path result = tmp.path() / "parsed.json";
  // Invalid UTF-8 would not survive JSON: the snippets are text we emitted.
  std::ofstream(in, std::ios::binary)
      << nlohmann::json(snippets).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  ChildOptions options;
  options.timeout_seconds = 300;
  // No telemetry or update check: the tests run offline.
  options.env = {"POWERSHELL_TELEMETRY_OPTOUT=1", "POWERSHELL_UPDATECHECK=Off",
                 "DOTNET_CLI_TELEMETRY_OPTOUT=1"};
  auto r = run_child({pwsh, "-NoProfile", "-NonInteractive", "-File",
                      (source_dir() / "tests" / "tools" / "parse_powershell.ps1").string(), "-In",
                      in.string(), "-Out", result.string()},
                     options);
  EXPECT_EQ(r.status(), 0) << "pwsh failed: " << r.describe() << "\n" << r.out << r.err;
  if (r.status() != 0 || !fs::exists(result)) return out;
  auto parsed = nlohmann::json::parse(read_text(result), nullptr, false);
  EXPECT_TRUE(parsed.is_array()) << read_text(result);
  if (!parsed.is_array()) return out;
  for (const auto& p : parsed) {
    PowerShellParse one;
    for (const auto& e : p.value("errors", nlohmann::json::array()))
      one.errors.push_back(e.get<std::string>());
    one.statements = p.value("statements", 0);
    for (const auto& w : p.value("command_words", nlohmann::json::array()))
      one.command_words.push_back(w.get<int>());
    out.push_back(std::move(one));
  }
  EXPECT_EQ(out.size(), snippets.size()) << "pwsh answered for a different number of snippets";
  return out;
}

}  // namespace liftshift::test
