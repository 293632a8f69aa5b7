#include "core/cron.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(Cron, AcceptsWhatACronJobReads) {
  for (const char* c : {"0 2 * * *", "*/15 * * * *", "7-52/15 8,9 * * 1-5", "30 22 31 1,3,5 *",
                        "0 0 1 1 0", "59 23 31 12 6"}) {
    EXPECT_EQ(cron_problem(c), "") << c;
  }
}

TEST(Cron, RefusesWhatACronJobRefusesOrMisreads) {
  EXPECT_NE(cron_problem("0 2 * *"), "");       // four fields
  EXPECT_NE(cron_problem("0 2 * * * *"), "");   // six
  EXPECT_NE(cron_problem("0 2 Last * *"), "");  // raw task XML text
  EXPECT_NE(cron_problem("0 2 L * *"), "");     // no L in Kubernetes
  EXPECT_NE(cron_problem("0 2 * * 1#1"), "");   // no #
  EXPECT_NE(cron_problem("60 2 * * *"), "");    // minute out of range
  EXPECT_NE(cron_problem("0 24 * * *"), "");
  EXPECT_NE(cron_problem("0 2 0 * *"), "");  // days start at 1
  EXPECT_NE(cron_problem("0 2 * 13 *"), "");
  EXPECT_NE(cron_problem("0 2 * * 7"), "");     // 0-6 only
  EXPECT_NE(cron_problem("*/0 * * * *"), "");   // step 0
  EXPECT_NE(cron_problem("5/15 * * * *"), "");  // a step needs * or a range
  EXPECT_NE(cron_problem("9-3 * * * *"), "");   // backwards
  EXPECT_NE(cron_problem("1,,2 * * * *"), "");
  EXPECT_NE(cron_problem("0 2 * * MON"), "");  // names: never written
  EXPECT_NE(cron_problem("@daily"), "");
  EXPECT_NE(cron_problem("0 2 * * *\n1 * * * *"), "");
  EXPECT_EQ(cron_problem("0 2 */3 * *"), "");
  EXPECT_NE(cron_problem("0 2 */3days * *"), "");  // raw DaysInterval text
}

TEST(Cron, FieldsAreShortAndExact) {
  EXPECT_EQ(cron_field({}, 0, 59), "*");
  EXPECT_EQ(cron_field({0, 15, 30, 45}, 0, 59), "*/15");
  EXPECT_EQ(cron_field({7, 22, 37, 52}, 0, 59), "7-52/15");
  EXPECT_EQ(cron_field({0, 15, 30}, 0, 59), "0-30/15");  // not */15: 45 is not in it
  EXPECT_EQ(cron_field({1, 2, 3, 4, 5, 9}, 0, 6), "1-5,9");
  EXPECT_EQ(cron_field({8, 9}, 0, 23), "8,9");
  std::vector<int> all;
  for (int i = 0; i < 24; ++i) all.push_back(i);
  EXPECT_EQ(cron_field(all, 0, 23), "*");
}

}  // namespace
}  // namespace liftshift
