// Which application a registered COM class belongs to (collect/com_class_apps):
// beyond its folder, every application whose pages, scripts or code create it
// by one of its ProgIDs or by its CLSID.
#include "collect/com_class_apps.hpp"

#include <gtest/gtest.h>

#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

Application app_at(std::string root, std::vector<SourceHit> hits) {
  Application a;
  a.id = root;
  a.root = std::move(root);
  a.source_hits = std::move(hits);
  return a;
}

TEST(ComClassApps, CodeAndScriptsCreatingTheClassByProgIdOrClsidOwnIt) {
  test::TempDir tmp;
  tmp.write("Apps/Desk/readme.txt", "desk");
  DirectoryVolume volume(tmp.path());
  MachineFacts machine;
  ComClassInfo c;
  c.clsid = "{3F2A7C91-8E4D-4B6A-B5C3-1D9E6F0A2B47}";
  c.server_key = "InprocServer32";
  c.file = "C:\\Vendor\\Pricing\\pricing.dll";
  c.prog_ids = {"Vendor.Pricing.1", "Vendor.Pricing"};
  machine.com_classes.push_back(c);

  std::vector<Application> apps;
  apps.push_back(app_at("Apps/Desk", {{SourceCategory::kComObject, "Apps/Desk/Code/Quote.cs", 3,
                                       "{3f2a7c91-8e4d-4b6a-b5c3-1d9e6f0a2b47}"}}));
  apps.push_back(app_at(
      "Apps/Jobs", {{SourceCategory::kServerState, "Apps/Jobs/a.cs", 1, "Vendor.Pricing"},
                    {SourceCategory::kComObject, "Apps/Jobs/nightly.vbs", 2, "vendor.pricing"}}));
  apps.push_back(app_at("Apps/Other",
                        {{SourceCategory::kComObject, "Apps/Other/x.vbs", 1, "Vendor.Pricingx"}}));
  attach_com_classes(volume, machine, apps);

  ASSERT_EQ(apps[0].com_classes.size(), 1u);
  EXPECT_EQ(apps[0].com_classes[0].named_by,
            "Apps/Desk/Code/Quote.cs:3 creates {3F2A7C91-8E4D-4B6A-B5C3-1D9E6F0A2B47}");
  EXPECT_FALSE(apps[0].com_classes[0].in_app_folder);
  ASSERT_EQ(apps[1].com_classes.size(), 1u);  // the other category's hit names nothing
  EXPECT_EQ(apps[1].com_classes[0].named_by, "Apps/Jobs/nightly.vbs:2 creates vendor.pricing");
  EXPECT_TRUE(apps[2].com_classes.empty());
}

}  // namespace
}  // namespace liftshift
