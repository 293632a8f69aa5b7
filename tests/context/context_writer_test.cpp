// The context writer on a folder source built in the test: only what the
// copies name, atomic per application, no link followed, hostile names
// left out, configs rewritten with no secret value under OUT, and the moved
// sections written only to --secrets-to.
#include "context/context_writer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/tree_snapshot.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

const char* kWebConfig =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n"
    "  <connectionStrings>\n"
    "    <add name=\"Db\" connectionString=\"Server=s;User ID=u;Password=Ctx!Secret1\" />\n"
    "  </connectionStrings>\n"
    "  <appSettings>\n"
    "    <add key=\"MailPassword\" value=\"Ctx!Secret2\" />\n"
    "    <add key=\"Title\" value=\"Shop\" />\n"
    "  </appSettings>\n</configuration>\n";

std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  if (!fs::exists(root)) return out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_symlink() || it->is_regular_file())
      out.insert(fs::relative(it->path(), root).generic_string());
  }
  return out;
}

// Every file under root holding any of the values.
std::vector<std::string> holding(const fs::path& root, const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& rel : files_under(root)) {
    std::string text = test::read_text(root / rel);
    for (const auto& v : values) {
      if (text.find(v) != std::string::npos) out.push_back(rel + ": " + v);
    }
  }
  return out;
}

struct Source {
  test::TempDir tmp;
  fs::path in = tmp.path() / "in";
  fs::path out = tmp.path() / "out";
  Source() {
    tmp.write("in/Shop/Default.aspx", "<%@ Page %>");
    tmp.write("in/Shop/bin/Shop.dll", "MZ not really");
    tmp.write("in/Shop/logs/today.log", "log line");
    tmp.write("in/Shop/.git/config", "[core]");
    tmp.write("in/Shop/cache.tmp", "tmp");
    tmp.write("in/Shop/web.config",
              "<configuration><appSettings><add key=\"Title\" value=\"Shop\" /></appSettings>"
              "</configuration>");
    tmp.write("in/Shop/Admin/web.config", "<configuration />");
    tmp.write("in/Other/other.txt", "not the app's");
  }
  AppPlan plan() const {
    AppPlan p;
    p.app_id = "in/Shop";
    p.folder = "in-Shop";
    p.root = "Shop";
    p.build.context_folder = "app";
    p.build.copies.push_back(
        {"Shop", "app", true, {"logs", "**/.git", "**/*.tmp", "Admin"}, "the site", ""});
    return p;
  }
};

ConfigRewrite web_rewrite() {
  ConfigRewrite r;
  r.config = "Shop/web.config";
  r.moves.push_back({"connectionStrings", "config\\connectionStrings.config", {}, "", "", ""});
  r.moves.push_back({"appSettings", "config\\appSettings.config", {"MailPassword"}, "", "", ""});
  return r;
}

