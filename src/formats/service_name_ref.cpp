#include "formats/service_name_ref.hpp"

#include "formats/source_lexer.hpp"

namespace liftshift {

namespace {

using source_lexer::drop_self;
using source_lexer::is_blank;
using source_lexer::is_ident;
using source_lexer::lower;
using source_lexer::skip_blanks;
using source_lexer::word_at;

constexpr std::size_t kMaxChain = 200;  // bytes of a dotted identifier kept

// A dotted identifier at k ("A.B.C"), or "" when none starts there. end is
// set past it.
std::string_view chain_at(std::string_view code, std::size_t k, std::size_t& end) {
  const std::size_t from = k;
  while (k < code.size()) {
    if (!is_ident(code[k]) || (code[k] >= '0' && code[k] <= '9')) break;
    while (k < code.size() && is_ident(code[k])) ++k;
    if (k + 1 < code.size() && code[k] == '.' && is_ident(code[k + 1])) {
      ++k;
      continue;
    }
    break;
  }
  end = k;
  if (k == from || k - from > kMaxChain) return {};
  return code.substr(from, k - from);
}

// What ends the value: a statement or an argument list, never a call,
// indexer or operator.
bool value_ends(std::string_view code, std::size_t end, bool vb, bool call) {
  const std::size_t k = skip_blanks(code, end);
  if (k == code.size()) return vb;
  const char c = code[k];
  if (call) return c == ')';
  if (vb) return c == '\n' || c == '\r' || c == ',' || c == ')';
  return c == ';' || c == ',' || c == '}';
}

bool is_keyword(std::string_view chain, bool vb) {
  for (std::string_view k : {"null", "Nothing", "true", "false", "True", "False", "string.Empty",
                             "String.Empty", "value", "Value"}) {
    if (vb ? word_at(chain, 0, k, true) && chain.size() == k.size() : chain == k) return true;
  }
  return false;
}

}  // namespace

std::vector<ServiceNameRef> service_name_refs(std::string_view code, bool vb) {
  std::vector<ServiceNameRef> out;
  constexpr std::string_view kProperty = "ServiceName";
  constexpr std::string_view kCall = "SetServiceName";
  for (std::size_t i = 0; i + kProperty.size() <= code.size(); ++i) {
    if (lower(code[i]) != 's' || (i > 0 && is_ident(code[i - 1]))) continue;
    const bool call = word_at(code, i, kCall, vb);
    if (!call && !word_at(code, i, kProperty, vb)) continue;
    std::size_t k = skip_blanks(code, i + (call ? kCall : kProperty).size());
    if (call) {
      if (k >= code.size() || code[k] != '(') continue;
    } else {
      if (vb && k + 1 < code.size() && code[k] == ':' && code[k + 1] == '=') ++k;  // named argument
      if (k >= code.size() || code[k] != '=') continue;
      if (k + 1 < code.size() && (code[k + 1] == '=' || code[k + 1] == '>')) continue;
    }
    std::size_t end = 0;
    const std::string_view chain = chain_at(code, skip_blanks(code, k + 1), end);
    if (chain.empty() || is_keyword(chain, vb) || !value_ends(code, end, vb, call)) continue;
    out.push_back({skip_blanks(code, k + 1), drop_self(chain, vb)});
    if (out.size() == kMaxServiceNameRefs) break;
    i = end;
  }
  return out;
}

}  // namespace liftshift
