#include "formats/source_lexer.hpp"

#include <utility>

namespace liftshift::source_lexer {

namespace {

class Lexer {
 public:
  Lexer(std::string_view t, bool vb, const LiteralSink& sink) : t_(t), vb_(vb), sink_(sink) {
    out_.code.assign(t.size(), ' ');
  }

  Lexed run() {
    while (i_ < t_.size()) vb_ ? step_vb() : step_cs();
    return std::move(out_);
  }

 private:
  [[nodiscard]] char at(std::size_t k) const { return k < t_.size() ? t_[k] : '\0'; }

  // Blanks [from, to) in the code, keeping newlines and counting lines.
  void blank(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (t_[k] == '\n') {
        out_.code[k] = '\n';
        ++line_;
      }
    }
  }
  void code_char() {
    const char c = t_[i_];
    out_.code[i_] = c;
    if (c == '\n') ++line_;
    ++i_;
  }
  void skip_to_eol() {
    std::size_t e = t_.find('\n', i_);
    if (e == std::string_view::npos) e = t_.size();
    i_ = e;  // the newline itself is code
  }
  static void push(std::string& v, char c) {
    if (v.size() < kMaxLiteral) v.push_back(c);
  }

  void step_cs() {
    const char c = t_[i_];
    if (c == '/' && at(i_ + 1) == '/') return skip_to_eol();
    if (c == '/' && at(i_ + 1) == '*') {
      std::size_t e = t_.find("*/", i_ + 2);
      e = e == std::string_view::npos ? t_.size() : e + 2;
      blank(i_, e);
      i_ = e;
      return;
    }
    if (c == '"' || c == '@' || c == '$') {
      std::size_t j = i_;
      bool verbatim = false;
      bool interpolated = false;
      while (j < t_.size() && j - i_ < 4 && (t_[j] == '@' || t_[j] == '$')) {
        (t_[j] == '@' ? verbatim : interpolated) = true;
        ++j;
      }
      if (at(j) == '"' && (c == '"' || i_ == 0 || !is_ident(t_[i_ - 1]))) {
        return cs_string(j, verbatim, interpolated);
      }
      return code_char();
    }
    if (c == '\'') {
      std::size_t e = std::string_view::npos;
      if (at(i_ + 1) == '\\') {
        for (std::size_t k = i_ + 3; k < t_.size() && k < i_ + 12; ++k) {
          if (t_[k] == '\'') {
            e = k + 1;
            break;
          }
          if (t_[k] == '\n') break;
        }
      } else if (at(i_ + 1) != '\n' && at(i_ + 2) == '\'') {
        e = i_ + 3;
      }
      if (e != std::string_view::npos) {
        blank(i_, e);
        i_ = e;
        return;
      }
    }
    code_char();
  }

  // A C# string whose opening quote is at q (prefixes from i_).
  void cs_string(std::size_t q, bool verbatim, bool interpolated) {
    Literal lit;
    lit.pos = i_;
    lit.line = line_;
    std::size_t quotes = 0;
    while (at(q + quotes) == '"') ++quotes;
    std::size_t k;
    if (quotes >= 3 && !verbatim) {  // raw string literal: ends at a run of as many quotes
      k = q + quotes;
      while (k < t_.size()) {
        if (t_[k] == '"') {
          std::size_t run = 0;
          while (at(k + run) == '"') ++run;
          if (run >= quotes) {
            k += run;
            break;
          }
          for (std::size_t r = 0; r < run; ++r) push(lit.value, '"');
          k += run;
          continue;
        }
        push(lit.value, t_[k]);
        ++k;
      }
    } else if (quotes == 2 && !verbatim) {  // ""
      k = q + 2;
    } else {
      k = q + 1;
      int depth = 0;  // interpolation hole depth
      while (k < t_.size()) {
        const char c = t_[k];
        if (interpolated) {
          if (c == '{') {
            if (depth == 0 && at(k + 1) == '{') {
              push(lit.value, '{');
              k += 2;
              continue;
            }
            ++depth;
          } else if (c == '}' && depth > 0) {
            --depth;
          } else if (c == '"' && depth > 0) {  // a string inside a hole: skip it
            push(lit.value, c);
            ++k;
            while (k < t_.size() && t_[k] != '"' && t_[k] != '\n') {
              if (t_[k] == '\\') push(lit.value, t_[k++]);
              if (k < t_.size()) push(lit.value, t_[k++]);
            }
            if (k < t_.size() && t_[k] == '"') push(lit.value, t_[k++]);
            continue;
          }
        }
        if (verbatim) {
          if (c == '"') {
            if (at(k + 1) == '"') {
              push(lit.value, '"');
              k += 2;
              continue;
            }
            ++k;
            break;
          }
          push(lit.value, c);
          ++k;
          continue;
        }
        if (c == '\n') break;  // unterminated regular string ends at the line
        if (c == '"') {
          ++k;
          break;
        }
        if (c == '\\' && k + 1 < t_.size()) {
          const char e = t_[k + 1];
          switch (e) {
            case 'n':
              push(lit.value, '\n');
              break;
            case 'r':
              push(lit.value, '\r');
              break;
            case 't':
              push(lit.value, '\t');
              break;
            case '0':
              push(lit.value, '\0');
              break;
            case 'u':
            case 'U':
            case 'x':
              push(lit.value, '\\');
              push(lit.value, e);
              break;
            default:
              push(lit.value, e);
              break;
          }
          k += 2;
          continue;
        }
        push(lit.value, c);
        ++k;
      }
    }
    blank(i_, k);
    i_ = k;
    emit(std::move(lit));
  }