TEST(ContextWriter, CopiesOnlyWhatTheCopiesNameAndLeavesOutTheExcludes) {
  Source s;
  s.tmp.write("in/Shop/web.config", kWebConfig);
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.config_rewrites.push_back(web_rewrite());
  auto before = test::snapshot(s.in);
  ContextResult r = write_context(volume, p, {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(files_under(s.out),
            (std::set<std::string>{"in-Shop/app/Default.aspx", "in-Shop/app/bin/Shop.dll",
                                   "in-Shop/app/web.config"}));
  EXPECT_EQ(r.files, 3u);
  EXPECT_GT(r.bytes, 20u);
  EXPECT_EQ(test::changes(before, test::snapshot(s.in), false), std::vector<std::string>{})
      << "the input is never changed";
  EXPECT_EQ(r.secret_files_not_written,
            (std::vector<std::string>{"appSettings.config", "connectionStrings.config"}));
  EXPECT_EQ(holding(s.tmp.path(), {"Ctx!Secret1", "Ctx!Secret2"}),
            (std::vector<std::string>{"in/Shop/web.config: Ctx!Secret1",
                                      "in/Shop/web.config: Ctx!Secret2"}))
      << "the secret values are nowhere but in the input";
  std::string web = test::read_text(s.out / "in-Shop/app/web.config");
  EXPECT_NE(web.find("configSource=\"config\\connectionStrings.config\""), std::string::npos);
  EXPECT_NE(web.find("<appSettings file=\"config\\appSettings.config\">"), std::string::npos);
  EXPECT_NE(web.find("key=\"Title\""), std::string::npos);
}

TEST(ContextWriter, SecretsToWritesTheMovedFilesThereWithMode0600) {
  Source s;
  s.tmp.write("in/Shop/web.config", kWebConfig);
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.config_rewrites.push_back(web_rewrite());
  fs::path secrets = s.tmp.path() / "secrets";
  ContextResult r = write_context(volume, p, {s.out, false, secrets});
  ASSERT_FALSE(r.error) << r.error->message;
  ASSERT_EQ(r.secret_files.size(), 2u);
  fs::path cs = secrets / "in-Shop" / "connectionStrings.config";
  EXPECT_NE(test::read_text(cs).find("Password=Ctx!Secret1"), std::string::npos);
  EXPECT_NE(test::read_text(secrets / "in-Shop" / "appSettings.config").find("Ctx!Secret2"),
            std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(cs.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(holding(s.out, {"Ctx!Secret1", "Ctx!Secret2"}), std::vector<std::string>{});

  // Inside OUT it is refused, and nothing is written.
  test::TempDir other;
  ContextResult inside = write_context(volume, p, {other.path(), false, other.path() / "x" / "s"});
  ASSERT_TRUE(inside.error);
  EXPECT_NE(inside.error->message.find("inside the output folder"), std::string::npos);
  EXPECT_TRUE(files_under(other.path()).empty());
}

// --config env on .NET Framework: the blanked values reach --secrets-to as
// the env file compose and kubectl read, as .NET's JSON values do.
TEST(ContextWriter, ConfigBuildersValuesGoToTheEnvFileOfSecretsTo) {
  Source s;
  s.tmp.write("in/Shop/web.config", kWebConfig);
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.k8s_name = "shop";
  ConfigRewrite r;
  r.config = "Shop/web.config";
  r.builders = true;
  r.changes.push_back(
      {"connectionStrings", "Db", "connectionString", "", "secret", "ConnectionStrings__Db"});
  r.changes.push_back(
      {"appSettings", "MailPassword", "value", "", "secret", "AppSettings__MailPassword"});
  p.config_rewrites.push_back(r);
  fs::path secrets = s.tmp.path() / "secrets";
  ContextResult written = write_context(volume, p, {s.out, false, secrets});
  ASSERT_FALSE(written.error) << written.error->message;
  EXPECT_EQ(test::read_text(secrets / "in-Shop" / "shop.env"),
            "AppSettings__MailPassword=Ctx!Secret2\n"
            "ConnectionStrings__Db=Server=s;User ID=u;Password=Ctx!Secret1\n");
  EXPECT_EQ(holding(s.out, {"Ctx!Secret1", "Ctx!Secret2"}), std::vector<std::string>{});
}

// A file the config reads a section from, holding secrets: never in the
// context; its content, with its own value changes, is the Secret's file.
TEST(ContextWriter, ASectionsOwnFileIsTheSecretsFileNeverCopied) {
  Source s;
  s.tmp.write("in/Shop/web.config",
              "<configuration><appSettings file=\"App_Config\\as.config\">"
              "<add key=\"Title\" value=\"Shop\" /></appSettings></configuration>");
  s.tmp.write("in/Shop/App_Config/as.config",
              "<appSettings><add key=\"MailPassword\" value=\"Ctx!Secret2\" />"
              "<add key=\"Drop\" value=\"D:\\Drop\" /></appSettings>");
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  ConfigRewrite web;
  web.config = "Shop/web.config";
  web.moves.push_back({"appSettings", "config\\as.config", {}, "", "as.config", ""});
  web.moves[0].from_file = "Shop/App_Config/as.config";
  web.moves[0].from_attribute = "file";
  p.config_rewrites.push_back(web);
  ConfigRewrite fragment;
  fragment.config = "Shop/App_Config/as.config";
  fragment.changes.push_back({"appSettings", "Drop", "value", "C:\\Drop", "a volume"});
  fragment.changes[0].from = "D:\\Drop";
  p.config_rewrites.push_back(fragment);
  fs::path secrets = s.tmp.path() / "secrets";
  ContextResult r = write_context(volume, p, {s.out, false, secrets});
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_FALSE(fs::exists(s.out / "in-Shop/app/App_Config/as.config"));
  EXPECT_NE(test::read_text(s.out / "in-Shop/app/web.config").find("file=\"config\\as.config\""),
            std::string::npos);
  const std::string secret = test::read_text(secrets / "in-Shop" / "as.config");
  EXPECT_NE(secret.find("value=\"Ctx!Secret2\""), std::string::npos) << secret;
  EXPECT_NE(secret.find("value=\"C:\\Drop\""), std::string::npos) << secret;
  EXPECT_EQ(holding(s.out, {"Ctx!Secret2"}), std::vector<std::string>{});
  for (const auto& w : r.warnings)
    EXPECT_EQ(w.find("planned for rewriting"), std::string::npos) << w;
}

// The planner names the Secret's folder from the files it parsed; files it did
// not parse in that folder would be hidden by the mount: a warning names them.
TEST(ContextWriter, FilesTheSecretMountWouldHideAreNamed) {
  Source s;
  s.tmp.write("in/Shop/web.config",
              "<configuration><appSettings file=\"config\\as.config\" /></configuration>");
  s.tmp.write("in/Shop/config/as.config",
              "<appSettings><add key=\"MailPassword\" value=\"Ctx!Secret2\" /></appSettings>");
  s.tmp.write("in/Shop/config/rules.xml", "<rules />");
  s.tmp.write("in/Shop/config/more/menu.json", "{}");
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.build.app_dir = "C:\\inetpub\\wwwroot";
  ConfigRewrite web;
  web.config = "Shop/web.config";
  web.moves.push_back({"appSettings", "config\\as.config", {}, "", "as.config", ""});
  web.moves[0].from_file = "Shop/config/as.config";
  web.moves[0].from_attribute = "file";
  web.secret_folder = "C:\\inetpub\\wwwroot\\config";
  p.config_rewrites.push_back(web);
  ContextResult r = write_context(volume, p, {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  std::string hidden;
  for (const auto& w : r.warnings) {
    if (w.find("which hides") != std::string::npos) hidden = w;
  }
  EXPECT_NE(hidden.find("C:\\inetpub\\wwwroot\\config, which hides 2 file(s)"), std::string::npos)
      << ::testing::PrintToString(r.warnings);
  EXPECT_NE(hidden.find("rules.xml"), std::string::npos) << hidden;
  EXPECT_EQ(hidden.find("as.config"), std::string::npos) << "the moved file is not copied";
}

TEST(ContextWriter, AConfigWithSecretsAndNoRewriteAndSecretLookingFilesAreLeftOut) {
  Source s;
  s.tmp.write("in/Shop/web.config", kWebConfig);
  s.tmp.write("in/Shop/App_Data/credentials", "aws_secret_access_key = Ctx!Secret3\n");
  s.tmp.write("in/Shop/App_Data/key.pem",
              "-----BEGIN PRIVATE KEY-----\nQ3R4IVNlY3JldDQ=\n-----END PRIVATE KEY-----\n");
  s.tmp.write("in/Shop/site.pfx", "binary");
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.secrets.push_back({"ConnectionStrings__Db", "***", "password", "Shop/web.config", ""});
  ContextResult r = write_context(volume, p, {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(files_under(s.out),
            (std::set<std::string>{"in-Shop/app/Default.aspx", "in-Shop/app/bin/Shop.dll"}));
  EXPECT_EQ(r.warnings.size(), 4u) << ::testing::PrintToString(r.warnings);
  EXPECT_EQ(holding(s.out, {"Ctx!Secret", "Q3R4IVNlY3JldDQ="}), std::vector<std::string>{});
}

TEST(ContextWriter, IsAtomicPerApplication) {
  Source s;
  DirectoryVolume volume(s.in);
  AppPlan p = s.plan();
  p.build.copies.push_back({"Other", "../escape", true, {}, "a hostile target", "", 0});
  ContextResult r = write_context(volume, p, {s.out, false, std::nullopt});
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(files_under(s.out).empty()) << "no half context";
  EXPECT_TRUE(fs::is_empty(s.out / "in-Shop")) << "no staging folder left";
  EXPECT_FALSE(fs::exists(s.tmp.path() / "escape"));

  // An existing context is kept without replace, replaced whole with it.
  AppPlan ok = s.plan();
  ASSERT_FALSE(write_context(volume, ok, {s.out, false, std::nullopt}).error);
  s.tmp.write("out/in-Shop/app/stale.txt", "from an earlier run");
  ContextResult again = write_context(volume, ok, {s.out, false, std::nullopt});
  ASSERT_TRUE(again.error);
  EXPECT_NE(again.error->message.find("use --force"), std::string::npos);
  EXPECT_TRUE(fs::exists(s.out / "in-Shop/app/stale.txt"));
  ASSERT_FALSE(write_context(volume, ok, {s.out, true, std::nullopt}).error);
  EXPECT_FALSE(fs::exists(s.out / "in-Shop/app/stale.txt"));
  EXPECT_TRUE(fs::exists(s.out / "in-Shop/app/Default.aspx"));
  EXPECT_EQ(files_under(s.out / "in-Shop").size(), 3u) << "nothing but the context";
}

TEST(ContextWriter, FollowsNoLinkInTheSourceOrTheOutput) {
  Source s;
  s.tmp.write("outside/secret.txt", "outside the app");
  fs::create_directory_symlink(s.tmp.path() / "outside", s.in / "Shop" / "linked");
  fs::create_symlink(s.tmp.path() / "outside" / "secret.txt", s.in / "Shop" / "file-link.txt");
  fs::create_directory_symlink(s.in / "Shop", s.in / "ShopLink");
  DirectoryVolume volume(s.in);
  ContextResult r = write_context(volume, s.plan(), {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  for (const auto& f : files_under(s.out)) EXPECT_EQ(f.find("link"), std::string::npos) << f;
  EXPECT_EQ(r.warnings.size(), 2u) << ::testing::PrintToString(r.warnings);

  AppPlan through = s.plan();
  through.build.copies[0].from = "ShopLink";
  through.folder = "through";
  ContextResult t = write_context(volume, through, {s.out, false, std::nullopt});
  ASSERT_FALSE(t.error);
  EXPECT_FALSE(fs::exists(s.out / "through" / "app")) << "a linked folder is not copied";

  // OUT/<app> being a link to somewhere else is refused.
  test::TempDir elsewhere;
  fs::create_directory_symlink(elsewhere.path(), s.out / "linked-out");
  AppPlan p = s.plan();
  p.folder = "linked-out";
  ContextResult o = write_context(volume, p, {s.out, true, std::nullopt});
  ASSERT_TRUE(o.error);
  EXPECT_TRUE(fs::is_empty(elsewhere.path()));
}

TEST(ContextWriter, HostileNamesAreLeftOutNeverEscapeNorCrash) {
  Source s;
  for (const char* name : {"a\nRUN evil.txt", "quote\"d.txt", "back\\slash.txt", "trail.",
                           "colon:stream", "ok 'single' $(x) `tick`.txt"}) {
    s.tmp.write(std::string("in/Shop/") + name, "x");
  }
  DirectoryVolume volume(s.in);
  ContextResult r = write_context(volume, s.plan(), {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  auto files = files_under(s.out);
  EXPECT_TRUE(files.count("in-Shop/app/ok 'single' $(x) `tick`.txt"))
      << "a name Windows can hold is copied as it is";
  EXPECT_EQ(files.size(), 4u) << ::testing::PrintToString(files);
  EXPECT_EQ(r.warnings.size(), 5u);
  for (const auto& w : r.warnings) EXPECT_EQ(w.find('\n'), std::string::npos) << w;
}

TEST(ContextWriter, StreamsABigFileExactly) {
  Source s;
  std::string big(5u << 20, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) >> 3);
  s.tmp.write("in/Shop/bin/big.bin", big);
  DirectoryVolume volume(s.in);
  ContextResult r = write_context(volume, s.plan(), {s.out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(test::read_text(s.out / "in-Shop/app/bin/big.bin"), big);
}

TEST(ContextWriter, ContextSummaryIsReadable) {
  EXPECT_EQ(context_summary(1, 92), "1 file, 92 bytes");
  EXPECT_EQ(context_summary(5, 14336), "5 files, 14.0 KiB");
  EXPECT_EQ(context_summary(412, 3u << 20), "412 files, 3.0 MiB");
  EXPECT_TRUE(path_inside("/a/b/c", "/a/b"));
  EXPECT_TRUE(path_inside("/a/b", "/a/b/"));
  EXPECT_FALSE(path_inside("/a/bc", "/a/b"));
  EXPECT_FALSE(path_inside("/a", "/a/b"));
}

TEST(ContextWriter, ACopyPastItsBoundIsLeftOutWholeAndItsFolderKept) {
  test::TempDir tmp;
  tmp.write("in/Data/Feeds/small.csv", "id\r\n");
  fs::path big = tmp.write("in/Data/Feeds/2025/big.bin", "");
  fs::resize_file(big, (std::uint64_t{1} << 20) + 1);  // sparse: past 1 MiB with the small one
  tmp.write("in/Data/Small/one.csv", "id\r\n");
  DirectoryVolume volume(tmp.path() / "in");
  AppPlan p;
  p.app_id = "in/Feed";
  p.folder = "in-Feed";
  p.build.context_folder = "app";
  p.build.copies.push_back({"Data/Feeds", "seed/feeds", true, {}, "seed of volume feeds", "", 1});
  p.build.copies.push_back({"Data/Small", "seed/small", true, {}, "seed of volume small", "", 1});
  fs::path out = tmp.path() / "out";
  ContextResult r = write_context(volume, p, {out, false, std::nullopt});
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(files_under(out), (std::set<std::string>{"in-Feed/seed/small/one.csv"}));
  EXPECT_TRUE(fs::is_directory(out / "in-Feed/seed/feeds")) << "the Dockerfile's COPY still builds";
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "Data/Feeds: more than 1 MiB, too much for seed of volume feeds; not copied (copy it "
            "onto the volume by hand)");
}

}  // namespace
}  // namespace liftshift
