// Lexing of C# and Visual Basic source text for the scans in formats/:
// comments are skipped, string literals read with their escapes resolved, and
// the code is kept with comments and literals blanked, so offsets into it are
// offsets into the text. It is not a parser: linear, and it never fails.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace liftshift::source_lexer {

inline bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether the identifier word stands at code[i] (identifier boundaries on
// both sides); VB compares without case.
inline bool word_at(std::string_view code, std::size_t i, std::string_view word, bool nocase) {
  if (i + word.size() > code.size() || (i > 0 && is_ident(code[i - 1]))) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (nocase ? lower(code[i + k]) != lower(word[k]) : code[i + k] != word[k]) return false;
  }
  return i + word.size() == code.size() || !is_ident(code[i + word.size()]);
}

// A member access without its `this.` / `base.` (VB `Me.`, `MyBase.`,
// `MyClass.`): "this.Name" -> "Name".
inline std::string drop_self(std::string_view chain, bool vb) {
  for (std::string_view self : {"this", "base", "Me", "MyBase", "MyClass"}) {
    if (chain.size() > self.size() + 1 && chain[self.size()] == '.' &&
        word_at(chain.substr(0, self.size()), 0, self, vb))
      return std::string(chain.substr(self.size() + 1));
  }
  return std::string(chain);
}

// Whether the identifier `name` ends at code[k] (an identifier boundary
// before it).
inline bool word_ends_at(std::string_view code, std::size_t k, std::string_view name, bool nocase) {
  if (k < name.size()) return false;
  const std::size_t start = k - name.size();
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = code[start + i];
    if (nocase ? lower(c) != lower(name[i]) : c != name[i]) return false;
  }
  return start == 0 || !is_ident(code[start - 1]);
}

// The literal at pos follows `mark` ('(' or '='), blanks around it, right
// after the identifier `name`: the first argument of a call, or the value
// assigned to a property or named argument (VB's ":=" too).
inline bool literal_after(std::string_view code, std::size_t pos, char mark, std::string_view name,
                          bool nocase) {
  std::size_t k = pos;
  while (k > 0 && is_blank(code[k - 1])) --k;
  if (k == 0 || code[k - 1] != mark) return false;
  --k;
  if (mark == '=' && k > 0 && code[k - 1] == ':') --k;
  while (k > 0 && is_blank(code[k - 1])) --k;
  return word_ends_at(code, k, name, nocase);
}

// The next identifier at or after i ("" at the end), with i moved past it.
inline std::string_view next_word(std::string_view code, std::size_t& i) {
  while (i < code.size() && !is_ident(code[i])) ++i;
  const std::size_t start = i;
  while (i < code.size() && is_ident(code[i])) ++i;
  return code.substr(start, i - start);
}

inline std::size_t skip_blanks(std::string_view code, std::size_t k) {
  while (k < code.size() && is_blank(code[k])) ++k;
  return k;
}

inline constexpr std::size_t kMaxLiteral = std::size_t{64} << 10;  // literal bytes kept

struct Literal {
  std::size_t pos = 0;  // offset of the literal's first character (prefix or quote)
  int line = 0;
  std::string value;  // escapes resolved (C# regular strings), capped at kMaxLiteral
};

struct Lexed {
  std::string code;  // the text with comments and literals blanked (newlines kept)
  // Literals that directly follow '(' (blanks between): the candidate first
  // arguments of calls, in text order. Capped: see kMaxArgLiterals.
  std::vector<Literal> args;
  // Literals that directly follow a single '=' (an assignment): candidate
  // property values such as ServiceName = "...". Capped like args.
  std::vector<Literal> assigned;
};

inline constexpr std::size_t kMaxArgLiterals = 200000;
inline constexpr std::size_t kMaxLookback = 256;  // blanks searched between '(' and a literal

using LiteralSink = std::function<void(const Literal&)>;

// Lexes one file: ".vb" rules when vb (comments ' and REM, "" escapes), C#
// otherwise (// and /* */ comments; regular, verbatim, interpolated and raw
// strings). Every literal is handed to sink (when given) in text order.
Lexed lex(std::string_view text, bool vb, const LiteralSink& sink = {});

}  // namespace liftshift::source_lexer
