// Registry hives from tests/fixtures/hostile (hives/): seeded bit flips and
// cuts of real hives, and hives patched at computed offsets (sub-key loops,
// absurd counts and offsets). The reader opens each one or refuses it with a
// clear error, and a walk of everything it opens ends.
#include <gtest/gtest.h>

#include <deque>
#include <set>

#include "formats/hive.hpp"
#include "hostile_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path hives() { return test::hostile_fixtures() / "hives"; }

// Every key reachable from the root, breadth first, each node once: the
// count of distinct keys (a loop cannot make it grow) and of values read.
struct WalkCount {
  std::size_t keys = 0;
  std::size_t values = 0;
  std::size_t list_errors = 0;
};

WalkCount walk_all(const Hive& hive) {
  WalkCount c;
  std::set<Hive::Node> seen{hive.root()};
  std::deque<Hive::Node> todo{hive.root()};
  while (!todo.empty()) {
    const Hive::Node n = todo.front();
    todo.pop_front();
    ++c.keys;
    for (const auto& v : hive.value_names(n)) {
      if (hive.value_text(n, v)) ++c.values;
    }
    std::string error;
    for (const auto& [name, child] : hive.children(n, &error)) {
      if (seen.insert(child).second) todo.push_back(child);
    }
    if (!error.empty()) ++c.list_errors;
  }
  return c;
}

TEST(HiveHostile, EveryFlipAndCutOpensOrIsRefusedClearly) {
  auto rows = test::read_manifest(hives() / "flips");
  ASSERT_EQ(rows.size(), 3u * (24 + 6));
  int opened = 0;
  int lenient = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.file + " (" + row.kind + " " + row.region + ")");
    auto bytes = test::read_bytes(hives() / "flips" / row.file);
    auto hive = Hive::open(bytes, row.file);
    const bool no_header = row.region == "signature" || (row.kind == "cut" && row.offset < 4096);
    if (no_header) {
      ASSERT_FALSE(hive.ok());
      EXPECT_EQ(hive.error().message, row.file + ": not a registry hive (no 'regf' header)");
      continue;
    }
    if (!hive.ok()) {
      EXPECT_EQ(
          hive.error().message.rfind(row.file + ": damaged registry hive that cannot be read: ", 0),
          0u)
          << hive.error().message;
      continue;
    }
    ++opened;
    if (row.region == "header") {
      // The header's checksum no longer matches: hivex reads it only leniently.
      ASSERT_EQ(hive->warnings().size(), 1u);
      EXPECT_EQ(hive->warnings()[0],
                row.file +
                    ": damaged hive (Invalid argument): read in lenient mode, some keys "
                    "may be missing");
    }
    if (!hive->warnings().empty()) ++lenient;
    const WalkCount c = walk_all(*hive);
    EXPECT_GE(c.keys, 1u);
    EXPECT_LT(c.keys, 5000u);
  }
  EXPECT_GT(opened, 40);
  EXPECT_GT(lenient, 0);
}

Hive open_patched(const std::string& name) {
  auto bytes = test::read_bytes(hives() / "patched" / name);
  auto hive = Hive::open(bytes, name);
  EXPECT_TRUE(hive.ok()) << hive.error().message;
  return std::move(hive).value();
}

TEST(HiveHostile, ASubkeyLoopIsRealAndAWalkStillEnds) {
  Hive hive = open_patched("SYSTEM.services-loop");
  auto services = hive.find("ControlSet001\\Services");
  auto looped = hive.find("ControlSet001\\Services\\OrderProcessor\\Services");
  ASSERT_TRUE(services && looped);
  EXPECT_EQ(*looped, *services) << "the patch makes OrderProcessor's child Services itself";
  EXPECT_TRUE(hive.find("ControlSet001\\Services\\OrderProcessor\\Services\\OrderProcessor\\"
                        "Services\\OrderProcessor\\Control\\ComputerName")
                  .has_value());
  const WalkCount c = walk_all(hive);
  const WalkCount original = walk_all(open_patched("../appsrv01-SYSTEM"));
  EXPECT_EQ(c.keys, original.keys);
  EXPECT_EQ(c.values, original.values);

  Hive software = open_patched("SOFTWARE.uninstall-loop");
  auto uninstall = software.find("Microsoft\\Windows\\CurrentVersion\\Uninstall");
  auto back = software.find(
      "Microsoft\\Windows\\CurrentVersion\\Uninstall\\{6F1E3C55-8A0B-4C8E-9D55-2B6E1B7F0A11}\\"
      "Uninstall");
  ASSERT_TRUE(uninstall && back);
  EXPECT_EQ(*back, *uninstall);
  EXPECT_EQ(walk_all(software).keys, walk_all(open_patched("../appsrv01-SOFTWARE")).keys);
}

TEST(HiveHostile, AbsurdCountsAndOffsetsAreErrorsOfThatKeyOnly) {
  // Services' sub-key list lies beyond the hive: listing it fails, its
  // siblings are read.
  Hive list = open_patched("SYSTEM.subkey-list");
  std::string error;
  auto services = list.find("ControlSet001\\Services");
  ASSERT_TRUE(services);
  EXPECT_TRUE(list.children(*services, &error).empty());
  EXPECT_FALSE(error.empty());
  EXPECT_TRUE(list.find("ControlSet001\\Control\\ComputerName\\ComputerName").has_value());

  // The root claims 0xffffffff sub-keys: nothing below it can be listed.
  Hive root = open_patched("SYSTEM.root-count");
  error.clear();
  EXPECT_TRUE(root.children(root.root(), &error).empty());
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(root.find("Select").has_value());

  // OrderProcessor claims 0x7fffffff values; Windows NT\CurrentVersion's value
  // list lies beyond the hive: no value of that key, the others are read.
  Hive values = open_patched("SYSTEM.value-count");
  auto op = values.find("ControlSet001\\Services\\OrderProcessor");
  ASSERT_TRUE(op);
  EXPECT_TRUE(values.value_names(*op).empty());
  EXPECT_FALSE(values.string_value(*op, "ImagePath").has_value());
  auto w3svc = values.find("ControlSet001\\Services\\W3SVC");
  ASSERT_TRUE(w3svc);
  EXPECT_TRUE(values.string_value(*w3svc, "ImagePath").has_value());

  Hive software = open_patched("SOFTWARE.value-list");
  auto cv = software.find("Microsoft\\Windows NT\\CurrentVersion");
  ASSERT_TRUE(cv);
  EXPECT_FALSE(software.string_value(*cv, "ProductName").has_value());
  EXPECT_TRUE(software.find("Microsoft\\InetStp").has_value());
}

}  // namespace
}  // namespace liftshift
