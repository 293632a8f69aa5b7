#include "formats/asp_file_writes.hpp"

#include <algorithm>
#include <array>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/source_lexer.hpp"

namespace liftshift {

namespace {

using source_lexer::is_blank;
using source_lexer::is_ident;
using source_lexer::word_at;

constexpr std::size_t kMaxHits = 1000;
constexpr std::size_t kMaxTag = 1000;  // a <script ...> tag longer than this is no tag of ours
constexpr std::size_t kMaxCall = 512;  // the argument list of one call
constexpr std::size_t kMaxText = 160;  // the call as evidence
constexpr char kFill = '~';            // a string literal's body in the code view

enum class Lang { kVbs, kJs };

bool js_name(std::string_view s) { return icontains(s, "jscript") || icontains(s, "javascript"); }

// The page's language: <%@ Language="JScript" %> before any other code, else VBScript.
Lang page_language(std::string_view text) {
  const std::size_t at = text.find("<%");
  if (at == std::string_view::npos) return Lang::kVbs;
  std::size_t i = at + 2;
  while (i < text.size() && is_blank(text[i])) ++i;
  if (i >= text.size() || text[i] != '@') return Lang::kVbs;
  const std::size_t end = text.find("%>", i);
  const std::string_view directive =
      text.substr(i, end == std::string_view::npos ? kMaxTag : std::min(end - i, kMaxTag));
  return icontains(directive, "language") && js_name(directive) ? Lang::kJs : Lang::kVbs;
}

// Builds the code view: the text with everything that is not server code
// blanked (HTML, comments, the <% %> delimiters), string literal bodies
// filled with kFill, newlines kept, so offsets and lines into it are offsets
// and lines into the text.
class CodeView {
 public:
  explicit CodeView(std::string_view text) : text_(text), out_(text.size(), ' ') {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') out_[i] = '\n';
    }
  }

  std::string build() {
    const Lang page = page_language(text_);
    std::size_t i = 0;
    while (i < text_.size()) {
      const std::size_t lt = text_.find('<', i);
      if (lt == std::string_view::npos) break;
      if (text_.substr(lt, 2) == "<%") {
        i = region(lt + 2, "%>", page);
        continue;
      }
      if (istarts_with(text_.substr(lt), "<script")) {
        const std::size_t gt = text_.find('>', lt);
        if (gt != std::string_view::npos && gt - lt <= kMaxTag) {
          const std::string_view tag = text_.substr(lt, gt - lt);
          if (icontains(tag, "runat") && icontains(tag, "server")) {
            const Lang lang =
                icontains(tag, "language") ? (js_name(tag) ? Lang::kJs : Lang::kVbs) : page;
            i = region(gt + 1, "</script", lang);
            continue;
          }
        }
      }
      i = lt + 1;
    }
    return std::move(out_);
  }

 private:
  bool end_at(std::size_t i, std::string_view marker) const {
    return istarts_with(text_.substr(i), marker);
  }

  // Skips a comment from `i` to the end of its line or of the region; the
  // newline and the marker are left to the caller.
  std::size_t line_comment(std::size_t i, std::string_view marker) const {
    while (i < text_.size() && text_[i] != '\n' && !end_at(i, marker)) ++i;
    return i;
  }

  // A string literal from its opening quote at `i`: VBScript doubles its
  // quote, JScript escapes with a backslash; it ends at its line's end (or
  // at the region's end, which ASP finds even inside a literal).
  std::size_t literal(std::size_t i, std::string_view marker, Lang lang) {
    const char quote = text_[i];
    out_[i++] = quote;
    while (i < text_.size() && text_[i] != '\n' && !end_at(i, marker)) {
      const char c = text_[i];
      if (lang == Lang::kJs && c == '\\' && i + 1 < text_.size() && text_[i + 1] != '\n') {
        out_[i] = out_[i + 1] = kFill;
        i += 2;
        continue;
      }
      if (c == quote) {
        if (lang == Lang::kVbs && i + 1 < text_.size() && text_[i + 1] == quote) {
          out_[i] = out_[i + 1] = kFill;
          i += 2;
          continue;
        }
        out_[i] = quote;
        return i + 1;
      }
      out_[i++] = kFill;
    }
    return i;
  }

  // Copies the code from `i` up to the region's end marker; returns the
  // offset after the marker (or the text's end).
  std::size_t region(std::size_t i, std::string_view marker, Lang lang) {
    bool statement_start = true;  // where VBScript's REM starts a comment
    while (i < text_.size()) {
      if (end_at(i, marker)) return i + marker.size();
      const char c = text_[i];
      if (c == '\n') {
        statement_start = true;
        ++i;
        continue;
      }
      if (lang == Lang::kVbs) {
        if (c == '"') {
          i = literal(i, marker, lang);
          statement_start = false;
          continue;
        }
        if (c == '\'' || (statement_start && word_at(text_, i, "rem", true))) {
          i = line_comment(i, marker);
          continue;
        }
        if (c == ':') {
          statement_start = true;
        } else if (!is_blank(c)) {
          statement_start = false;
        }
      } else {
        if (c == '"' || c == '\'') {
          i = literal(i, marker, lang);
          continue;
        }
        if (text_.substr(i, 2) == "//") {
          i = line_comment(i, marker);
          continue;
        }
        if (text_.substr(i, 2) == "/*") {
          i += 2;
          while (i < text_.size() && text_.substr(i, 2) != "*/" && !end_at(i, marker)) ++i;
          if (text_.substr(i, 2) == "*/") i += 2;
          continue;
        }
      }
      if (c != '\r') out_[i] = c;
      ++i;
    }
    return i;
  }

