#include <gtest/gtest.h>

#include <regex>

#include "core/sha256.hpp"
#include "emit/report_fixture.hpp"
#include "emit/report_render.hpp"
#include "portfolio/portfolio.hpp"

namespace liftshift {
namespace {

namespace fx = test::reportfx;

std::string html_of(Report report) {
  ReportContext context = rank_report(report, "1.2.3");
  auto html = render_report(report, "html", context);
  EXPECT_TRUE(html.ok());
  return html.ok() ? *html : "";
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  auto start = text.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  auto end = text.find(close, start);
  return end == std::string::npos ? "" : text.substr(start, end - start);
}

std::string csp_hash(const std::string& text) {
  auto d = sha256(text);
  return "'sha256-" + base64(d.data(), d.size()) + "'";
}

TEST(ReportHtml, IsOneSelfContainedFileWithoutUrls) {
  std::string html = html_of(fx::estate());
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.find("http:"), std::string::npos);
  EXPECT_EQ(html.find("https:"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("=\"//"), std::string::npos) << "no protocol-relative URL either";
  // The only links are to anchors inside the page.
  std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    EXPECT_EQ((*it)[1].str().substr(0, 1), "#") << (*it)[1].str();
  }
}

TEST(ReportHtml, ContentSecurityPolicyForbidsNetworkAndAllowsOnlyItsOwnCode) {
  std::string html = html_of(fx::estate());
  std::string csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  ASSERT_FALSE(csp.empty());
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("connect-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  std::string script = between(html, "<script>", "</script>");
  std::string style = between(html, "<style>", "</style>");
  ASSERT_FALSE(script.empty());
  ASSERT_FALSE(style.empty());
  EXPECT_NE(csp.find("script-src " + csp_hash(script) + ";"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src " + csp_hash(style) + ";"), std::string::npos) << csp;
  // Exactly one script and one style element: the hashes cover all code.
  EXPECT_EQ(html.find("<script", html.find("<script") + 1), std::string::npos);
  EXPECT_EQ(html.find("<style", html.find("<style") + 1), std::string::npos);
  EXPECT_EQ(html.find(" style=\""), std::string::npos);
  EXPECT_EQ(html.find(" onclick"), std::string::npos);
}

TEST(ReportHtml, SummaryChartsTableAndDetails) {
  std::string html = html_of(fx::estate());
  EXPECT_NE(html.find("data-summary=\"apps\">8<"), std::string::npos);
  EXPECT_NE(html.find("data-summary=\"ready\">2<"), std::string::npos);
  EXPECT_NE(html.find("data-summary=\"ready-with-changes\">3<"), std::string::npos);
  EXPECT_NE(html.find("data-summary=\"not-a-candidate\">3<"), std::string::npos);
  EXPECT_NE(html.find("data-summary=\"effort\">63<"), std::string::npos);
  EXPECT_NE(html.find("2 apps blocked only by MSMQ with Active Directory authentication"),
            std::string::npos);
  for (const char* id : {"chart-verdicts", "chart-blockers", "chart-frameworks", "chart-os"}) {
    std::string figure = between(html, std::string("<figure id=\"") + id + "\">", "</figure>");
    EXPECT_NE(figure.find("<svg"), std::string::npos) << id;
  }
  std::string os_chart = between(html, "<figure id=\"chart-os\">", "</figure>");
  EXPECT_NE(os_chart.find("Windows Server 2012 R2 Standard (6.3.9600)"), std::string::npos);
  // One table row per application, in ranking order; sortable headers; the filters.
  std::string body = between(html, "<tbody>", "</tbody>");
  std::size_t rows = 0;
  for (auto p = body.find("<tr "); p != std::string::npos; p = body.find("<tr ", p + 1)) ++rows;
  EXPECT_EQ(rows, 8u);
  EXPECT_LT(body.find(">Intranet<"), body.find(">Inventory Tool<"));
  EXPECT_NE(html.find("id=\"filter\""), std::string::npos);
  EXPECT_NE(html.find("id=\"verdict-filter\""), std::string::npos);
  EXPECT_NE(html.find("data-type=\"number\"><button"), std::string::npos);
  // Every finding with its evidence and remediation.
  EXPECT_NE(html.find("Inventory/Inventory.exe: subsystem Windows GUI"), std::string::npos);
  EXPECT_NE(html.find(fx::finding("gui-desktop", {}).remediation.substr(0, 40)), std::string::npos);
  EXPECT_NE(html.find("SYSTEM: service NTDS"), std::string::npos) << "machine findings";
  // Print and phone layouts.
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("@media (max-width: 700px)"), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
}

TEST(ReportHtml, EveryValueIsEscaped) {
  Report r = fx::estate();
  r.title = "Estate <b>bold</b>";
  r.apps[0].name = "<script>alert(\"x\")</script> & 'q'";
  r.apps[0].tags["owner"] = "\"><img src=x onerror=alert(1)>";
  r.apps[0].findings[0].evidence.push_back("</li><script>alert(2)</script>");
  r.apps[0].machine = "M\x01\x02<";
  r.problems.push_back({"", "", "bad<path>", "message with <tag> & \"quotes\"", false});
  std::string html = html_of(r);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;/li&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("bad&lt;path&gt;"), std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_NE(html.find("Estate &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
}

TEST(ReportHtml, UnreadableSourcesAreNamedAndCountedOnce) {
  Report r = fx::estate();
  r.problems.push_back(
      {"/images/gone.vhdx", "images/gone.vhdx", "", "no such file or folder", true});
  r.problems.push_back(
      {"/data/published", "/data/published", "/data/published/bin/x.dll", "truncated PE", false});
  std::string html = html_of(r);
  EXPECT_NE(html.find("3 sources, <a href=\"#problems\">1 could not be read</a>, "
                      "<a href=\"#problems\">1 problem</a> met while reading."),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"unreadable\"><code>images/gone.vhdx: could not be read: "
                      "</code>no such file or folder</li>"),
            std::string::npos);
  EXPECT_NE(html.find("<li><code>/data/published/bin/x.dll: </code>truncated PE</li>"),
            std::string::npos);
}

TEST(ReportHtml, EmptyReportStillRenders) {
  Report r;
  std::string html = html_of(r);
  EXPECT_NE(html.find("data-summary=\"apps\">0<"), std::string::npos);
  EXPECT_NE(html.find("No application is blocked."), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(ReportRender, UnknownFormatIsAnError) {
  Report r = fx::estate();
  ReportContext context = rank_report(r, "1");
  auto out = render_report(r, "pdf", context);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("pdf"), std::string::npos);
  for (const auto& format : report_formats()) {
    EXPECT_TRUE(render_report(r, format, context).ok()) << format;
  }
}

}  // namespace
}  // namespace liftshift
