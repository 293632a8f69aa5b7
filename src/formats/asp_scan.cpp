#include "formats/asp_scan.hpp"

#include <algorithm>
#include <cctype>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/asp_file_writes.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxHits = 1000;
constexpr std::size_t kMaxProgId = 128;
constexpr std::size_t kMaxLiteral = 2048;

bool prog_id_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
}

// The "..." literal starting at `at` (the opening quote), "" escapes resolved;
// npos end when it is not closed on the line.
std::string_view::size_type literal_end(std::string_view line, std::size_t at) {
  for (std::size_t i = at + 1; i < line.size(); ++i) {
    if (line[i] != '"') continue;
    if (i + 1 < line.size() && line[i + 1] == '"') {
      ++i;
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

std::string unescape(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    out.push_back(body[i]);
    if (body[i] == '"' && i + 1 < body.size() && body[i + 1] == '"') ++i;
  }
  return out;
}

bool connection_literal(std::string_view s) {
  return (icontains(s, "provider=") || icontains(s, "driver={") || istarts_with(s, "dsn=")) &&
         s.find(';') != std::string_view::npos;
}

bool comment_line(std::string_view line) {
  std::string_view t = line;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  if (!t.empty() && t.front() == '\'') return true;
  return istarts_with(t, "rem ") || istarts_with(t, "rem\t");
}

// The ProgID after `name(` or `name="` starting at `from`, "" when none.
std::string prog_id_at(std::string_view line, std::size_t from) {
  std::size_t i = from;
  auto skip_spaces = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_spaces();
  if (i < line.size() && (line[i] == '(' || line[i] == '=')) ++i;
  skip_spaces();
  if (i >= line.size() || (line[i] != '"' && line[i] != '\'')) return "";
  char quote = line[i++];
  std::size_t start = i;
  while (i < line.size() && prog_id_char(line[i]) && i - start <= kMaxProgId) ++i;
  if (i >= line.size() || line[i] != quote || i == start || i - start > kMaxProgId) return "";
  return std::string(line.substr(start, i - start));
}

// Every position after a case-insensitive occurrence of `token` in `line`.
template <typename F>
void each_after(std::string_view line, std::string_view token, F&& f) {
  std::string lower = to_lower(line);
  for (std::size_t at = lower.find(token); at != std::string::npos;
       at = lower.find(token, at + token.size())) {
    f(at + token.size());
  }
}

// `clsid:6B1E0C3A-...` after `classid=` (quoted): "{6B1E0C3A-...}", "" when none.
std::string classid_at(std::string_view line, std::size_t from) {
  std::size_t i = from;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '=')) ++i;
  if (i >= line.size() || (line[i] != '"' && line[i] != '\'')) return "";
  ++i;
  if (!istarts_with(line.substr(i), "clsid:")) return "";
  i += 6;
  std::string_view guid = line.substr(i, std::min<std::size_t>(38, line.size() - i));
  if (!guid.empty() && guid.front() == '{') guid = guid.substr(1);
  if (guid.size() < 36) return "";
  std::string out = "{";
  for (std::size_t k = 0; k < 36; ++k) {
    const char c = guid[k];
    const bool dash = k == 8 || k == 13 || k == 18 || k == 23;
    if (dash ? c != '-' : std::isxdigit(static_cast<unsigned char>(c)) == 0) return "";
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out + "}";
}

bool script_comment_line(std::string_view line) {
  std::string_view t = line;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  return t.starts_with("//") || comment_line(line);
}

// The scan of both: ProgIDs as `prog_ids` hits, CLSIDs of <object classid>
// as kComObject, and (pages only) connection strings.
std::vector<SourceHit> scan_com_text(std::string_view text, const std::string& path,
                                     SourceCategory prog_ids, bool page) {
  std::vector<SourceHit> out;
  auto add = [&](SourceCategory category, int line, std::string hit) {
    if (out.size() >= kMaxHits) return;
    for (const auto& h : out) {
      if (h.category == category && h.line == line && h.text == hit) return;
    }
    out.push_back({category, path, line, std::move(hit)});
  };
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size() && out.size() < kMaxHits) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    ++number;
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (line.empty() || (page ? comment_line(line) : script_comment_line(line))) continue;
    // VBScript's CreateObject, JScript's new ActiveXObject (WSH, JScript pages).
    for (std::string_view call : {"createobject", "activexobject"}) {
      each_after(line, call, [&](std::size_t after) {
        if (std::string id = prog_id_at(line, after); !id.empty())
          add(prog_ids, number, printable(id));
      });
    }
    // <object runat="server" id="conn" progid="ADODB.Connection"> (global.asa,
    // pages, .wsf), <object classid="clsid:...">.
    if (icontains(line, "<object")) {
      each_after(line, "progid", [&](std::size_t after) {
        if (std::string id = prog_id_at(line, after); !id.empty())
          add(prog_ids, number, printable(id));
      });
      each_after(line, "classid", [&](std::size_t after) {
        if (std::string id = classid_at(line, after); !id.empty())
          add(SourceCategory::kComObject, number, id);
      });
    }
    if (!page) continue;
    for (std::size_t q = line.find('"'); q != std::string_view::npos;) {
      std::size_t end = literal_end(line, q);
      if (end == std::string_view::npos) break;
      std::string_view body = line.substr(q + 1, end - q - 1);
      if (body.size() <= kMaxLiteral && connection_literal(body)) {
        std::string masked = mask_secret_text(unescape(body));
        if (masked.size() > 200) masked.resize(200);
        add(SourceCategory::kAspConnection, number, printable(masked));
      }
      q = line.find('"', end + 1);
    }
  }
  return out;
}

}  // namespace

std::vector<SourceHit> scan_asp(std::string_view text, const std::string& path) {
  std::vector<SourceHit> out = scan_com_text(text, path, SourceCategory::kAspComObject, true);
  for (auto& h : scan_asp_file_writes(text, path)) {
    if (out.size() >= kMaxHits) break;
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<SourceHit> scan_com_script(std::string_view text, const std::string& path) {
  return scan_com_text(text, path, SourceCategory::kComObject, false);
}

}  // namespace liftshift
