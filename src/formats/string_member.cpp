#include "formats/string_member.hpp"

#include <algorithm>
#include <cstddef>

namespace liftshift {

namespace {

using source_lexer::drop_self;
using source_lexer::is_blank;
using source_lexer::is_ident;
using source_lexer::Literal;
using source_lexer::lower;
using source_lexer::word_at;

constexpr std::size_t kMaxExpression = 2048;  // bytes of a definition read
constexpr std::size_t kMaxTerms = 8;
constexpr std::size_t kMaxText = 256;  // bytes of an identifier or literal kept

bool is_space(char c) { return is_blank(c) || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view code, std::size_t k) {
  while (k < code.size() && is_space(code[k])) ++k;
  return k;
}

// [from, to) without the white space around it.
void trim(std::string_view code, std::size_t& from, std::size_t& to) {
  while (from < to && is_space(code[from])) ++from;
  while (to > from && is_space(code[to - 1])) --to;
}

// The identifier that ends right before k (white space skipped).
std::string_view word_before(std::string_view code, std::size_t k) {
  while (k > 0 && is_space(code[k - 1])) --k;
  const std::size_t end = k;
  while (k > 0 && is_ident(code[k - 1])) --k;
  return code.substr(k, end - k);
}

bool is_chain(std::string_view s) {
  if (s.empty() || s.size() > kMaxText || s.front() == '.' || s.back() == '.' ||
      (s.front() >= '0' && s.front() <= '9'))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_ident(c) || c == '.'; });
}

// The offset of the first top-level `sep` in [from, to) (outside brackets),
// or npos.
std::size_t find_top(std::string_view code, std::size_t from, std::size_t to,
                     std::string_view sep) {
  int depth = 0;
  for (std::size_t k = from; k < to; ++k) {
    const char c = code[k];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth == 0 && code.compare(k, sep.size(), sep) == 0) return k;
  }
  return std::string_view::npos;
}

// The end of a C# statement starting at k (its ';' at depth 0), or of a VB
// line; npos when it runs past kMaxExpression or out of its block.
std::size_t statement_end(std::string_view code, std::size_t k, bool vb) {
  const std::size_t limit = std::min(code.size(), k + kMaxExpression);
  int depth = 0;
  for (std::size_t e = k; e < limit; ++e) {
    const char c = code[e];
    if (vb && (c == '\n' || c == '\r')) return e;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return vb ? e : std::string_view::npos;
    }
    if (!vb && c == ';' && depth == 0) return e;
  }
  return vb && limit == code.size() ? limit : std::string_view::npos;
}

// The bracket matching the one at open, or npos.
std::size_t matching(std::string_view code, std::size_t open) {
  const char o = code[open];
  const char c = o == '(' ? ')' : o == '[' ? ']' : '}';
  int depth = 0;
  const std::size_t limit = std::min(code.size(), open + 16 * kMaxExpression);
  for (std::size_t k = open; k < limit; ++k) {
    if (code[k] == o) ++depth;
    if (code[k] == c && --depth == 0) return k;
  }
  return std::string_view::npos;
}

class TermParser {
 public:
  explicit TermParser(const LexedSource& f) : f_(f), code_(f.lexed.code) {}

  // [from, to) as concatenated terms; false when a term has another shape.
  bool parse(std::size_t from, std::size_t to, std::vector<StringTerm>& out) const {
    const std::string_view plus = "+";
    std::size_t k = from;
    while (k <= to) {
      std::size_t cut = find_top(code_, k, to, plus);
      if (f_.vb) cut = std::min(cut, find_top(code_, k, to, "&"));
      const std::size_t end = cut == std::string_view::npos ? to : cut;
      StringTerm term;
      if (out.size() == kMaxTerms || !parse_term(k, end, term)) return false;
      out.push_back(std::move(term));
      if (cut == std::string_view::npos) break;
      k = cut + 1;
    }
    return !out.empty();
  }

 private:
  bool operand(std::size_t from, std::size_t to, StringOperand& out) const {
    std::size_t a = from;
    std::size_t b = to;
    trim(code_, a, b);
    if (a == b) {
      // Only blanks: a literal was there (they are blanked in the code).
      auto it = std::lower_bound(f_.literals.begin(), f_.literals.end(), from,
                                 [](const Literal& l, std::size_t p) { return l.pos < p; });
      if (it == f_.literals.end() || it->pos >= to || it->value.size() > kMaxText) return false;
      auto next = it + 1;
      if (next != f_.literals.end() && next->pos < to) return false;  // two literals
      out = {true, it->value};
      return true;
    }
    const std::string_view s = code_.substr(a, b - a);
    if (!is_chain(s)) return false;
    out = {false, drop_self(s, f_.vb)};
    return true;
  }

