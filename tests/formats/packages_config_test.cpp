#include "formats/packages_config.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(PackagesConfig, ReadsPackagesInOrder) {
  const auto r = parse_packages_config(
      test::read_text(test::source_dir() / "tests/data/formats/packages.config"),
      "packages.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& p : *r) got.emplace_back(p.id, p.version);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Antlr", "3.5.0.2"},
      {"EntityFramework", "6.2.0"},
      {"log4net", "2.0.8"},
      {"Microsoft.AspNet.Mvc", "5.2.7"},
      {"Microsoft.CodeDom.Providers.DotNetCompilerPlatform", "2.0.1"},
  };
  EXPECT_EQ(got, want);
}

TEST(PackagesConfig, SkipsEntriesWithoutIdAndOtherElements) {
  const auto r = parse_packages_config(R"(<packages>
  <package version="1.0" />
  <!-- <package id="Commented" version="9" /> -->
  <package id="Newtonsoft.Json" />
  <other id="x" version="1" />
</packages>)",
                                       "p/packages.config");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].id, "Newtonsoft.Json");
  EXPECT_EQ((*r)[0].version, "");
}

TEST(PackagesConfig, EmptyListAndErrors) {
  const auto empty =
      parse_packages_config("<?xml version=\"1.0\"?><packages />", "packages.config");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  const auto wrong = parse_packages_config("<configuration />", "packages.config");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().message,
            "packages.config: not a packages.config (root element <configuration>)");
  const auto bad =
      parse_packages_config("<packages>\n<package id=\"a\" version=\"1\">\n", "packages.config");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "packages.config: XML error at line 2: Start-end tags mismatch");
}

}  // namespace
}  // namespace liftshift
