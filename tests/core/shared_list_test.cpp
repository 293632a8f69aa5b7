#include "core/shared_list.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liftshift {
namespace {

TEST(SharedList, CopiesShareOneArrayUntilOneChanges) {
  SharedList<std::string> a{"one", "two"};
  SharedList<std::string> b = a;
  EXPECT_TRUE(a.shares_with(b));
  b.push_back("three");
  EXPECT_FALSE(a.shares_with(b));
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.back(), "three");
}

TEST(SharedList, ReadingANonConstCopyDoesNotCopyTheArray) {
  SharedList<std::string> a{"one", "two"};
  SharedList<std::string> b = a;
  std::size_t chars = 0;
  for (const auto& s : b) chars += s.size();  // begin()/end() of a non-const list
  EXPECT_EQ(chars, 6u);
  EXPECT_FALSE(b.empty());
  EXPECT_TRUE(a.shares_with(b)) << "reading made a copy";
}

TEST(SharedList, ChangingAnElementLeavesTheOtherCopiesAsTheyWere) {
  SharedList<std::string> a{"one"};
  SharedList<std::string> b = a;
  b[0] = "uno";
  EXPECT_EQ(a[0], "one");
  EXPECT_EQ(b[0], "uno");
  for (auto& s : a.edit()) s += "!";
  EXPECT_EQ(a.front(), "one!");
  EXPECT_EQ(b.front(), "uno");
}

TEST(SharedList, AnEmptyListReadsAsEmptyAndClears) {
  SharedList<int> none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.begin(), none.end());
  SharedList<int> some{1, 2};
  SharedList<int> copy = some;
  some.clear();
  EXPECT_TRUE(some.empty());
  EXPECT_EQ(copy.size(), 2u) << "clearing one copy leaves the other";
}

}  // namespace
}  // namespace liftshift
