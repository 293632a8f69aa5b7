#include "formats/solution.hpp"

#include <cstdint>
#include <optional>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxSolutionBytes = std::size_t{64} << 20;

// Reads `"..."` at pos (after optional blanks); advances pos past it.
std::optional<std::string_view> quoted(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '"') return std::nullopt;
  const std::size_t close = s.find('"', pos + 1);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view v = s.substr(pos + 1, close - pos - 1);
  pos = close + 1;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::string strip_guid(std::string_view g) {
  std::string t = to_lower(trim(g));
  if (!t.empty() && t.front() == '{') t.erase(0, 1);
  if (!t.empty() && t.back() == '}') t.pop_back();
  return t;
}

}  // namespace

Result<SolutionFacts> parse_solution(std::string_view text, const std::string& path) {
  if (text.size() > kMaxSolutionBytes) {
    return make_error(path + ": file too large for a solution (" + std::to_string(text.size()) +
                      " bytes, limit 64 MiB)");
  }
  std::string converted;
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xFF &&
      static_cast<unsigned char>(text[1]) == 0xFE) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    converted = utf16le_to_utf8(Bytes(bytes + 2, text.size() - 2));
    text = converted;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  SolutionFacts f;
  f.path = path;
  bool header = false;
  bool in_website = false;  // inside a Web Site project's Project ... EndProject
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.starts_with("Microsoft Visual Studio Solution File")) header = true;
    if (line.starts_with("EndProject") && !line.starts_with("EndProjectSection"))
      in_website = false;
    if (in_website && istarts_with(line, "TargetFrameworkMoniker")) {
      std::size_t pos = line.find('=');
      if (pos != std::string_view::npos) {
        ++pos;
        if (auto v = quoted(line, pos)) {
          std::string tfm(*v);
          // The .sln URL-encodes '=' in the moniker: "Version%3Dv4.5".
          for (auto at = tfm.find("%3D"); at != std::string::npos; at = tfm.find("%3D", at))
            tfm.replace(at, 3, "=");
          f.projects.back().target_framework = printable(tfm);
        }
      }
    }
    if (!line.starts_with("Project(")) continue;
    std::size_t pos = 8;
    const auto type = quoted(line, pos);
    if (!type || !expect(line, pos, ')') || !expect(line, pos, '=')) continue;
    const auto name = quoted(line, pos);
    if (!name || !expect(line, pos, ',')) continue;
    const auto rel = quoted(line, pos);
    if (!rel) continue;
    SolutionProject p;
    p.type_guid = strip_guid(*type);
    if (p.type_guid == kSolutionFolderGuid) continue;
    p.name = std::string(*name);
    p.path = to_forward_slashes(*rel);
    while (!p.path.empty() && p.path.back() == '/') p.path.pop_back();
    p.website = p.type_guid == kWebsiteGuid;
    in_website = p.website;
    f.projects.push_back(std::move(p));
  }
  if (!header && f.projects.empty()) {
    return make_error(path +
                      ": not a Visual Studio solution (no \"Microsoft Visual Studio Solution "
                      "File\" header and no Project lines)");
  }
  return f;
}

}  // namespace liftshift
