// The one source-list parser (`assess --from-list`, `fleet-job --list`).
#include "core/source_list.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

std::vector<std::string> sources(std::string_view text) {
  auto list = parse_source_list(text);
  EXPECT_TRUE(list.ok()) << list.error().message;
  return list ? list->sources : std::vector<std::string>{};
}

TEST(SourceList, OneSourcePerLineWithoutBlanksAndComments) {
  EXPECT_EQ(
      sources("# estate, wave 1\n/srv/a\n\n   \n  /srv/b with space  \r\n\t# indented comment\n"
              "/srv/c#1\n"),
      (std::vector<std::string>{"/srv/a", "/srv/b with space", "/srv/c#1"}));
  EXPECT_EQ(sources("only"), (std::vector<std::string>{"only"}));  // no final newline
  EXPECT_TRUE(sources("").empty());
  EXPECT_TRUE(sources("\n# nothing here\n  \n").empty());
}

TEST(SourceList, ByteOrderMarkAndCrlfFromWindowsEditors) {
  EXPECT_EQ(sources("\xEF\xBB\xBF"
                    "D:\\images\\app01.vhdx\r\n/srv/b\r\n"),
            (std::vector<std::string>{"D:\\images\\app01.vhdx", "/srv/b"}));
  // Only at the very start: anywhere else it is part of a line (and valid UTF-8).
  EXPECT_EQ(sources("a\n\xEF\xBB\xBF"
                    "b\n"),
            (std::vector<std::string>{"a",
                                      "\xEF\xBB\xBF"
                                      "b"}));
}

TEST(SourceList, EachSourceOnceInTheOrderFirstListed) {
  EXPECT_EQ(sources("a\nb\na\n  b \nc\n"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SourceList, KeepsEveryLineTrimmedForWhoeverWritesItBack) {
  auto list = parse_source_list("\xEF\xBB\xBF  a \r\n# note\n\n\f\v\n\tb c\n");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->lines, (std::vector<std::string>{"a", "# note", "", "", "b c"}));
}

TEST(SourceList, RefusesControlCharactersAndBadUtf8NamingTheLine) {
  auto control = parse_source_list("a\n\n\n\nb\x1b[31m\n");
  ASSERT_FALSE(control.ok());
  EXPECT_NE(control.error().message.find("line 5"), std::string::npos) << control.error().message;
  EXPECT_EQ(control.error().message.find('\x1b'), std::string::npos) << "shown printable";
  auto bad_utf8 = parse_source_list("ok\nok\n\xff\xfe.vhdx\n");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_NE(bad_utf8.error().message.find("line 3: invalid UTF-8"), std::string::npos);
  // Strict UTF-8: an overlong '/' is not a path separator in disguise.
  EXPECT_FALSE(parse_source_list("a\xC0\xAF"
                                 "b\n")
                   .ok());
  EXPECT_FALSE(parse_source_list(std::string("a\0b\n", 4)).ok());
  EXPECT_FALSE(parse_source_list("a\tb\n").ok());  // a tab inside the path
  EXPECT_TRUE(parse_source_list("caf\xC3\xA9.vhdx\n").ok());
}

}  // namespace
}  // namespace liftshift