  std::string_view text_;
  std::string out_;
};

// What a method does, and which of its arguments is the I/O mode that makes
// it a write (-1: every call writes).
struct Method {
  std::string_view name;
  int mode_arg;
  std::string_view what;
};

constexpr std::array<Method, 8> kMethods = {{
    {"CreateTextFile", -1, "Scripting.FileSystemObject: creates a file"},
    {"OpenTextFile", 1, "Scripting.FileSystemObject: opens a file"},
    {"OpenAsTextStream", 0, "Scripting.FileSystemObject: opens a file"},
    {"CopyFile", -1, "Scripting.FileSystemObject: copies files into a folder"},
    {"MoveFile", -1, "Scripting.FileSystemObject: moves files into a folder"},
    {"CopyFolder", -1, "Scripting.FileSystemObject: copies a folder"},
    {"MoveFolder", -1, "Scripting.FileSystemObject: moves a folder"},
    {"CreateFolder", -1, "Scripting.FileSystemObject: creates a folder"},
}};
constexpr Method kSaveToFile = {"SaveToFile", -1, "ADODB.Stream: saves to a file"};

// The arguments of the call whose '(' is at code[open], each trimmed of
// blanks, newlines and VBScript's `_` continuations; `end` gets the offset
// after ')'. Empty when the list is not closed within kMaxCall.
std::vector<std::string_view> call_arguments(std::string_view code, std::size_t open,
                                             std::size_t& end) {
  std::vector<std::string_view> args;
  int depth = 0;
  std::size_t start = open + 1;
  auto add = [&](std::size_t to) {
    std::string_view a = code.substr(start, to - start);
    auto junk = [](char c) { return is_blank(c) || c == '\n' || c == '_'; };
    while (!a.empty() && junk(a.front())) a.remove_prefix(1);
    while (!a.empty() && junk(a.back())) a.remove_suffix(1);
    args.push_back(a);
  };
  for (std::size_t i = open; i < code.size() && i - open <= kMaxCall; ++i) {
    const char c = code[i];
    if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      add(i);
      end = i + 1;
      return args;
    } else if (c == ',' && depth == 1) {
      add(i);
      start = i + 1;
    }
  }
  return {};
}

// "writing" or "appending" for an I/O mode argument that says so, "" for
// reading (1, ForReading), a value it can't tell, or none.
std::string_view write_mode(std::string_view arg) {
  if (arg == "2" || iequals(arg, "ForWriting")) return "writing";
  if (arg == "8" || iequals(arg, "ForAppending")) return "appending";
  return {};
}

// The call as written, from the object before the dot: one line, masked, capped.
std::string call_text(std::string_view text, std::size_t dot, std::size_t end) {
  std::size_t start = dot;
  while (start > 0 && dot - start < 64 && (is_ident(text[start - 1]) || text[start - 1] == '.'))
    --start;
  if (text[start] == '.') ++start;  // `.Method` of a With block or of a call's result
  std::string out;
  for (char c : text.substr(start, end - start)) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
    if (out.size() >= kMaxText) break;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '_')) out.pop_back();
  return printable(mask_secret_text(out));
}

}  // namespace

std::vector<SourceHit> scan_asp_file_writes(std::string_view text, const std::string& path) {
  const std::string code = CodeView(text).build();
  std::vector<SourceHit> out;
  int line = 1;
  std::size_t counted = 0;  // code[0, counted) is in `line`'s count
  for (std::size_t dot = code.find('.'); dot != std::string::npos && out.size() < kMaxHits;
       dot = code.find('.', dot + 1)) {
    std::size_t name_end = dot + 1;
    while (name_end < code.size() && is_ident(code[name_end])) ++name_end;
    const std::string_view name = std::string_view(code).substr(dot + 1, name_end - dot - 1);
    const Method* method = nullptr;
    for (const auto& m : kMethods) {
      if (iequals(name, m.name)) method = &m;
    }
    if (iequals(name, kSaveToFile.name)) method = &kSaveToFile;
    if (method == nullptr) continue;
    std::size_t end = name_end;
    std::string what(method->what);
    std::size_t open = name_end;
    while (open < code.size() && is_blank(code[open])) ++open;
    if (method->mode_arg >= 0) {
      // Read mode is the default: only a mode that says write or append counts.
      if (open >= code.size() || code[open] != '(') continue;
      auto args = call_arguments(code, open, end);
      const auto at = static_cast<std::size_t>(method->mode_arg);
      const std::string_view mode = at < args.size() ? write_mode(args[at]) : std::string_view{};
      if (mode.empty()) continue;
      what += " for " + std::string(mode);
    } else if (open < code.size() && code[open] == '(') {
      call_arguments(code, open, end);
    } else {
      // VBScript's call without parentheses: its arguments run to the line's end.
      while (end < code.size() && code[end] != '\n' && code[end] != ':') ++end;
    }
    line += static_cast<int>(std::count(code.begin() + static_cast<std::ptrdiff_t>(counted),
                                        code.begin() + static_cast<std::ptrdiff_t>(dot), '\n'));
    counted = dot;
    out.push_back(
        {SourceCategory::kFileWrite, path, line, call_text(text, dot, end) + " (" + what + ")"});
  }
  return out;
}

}  // namespace liftshift
