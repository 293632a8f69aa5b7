// report_from_assessment: what the store and the reports get from one
// assessment. A source that could not be read is a problem, never a source;
// every problem names the source it was met in.
#include "core/report.hpp"

#include <gtest/gtest.h>

#include "rules/engine.hpp"

namespace liftshift {
namespace {

Source source(const std::string& path, const std::string& identity, bool handled,
              const std::string& note = "") {
  Source s;
  s.path = path;
  s.identity = identity;
  s.kind = SourceKind::kAppFolder;
  s.handled = handled;
  s.note = note;
  return s;
}

// Two folders read, one image that could not be opened, and the problems the
// collectors recorded on the way (the image's twice, as they do).
Inventory inventory() {
  Inventory inv;
  inv.sources = {source("srv/Orders", "/abs/srv/Orders", true),
                 source("srv/Orders2", "/abs/srv/Orders2", true),
                 source("img/app.vhdx", "/abs/img/app.vhdx", false, "not a VHDX file")};
  Application app;
  app.id = "Orders/web";
  app.name = "web";
  app.source = "srv/Orders";
  app.kind = AppKind::kWeb;
  inv.apps = {app};
  inv.problems = {{"srv/Orders2/bin/x.dll", "truncated PE header"},
                  {"srv/Orders/bin/y.dll", "truncated PE header"},
                  {"img/app.vhdx", "not a VHDX file"},
                  {"img/app.vhdx: Windows/System32/config/SYSTEM", "not a hive"}};
  return inv;
}

TEST(ReportFromAssessment, AnUnreadableSourceIsAProblemNotASource) {
  Inventory inv = inventory();
  Report r = report_from_assessment(assess(inv), "2026-11-28T00:00:00Z");
  ASSERT_EQ(r.sources.size(), 2u);
  EXPECT_EQ(r.sources[0].identity, "/abs/srv/Orders");
  EXPECT_EQ(r.sources[1].identity, "/abs/srv/Orders2");
  ASSERT_EQ(r.apps.size(), 1u);
  EXPECT_EQ(r.apps[0].source_identity, "/abs/srv/Orders");

  ASSERT_EQ(r.problems.size(), 4u) << "the image's note is kept once";
  const ReportProblem& image = r.problems[0];
  EXPECT_TRUE(image.source_unreadable);
  EXPECT_EQ(image.source_path, "img/app.vhdx");
  EXPECT_EQ(image.source_location, "/abs/img/app.vhdx");
  EXPECT_EQ(image.message, "not a VHDX file");
}

TEST(ReportFromAssessment, EveryProblemNamesTheSourceItWasMetIn) {
  Inventory inv = inventory();
  Report r = report_from_assessment(assess(inv), "2026-11-28T00:00:00Z");
  ASSERT_EQ(r.problems.size(), 4u);
  // srv/Orders2/... belongs to Orders2, not to Orders (a prefix of its name).
  EXPECT_EQ(r.problems[1].source_location, "/abs/srv/Orders2");
  EXPECT_EQ(r.problems[1].path, "srv/Orders2/bin/x.dll");
  EXPECT_EQ(r.problems[2].source_location, "/abs/srv/Orders");
  // Inside an image that could not be assessed: still that image's problem.
  EXPECT_EQ(r.problems[3].source_location, "/abs/img/app.vhdx");
  EXPECT_EQ(r.problems[3].source_path, "img/app.vhdx");
  for (std::size_t i = 1; i < r.problems.size(); ++i) {
    EXPECT_FALSE(r.problems[i].source_unreadable) << r.problems[i].path;
  }
}

TEST(ReportFromAssessment, TheLocationIsTheIdentityWithoutItsQualifiers) {
  EXPECT_EQ(identity_location("/images/a.vhdx|vhdx:5f2c|partition 2"), "/images/a.vhdx");
  EXPECT_EQ(identity_location("/copies/appsrv01|machine-guid:8e3a"), "/copies/appsrv01");
  EXPECT_EQ(identity_location("/srv/apps"), "/srv/apps");
}

TEST(ReportFromAssessment, TheSlotKeepsThePartitionButNotTheContentIdentifier) {
  EXPECT_EQ(identity_slot("/images/a.vhdx|vhdx:5f2c|partition 2"), "/images/a.vhdx|partition 2");
  EXPECT_EQ(identity_slot("/images/a.vhdx|vhdx:77aa|partition 2"), "/images/a.vhdx|partition 2");
  EXPECT_EQ(identity_slot("/images/a.raw|sha256-1mib:ab:1024"), "/images/a.raw");
  EXPECT_EQ(identity_slot("/copies/appsrv01|machine-guid:8e3a"), "/copies/appsrv01");
  EXPECT_EQ(identity_slot("/srv/apps"), "/srv/apps");
}

}  // namespace
}  // namespace liftshift
