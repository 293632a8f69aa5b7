// The machine collector on APPSRV01's system drive with one hostile part
// each (tests/fixtures/hostile, drives/): hives with loops and absurd counts
// or offsets, and a FIFO where a hive should be.
#include <gtest/gtest.h>

#include "collect/machine_collector.hpp"
#include "hostile_support.hpp"
#include "sources/directory_volume.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

struct Collected {
  MachineFacts machine;
  bool read = false;
  std::vector<std::string> problems;  // "path: message"
};

Collected collect_drive(const fs::path& drive) {
  DirectoryVolume volume(drive);
  std::vector<Problem> problems;
  Collected c;
  auto m = collect_machine(volume, problems);
  c.read = m.has_value();
  if (m) c.machine = std::move(*m);
  for (const auto& p : problems) c.problems.push_back(p.path + ": " + p.message);
  return c;
}

Collected hostile_drive(const std::string& name) {
  return collect_drive(test::hostile_fixtures() / "drives" / name);
}

std::vector<std::string> service_names(const MachineFacts& m) {
  std::vector<std::string> out;
  for (const auto& s : m.services) out.push_back(s.name);
  return out;
}

std::vector<std::string> program_names(const MachineFacts& m) {
  std::vector<std::string> out;
  for (const auto& p : m.programs) out.push_back(p.name);
  return out;
}

const Collected& original() {
  static const Collected c = collect_drive(test::fixtures() / "servers" / "appsrv01");
  return c;
}

TEST(MachineCollectorHostile, LoopsInTheHivesChangeNothing) {
  ASSERT_TRUE(original().read);
  ASSERT_TRUE(original().problems.empty()) << original().problems[0];
  Collected services = hostile_drive("services-loop");
  ASSERT_TRUE(services.read);
  EXPECT_EQ(services.problems, std::vector<std::string>{});
  EXPECT_EQ(service_names(services.machine), service_names(original().machine));
  Collected programs = hostile_drive("uninstall-loop");
  ASSERT_TRUE(programs.read);
  EXPECT_EQ(programs.problems, std::vector<std::string>{});
  EXPECT_EQ(program_names(programs.machine), program_names(original().machine));
}

TEST(MachineCollectorHostile, AnUnlistableServicesKeyIsAProblemAndTheRestIsRead) {
  Collected c = hostile_drive("subkey-list");
  ASSERT_TRUE(c.read);
  EXPECT_TRUE(c.machine.services.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0],
            "Windows/System32/config/SYSTEM: cannot list ControlSet001\\Services (damaged sub-key "
            "list: an offset points outside the hive)");
  EXPECT_EQ(c.machine.os_name, original().machine.os_name);
  EXPECT_EQ(c.machine.computer_name, original().machine.computer_name);
}

TEST(MachineCollectorHostile, AbsurdValueCountsAndListsLoseOnlyThatKeyAndSaySo) {
  Collected count = hostile_drive("value-count");
  ASSERT_TRUE(count.read);
  EXPECT_EQ(count.problems, std::vector<std::string>{
                                "Windows/System32/config/SYSTEM: cannot read the values of "
                                "ControlSet001\\Services\\OrderProcessor (damaged value list: "
                                "a count is larger than the hive allows): service not listed"});
  std::vector<std::string> others;
  for (const auto& name : service_names(original().machine)) {
    if (name != "OrderProcessor") others.push_back(name);
  }
  EXPECT_EQ(service_names(count.machine), others);

  Collected list = hostile_drive("value-list");
  ASSERT_TRUE(list.read);
  EXPECT_EQ(list.problems, std::vector<std::string>{
                               "Windows/System32/config/SOFTWARE: cannot read the values of "
                               "Microsoft\\Windows NT\\CurrentVersion (damaged value list: an "
                               "offset points outside the hive): the Windows version is unknown"});
  EXPECT_EQ(list.machine.os_name, "");
  EXPECT_EQ(list.machine.build, "");
  EXPECT_EQ(service_names(list.machine), service_names(original().machine));
  EXPECT_EQ(program_names(list.machine), program_names(original().machine));
}

TEST(MachineCollectorHostile, AnUnlistableRootIsAClearProblem) {
  Collected c = hostile_drive("root-count");
  ASSERT_TRUE(c.read);
  EXPECT_EQ(c.problems, std::vector<std::string>{
                            "Windows/System32/config/SYSTEM: cannot list the keys at the root of "
                            "the hive (damaged sub-key list: a count is larger than the hive "
                            "allows): nothing can be read from it"});
  EXPECT_TRUE(c.machine.services.empty());
  EXPECT_EQ(c.machine.computer_name, "");
}

TEST(MachineCollectorHostile, AFifoForAHiveIsAProblemNotAWaitForever) {
  int code =
      test::run_in_child(
          [] {
            Collected c = hostile_drive("fifo-hive");
            if (!c.read) return 1;
            if (c.problems != std::vector<std::string>{"Windows/System32/config/SOFTWARE: "
                                                       "Windows/System32/config/SOFTWARE: not a "
                                                       "regular file"})
              return 2;
            return c.machine.computer_name == "APPSRV01" ? 0 : 3;
          },
          {.timeout_seconds = 30})
          .status();
  EXPECT_EQ(code, 0) << (code == -1 ? "collect_machine waited on the FIFO" : "wrong outcome");
}

}  // namespace
}  // namespace liftshift
