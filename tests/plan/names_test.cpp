// Names and paths the plan derives from the server's (src/plan/names.cpp).
#include <gtest/gtest.h>

#include <string>

#include "plan/plan_steps.hpp"

namespace liftshift {

TEST(PlanNames, AContainerFolderIsOnCWithPlainNames) {
  EXPECT_TRUE(is_container_folder("C:\\app\\App_Data"));
  EXPECT_TRUE(is_container_folder("c:\\Jobs\\It's $(here)"));
  for (const char* bad : {"C:\\", "C:\\app\\", "D:\\app", "C:app", "C:\\a\\..\\Windows", "C:\\a\\.",
                          "C:\\a\\b.", "C:\\a \\b", "C:\\a\\\\b", "C:\\a\nb", "C:\\a\"b", "C:\\a|b",
                          "C:\\a/b", "C:\\a:b", "\\\\srv\\share"}) {
    EXPECT_FALSE(is_container_folder(bad)) << bad;
  }
  EXPECT_FALSE(is_container_folder("C:\\" + std::string(240, 'a')));
}

}  // namespace liftshift
