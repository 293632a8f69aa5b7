// The entry point in C#/VB source, through scan_source: the Main declaration
// and the hosting calls in its body (or, when Main delegates, in its file).
#include "formats/entry_point_scan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/source_scan.hpp"

namespace liftshift {
namespace {

// "line category text" of the entry-point and service-name hits.
std::vector<std::string> entry_hits(const std::string& text, const std::string& path) {
  std::vector<std::string> out;
  for (const SourceHit& h : scan_source(text, path)) {
    if (to_string(h.category).rfind("entry-", 0) == 0 ||
        h.category == SourceCategory::kServiceName || h.category == SourceCategory::kMainUses ||
        h.category == SourceCategory::kHostingCall)
      out.push_back(std::to_string(h.line) + " " + to_string(h.category) + " " + h.text);
  }
  return out;
}

TEST(EntryPointScan, AWinFormsMainThatManagesAService) {
  const std::string src = R"(using System.ServiceProcess;
using System.Windows.Forms;
static class Program {
    [STAThread]
    static void Main()
    {
        Application.EnableVisualStyles();
        Application.Run(new frmMain());
    }
    static void Restart() { new ServiceController("x").Stop(); }
}
)";
  EXPECT_EQ(entry_hits(src, "Program.cs"),
            (std::vector<std::string>{"5 entry-main static void Main",
                                      "7 entry-gui Application.EnableVisualStyles",
                                      "8 entry-gui Application.Run("}));
}

TEST(EntryPointScan, ServiceHostTopshelfAndWebHostsInMain) {
  EXPECT_EQ(entry_hits("class P { public static void Main(string[] a) {\n"
                       "  var h = new ServiceHost(typeof(S)); h.Open(); Console.ReadLine(); } }",
                       "a.cs"),
            (std::vector<std::string>{"1 entry-main public static void Main",
                                      "2 entry-wcf-host new ServiceHost("}));
  EXPECT_EQ(
      entry_hits("static class P { static void Main() { HostFactory.Run(x => {}); } }", "b.cs"),
      (std::vector<std::string>{"1 entry-main static void Main", "1 entry-service HostFactory.Run(",
                                "1 main-uses HostFactory"}));
  // A Main that runs a service names the classes it hands over (the service
  // class may open a server in OnStart).
  EXPECT_EQ(
      entry_hits("class P { static int Main() { ServiceBase.Run(new S()); return 0; } }", "c.cs"),
      (std::vector<std::string>{"1 entry-main static int Main", "1 entry-service ServiceBase.Run(",
                                "1 main-uses ServiceBase S"}));
  // The service class in Main's own file: its OnStart's server is reported
  // with its class, Main's own calls are not reported twice.
  EXPECT_EQ(
      entry_hits("class P { static void Main() { ServiceBase.Run(new S()); } }\n"
                 "class S : ServiceBase { protected override void OnStart(string[] a) {\n"
                 "  WebApp.Start<Startup>(\"http://+:8085/\"); } }",
                 "d.cs"),
      (std::vector<std::string>{"1 entry-main static void Main", "1 entry-service ServiceBase.Run(",
                                "1 main-uses ServiceBase S", "3 hosting-call S: WebApp.Start"}));
}

TEST(EntryPointScan, AMainThatDelegatesIsReadWithTheRestOfItsFile) {
  const std::string src = R"(public class Program {
    public static void Main(string[] args) => CreateHostBuilder(args).Build().Run();
    static IHostBuilder CreateHostBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(b => b.UseStartup<Startup>());
}
)";
  EXPECT_EQ(entry_hits(src, "Program.cs"),
            (std::vector<std::string>{"2 entry-main public static void Main",
                                      "4 entry-web-host ConfigureWebHostDefaults"}));
}

TEST(EntryPointScan, VisualBasicSubMain) {
  const std::string src =
      "Module Program\n  Sub Main()\n    Application.Run(New MainForm())\n  End Sub\nEnd Module\n";
  EXPECT_EQ(entry_hits(src, "Program.vb"),
            (std::vector<std::string>{"2 entry-main Sub Main", "3 entry-gui Application.Run("}));
}

