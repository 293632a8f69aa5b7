// The lexing every C#/VB scan shares (formats/source_lexer).
#include "formats/source_lexer.hpp"

#include <gtest/gtest.h>

namespace liftshift::source_lexer {
namespace {

TEST(SourceLexer, CodeKeepsOffsetsAndLinesWithCommentsAndLiteralsBlanked) {
  const std::string text = "x = \"a\\tb\"; // note\n/* c\n */ F(@\"p\\q\");";
  std::vector<Literal> all;
  const Lexed lx = lex(text, false, [&](const Literal& l) { all.push_back(l); });
  ASSERT_EQ(lx.code.size(), text.size());
  EXPECT_EQ(lx.code.find("note"), std::string::npos);
  EXPECT_EQ(std::count(lx.code.begin(), lx.code.end(), '\n'), 2);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value, "a\tb");
  EXPECT_EQ(all[1].value, "p\\q");
  EXPECT_EQ(all[1].line, 3);
  ASSERT_EQ(lx.assigned.size(), 1u);
  ASSERT_EQ(lx.args.size(), 1u);
  EXPECT_EQ(lx.args[0].pos, text.find('@'));
}

TEST(SourceLexer, VisualBasicCommentsAndDoubledQuotes) {
  const Lexed lx = lex("s = \"say \"\"hi\"\"\" ' comment\nREM more\nF(\"x\")", true);
  EXPECT_EQ(lx.code.find("comment"), std::string::npos);
  EXPECT_EQ(lx.code.find("more"), std::string::npos);
  ASSERT_EQ(lx.assigned.size(), 1u);
  EXPECT_EQ(lx.assigned[0].value, "say \"hi\"");
  EXPECT_TRUE(word_at(lx.code, lx.code.find('F'), "f", true));
  EXPECT_FALSE(word_at("Foo", 0, "F", false));
}

TEST(SourceLexer, UnterminatedInputEnds) {
  EXPECT_EQ(lex("\"open", false).code.size(), 5u);
  EXPECT_EQ(lex("/* open", false).code.size(), 7u);
  EXPECT_EQ(lex("@\"open", false).code.size(), 6u);
  EXPECT_EQ(lex("\"\"\"raw", false).code.size(), 6u);
}

}  // namespace
}  // namespace liftshift::source_lexer
