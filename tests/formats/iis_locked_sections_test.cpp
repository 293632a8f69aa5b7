#include "formats/iis_locked_sections.hpp"

#include <gtest/gtest.h>

#include "formats/dotnet_config.hpp"

namespace liftshift {
namespace {

// "location|section|element" per locked section of a web.config's text.
std::string locked_of(std::string_view xml, const std::string& path = "Site/web.config") {
  auto r = parse_dotnet_config(xml, path);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  std::string out;
  if (!r) return out;
  for (const auto& s : r->iis_locked_sections)
    out += s.location + "|" + s.section + "|" + s.element + "\n";
  return out;
}

TEST(IisLockedSections, AuthenticationAccessAndIpSecurityOfAWebConfig) {
  EXPECT_EQ(locked_of(R"(<configuration>
  <system.webServer>
    <security>
      <authentication>
        <anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true">
          <providers><add value="Negotiate" /></providers>
        </windowsAuthentication>
      </authentication>
      <access sslFlags="Ssl" />
      <ipSecurity allowUnlisted="false"><add ipAddress="10.0.0.0" subnetMask="255.0.0.0" allowed="true" /></ipSecurity>
      <requestFiltering><requestLimits maxAllowedContentLength="1048576" /></requestFiltering>
      <authorization><add accessType="Allow" users="*" /></authorization>
    </security>
    <handlers><add name="x" path="*.x" verb="*" type="X" /></handlers>
    <modules runAllManagedModulesForAllRequests="true" />
    <defaultDocument><files><add value="index.asp" /></files></defaultDocument>
  </system.webServer>
  <location path="admin">
    <system.webServer>
      <security><authentication><basicAuthentication enabled="TRUE" /></authentication></security>
    </system.webServer>
  </location>
</configuration>)"),
            // requestFiltering, authorization, handlers, modules, defaultDocument: open to
            // every web.config.
            "|system.webServer/security/access|<access>\n"
            "|system.webServer/security/authentication/anonymousAuthentication|"
            "<anonymousAuthentication enabled=\"false\">\n"
            "|system.webServer/security/authentication/windowsAuthentication|"
            "<windowsAuthentication enabled=\"true\">\n"
            "|system.webServer/security/ipSecurity|<ipSecurity>\n"
            "admin|system.webServer/security/authentication/basicAuthentication|"
            "<basicAuthentication enabled=\"true\">\n");
}

TEST(IisLockedSections, EnabledIsKeptAndClassicAspSectionsCount) {
  auto r = parse_dotnet_config(
      "<configuration><system.webServer><asp enableParentPaths=\"true\" />"
      "<security><authentication><windowsAuthentication /></authentication></security>"
      "</system.webServer></configuration>",
      "web.config");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->iis_locked_sections.size(), 2u);
  EXPECT_EQ(r->iis_locked_sections[0].section,
            "system.webServer/security/authentication/windowsAuthentication");
  EXPECT_FALSE(r->iis_locked_sections[0].enabled.has_value());
  EXPECT_EQ(r->iis_locked_sections[1].section, "system.webServer/asp");
}

TEST(IisLockedSections, OnlyAWebConfigAndBoundedLocations) {
  // An app.config's system.webServer is no IIS configuration.
  EXPECT_EQ(locked_of("<configuration><system.webServer><security><access sslFlags=\"Ssl\"/>"
                      "</security></system.webServer></configuration>",
                      "Tool.exe.config"),
            "");
  std::string xml = "<configuration>";
  for (int i = 0; i < 2000; ++i) {
    xml += "<location path=\"p" + std::to_string(i) +
           "\"><system.webServer><security><access sslFlags=\"Ssl\"/></security>"
           "</system.webServer></location>";
  }
  xml += "</configuration>";
  auto r = parse_dotnet_config(xml, "web.config");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->iis_locked_sections.size(), 256u);
  // A hostile location path is printable and capped.
  auto h = parse_dotnet_config("<configuration><location path=\"a&#10;b" + std::string(500, 'x') +
                                   "\"><system.webServer><webSocket enabled=\"false\"/>"
                                   "</system.webServer></location></configuration>",
                               "web.config");
  ASSERT_TRUE(h);
  ASSERT_EQ(h->iis_locked_sections.size(), 1u);
  EXPECT_LE(h->iis_locked_sections[0].location.size(), 200u);
  EXPECT_EQ(h->iis_locked_sections[0].location.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace liftshift