  // AppSettings["key"], AppSettings("key") in VB, AppSettings.Get("key").
  bool setting(std::size_t from, std::size_t to, StringOperand& key) const {
    trim(code_, from, to);
    const std::size_t open = std::min(code_.find('[', from), code_.find('(', from));
    if (open >= to || matching(code_, open) != to - 1) return false;
    std::string_view head = code_.substr(from, open - from);
    while (!head.empty() && is_blank(head.back())) head.remove_suffix(1);
    if (head.size() >= 4 && head.substr(head.size() - 4) == ".Get") head.remove_suffix(4);
    const std::string_view last = head.substr(head.rfind('.') + 1);
    if (!is_chain(head) || !word_at(last, 0, "AppSettings", f_.vb)) return false;
    return operand(open + 1, to - 1, key) && key.literal;
  }

  // The arguments of a call filling [from, to): "Name(a, b)".
  bool call(std::size_t from, std::size_t to, std::string_view& name,
            std::vector<std::pair<std::size_t, std::size_t>>& args) const {
    trim(code_, from, to);
    const std::size_t open = code_.find('(', from);
    if (open >= to || matching(code_, open) != to - 1) return false;
    std::size_t a = from;
    std::size_t b = open;
    trim(code_, a, b);
    name = code_.substr(a, b - a);
    if (!is_chain(name)) return false;
    std::size_t k = open + 1;
    while (k < to - 1) {
      const std::size_t comma = find_top(code_, k, to - 1, ",");
      const std::size_t end = comma == std::string_view::npos ? to - 1 : comma;
      args.emplace_back(k, end);
      if (comma == std::string_view::npos) break;
      k = comma + 1;
    }
    return true;
  }

  bool parse_term(std::size_t from, std::size_t to, StringTerm& out) const {
    // C#'s `configured ?? fallback`.
    if (!f_.vb) {
      if (const std::size_t q = find_top(code_, from, to, "??"); q != std::string_view::npos) {
        out.kind = StringTerm::Kind::kDefaulted;
        return configured_key(from, q, out.key) && operand(q + 2, to, out.value);
      }
    }
    if (operand(from, to, out.value)) return true;
    if (setting(from, to, out.key)) {
      out.kind = StringTerm::Kind::kSetting;
      return true;
    }
    std::string_view name;
    std::vector<std::pair<std::size_t, std::size_t>> args;
    if (!call(from, to, name, args) || args.size() != 2) return false;
    const std::string_view last = name.substr(name.rfind('.') + 1);
    // VB's If(configured, fallback), and helpers such as
    // GetConfigurationOrDefault(key, fallback).
    const bool vb_if = f_.vb && word_at(last, 0, "If", true) && last.size() == 2;
    std::string folded;
    for (char c : last) folded += lower(c);
    if (!vb_if && folded.find("default") == std::string::npos) return false;
    out.kind = StringTerm::Kind::kDefaulted;
    if (vb_if)
      return configured_key(args[0].first, args[0].second, out.key) &&
             operand(args[1].first, args[1].second, out.value);
    return operand(args[0].first, args[0].second, out.key) &&
           operand(args[1].first, args[1].second, out.value);
  }

  // What names the configured value on the left of ?? (or in VB's If): an
  // AppSettings key, or a call's first argument (GetEnvironmentVariable("X")).
  bool configured_key(std::size_t from, std::size_t to, StringOperand& key) const {
    if (setting(from, to, key)) return true;
    std::string_view name;
    std::vector<std::pair<std::size_t, std::size_t>> args;
    return call(from, to, name, args) && !args.empty() &&
           operand(args[0].first, args[0].second, key);
  }

  const LexedSource& f_;
  std::string_view code_;
};

int line_of(std::string_view code, std::size_t pos) {
  return 1 +
         static_cast<int>(std::count(code.begin(), code.begin() + static_cast<long>(pos), '\n'));
}

