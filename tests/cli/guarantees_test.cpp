// The promises liftshift makes about what it touches, checked end to end on
// the real executable:
// - read-only: after assess, inventory and containerize, every input (folders,
//   a system drive, disk images) has the same bytes, size, mode, mtime and
//   ctime, and its files the same access time;
// - output confinement: containerize writes only inside OUT, never through a
//   symbolic link, and overwrites only with --force;
// - secrets: no planted password or key appears in any output, while the
//   findings still say that a secret was there.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "hostile_support.hpp"
#include "tree_snapshot.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

// liftshift with whatever it keeps by default (its results store) in a folder
// of its own: neither the user's data folder nor a folder a test checks.
test::RunResult run(const std::vector<std::string>& args) {
  static const test::TempDir data;
  return run_liftshift(args, {"XDG_DATA_HOME=" + data.path().string()});
}

fs::path servers() { return test::fixtures() / "servers"; }
fs::path secrets_dir() { return test::hostile_fixtures() / "secrets"; }

// Copies a fixture (links as links), then dates every entry to 2001, so that
// a plain read would now update an access time (relatime updates it when it
// is older than the modification time... or equal to it).
void copy_input(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

void age(const fs::path& root) {
  const timespec old[2] = {{978307200, 0}, {978307200, 0}};  // 2001-01-01
  ::utimensat(AT_FDCWD, root.c_str(), old, AT_SYMLINK_NOFOLLOW);
  if (!fs::is_directory(fs::symlink_status(root))) return;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    ::utimensat(AT_FDCWD, e.path().c_str(), old, AT_SYMLINK_NOFOLLOW);
  }
}

// Whether this file system updates access times at all (it does not when
// mounted noatime): a plain read of an aged file must move its atime.
bool atime_is_updated(const fs::path& dir) {
  const fs::path probe = dir / "atime-probe";
  std::ofstream(probe) << "x";
  age(probe);
  struct stat before {};
  ::stat(probe.c_str(), &before);
  std::ifstream(probe).get();
  struct stat after {};
  ::stat(probe.c_str(), &after);
  fs::remove(probe);
  return test::ns(before.st_atim) != test::ns(after.st_atim);
}

// libvhdi and libvmdk open an image by its name, without O_NOATIME: reading a
// VHD, VHDX or VMDK may update its access time (never its bytes or mtime).
bool opened_by_a_library(const std::string& path) {
  for (const char* ext : {".vhd", ".vhdx", ".vmdk"}) {
    if (path.ends_with(ext)) return true;
  }
  return false;
}

TEST(Guarantees, InputsAreLeftExactlyAsTheyWere) {
  test::TempDir tmp;
  const fs::path in = tmp.path() / "in";
  copy_input(test::fixtures() / "sample" / "published", in / "published");
  copy_input(test::source_dir() / "samples" / "legacy-apps", in / "legacy-apps");
  copy_input(secrets_dir() / "drive", in / "drive");
  copy_input(test::hostile_fixtures() / "dirs" / "links", in / "links");
  for (const char* image : {"appsrv01.raw", "appsrv01.vhdx", "appsrv01.vmdk", "appsrv01-desc.vmdk",
                            "appsrv01-desc-flat.vmdk"}) {
    copy_input(servers() / image, in / "images" / image);
  }
  age(in);
  const bool with_atime = atime_is_updated(tmp.path());
  if (!with_atime) std::cerr << "note: this file system does not update access times\n";
  const test::TreeSnapshot before = test::snapshot(in);
  ASSERT_GT(before.size(), 60u);

  const std::vector<std::string> sources{(in / "published").string(),
                                         (in / "legacy-apps").string(),
                                         (in / "drive").string(),
                                         (in / "links").string(),
                                         (in / "images/appsrv01.raw").string(),
                                         (in / "images/appsrv01.vhdx").string(),
                                         (in / "images/appsrv01.vmdk").string(),
                                         (in / "images/appsrv01-desc.vmdk").string()};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), sources.begin(), sources.end());
    return args;
  };
  for (const auto& args :
       {with({"assess", "-v"}), with({"assess", "--format", "json"}), with({"inventory"}),
        with({"containerize", "-o", (tmp.path() / "out").string()})}) {
    auto r = run(args);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << args[0] << ": " << r.err;
    EXPECT_NE(r.out.find("appsrv01"), std::string::npos) << args[0] << " read the images";
  }

  std::vector<std::string> changed;
  for (auto& c : test::changes(before, test::snapshot(in), with_atime)) {
    if (c.ends_with(": atime") && opened_by_a_library(c.substr(0, c.size() - 7))) continue;
    changed.push_back(c);
  }
  EXPECT_TRUE(changed.empty()) << ::testing::PrintToString(changed);
}

// ---- Output confinement ----

