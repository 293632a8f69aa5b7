#include "plan/plan_disk_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace liftshift {
namespace {

namespace fs = std::filesystem;

TEST(PlanDiskPaths, ARelativeDiskIsRecordedFromTheWorkingFolder) {
  const std::string recorded = absolute_disk_path("disks/../data.vhdx");
  EXPECT_EQ(fs::path(recorded), fs::current_path() / "data.vhdx");
  EXPECT_EQ(absolute_disk_path("/srv/disks/data.vhdx"), "/srv/disks/data.vhdx");
  EXPECT_EQ(absolute_disk_path(""), "") << "an empty path stays for the plan check to refuse";
}

TEST(PlanDiskPaths, ARelativeDiskOfAPlanIsTakenFromThePlansFolder) {
  Plan plan;
  plan.disks.push_back({"system.vhdx", "data.vhdx", "", {"D:"}});
  plan.disks.push_back({"system.vhdx", "/images/logs.vhdx", "E:", {"E:"}});
  plan.disks.push_back({"system.vhdx", "../disks/archive.vmdk", "", {"F:"}});
  resolve_disk_paths(plan, "/work/plans");
  EXPECT_EQ(plan.disks[0].path, "/work/plans/data.vhdx");
  EXPECT_EQ(plan.disks[1].path, "/images/logs.vhdx") << "an absolute path is kept";
  EXPECT_EQ(plan.disks[2].path, "/work/disks/archive.vmdk");
}

}  // namespace
}  // namespace liftshift
