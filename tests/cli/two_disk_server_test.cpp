// FILESRV02 on two disks (tests/fixtures/twodisk/build.sh): assessed as one
// machine from its system disk and its data disk, in every image format and
// partition scheme, with the same applications and verdicts as from the two
// drives given as folders; a missing or wrong disk is a clear problem.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_liftshift;

fs::path twodisk() { return test::fixtures() / "twodisk"; }
std::string at(const std::string& name) { return (twodisk() / name).string(); }

json assess_json(const std::vector<std::string>& args) {
  std::vector<std::string> all{"assess", "--format", "json", "--no-store"};
  all.insert(all.end(), args.begin(), args.end());
  auto r = run_liftshift(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (r.out.empty()) return json::object();
  return json::parse(r.out);
}

// "/iis/Reports ready-with-changes": every app without its source name, with its verdict.
std::set<std::string> verdicts(const json& j) {
  std::set<std::string> out;
  for (const auto& app : j["apps"]) {
    std::string id = app["id"];
    out.insert(id.substr(id.find('/')) + " " + app["verdict"].get<std::string>());
  }
  return out;
}

const json* app(const json& j, const std::string& suffix) {
  for (const auto& a : j["apps"]) {
    std::string id = a["id"];
    if (id.size() >= suffix.size() &&
        id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0)
      return &a;
  }
  return nullptr;
}

std::string problems_text(const json& j) {
  std::string out;
  for (const auto& p : j["problems"])
    out += p["path"].get<std::string>() + ": " + p["message"].get<std::string>() + "\n";
  return out;
}

// The site and the service on D: were read from the data disk: their
// binaries and configs are known, and E: (no disk given) is named.
void expect_data_drive_assessed(const json& j, const std::string& e_location) {
  const json* site = app(j, "/iis/Reports");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ((*site)["root"], "D:/Sites/Reports");
  EXPECT_EQ((*site)["kind"], "web");
  EXPECT_NE((*site)["verdict"], "unknown") << site->dump();
  const json* feed = app(j, "/service/ReportFeed");
  ASSERT_NE(feed, nullptr);
  EXPECT_EQ((*feed)["entry"], "D:/Services/ReportFeed/ReportFeed.exe");
  EXPECT_EQ((*feed)["kind"], "service");
  EXPECT_NE((*feed)["verdict"], "unknown") << feed->dump();
  const json* archive = app(j, "/iis/Archive");
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ((*archive)["verdict"], "unknown");
  std::string problems = problems_text(j);
  EXPECT_NE(problems.find("site 'Archive' serves E:\\Sites\\Archive, which is on drive E:, which "
                          "is on no disk given (the server mounts E: from " +
                          e_location + "; add that disk with --disk)"),
            std::string::npos)
      << problems;
  EXPECT_EQ(problems.find("Reports"), std::string::npos) << problems;
  EXPECT_EQ(problems.find("ReportFeed"), std::string::npos) << problems;
}

TEST(TwoDiskServer, TheFoldersGiveTheSiteAndServiceOnD) {
  auto j = assess_json({at("system"), "--disk", "D:=" + at("data")});
  EXPECT_EQ(j["machine"]["computer_name"], "FILESRV02");
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["drives"][0], "D: folder " + at("data"));
  expect_data_drive_assessed(j, "MBR disk signature 0BADD15C, partition at 1 MiB");
}

