// What a string constant, field or property of a C# or Visual Basic class is
// defined as, read from its declaration in one lexed file: `const string
// Name = "Orders";`, `static string Name => Prefix + ".orders";`, `string Name
// { get { return GetOrDefault(Key, Default); } }`, VB `Const Name As String
// = "Orders"`. Only the shapes a service name is usually written in are
// understood; anything else is not found rather than guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/source_lexer.hpp"

namespace liftshift {

// A literal, or an identifier to resolve ("Keys.Name", this. dropped).
struct StringOperand {
  bool literal = false;
  std::string text;
};

struct StringTerm {
  enum class Kind {
    kValue,      // value
    kSetting,    // the configuration's value for key: AppSettings["key"]
    kDefaulted,  // the configuration's value for key, else value: X ?? value,
                 // GetSettingOrDefault(key, value)
  };
  Kind kind = Kind::kValue;
  StringOperand value;
  StringOperand key;
};

// The member's definition: its terms, concatenated.
struct StringMember {
  int line = 0;
  std::vector<StringTerm> terms;
};

// One file, lexed once with every literal kept (sorted by offset).
struct LexedSource {
  source_lexer::Lexed lexed;
  std::vector<source_lexer::Literal> literals;
  bool vb = false;
};
LexedSource lex_source_file(std::string_view text, bool vb);

// The first declaration of member (a simple name) typed string in the file.
std::optional<StringMember> find_string_member(const LexedSource& file, std::string_view member);

// Whether the file declares a class, struct, module or static class of that
// name (a simple name).
bool declares_type(const LexedSource& file, std::string_view name);

}  // namespace liftshift