  void step_vb() {
    const char c = t_[i_];
    const auto u = static_cast<unsigned char>(c);
    // ' or a typographic quote (U+2018, U+2019) starts a comment.
    if (c == '\'' ||
        (u == 0xE2 && at(i_ + 1) == '\x80' && (at(i_ + 2) == '\x98' || at(i_ + 2) == '\x99')))
      return skip_to_eol();
    if ((c == 'R' || c == 'r') &&
        (i_ == 0 || is_blank(t_[i_ - 1]) || t_[i_ - 1] == ':' || t_[i_ - 1] == '\n') &&
        (lower(at(i_ + 1)) == 'e') && (lower(at(i_ + 2)) == 'm') &&
        (i_ + 3 == t_.size() || is_blank(t_[i_ + 3]) || t_[i_ + 3] == '\r' || t_[i_ + 3] == '\n'))
      return skip_to_eol();
    if (c == '"' || (c == '$' && at(i_ + 1) == '"')) {
      Literal lit;
      lit.pos = i_;
      lit.line = line_;
      const bool interpolated = c == '$';
      std::size_t k = i_ + (interpolated ? 2 : 1);
      int depth = 0;
      while (k < t_.size()) {
        const char d = t_[k];
        if (interpolated && d == '{') ++depth;
        if (interpolated && d == '}' && depth > 0) --depth;
        if (d == '"' && depth == 0) {
          if (at(k + 1) == '"') {
            push(lit.value, '"');
            k += 2;
            continue;
          }
          ++k;
          break;
        }
        push(lit.value, d);
        ++k;
      }
      blank(i_, k);
      i_ = k;
      emit(std::move(lit));
      return;
    }
    code_char();
  }

  // Hands a literal to the sink; keeps it as a call argument when '(' comes
  // just before it.
  void emit(Literal lit) {
    if (sink_) sink_(lit);
    std::size_t k = lit.pos;
    while (k > 0 && lit.pos - k < kMaxLookback && is_blank(out_.code[k - 1])) --k;
    if (k > 0 && out_.code[k - 1] == '(' && out_.args.size() < kMaxArgLiterals) {
      out_.args.push_back(std::move(lit));
    } else if (k > 0 && out_.code[k - 1] == '=' &&
               (k < 2 ||
                std::string_view("=!<>").find(out_.code[k - 2]) == std::string_view::npos) &&
               out_.assigned.size() < kMaxArgLiterals) {
      out_.assigned.push_back(std::move(lit));
    }
  }

  std::string_view t_;
  bool vb_;
  const LiteralSink& sink_;
  std::size_t i_ = 0;
  int line_ = 1;
  Lexed out_;
};

}  // namespace

Lexed lex(std::string_view text, bool vb, const LiteralSink& sink) {
  return Lexer(text, vb, sink).run();
}

}  // namespace liftshift::source_lexer
