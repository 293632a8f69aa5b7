// Which application a registered COM class belongs to (collect/com_class_apps):
// beyond its folder, every application whose pages, scripts or code create it
// by one of its ProgIDs or by its CLSID.
#include "collect/com_class_apps.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "collect/parsed_files.hpp"
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

// ProgIDs and CLSIDs created in a site's JScript, HTML and .aspx pages are
// read by the same scan as scripts' (read_source) and own the class too.
TEST(ComClassApps, JsHtmlAndAspxPagesNameTheClassesTheyCreate) {
  test::TempDir tmp;
  tmp.write("Site/web.config", "<configuration />");
  tmp.write("Site/Scripts/quote.js",
            "// new ActiveXObject(\"Vendor.Commented\")\n"
            "function quote() {\n  var p = new ActiveXObject(\"Vendor.Pricing\");\n}\n");
  tmp.write("Site/index.htm",
            "<html><body>\n<object id=\"grid\" "
            "classid=\"clsid:5A0B3C2D-1111-4222-8333-944455556666\"></object>\n</body></html>\n");
  tmp.write("Site/Orders.aspx",
            "<%@ Page Language=\"VB\" AspCompat=\"true\" %>\n<script runat=\"server\">\n"
            "Dim x = Server.CreateObject(\"Vendor.Export\")\n</script>\n");
  DirectoryVolume volume(tmp.path());
  ParsedSource parsed = read_source(volume);
  std::vector<std::string> hits;
  for (const auto& h : parsed.source_hits) {
    if (h.category == SourceCategory::kComObject)
      hits.push_back(h.file + ":" + std::to_string(h.line) + " " + h.text);
  }
  std::sort(hits.begin(), hits.end());
  EXPECT_EQ(hits, (std::vector<std::string>{
                      "Site/Orders.aspx:3 Vendor.Export", "Site/Scripts/quote.js:3 Vendor.Pricing",
                      "Site/index.htm:2 {5A0B3C2D-1111-4222-8333-944455556666}"}));

  MachineFacts machine;
  auto add_class = [&](std::string clsid, std::vector<std::string> prog_ids) {
    ComClassInfo c;
    c.clsid = std::move(clsid);
    c.server_key = "InprocServer32";
    c.file = "C:\\Vendor\\vendor.dll";
    c.prog_ids = std::move(prog_ids);
    machine.com_classes.push_back(c);
  };
  add_class("{3F2A7C91-8E4D-4B6A-B5C3-1D9E6F0A2B47}", {"Vendor.Pricing"});
  add_class("{5A0B3C2D-1111-4222-8333-944455556666}", {});
  add_class("{7B1C4D3E-2222-4333-8444-A55566667777}", {"Vendor.Export"});
  add_class("{8C2D5E4F-3333-4444-8555-B66677778888}", {"Vendor.Commented"});
  std::vector<Application> apps;
  apps.push_back(app_at("Site", parsed.source_hits));
  attach_com_classes(volume, machine, apps);
  std::vector<std::string> named;
  for (const auto& c : apps[0].com_classes) named.push_back(c.named_by);
  EXPECT_EQ(named, (std::vector<std::string>{
                       "Site/Scripts/quote.js:3 creates Vendor.Pricing",
                       "Site/index.htm:2 creates {5A0B3C2D-1111-4222-8333-944455556666}",
                       "Site/Orders.aspx:3 creates Vendor.Export"}));
}

}  // namespace
}  // namespace liftshift
