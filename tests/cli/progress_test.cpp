#include "cli/progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace liftshift {
namespace {

TEST(ProgressReporter, ShowsDoneTotalCurrentRateAndEta) {
  std::ostringstream out;
  double now = 100.0;
  ProgressReporter p(out, 4, true, [&] { return now; });
  p.start("/srv/a");
  EXPECT_EQ(out.str(), "\r\x1b[Kliftshift: 0/4 sources: /srv/a");
  now += 10;
  p.done();
  now += 10;
  p.done();
  out.str("");
  p.start("/srv/c");
  // 2 done in 20 s: 6.0/min; 2 left at that rate: 20 s.
  EXPECT_EQ(out.str(), "\r\x1b[Kliftshift: 2/4 sources, 6.0/min, ETA 20s: /srv/c");
  now += 200;
  p.done();
  p.done();
  out.str("");
  p.finish();
  EXPECT_EQ(out.str(), "\r\x1b[Kliftshift: 4/4 sources in 3m 40s\n");
}

TEST(ProgressReporter, FastRatesPerSecondAndLongPathsShortened) {
  double now = 0;
  std::ostringstream out;
  ProgressReporter p(out, 1000, true, [&] { return now; });
  for (int i = 0; i < 500; ++i) p.done();
  now = 100;  // 5/s, 500 left: 100 s
  std::string path = "/very/long/" + std::string(80, 'x') + "/appsrv01.vhdx";
  std::string line = p.line(path);
  EXPECT_EQ(line.substr(0, 37), "500/1000 sources, 5.00/s, ETA 1m 40s:");
  EXPECT_NE(line.find("...x"), std::string::npos);
  EXPECT_TRUE(line.ends_with("/appsrv01.vhdx"));
  EXPECT_LE(line.size(), 37u + 1 + 60);
}

TEST(ProgressReporter, DisabledPrintsNothing) {
  std::ostringstream out;
  ProgressReporter p(out, 3, false, [] { return 0.0; });
  p.start("/a");
  p.done();
  p.finish();
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressReporter, ControlCharactersInPathsAreNotSentToTheTerminal) {
  std::ostringstream out;
  ProgressReporter p(out, 1, true, [] { return 0.0; });
  p.start("/srv/evil\x1b]0;title\x07name");
  EXPECT_EQ(out.str().find('\x07'), std::string::npos);
  EXPECT_EQ(out.str().rfind('\x1b'), 1u);  // only the redraw code's own escape
}

TEST(FormatDuration, SecondsMinutesHours) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(59.4), "59s");
  EXPECT_EQ(format_duration(61), "1m 01s");
  EXPECT_EQ(format_duration(3600 * 2 + 180), "2h 03m");
  EXPECT_EQ(format_duration(-5), "0s");
}

}  // namespace
}  // namespace liftshift
