#include "collect/file_kind.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(FileKind, LoggingConfigsInTheirOwnFilesAreConfigs) {
  EXPECT_EQ(classify_file("Site/Config/log4net.config"), FileKind::kConfig);
  EXPECT_EQ(classify_file("Svc/NLog.config"), FileKind::kConfig);
  EXPECT_EQ(classify_file("Site/Config/log4net.Release.config"), FileKind::kIgnore);
}

TEST(FileKind, AnUploadNamedFolderInsideAPluginLibraryIsCode) {
  EXPECT_EQ(marker_for_folder("Site/Media").category, MarkerCategory::kStateFolder);
  EXPECT_EQ(marker_for_folder("Site/App_Data/uploads").category, MarkerCategory::kStateFolder);
  EXPECT_EQ(marker_for_folder("Site/admin/editors/tinymce/plugins/media").category, std::nullopt);
  EXPECT_EQ(marker_for_folder("Site/Scripts/upload").category, std::nullopt);
}

TEST(FileKind, NativeProjectsSourcesAndComScripts) {
  EXPECT_EQ(classify_file("src/Tool/Tool.vcxproj"), FileKind::kProject);
  EXPECT_EQ(classify_file("src/Tool/Tool.vcxproj.filters"), FileKind::kIgnore);
  EXPECT_EQ(classify_file("src/Tool/main.cpp"), FileKind::kNativeSource);
  EXPECT_EQ(classify_file("src/Tool/util.c"), FileKind::kNativeSource);
  EXPECT_EQ(classify_file("src/Tool/util.h"), FileKind::kIgnore);
  EXPECT_EQ(classify_file("Site/Scripts/quote.js"), FileKind::kAspPage);
  EXPECT_EQ(classify_file("Site/index.HTM"), FileKind::kAspPage);
  EXPECT_EQ(classify_file("Site/Orders.aspx"), FileKind::kAspPage);
  EXPECT_TRUE(is_com_script("Site/Orders.aspx"));
  EXPECT_TRUE(is_com_script("Jobs/nightly.vbs"));
  EXPECT_FALSE(is_com_script("Site/default.asp"));  // classic ASP: scan_asp
  EXPECT_FALSE(is_com_script("Site/Orders.aspx.cs"));
}

}  // namespace
}  // namespace liftshift