TEST(EntryPointScan, CommentsStringsCallsAndFilesWithoutMainShowNothing) {
  // Outside Main a call is only a hosting call of its class, for Main to use.
  EXPECT_EQ(entry_hits("class A { void Run() { Application.Run(new F()); } }", "a.cs"),
            std::vector<std::string>{"1 hosting-call A: Application.Run("});
  EXPECT_TRUE(entry_hits("class A { void X() { Program.Main(null); } }", "a.cs").empty());
  EXPECT_EQ(entry_hits("class P { static void Main() {\n // ServiceBase.Run(x);\n"
                       " var s = \"HostFactory.Run(\"; } }",
                       "p.cs"),
            (std::vector<std::string>{"1 entry-main static void Main"}));
  // Unterminated bodies and stray braces end at the file.
  EXPECT_EQ(entry_hits("class P { static void Main() { { Application.Run(", "p.cs").size(), 2u);
  EXPECT_TRUE(entry_hits("static void Main(", "p.cs").empty());
}

// A Main without hosting calls names the types it uses; a file without Main
// names its hosting calls with their class, so the two can be joined.
TEST(EntryPointScan, MainUsesAndHostingCallsOutsideMain) {
  EXPECT_EQ(
      entry_hits("static class P { static void Main() {\n"
                 "  var h = new Api.AppHost(); h.Init(); Runner.Go(h); Runner.Stop(); } }",
                 "p.cs"),
      (std::vector<std::string>{"1 entry-main static void Main", "1 main-uses AppHost Runner"}));
  EXPECT_EQ(entry_hits("namespace N {\nclass AppHost : AppSelfHostBase {\n"
                       "  void X() { var l = new HttpListener(); } }\n}",
                       "AppHost.cs"),
            (std::vector<std::string>{"2 hosting-call AppHost: AppSelfHostBase",
                                      "3 hosting-call AppHost: new HttpListener("}));
  EXPECT_EQ(entry_hits("Public Class Shell\n  Sub Go()\n    application.run(New F())\n"
                       "  End Sub\nEnd Class\n",
                       "Shell.vb"),
            (std::vector<std::string>{"3 hosting-call Shell: application.run("}));
  EXPECT_EQ(hosting_call_role("application.run("), SourceCategory::kEntryGui);
  EXPECT_EQ(hosting_call_role("HostFactory.Run("), SourceCategory::kEntryService);
  EXPECT_EQ(hosting_call_role("Console.WriteLine("), SourceCategory::kEntryMain);
  EXPECT_TRUE(entry_hits("Application.Run(x);", "loose.cs").empty()) << "no class: nothing to join";
}

TEST(EntryPointScan, ServiceNameAssignedByTheInstaller) {
  const std::string src = R"(partial class ProjectInstaller {
    private void InitializeComponent() {
        this.MessagingServerInstaller.ServiceName = "Contoso-Messaging";
        this.MessagingServerInstaller.DisplayName = "Contoso Messaging";
        if (s.ServiceName == "compared") {}
    }
}
)";
  EXPECT_EQ(entry_hits(src, "ProjectInstaller.Designer.cs"),
            (std::vector<std::string>{"3 service-name Contoso-Messaging"}));
  EXPECT_EQ(entry_hits("Me.ServiceInstaller1.ServiceName = \"VbSvc\"\n", "ProjectInstaller.vb"),
            (std::vector<std::string>{"1 service-name VbSvc"}));
}

// Listening addresses in code: net.tcp URLs, http(s) on local or wildcard hosts.
TEST(EntryPointScan, ListeningUrlsAreFound) {
  std::vector<std::string> urls;
  for (const SourceHit& h : scan_source(R"(var a = new Uri("net.tcp://localhost:8888/Sample");
var b = "http://*:8088/";
var c = "http://www.example.com/docs";
var d = "https://localhost:5001";
var e = "http://localhostile.example/";
)",
                                        "p.cs")) {
    if (h.category == SourceCategory::kListenUrl) urls.push_back(h.text);
  }
  EXPECT_EQ(urls, (std::vector<std::string>{"net.tcp://localhost:8888/Sample", "http://*:8088/",
                                            "https://localhost:5001"}));
}

}  // namespace
}  // namespace liftshift
