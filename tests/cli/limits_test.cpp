// liftshift on hostile inputs under resource limits: every scan of a damaged
// disk image, a hostile folder or a hostile system drive ends normally (no
// crash, no hang) within an address-space limit of 1 GiB (setrlimit
// RLIMIT_AS, not applied under AddressSanitizer, see limited_run.hpp), a CPU
// limit and a wall-clock deadline, and reports what was wrong.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "hostile_support.hpp"
#include "limited_run.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::LimitedRun;
using test::Limits;

fs::path hostile() { return test::hostile_fixtures(); }

// Peak resident memory any of these scans may use (the largest, two 100 MiB
// PE files read one after the other, takes about 220 MiB); AddressSanitizer's
// shadow memory and quarantine double it.
constexpr std::uint64_t kMaxRssKib = (test::kSanitized ? 1536ull : 768ull) * 1024;

nlohmann::json assess_json(const fs::path& source, const Limits& limits = {}) {
  LimitedRun r = test::run_limited({"assess", "--format", "json", source.string()}, limits);
  EXPECT_TRUE(r.exited_normally()) << source << ": " << r.describe() << "\n" << r.err;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << source << ": " << r.describe() << "\n"
                                                    << r.err;
  EXPECT_LT(r.max_rss_kib, kMaxRssKib) << source;
  if (!r.exited_normally() || r.out.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> problems(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& p : j.value("problems", nlohmann::json::array())) {
    out.push_back(p["path"].get<std::string>() + ": " + p["message"].get<std::string>());
  }
  return out;
}

bool has_problem(const nlohmann::json& j, const std::string& text) {
  for (const auto& p : problems(j)) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

// The harness itself: a limit that is too small must stop the program, or
// the tests below would pass without any limit in force.
TEST(Limits, TheLimitsAreInForce) {
  if (test::kSanitized) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Limits tiny;
  tiny.address_space = 16ull << 20;
  LimitedRun r = test::run_limited({"rules"}, tiny);
  EXPECT_FALSE(r.exited_normally() && r.exit_code == 0) << r.describe();
  LimitedRun ok = test::run_limited({"rules"}, Limits{});
  EXPECT_EQ(ok.exit_code, 0) << ok.describe() << ok.err;
  EXPECT_GT(ok.max_rss_kib, 0u);
}

// Applications and their verdicts, without the source name (the image's file name).
std::vector<std::string> apps_of(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& a : j.value("apps", nlohmann::json::array())) {
    const std::string id = a["id"].get<std::string>();
    out.push_back(id.substr(id.find('/')) + " " + a["verdict"].get<std::string>());
  }
  return out;
}

TEST(Limits, EveryDamagedDiskImageEndsNormallyWithItsExactOutcome) {
  auto rows = test::read_manifest(hostile() / "images");
  ASSERT_EQ(rows.size(), 19u);
  const auto original = assess_json(test::fixtures() / "servers" / "appsrv01.raw");
  ASSERT_EQ(apps_of(original).size(), 6u);
  int refused = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.file + " (" + row.region + ")");
    auto j = assess_json(hostile() / "images" / row.file);
    if (j.empty()) continue;
    const bool handled = j["sources"][0].value("handled", false);
    for (const auto& p : j["problems"]) {
      EXPECT_NE(p["path"].get<std::string>().find(row.file), std::string::npos) << p;
    }
    if (row.kind == "cut") {
      // The partition now runs past the end of the disk: refused, and said.
      EXPECT_FALSE(handled);
      EXPECT_TRUE(has_problem(j,
                              "partition 1 (30 MiB at 1 MiB) extends beyond the end of the "
                              "disk ("))
          << ::testing::PrintToString(problems(j));
    } else if (row.region == "mbr" || row.region == "boot-code") {
      // An unused partition entry, boot code: nothing the scan reads.
      EXPECT_TRUE(handled);
      EXPECT_EQ(apps_of(j), apps_of(original));
      EXPECT_EQ(problems(j).size(), problems(original).size());
    } else if (!handled) {
      // The boot sector's parameters or the MFT: the file system may be
      // unreadable, which is said; or read, with what it lost as problems.
      EXPECT_TRUE(has_problem(j, "not a readable NTFS file system") ||
                  has_problem(j, "no NTFS partition holds"))
          << ::testing::PrintToString(problems(j));
    } else {
      EXPECT_GE(problems(j).size(), problems(original).size());
    }
    refused += handled ? 0 : 1;
  }
  EXPECT_GE(refused, 4) << "the damage reaches something the scan needs";
}

