#include "context/exclude_match.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(ExcludeMatch, PathsMatchCaseInsensitivelyAndAnyDepthPatternsMatchEverywhere) {
  ExcludeSet ex({"logs", "App_Data/Logs", "**/.git", "**/*.tmp", "**/~$*"});
  EXPECT_TRUE(ex.excluded("Logs"));
  EXPECT_FALSE(ex.excluded("sub/logs")) << "a plain path is relative to the copy's root";
  EXPECT_TRUE(ex.excluded("app_data/logs"));
  EXPECT_FALSE(ex.excluded("App_Data"));
  EXPECT_TRUE(ex.excluded(".git"));
  EXPECT_TRUE(ex.excluded("a/b/.GIT"));
  EXPECT_TRUE(ex.excluded("a/x.TMP"));
  EXPECT_TRUE(ex.excluded("~$report.docx"));
  EXPECT_FALSE(ex.excluded("a/x.tmpl"));
}

TEST(ExcludeMatch, WildcardsNeverBacktrackExponentially) {
  EXPECT_TRUE(name_matches("abc", "a*c"));
  EXPECT_TRUE(name_matches("abc", "*"));
  EXPECT_FALSE(name_matches("abc", "a*d"));
  std::string name(5000, 'a');
  EXPECT_FALSE(name_matches(name, "*a*a*a*a*a*a*a*a*a*b"));
}

}  // namespace
}  // namespace liftshift
