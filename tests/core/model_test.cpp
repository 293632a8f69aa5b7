// Assessments appended source by source (`assess` of many sources).
#include "core/model.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

Assessment one_app(const std::string& id, bool with_machine) {
  Assessment a;
  Source s;
  s.path = id;
  a.sources.push_back(s);
  AppAssessment app;
  app.app.id = id;
  app.app.kind_evidence = {"entry point calls ServiceBase::Run"};
  app.app.not_assessed = "its program is not on this volume";
  app.app.binaries.edit().resize(3);
  app.app.configs.resize(2);
  app.app.source_hits.resize(5);
  app.app.markers.resize(1);
  app.verdict = Verdict::kUnknown;
  a.apps.push_back(std::move(app));
  if (with_machine) a.machines.push_back({0, {}});
  a.problems.push_back({id, "a problem"});
  return a;
}

TEST(AppendAssessment, SlimDropsOnlyTheParsedFiles) {
  Assessment all;
  append(all, one_app("a", false), /*slim=*/true);
  append(all, one_app("b", true), /*slim=*/true);
  ASSERT_EQ(all.apps.size(), 2u);
  const Application& b = all.apps[1].app;
  EXPECT_EQ(b.id, "b");
  EXPECT_EQ(b.not_assessed, "its program is not on this volume");
  EXPECT_EQ(b.kind_evidence.size(), 1u);
  EXPECT_TRUE(b.binaries.empty());
  EXPECT_TRUE(b.configs.empty());
  EXPECT_TRUE(b.source_hits.empty());
  EXPECT_TRUE(b.markers.empty());
  EXPECT_EQ(all.apps[1].verdict, Verdict::kUnknown);
  // Machine findings keep naming their own source after the offset.
  ASSERT_EQ(all.machines.size(), 1u);
  EXPECT_EQ(all.sources[all.machines[0].source].path, "b");
  EXPECT_EQ(all.problems.size(), 2u);
}

TEST(AppendAssessment, WithoutSlimTheParsedFilesStay) {
  Assessment all;
  append(all, one_app("a", false), /*slim=*/false);
  EXPECT_EQ(all.apps[0].app.binaries.size(), 3u);
  EXPECT_EQ(all.apps[0].app.source_hits.size(), 5u);
}

}  // namespace
}  // namespace liftshift
