#include "formats/native_source_scan.hpp"

#include <array>
#include <set>
#include <utility>

#include "formats/source_lexer.hpp"

namespace liftshift {

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct Token {
  std::string_view name;
  SourceCategory category;
};

// Names as the Windows headers spell them; the A/W variants are matched by
// prefix (CreateWindowExW, StartServiceCtrlDispatcherA).
constexpr std::array<Token, 12> kTokens{{
    {"main", SourceCategory::kEntryMain},
    {"wmain", SourceCategory::kEntryMain},
    {"_tmain", SourceCategory::kEntryMain},
    {"WinMain", SourceCategory::kEntryMain},
    {"wWinMain", SourceCategory::kEntryMain},
    {"_tWinMain", SourceCategory::kEntryMain},
    {"StartServiceCtrlDispatcher", SourceCategory::kEntryService},
    {"CreateWindowEx", SourceCategory::kEntryGui},
    {"CreateWindow", SourceCategory::kEntryGui},
    {"DialogBoxParam", SourceCategory::kEntryGui},
    {"DialogBox", SourceCategory::kEntryGui},
    {"GetMessage", SourceCategory::kEntryGui},
}};

// The identifier at `at` is the token, or it with an A/W suffix.
bool is_token(std::string_view word, std::string_view token, SourceCategory category) {
  if (word == token) return true;
  // Entry functions are exact; Win32 calls take their A/W variant.
  return category != SourceCategory::kEntryMain && word.size() == token.size() + 1 &&
         word.substr(0, token.size()) == token && (word.back() == 'A' || word.back() == 'W');
}

}  // namespace

std::vector<SourceHit> scan_native_source(std::string_view text, const std::string& path) {
  if (text.size() > kMaxNativeSourceBytes) text = text.substr(0, kMaxNativeSourceBytes);
  // C's comments and literals are C#'s: the shared lexer blanks them (a
  // digit separator, 1'000, is no character literal there either).
  const std::string code = source_lexer::lex(text, false).code;
  std::vector<SourceHit> out;
  std::set<std::string_view> seen;
  int line = 1;
  for (std::size_t i = 0; i < code.size();) {
    if (code[i] == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (!ident_char(code[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < code.size() && ident_char(code[e])) ++e;
    const std::string_view word = std::string_view(code).substr(i, e - i);
    // A call or declaration: the name is followed by '(' (blanks between).
    std::size_t k = e;
    while (k < code.size() && (code[k] == ' ' || code[k] == '\t' || code[k] == '\r')) ++k;
    const bool called = k < code.size() && code[k] == '(';
    // A member (obj.main(), p->GetMessage()) is not the Windows function.
    const bool member =
        i > 0 && (code[i - 1] == '.' || (i > 1 && code[i - 1] == '>' && code[i - 2] == '-'));
    if (called && !member) {
      for (const Token& t : kTokens) {
        if (!is_token(word, t.name, t.category) || !seen.insert(t.name).second) continue;
        out.push_back({t.category, path, line, std::string(word)});
        break;
      }
    }
    i = e;
  }
  return out;
}

}  // namespace liftshift