TEST(TwoDiskServer, EveryImageFormatAndSchemeIsOneMachineLikeTheFolders) {
  auto folders = verdicts(assess_json({at("system"), "--disk", "D:=" + at("data")}));
  ASSERT_EQ(folders.size(), 4u);  // Default Web Site, Reports, Archive, ReportFeed
  for (const char* scheme : {"mbr", "gpt"}) {
    for (const char* ext : {"raw", "vhd", "vhdx", "vmdk"}) {
      std::string system = at(std::string("system-") + scheme + "." + ext);
      std::string data = at(std::string("data-") + scheme + "." + ext);
      SCOPED_TRACE(system);
      auto j = assess_json({system, "--disk", data});
      ASSERT_EQ(j["sources"].size(), 1u);
      EXPECT_EQ(j["machine"]["computer_name"], "FILESRV02");
      ASSERT_EQ(j["sources"][0]["drives"].size(), 1u);
      EXPECT_EQ(j["sources"][0]["drives"][0],
                "D: data-" + std::string(scheme) + "." + ext + " partition 1 (NTFS, 8 MiB)");
      EXPECT_EQ(verdicts(j), folders);
      expect_data_drive_assessed(j, std::string(scheme) == "mbr"
                                        ? "MBR disk signature 0BADD15C, partition at 1 MiB"
                                        : "GPT partition C0FFEE00-1234-4ABC-8DEF-0123456789AB");
      // --server: the same disks listed together, the system disk found by its Windows.
      auto listed = assess_json({"--server", data, system});
      EXPECT_EQ(verdicts(listed), folders);
    }
  }
}

TEST(TwoDiskServer, TheReportNamesTheDrivesReadAndTheDisksNotGiven) {
  auto r =
      run_liftshift({"assess", "--no-store", at("system-gpt.vmdk"), "--disk", at("data-gpt.vmdk")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("    drive D: data-gpt.vmdk partition 1 (NTFS, 8 MiB)\n"), std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find("    drive E: not given (GPT partition C0FFEE00-1234-4ABC-8DEF-0123456789AB)\n"),
      std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("drive F:"), std::string::npos) << r.out;  // a CD-ROM, not a disk
  auto j = assess_json({at("system-gpt.vmdk")});
  ASSERT_EQ(j["machine"]["drives"].size(), 4u);
  EXPECT_EQ(j["machine"]["drives"][1]["letter"], "D:");
  EXPECT_EQ(j["machine"]["drives"][1]["location"],
            "GPT partition 3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6");
}

TEST(TwoDiskServer, ADamagedPrimaryGptIsReadFromTheBackup) {
  auto j = assess_json({at("system-gpt.raw"), "--disk", at("data-gpt-primary-damaged.raw")});
  expect_data_drive_assessed(j, "GPT partition C0FFEE00-1234-4ABC-8DEF-0123456789AB");
  EXPECT_NE(problems_text(j).find(
                "data-gpt-primary-damaged.raw: the primary GPT is damaged (the CRC32 of its "
                "partition entries does not match): partitions read from the backup GPT at "
                "sector 20479"),
            std::string::npos)
      << problems_text(j);
}

TEST(TwoDiskServer, WithoutItsDataDiskTheSiteNamesTheDiskToLookFor) {
  auto j = assess_json({at("system-mbr.vhdx")});
  const json* site = app(j, "/iis/Reports");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ((*site)["verdict"], "unknown");
  std::string problems = problems_text(j);
  EXPECT_NE(problems.find("site 'Reports' serves D:\\Sites\\Reports, which is on drive D:, which "
                          "is on no disk given (the server mounts D: from MBR disk signature "
                          "5EED0D15, partition at 1 MiB; add that disk with --disk)"),
            std::string::npos)
      << problems;
  EXPECT_NE(
      problems.find("service ReportFeed: its program D:\\Services\\ReportFeed\\ReportFeed.exe "
                    "is on drive D:, which is on no disk given"),
      std::string::npos)
      << problems;
}

TEST(TwoDiskServer, AWrongDiskIsNamedAndNotRead) {
  // The GPT server's data disk given to the MBR server: no letter names its partition.
  auto j = assess_json({at("system-mbr.raw"), "--disk", at("data-gpt.raw")});
  EXPECT_FALSE(j["sources"][0].contains("drives"));
  std::string problems = problems_text(j);
  EXPECT_NE(problems.find("data-gpt.raw: partition 1 (GPT partition "
                          "3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6) has no drive letter in the "
                          "server's MountedDevices: not read (name its letter: --disk "
                          "D:=data-gpt.raw)"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find("which is on drive D:, which is on no disk given (the server mounts D: "
                          "from MBR disk signature 5EED0D15"),
            std::string::npos)
      << problems;
  // Named by letter, the same disk is read as D:.
  auto named = assess_json({at("system-mbr.raw"), "--disk", "D:=" + at("data-gpt.raw")});
  expect_data_drive_assessed(named, "MBR disk signature 0BADD15C, partition at 1 MiB");
}

TEST(TwoDiskServer, UsageErrors) {
  auto two = run_liftshift({"assess", "--no-store", at("system-mbr.raw"), at("system-gpt.raw"),
                            "--disk", at("data-mbr.raw")});
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("--disk attaches disks to one server"), std::string::npos) << two.err;
  auto system = run_liftshift(
      {"assess", "--no-store", at("system-mbr.raw"), "--disk", "C:=" + at("data-mbr.raw")});
  EXPECT_EQ(system.exit_code, 2);
  EXPECT_NE(system.err.find("C: is the system drive"), std::string::npos) << system.err;
  auto none = run_liftshift({"assess", "--no-store", "--server", at("data-mbr.raw")});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("none of the PATHs holds Windows"), std::string::npos) << none.err;
}