TEST(Limits, HostileFoldersEndNormallyWithTheirProblems) {
  // 4 GiB sparse files are skipped by size; 0-byte files are problems; two
  // 100 MiB PE files are read, one after the other within the read budget.
  auto sizes = assess_json(hostile() / "dirs" / "sizes");
  EXPECT_TRUE(has_problem(sizes, "Huge.dll: skipped: 4096 MiB is larger than the 512 MiB limit"));
  EXPECT_TRUE(
      has_problem(sizes, "Huge.exe.config: skipped: 4096 MiB is larger than the 64 MiB limit"));
  EXPECT_TRUE(has_problem(sizes, "Empty.dll: not a PE image (no MZ/PE header): skipped"));
  EXPECT_TRUE(
      has_problem(sizes, "Empty.exe.config: XML error at line 1: No document element found"));
  EXPECT_EQ(sizes["summary"]["apps"], 1);

  auto fifo = assess_json(hostile() / "dirs" / "fifo");
  EXPECT_TRUE(
      has_problem(fifo, "Contoso.OrderProcessor.exe.config: not a regular file (a FIFO): not read"))
      << ::testing::PrintToString(problems(fifo));

  // Mode 000 files: as an unprivileged user (root reads them anyway), each is
  // a problem that says so, and the service is still assessed.
  LimitedRun locked = test::run_limited(
      {"assess", "--format", "json", "--no-store", (hostile() / "dirs" / "unreadable").string()},
      {}, ::geteuid() == 0 ? test::kNobody : -1);
  ASSERT_EQ(locked.exit_code, 0) << locked.describe() << locked.err;
  auto unreadable = nlohmann::json::parse(locked.out);
  auto locked_problems = problems(unreadable);
  std::sort(locked_problems.begin(), locked_problems.end());
  EXPECT_EQ(locked_problems,
            (std::vector<std::string>{
                (hostile() / "dirs" / "unreadable").string() +
                    "/Contoso.OrderProcessor.exe.config: Contoso.OrderProcessor.exe.config: "
                    "cannot open: Permission denied",
                (hostile() / "dirs" / "unreadable").string() +
                    "/DirLib.dll: DirLib.dll: cannot open: Permission denied"}));
  EXPECT_EQ(unreadable["summary"]["apps"], 1);

  auto links = assess_json(hostile() / "dirs" / "links");
  EXPECT_EQ(problems(links).size(), 8u) << ::testing::PrintToString(problems(links));
  EXPECT_EQ(links["summary"]["apps"], 1);

  for (const char* attack : {"bomb", "xxe", "deep"}) {
    for (const char* kind : {"-site", "-src"}) {
      SCOPED_TRACE(std::string(attack) + kind);
      auto j = assess_json(hostile() / "xml" / (std::string(attack) + kind));
      EXPECT_EQ(j["summary"]["apps"], 1);
    }
  }
}

// File names are data: on the terminal they never carry a control character
// (C0, DEL, C1 such as U+009B, the one-character CSI) or invalid UTF-8.
TEST(Limits, HostileNamesReachTheTerminalOnlyAsPrintableText) {
  LimitedRun r = test::run_limited({"assess", "-v", (hostile() / "dirs" / "names").string()}, {});
  ASSERT_EQ(r.exit_code, 0) << r.describe() << r.err;
  EXPECT_NE(r.out.find("names/Csi?31m.exe"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("names/Gui??[31m.exe"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("names/Caf\xEF\xBF\xBD"), std::string::npos) << r.out;
  const auto* u = reinterpret_cast<const unsigned char*>(r.out.data());
  for (std::size_t i = 0; i < r.out.size(); ++i) {
    ASSERT_TRUE(u[i] >= 0x20 || u[i] == '\n') << "byte " << int(u[i]) << " at " << i;
    ASSERT_NE(u[i], 0x7F);
    if (u[i] == 0xC2 && i + 1 < r.out.size()) {
      ASSERT_GE(u[i + 1], 0xA0) << "a C1 control";
    }
  }
  auto j = test::run_limited(
      {"assess", "--format", "json", (hostile() / "dirs" / "names").string()}, {});
  EXPECT_EQ(nlohmann::json::parse(j.out)["summary"]["apps"], 4);

  // JSON and SARIF keep the name exactly, with the C1 control as a \u escape
  // rather than the raw character a terminal would act on.
  for (const char* format : {"json", "sarif"}) {
    SCOPED_TRACE(format);
    auto doc = test::run_limited(
        {"assess", "--no-store", "--format", format, (hostile() / "dirs" / "names").string()}, {});
    ASSERT_EQ(doc.exit_code, 0) << doc.err;
    EXPECT_NE(doc.out.find("Csi\\u009b31m.exe"), std::string::npos);
    for (std::size_t i = 0; i + 1 < doc.out.size(); ++i) {
      auto c = static_cast<unsigned char>(doc.out[i]);
      auto next = static_cast<unsigned char>(doc.out[i + 1]);
      ASSERT_FALSE(c == 0xC2 && next >= 0x80 && next < 0xA0) << "a raw C1 control at " << i;
    }
    EXPECT_NE(nlohmann::json::parse(doc.out).dump().find("Csi\xC2\x9B"
                                                         "31m.exe"),
              std::string::npos);
  }
}

TEST(Limits, HostileSystemDrivesEndNormally) {
  // A FIFO where the SOFTWARE hive should be: once a read that never returned.
  auto fifo = assess_json(hostile() / "drives" / "fifo-hive");
  EXPECT_TRUE(has_problem(fifo, "Windows/System32/config/SOFTWARE: not a regular file"))
      << ::testing::PrintToString(problems(fifo));
  for (const char* drive :
       {"services-loop", "uninstall-loop", "value-count", "value-list", "subkey-list", "root-count",
        "xml-bomb", "xml-xxe", "xml-deep", "iis-escape"}) {
    SCOPED_TRACE(drive);
    auto j = assess_json(hostile() / "drives" / drive);
    EXPECT_FALSE(j.empty());
  }
  auto image = assess_json(hostile() / "iis-escape.vhdx");
  EXPECT_TRUE(has_problem(image, "climbs out of the drive with '..'"))
      << ::testing::PrintToString(problems(image));
}

}  // namespace
}  // namespace liftshift