// C#: `string member = expr;`, `string member => expr;`, `string member {
// get { return expr; } }`, `string member { get => expr; }`, `string member
// { get; } = expr;`. The expression's range, or false.
bool cs_definition(std::string_view code, std::size_t i, std::size_t size, std::size_t& from,
                   std::size_t& to) {
  const std::string_view type = word_before(code, i);
  if (type != "string" && type != "String") return false;
  std::size_t k = skip_space(code, i + size);
  if (k >= code.size()) return false;
  auto expression = [&](std::size_t start) {
    from = start;
    to = statement_end(code, start, false);
    return to != std::string_view::npos;
  };
  if (code[k] == '=') {
    if (code.compare(k, 2, "==") == 0) return false;
    return expression(k + (code.compare(k, 2, "=>") == 0 ? 2 : 1));
  }
  if (code[k] != '{') return false;
  const std::size_t close = matching(code, k);
  if (close == std::string_view::npos) return false;
  for (std::size_t g = k + 1; g < close; ++g) {
    if (!word_at(code, g, "get", false)) continue;
    std::size_t a = skip_space(code, g + 3);
    if (code.compare(a, 2, "=>") == 0) return expression(a + 2);
    if (a < close && code[a] == ';') {  // an auto-property's initializer
      const std::size_t eq = skip_space(code, close + 1);
      return eq < code.size() && code[eq] == '=' && expression(eq + 1);
    }
    if (a >= close || code[a] != '{') return false;
    const std::size_t body_end = matching(code, a);
    for (std::size_t r = a; r < body_end && r != std::string_view::npos; ++r) {
      if (word_at(code, r, "return", false)) return expression(r + 6);
    }
    return false;
  }
  return false;
}

// VB: `Const member As String = expr`, `Shared member As String = expr`,
// `Property member() As String ... Get ... Return expr`.
bool vb_definition(std::string_view code, std::size_t i, std::size_t size, std::size_t& from,
                   std::size_t& to) {
  std::size_t k = source_lexer::skip_blanks(code, i + size);
  if (code.compare(k, 2, "()") == 0) k = source_lexer::skip_blanks(code, k + 2);
  if (!word_at(code, k, "As", true)) return false;
  k = source_lexer::skip_blanks(code, k + 2);
  if (!word_at(code, k, "String", true)) return false;
  k = source_lexer::skip_blanks(code, k + 6);
  if (k < code.size() && code[k] == '=') {
    from = k + 1;
    to = statement_end(code, from, true);
    return to != std::string_view::npos;
  }
  const std::size_t limit = std::min(code.size(), k + 8 * kMaxExpression);
  for (std::size_t r = k; r < limit; ++r) {
    if (word_at(code, r, "End", true) &&
        word_at(code, source_lexer::skip_blanks(code, r + 3), "Property", true))
      return false;
    if (word_at(code, r, "Return", true)) {
      from = r + 6;
      to = statement_end(code, from, true);
      return to != std::string_view::npos;
    }
  }
  return false;
}

}  // namespace

LexedSource lex_source_file(std::string_view text, bool vb) {
  LexedSource out;
  out.vb = vb;
  out.lexed = source_lexer::lex(text, vb, [&](const Literal& lit) {
    // An interpolated string is no constant.
    const bool interpolated =
        text[lit.pos] == '$' || (lit.pos + 1 < text.size() && text[lit.pos + 1] == '$');
    if (!interpolated) out.literals.push_back(lit);
  });
  return out;
}

std::optional<StringMember> find_string_member(const LexedSource& file, std::string_view member) {
  const std::string_view code = file.lexed.code;
  if (member.empty() || !is_chain(member) || member.find('.') != std::string_view::npos) return {};
  const TermParser parser(file);
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!word_at(code, i, member, file.vb)) continue;
    std::size_t from = 0;
    std::size_t to = 0;
    const bool found = file.vb ? vb_definition(code, i, member.size(), from, to)
                               : cs_definition(code, i, member.size(), from, to);
    if (!found) continue;
    StringMember out;
    out.line = line_of(code, i);
    if (parser.parse(from, to, out.terms)) return out;
    return {};
  }
  return {};
}

bool declares_type(const LexedSource& file, std::string_view name) {
  const std::string_view code = file.lexed.code;
  for (std::string_view kw : {"class", "struct", "Class", "Module", "Structure"}) {
    for (std::size_t i = code.find(kw); i != std::string_view::npos; i = code.find(kw, i + 1)) {
      if (!word_at(code, i, kw, file.vb)) continue;
      if (word_at(code, source_lexer::skip_blanks(code, i + kw.size()), name, file.vb)) return true;
    }
  }
  return false;
}

}  // namespace liftshift
