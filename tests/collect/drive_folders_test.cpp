// The folders on the server's other drives an application names (virtual
// directories, appSettings folders), measured on the drives given.
#include "collect/drive_folders.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "sources/directory_volume.hpp"
#include "sources/server_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

struct Server {
  test::TempDir system;
  test::TempDir data;  // drive D:
  std::unique_ptr<ServerVolume> volume;

  Server() {
    system.write("Windows/System32/config/SYSTEM", "hive");
    volume = std::make_unique<ServerVolume>(std::make_unique<DirectoryVolume>(system.path()));
    volume->add_drive('D', std::make_unique<DirectoryVolume>(data.path()), "folder data");
  }
};

Application site_naming(const std::string& vdir, const std::string& setting) {
  Application app;
  IisInfo iis;
  iis.site = "Reports";
  iis.virtual_dirs = {{"/archive", vdir, ""}};
  app.iis = iis;
  ConfigFacts c;
  c.path = "D:/Sites/Reports/web.config";
  c.app_settings = {{"FeedFolder", setting, false}, {"Mode", "fast", false}};
  app.configs.push_back(c);
  return app;
}

TEST(DriveFolders, FoldersOnADriveGivenAreCountedAndOthersAreNot) {
  Server s;
  s.data.write("Shared/Archive/2025/march.htm", "<html>march</html>");
  s.data.write("Shared/Archive/index.htm", "0123456789");
  s.data.write("Data/Feeds/feed.csv", "id\r\n");
  Application app = site_naming("d:\\shared\\archive", "D:\\Data\\Feeds");
  app.configs[0].app_settings.push_back({"Other", "E:\\Nowhere", false});  // no disk for E:
  app.configs[0].app_settings.push_back({"Missing", "D:\\Data\\Gone", false});
  app.configs[0].app_settings.push_back({"OnC", "C:\\Data\\Feeds", false});
  measure_drive_folders(*s.volume, app);
  ASSERT_EQ(app.drive_folders.size(), 2u);
  const DriveFolder& archive = app.drive_folders[0];
  EXPECT_EQ(archive.windows_path, "d:\\shared\\archive");
  EXPECT_EQ(archive.path, "D:/Shared/Archive") << "as stored on the drive";
  EXPECT_EQ(archive.files, 2u);
  EXPECT_EQ(archive.bytes, 28u);
  EXPECT_FALSE(archive.over_limit);
  EXPECT_EQ(app.drive_folders[1].path, "D:/Data/Feeds");
  EXPECT_EQ(app.drive_folders[1].files, 1u);
}

TEST(DriveFolders, CountingStopsPastTheSeedBound) {
  Server s;
  // Sparse files: sizes past the bound without the disk space.
  for (const char* name : {"a.bin", "b.bin", "c.bin"}) {
    fs::path file = s.data.write(std::string("Data/Big/") + name, "");
    fs::resize_file(file, kMaxDriveSeedBytes / 2 + 1);
  }
  Application app = site_naming("D:\\Data\\Big", "D:\\Data\\Big");
  measure_drive_folders(*s.volume, app);
  ASSERT_EQ(app.drive_folders.size(), 1u) << "the same folder named twice is measured once";
  EXPECT_TRUE(app.drive_folders[0].over_limit);
  EXPECT_EQ(app.drive_folders[0].files, 2u) << "the third file is not needed to know";
}

TEST(DriveFolders, AClimbOutOfTheDriveOrAFileIsNotAFolder) {
  Server s;
  s.data.write("Data/feed.csv", "x");
  Application app = site_naming("D:\\..\\..\\etc", "D:\\Data\\feed.csv");
  measure_drive_folders(*s.volume, app);
  EXPECT_TRUE(app.drive_folders.empty());
}

}  // namespace
}  // namespace liftshift