TEST(TwoDiskServer, ContainerizeCopiesTheSiteFromTheDataDisk) {
  test::TempDir out;
  auto r = run_liftshift({"containerize", at("system-gpt.vhdx"), "--disk", at("data-gpt.vhdx"),
                          "--app", "system-gpt.vhdx/iis/Reports", "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  fs::path app_dir;
  for (const auto& e : fs::directory_iterator(out.path())) app_dir = e.path();
  ASSERT_FALSE(app_dir.empty());
  EXPECT_TRUE(fs::exists(app_dir / "app" / "bin" / "Contoso.Reports.dll")) << r.out;
  EXPECT_TRUE(fs::exists(app_dir / "app" / "Default.aspx")) << r.out;
}

// The one folder of OUT whose name ends with suffix.
fs::path app_folder(const fs::path& out, const std::string& suffix) {
  for (const auto& e : fs::directory_iterator(out)) {
    std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.ends_with(suffix)) return e.path();
  }
  return {};
}

TEST(TwoDiskServer, ContainerizeSeedsTheVolumesOfFoldersOnDFromTheDataDisk) {
  test::TempDir out;
  auto r = run_liftshift({"containerize", at("system-mbr.vhdx"), "--disk", at("data-mbr.vhdx"),
                          "--app", "system-mbr.vhdx/iis/Reports", "--app",
                          "system-mbr.vhdx/service/ReportFeed", "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  // The site's virtual directory /archive (D:\Shared\ReportArchive): a volume at
  // C:\Shared\ReportArchive, seeded with what the data disk holds there.
  fs::path site = app_folder(out.path(), "Reports");
  ASSERT_FALSE(site.empty());
  EXPECT_EQ(test::read_text(site / "seed" / "reportarchive" / "2025" / "march.htm"),
            "<html><body>March 2025</body></html>\r\n")
      << r.out;
  std::string dockerfile = test::read_text(site / "Dockerfile");
  EXPECT_NE(dockerfile.find("COPY seed/reportarchive/ C:/seed/reportarchive/"), std::string::npos)
      << dockerfile;
  EXPECT_EQ(r.out.find("starts empty"), std::string::npos) << r.out;
  // The service's data folder (appSettings DataFolder = D:\Data\ReportFeed).
  fs::path feed = app_folder(out.path(), "ReportFeed");
  ASSERT_FALSE(feed.empty());
  EXPECT_EQ(test::read_text(feed / "seed" / "reportfeed" / "feed-0001.csv"),
            "id,title\r\n1,monthly\r\n");
  EXPECT_TRUE(fs::exists(feed / "app" / "ReportFeed.exe"));
}

// plan records the data disks (as given, with the letters they hold), and
// containerize --plan reads them: the site on D: and its virtual directory's
// seed come from the data disk.
TEST(TwoDiskServer, ThePlanRecordsTheDisksAndContainerizePlanReadsThem) {
  test::TempDir tmp;
  fs::path plan = tmp.path() / "plan.yaml";
  auto p = run_liftshift({"plan", at("system-gpt.vhdx"), "--disk", at("data-gpt.vhdx"), "--app",
                          "system-gpt.vhdx/iis/Reports", "-o", plan.string()});
  ASSERT_EQ(p.exit_code, 0) << p.err << p.out;
  std::string yaml = test::read_text(plan);
  EXPECT_NE(yaml.find("disks:\n  - source: " + at("system-gpt.vhdx") +
                      "\n    path: " + at("data-gpt.vhdx") +
                      "\n    letter: \"\"\n    drives:\n      - "
                      "\"D:\"\n"),
            std::string::npos)
      << yaml;
  fs::path out = tmp.path() / "out";
  auto r = run_liftshift({"containerize", "--plan", plan.string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  fs::path site = app_folder(out, "Reports");
  ASSERT_FALSE(site.empty());
  EXPECT_TRUE(fs::exists(site / "app" / "bin" / "Contoso.Reports.dll")) << r.out;
  EXPECT_TRUE(fs::exists(site / "seed" / "reportarchive" / "2025" / "march.htm")) << r.out;
}

// A disk given by a relative path is recorded absolute: containerize --plan
// run from another folder still finds it.
TEST(TwoDiskServer, ThePlanRecordsADiskGivenRelativelyAsAnAbsolutePath) {
  test::TempDir tmp;
  fs::path plan = tmp.path() / "plan.yaml";
  const fs::path data = at("data-gpt.vhdx");
  const fs::path relative = fs::relative(data, fs::current_path());
  ASSERT_FALSE(relative.is_absolute());
  auto p = run_liftshift({"plan", at("system-gpt.vhdx"), "--disk", relative.string(), "--app",
                          "system-gpt.vhdx/iis/Reports", "-o", plan.string()});
  ASSERT_EQ(p.exit_code, 0) << p.err << p.out;
  std::string yaml = test::read_text(plan);
  EXPECT_NE(yaml.find("\n    path: " + fs::absolute(relative).lexically_normal().string() + "\n"),
            std::string::npos)
      << yaml;
}

TEST(TwoDiskServer, ContainerizePlanRefusesADiskThatIsGone) {
  test::TempDir tmp;
  fs::path data = tmp.path() / "data.vmdk";
  fs::copy_file(twodisk() / "data-mbr.vmdk", data);
  fs::path plan = tmp.path() / "plan.yaml";
  auto p = run_liftshift({"plan", at("system-mbr.vmdk"), "--disk", "D:=" + data.string(), "--app",
                          "system-mbr.vmdk/iis/Reports", "-o", plan.string()});
  ASSERT_EQ(p.exit_code, 0) << p.err << p.out;
  EXPECT_NE(test::read_text(plan).find("letter: \"D:\""), std::string::npos)
      << "the letter the user named";
  fs::remove(data);
  fs::path out = tmp.path() / "out";
  auto r = run_liftshift({"containerize", "--plan", plan.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find(plan.string() + ": disks[0]: " + data.string() + ", the data disk of " +
                       at("system-mbr.vmdk") +
                       " that held D:, does not exist: give its path in the plan's disks"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(!fs::exists(out) || fs::is_empty(out)) << "nothing written";
  // With --no-copy the disks are not read: the artifacts are written.
  auto no_copy =
      run_liftshift({"containerize", "--plan", plan.string(), "--no-copy", "-o", out.string()});
  EXPECT_EQ(no_copy.exit_code, 0) << no_copy.err;
}

TEST(TwoDiskServer, BytesReadCountsTheDataDiskToo) {
  auto alone = assess_json({at("system-mbr.vhdx")});
  auto both = assess_json({at("system-mbr.vhdx"), "--disk", at("data-mbr.vhdx")});
  auto read = [](const json& j) {
    return j["sources"][0]["image"]["bytes_read"].get<std::uint64_t>();
  };
  // The data disk's partition table, NTFS metadata and the site's and service's files.
  EXPECT_GT(read(both), read(alone) + 64 * 1024) << read(alone) << " vs " << read(both);
}

}  // namespace
}  // namespace liftshift
