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

}  // namespace
}  // namespace liftshift