std::string sample() { return (test::fixtures() / "sample" / "published").string(); }

TEST(Guarantees, ContainerizeNeverWritesThroughALinkOutOfOut) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  const fs::path outside = tmp.path() / "outside";
  fs::create_directories(outside / "site");
  std::ofstream(outside / "victim.txt") << "keep me\n";
  fs::create_directories(out / "published-OrderProcessor-Contoso.OrderProcessor.exe");
  fs::create_directory_symlink(outside / "site", out / "published-ContosoWeb");
  fs::create_symlink(outside / "victim.txt",
                     out / "published-OrderProcessor-Contoso.OrderProcessor.exe" / "Dockerfile");
  age(outside);
  const auto before = test::snapshot(outside);
  for (bool force : {false, true}) {
    SCOPED_TRACE(force ? "--force" : "no --force");
    std::vector<std::string> args{"containerize", sample(), "-o", out.string()};
    if (force) args.push_back("--force");
    auto r = run(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("published-ContosoWeb: is a symbolic link or not a folder; refusing to "
                         "write through it"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("Dockerfile: is a symbolic link; refusing to write through it"),
              std::string::npos)
        << r.err;
    // The application without a link in its way is still written, inside OUT.
    EXPECT_TRUE(fs::is_regular_file(out / "published-InventoryTool-Contoso.InventoryTool.exe" /
                                    "BLOCKED.md"));
    EXPECT_TRUE(test::changes(before, test::snapshot(outside), true).empty());
  }
  // OUT itself a link: refused before anything is written.
  fs::create_directory_symlink(outside, tmp.path() / "linked-out");
  auto r = run({"containerize", sample(), "-o", (tmp.path() / "linked-out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("linked-out: is a symbolic link; refusing to write through it"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(test::changes(before, test::snapshot(outside), true).empty());
}

TEST(Guarantees, ContainerizeOverwritesOnlyWithForceAndOnlyInsideOut) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  ASSERT_EQ(run({"containerize", sample(), "-o", out.string()}).exit_code, 0);
  std::ofstream(out / "notes.txt") << "mine\n";
  std::ofstream(tmp.path() / "beside-out.txt") << "mine too\n";
  age(tmp.path());
  const auto before = test::snapshot(tmp.path());

  // A second run into the same OUT, without --force: refused, nothing changes.
  auto again = run({"containerize", sample(), "-o", out.string()});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("exists; use --force to overwrite"), std::string::npos) << again.err;
  EXPECT_EQ(test::changes(before, test::snapshot(tmp.path()), true), std::vector<std::string>{});

  // With --force: the generated files are replaced (new mtimes); nothing
  // else in OUT or beside it changes, and no temporary file is left.
  ASSERT_EQ(run({"containerize", sample(), "-o", out.string(), "--force"}).exit_code, 0);
  const auto after = test::snapshot(tmp.path());
  std::set<std::string> changed_paths;
  for (const auto& c : test::changes(before, after, false)) {
    const std::string path = c.substr(0, c.rfind(": "));
    changed_paths.insert(path);
    EXPECT_TRUE(path.starts_with("out/") || path == "out") << c;
    EXPECT_EQ(c.find(": added"), std::string::npos) << c;
    EXPECT_EQ(c.find(": removed"), std::string::npos) << c;
  }
  EXPECT_TRUE(changed_paths.count("out/published-ContosoWeb/Dockerfile"));
  EXPECT_FALSE(changed_paths.count("out/notes.txt"));
  EXPECT_FALSE(changed_paths.count("beside-out.txt"));
  for (const auto& [path, state] : after) EXPECT_EQ(path.find(".tmp-"), std::string::npos) << path;
}

// ---- Secrets ----

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = std::min(s.find(',', start), s.size());
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// The report formats `liftshift assess` offers, read from its --help: text
// and json, and html, csv, sarif... as soon as they exist. The one place the
// secrets test takes its list of outputs from.
const std::string& assess_help() {
  static const std::string help = run({"assess", "--help"}).out;
  return help;
}

std::vector<std::string> report_formats() {
  const std::string& help = assess_help();
  std::vector<std::string> out;
  const std::size_t at = help.find("--format");
  std::smatch m;
  const std::string line = at == std::string::npos ? "" : help.substr(at, help.find('\n', at) - at);
  if (std::regex_search(line, m, std::regex(R"(\{([a-z,]+)\})"))) out = split_commas(m[1].str());
  if (out.empty()) out = {"text", "json"};
  return out;
}

bool assess_has_store() { return assess_help().find("--store") != std::string::npos; }

struct Output {
  std::string where;
  std::string text;
};

// Every file under dir, as outputs.
void add_files(const fs::path& dir, std::vector<Output>& outs) {
  if (!fs::exists(dir)) return;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) outs.push_back({e.path().string(), test::read_text(e.path())});
  }
}

