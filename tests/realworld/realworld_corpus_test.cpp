// The whole corpus, as a user would point liftshift at it: every project is
// assessed without a crash and yields applications.
#include <gtest/gtest.h>

#include <filesystem>

#include "realworld/realworld_support.hpp"

namespace liftshift::test {

TEST(RealworldCorpus, EveryProjectIsAssessed) {
  int projects = 0;
  for (const auto& entry : std::filesystem::directory_iterator(realworld_dir())) {
    if (!entry.is_directory()) continue;
    ++projects;
    const auto& doc = realworld_assessment(entry.path().filename().string());
    EXPECT_FALSE(app_names(doc).empty()) << entry.path();
  }
  EXPECT_EQ(projects, 7);
}

}  // namespace liftshift::test