// Every output liftshift makes for these sources: each report format on the
// terminal and in a file, the inventory, the results store (when assess has
// one), every file containerize writes; with HOME and XDG_DATA_HOME in tmp so
// whatever is written by default is seen too.
std::vector<Output> every_output(const std::vector<std::string>& sources, const fs::path& tmp) {
  const std::vector<std::string> env{"HOME=" + (tmp / "home").string(),
                                     "XDG_DATA_HOME=" + (tmp / "data").string(),
                                     "XDG_STATE_HOME=" + (tmp / "state").string()};
  fs::create_directories(tmp / "home");
  fs::create_directories(tmp / "files");
  std::vector<Output> outs;
  auto take = [&](const std::string& label, std::vector<std::string> args) {
    args.insert(args.end(), sources.begin(), sources.end());
    auto r = run_liftshift(args, env);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << label << ": " << r.err;
    outs.push_back({label + " (stdout)", r.out});
    outs.push_back({label + " (stderr)", r.err});
  };
  for (const auto& f : report_formats()) {
    take("assess -v --format " + f, {"assess", "-v", "--format", f});
    take("assess -o", {"assess", "--format", f, "-o", (tmp / "files" / ("report." + f)).string()});
  }
  take("inventory", {"inventory"});
  if (assess_has_store()) {
    take("assess --store", {"assess", "--store", (tmp / "files" / "store.sqlite").string()});
  }
  take("containerize", {"containerize", "-o", (tmp / "out").string()});
  for (const char* dir : {"files", "out", "home", "data", "state"}) add_files(tmp / dir, outs);
  return outs;
}

void expect_no_secret_in(const std::vector<Output>& outs) {
  ASSERT_GT(test::planted_secrets().size(), 40u) << "secrets/secrets.txt was not built";
  for (const auto& o : outs) {
    EXPECT_EQ(test::leaked_secrets(o.text), std::vector<std::string>{}) << "in " << o.where;
  }
}

TEST(Guarantees, NoPlantedSecretAppearsInAnyOutput) {
  test::TempDir tmp;
  const std::vector<std::string> sources{
      (secrets_dir() / "published").string(), (secrets_dir() / "src").string(),
      (secrets_dir() / "drive").string(), sample(), (servers() / "appsrv01").string()};
  auto outs = every_output(sources, tmp.path());
  EXPECT_GT(outs.size(), 30u);
  expect_no_secret_in(outs);
  if (!assess_has_store()) std::cerr << "note: assess has no --store yet\n";
  std::cerr << "note: report formats checked: " << ::testing::PrintToString(report_formats())
            << "\n";
}

// The same on a disk image: the server's own secrets, read through NTFS.
TEST(Guarantees, NoPlantedSecretAppearsInAnyOutputOfADiskImage) {
  test::TempDir tmp;
  expect_no_secret_in(every_output({(servers() / "appsrv01.vhdx").string()}, tmp.path()));
}

// Masking must not hide that there was a secret: the findings say so.
TEST(Guarantees, FindingsStillSayASecretWasThere) {
  auto r = run({"assess", "--format", "json", (secrets_dir() / "published").string(),
                (secrets_dir() / "drive").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> apps;
  for (const auto& a : j["apps"]) apps[a["id"].get<std::string>()] = a;
  auto evidence = [&](const std::string& id, const std::string& rule) {
    std::string all;
    for (const auto& f : apps.at(id)["findings"]) {
      if (f["rule"] == rule) {
        for (const auto& e : f["evidence"]) all += e.get<std::string>() + "\n";
      }
    }
    return all;
  };
  const std::string site = evidence("published/SecretSite", "connection-string");
  EXPECT_NE(site.find("'OrdersDb' (System.Data.SqlClient): Data Source=SQLPROD02;Initial "
                      "Catalog=Orders;User ID=site_app;Password=***;Encrypt=True [password "
                      "present: masked; move it to a secret store]"),
            std::string::npos)
      << site;
  EXPECT_NE(site.find("AccountName=contosostore;AccountKey=***;"), std::string::npos) << site;
  // On the server: the service's command line and the task's arguments keep
  // their shape, with the secret values masked.
  const auto service = apps.at("drive/service/SecretSvc")["service"];
  EXPECT_EQ(service["image_path"],
            "\"C:\\Apps\\SecretSvc\\SecretSvc.exe\" -Password *** --api-key=***");
  const auto task = apps.at("drive/task/Contoso/Secret Sync")["task"];
  EXPECT_EQ(task["arguments"], "/full --password *** /token:*** -ApiKey ***");
  const std::string drive_site = evidence("drive/iis/Secret Site", "connection-string");
  EXPECT_NE(drive_site.find("Password=***"), std::string::npos) << drive_site;
}

}  // namespace
}  // namespace liftshift
