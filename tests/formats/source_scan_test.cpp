#include "formats/source_scan.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/text.hpp"
#include "formats/facts_dump.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using Hit = std::tuple<int, std::string, std::string>;  // line, category, text

// The hits the file settles by itself (those waiting for the project's
// imports are ProjectImports' test).
std::vector<Hit> scan(const std::string& text, const std::string& path) {
  std::vector<Hit> out;
  for (const SourceHit& h : scan_source(text, path)) {
    EXPECT_EQ(h.file, path);
    if (h.needs_import.empty()) out.emplace_back(h.line, to_string(h.category), h.text);
  }
  return out;
}

// "line category text needs_import" of every hit waiting for the project.
std::vector<std::string> waiting(const std::string& text, const std::string& path) {
  std::vector<std::string> out;
  for (const SourceHit& h : scan_source(text, path)) {
    if (!h.needs_import.empty())
      out.push_back(std::to_string(h.line) + " " + to_string(h.category) + " " + h.text + " " +
                    h.needs_import);
  }
  return out;
}

// A type named unqualified without the file's own import waits for the
// project's (csproj <Using>, `global using`); a `global using` is a hit and
// imports for its own file too.
TEST(SourceScan, UnimportedTypesWaitForTheProjectsImports) {
  const std::string bare =
      "class W { void F() { var k = Registry.CurrentUser; } }\n"  // 1
      "class X : ServiceBase { }\n";                              // 2
  EXPECT_EQ(scan(bare, "W.cs"), std::vector<Hit>{});
  EXPECT_EQ(waiting(bare, "W.cs"),
            (std::vector<std::string>{"1 registry Registry.CurrentUser Microsoft.Win32",
                                      "2 servicebase ServiceBase System.ServiceProcess"}));
  const std::string global =
      "global using Microsoft.Win32;\nclass G { object k = Registry.Users; }\n";
  EXPECT_EQ(scan(global, "Usings.cs"), (std::vector<Hit>{{1, "global-using", "Microsoft.Win32"},
                                                         {2, "registry", "Registry.Users"}}));
  EXPECT_TRUE(waiting(global, "Usings.cs").empty());
  // An own type of that name, an alias or a generic never waits.
  EXPECT_TRUE(waiting("class Registry { } class U { object k = Registry.Users; }", "U.cs").empty());
  EXPECT_TRUE(waiting("class H : ServiceStack.ServiceBase<Req> { }", "H.cs").empty());
}

std::string fixture(const char* name) {
  return test::read_text(test::source_dir() / "tests/data/formats" / name);
}

TEST(SourceScan, CategoryConstants) {
  EXPECT_EQ(kAllSourceCategories.size(), 43u);
  EXPECT_EQ(to_string(SourceCategory::kEntryMain), "entry-main");
  EXPECT_EQ(to_string(SourceCategory::kServiceName), "service-name");
  EXPECT_EQ(to_string(SourceCategory::kMsmqQueue), "msmq-queue");
  EXPECT_EQ(to_string(SourceCategory::kDrivePath), "drive-path");
  EXPECT_EQ(to_string(SourceCategory::kWindowsIdentity), "windows-identity");
}

// A literal holding a credential is one hit, masked; a hole the program fills
// in, a name and a trusted connection are none (C# and VB).
TEST(SourceScan, CredentialsInStringLiteralsAreMaskedHits) {
  const std::string cs =
      "class Db {\n"
      "  const string A = \"Data Source=sql01;User ID=sa;Password=Winter2019!\";\n"
      "  string B(string p) { return $\"Server=db;Password={p};\"; }\n"
      "  const string C = \"Data Source={0};Password={1}\";\n"
      "  const string D = \"Server=db;Integrated Security=true\";\n"
      "  const string E = @\"https://deploy:Tr0ub4dor3@feeds.contoso.example/nuget\";\n"
      "}\n";
  std::vector<Hit> secrets;
  for (const Hit& h : scan(cs, "Db.cs")) {
    if (std::get<1>(h) == "code-secret") secrets.push_back(h);
  }
  EXPECT_EQ(secrets, (std::vector<Hit>{
                         {2, "code-secret", "Data Source=sql01;User ID=sa;Password=***"},
                         {6, "code-secret", "https://deploy:***@feeds.contoso.example/nuget"}}));
  const std::string vb =
      "Module M\n"
      "  Const Cs As String = \"Server=db;Uid=app;Pwd=s3cret\"\n"
      "  Function F(p As String) As String\n"
      "    Return \"Server=db;Pwd=\" & p\n"
      "  End Function\n"
      "End Module\n";
  std::vector<Hit> vb_secrets;
  for (const Hit& h : scan(vb, "M.vb")) {
    if (std::get<1>(h) == "code-secret") vb_secrets.push_back(h);
  }
  EXPECT_EQ(vb_secrets, (std::vector<Hit>{{2, "code-secret", "Server=db;Uid=app;Pwd=***"}}));
}

TEST(SourceScan, CSharpWindowsServiceFixture) {
  const std::vector<Hit> want = {
      {5, "servicebase", "System.ServiceProcess"},
      {15, "servicebase", "ServiceBase"},
      {17, "msmq-queue", R"(.\private$\orders)"},
      {19, "drive-path", R"(E:\OrderArchive\)"},
      {20, "drive-path", R"(\\fs01\drops\orders)"},
      {21, "msmq-queue", R"(FormatName:DIRECT=OS:ordersrv01\private$\billing)"},
      {22, "drive-path", R"(Data Source=D:\Data\orders.sdf;Password=***)"},
      {22, "code-secret", R"(Data Source=D:\Data\orders.sdf;Password=***)"},
      {28, "messaging", "MessageQueue"},
      {29, "messaging", "MessageQueue"},
      {29, "msmq-transactional", "MessageQueue.Create("},
      {30, "messaging", "MessageQueue"},
      {30, "msmq-queue", R"(ORDERSRV01\orders_public)"},
      {30, "msmq-auth", R"(ORDERSRV01\orders_public)"},
      {31, "messaging", "MessageQueue"},
      {31, "msmq-queue", R"(.\private$\orders)"},
      {32, "msmq-auth", "Authenticate = true"},
      {33, "transactions", "TransactionScope"},
      {35, "file-write", "File.AppendAllText"},
      {38, "eventlog", "EventLog.WriteEntry"},
      {39, "registry", "Registry.LocalMachine"},
  };
  const std::string src = fixture("OrderQueueService.cs");
  EXPECT_EQ(scan(src, "src/OrderProcessor/OrderQueueService.cs"), want);
  EXPECT_EQ(test::dump(scan_source(src, "x.cs")).find("CeSecret99"), std::string::npos);
}

TEST(SourceScan, VisualBasicFormFixture) {
  const std::vector<Hit> want = {
      {1, "gdi", "System.Drawing"},
      {2, "winforms", "System.Windows.Forms"},
      {8, "winforms", "Inherits Form"},
      {10, "directoryservices", "LDAP://OU=Staff,DC=corp,DC=contoso,DC=com"},
      {11, "drive-path", R"(G:\Exports\Desk)"},
      {15, "registry", "GetSetting("},
      {16, "directoryservices", "DirectoryEntry"},
      {17, "gdi", "bitmap"},
      {19, "file-write", "filesystem.WriteAllText"},
  };
  EXPECT_EQ(scan(fixture("MainForm.vb"), "Desk/MainForm.vb"), want);
}

TEST(SourceScan, CommentsAreSkippedStringsAreNot) {
  const std::string src =
      "// File.WriteAllText(\"D:\\\\x\")\n"                                      // 1
      "/* MessageQueue\n"                                                        // 2
      "   TransactionScope */ var u = \"// not a comment\"; File.Copy(a, b);\n"  // 3
      "var s = \"/* not a comment */\"; Directory.CreateDirectory(s); // "
      "Registry.CurrentUser\n"  // 4
      "var q = '\"'; File.Move(a, b); var r = '\\''; var t = '\\\\'; var w = new "
      "StreamWriter (p);\n"                             // 5
      "WindowsIdentity.GetCurrent().Impersonate();\n";  // 6
  const std::vector<Hit> want = {
      {3, "file-write", "File.Copy"},
      {4, "file-write", "Directory.CreateDirectory"},
      {5, "file-write", "File.Move"},
      {6, "windows-identity", ".Impersonate("},
  };
  EXPECT_EQ(scan(src, "a.cs"), want);
}

TEST(SourceScan, CSharpStringForms) {
  const std::string src =
      "var raw = \"\"\"\n"                                                          // 1
      "    copy to H:\\raw\\drop \"quoted\" \"\"\n"                                 // 2
      "    \"\"\";\n"                                                               // 3
      "var verb = @\"first \"\"line\"\"\n"                                          // 4
      "I:\\multi\\line\";\n"                                                        // 5
      "var esc = \"\\\\\\\\nas\\\\share\\\\in\";\n"                                 // 6
      "var interp = $\"{(ok ? \"J:\\\\a\" : \"x\")}\\\\private$\\\\q\";\n"          // 7
      "var empty = \"\"; var c = 'x'; new System.Diagnostics.EventLog(\"App\");\n"  // 8
      "var v3 = @\"\"\"K:\\quoted\"\"\"; var after = \"L:\\next\";\n";              // 9
  const std::vector<Hit> want = {
      {1, "drive-path",
       "?    copy to H:\\raw\\drop \"quoted\" \"\"?    "},  // raw text, not dedented
      {4, "drive-path", "first \"line\"?I:\\multi\\line"},
      {6, "drive-path", R"(\\nas\share\in)"},
      {7, "msmq-queue", R"({(ok ? "J:\\a" : "x")}\private$\q)"},
      {7, "drive-path", R"({(ok ? "J:\\a" : "x")}\private$\q)"},
      {8, "eventlog", "System.Diagnostics.EventLog"},
      {9, "drive-path", "\"K:\\quoted\""},  // @"""K:\quoted""" is verbatim, not raw
  };
  EXPECT_EQ(scan(src, "s.cs"), want);
}

TEST(SourceScan, WordBoundariesAndCase) {
  const std::string src =
      "MyFile.Create(x); var b = new BitmapImage(); class A : Form1 {}\n"       // 1: nothing
      "class B : Form { }\n"                                                    // 2
      "class C : Window, IDisposable {}\n"                                      // 3
      "config.GetSetting(\"k\"); var e = new EventLogEntryCollection();\n"      // 4: nothing
      "var img = new Bitmap(10, 10); using var g = Graphics.FromImage(img);\n"  // 5
      "system.messaging.messagequeue x; msg.UseAuthentication=true; q.Authenticate = false;\n"  // 6
      "[ServiceContract(Namespace = \"urn:x\")] var h = new ServiceHost(typeof(S));\n"          // 7
      "var lite = new LiteDatabase(\"C:\\\\data\\\\app.db\"); var cs = "
      "\"Server=(LocalDB)\\\\v11.0\";\n"  // 8
      "Process.Start(\"SCHTASKS\", \"/Create\"); IScheduler s = await "
      "Quartz.Impl.StdSchedulerFactory.GetDefaultScheduler();\n";  // 9
  const std::vector<Hit> want = {
      {2, "winforms", ": Form"},
      {3, "wpf", ": Window"},
      {5, "gdi", "Bitmap"},
      {6, "msmq-auth", "UseAuthentication=true"},
      {7, "wcf-host", "[ServiceContract"},
      {7, "hosting-call", "C: new ServiceHost("},  // outside Main: C's, for a Main that uses C
      {8, "embedded-db", "LiteDatabase"},
      {9, "scheduler", "SCHTASKS"},
  };
  EXPECT_EQ(scan(src, "w.cs"), want);
}

// A framework type counts by its full name: imported with `using`, or
// qualified. An application's own ServiceBase, Registry or EventLog class,
// a generic ServiceBase<T> and a C# method called GetSetting are not
// Microsoft's.
TEST(SourceScan, TypesCountByTheirFullName) {
  const std::string own =
      "using MyApp.Services;\n"                                                                // 1
      "public class Api : ServiceBase { }\n"                                                   // 2
      "class Registry { public static object LocalMachine; }\n"                                // 3
      "class EventLog { public static void WriteEntry(string s) { } }\n"                       // 4
      "class U { void F() { var k = Registry.LocalMachine; EventLog.WriteEntry(\"x\"); } }\n"  // 5
      "class Hello : ServiceStack.ServiceBase<Req> { string GetSetting(string k) => k; }\n"    // 6
      "class V { void G() { var s = GetSetting(\"k\"); } }\n";                                 // 7
  EXPECT_EQ(scan(own, "Api.cs"), std::vector<Hit>{});
  const std::string framework =
      "using System.ServiceProcess;\n"                                                     // 1
      "using Microsoft.Win32;\n"                                                           // 2
      "class Worker : ServiceBase { }\n"                                                   // 3
      "class W { void F() { var k = Registry.CurrentUser; } }\n"                           // 4
      "class X : System.ServiceProcess.ServiceBase { }\n"                                  // 5
      "class Y { void G() { System.Diagnostics.EventLog.WriteEntry(\"a\", \"b\"); } }\n";  // 6
  const std::vector<Hit> want = {
      {1, "servicebase", "System.ServiceProcess"},
      {3, "servicebase", "ServiceBase"},
      {4, "registry", "Registry.CurrentUser"},
      {5, "servicebase", "System.ServiceProcess.ServiceBase"},
      {6, "eventlog", "System.Diagnostics.EventLog"},
  };
  EXPECT_EQ(scan(framework, "Svc.cs"), want);
  // Visual Basic imports System.Diagnostics and Microsoft.VisualBasic in every
  // project; its own Function GetSetting is not the registry function.
  const std::string vb =
      "Module M\n"                                       // 1
      "  Sub A()\n"                                      // 2
      "    EventLog.WriteEntry(\"a\", \"b\")\n"          // 3
      "    Dim v = GetSetting(\"App\", \"S\", \"K\")\n"  // 4
      "    Dim r = My.Computer.Registry.LocalMachine\n"  // 5
      "  End Sub\n"                                      // 6
      "End Module\n";
  EXPECT_EQ(scan(vb, "M.vb"), (std::vector<Hit>{{3, "eventlog", "EventLog.WriteEntry"},
                                                {4, "registry", "GetSetting("},
                                                {5, "registry", "Registry.LocalMachine"}}));
  EXPECT_EQ(scan("Class C\n Function GetSetting(k As String) As String\n  Return GetSetting(k)\n"
                 " End Function\nEnd Class\n",
                 "C.vb"),
            std::vector<Hit>{});
}

// What ties a request to one machine: Session, forms-authentication tickets,
// anti-forgery tokens, view state and WebForms pages (System.Web.UI.Page).
TEST(SourceScan, ServerStateTokens) {
  const std::string src =
      "using System.Web.UI;\n"                                               // 1
      "public partial class Cart : Page {\n"                                 // 2
      "  void Add() { Session[\"cart\"] = 1; var v = ViewState[\"x\"]; }\n"  // 3
      "  [ValidateAntiForgeryToken] void Login() { FormsAuthentication.SetAuthCookie(u, false); }\n"
      "  void Out() { HttpContext.Current.Session.Abandon(); var s = UserSession[\"k\"]; }\n"
      "}\n"                                      // 6
      "class Other : Xamarin.Forms.Page { }\n";  // 7: not WebForms
  const std::vector<Hit> want = {
      {2, "server-state", ": Page"},
      {3, "server-state", "Session["},
      {4, "server-state", "ValidateAntiForgeryToken"},
      {5, "server-state", "Session.Abandon"},
  };
  EXPECT_EQ(scan(src, "Cart.aspx.cs"), want);
  // A Page of another framework (no System.Web.UI imported) is no WebForms page.
  EXPECT_EQ(scan("using Xamarin.Forms;\nclass Home : Page { }\n", "Home.cs"), std::vector<Hit>{});
}

// Inside a Windows service a bare EventLog is ServiceBase's own property: it
// counts without System.Diagnostics, but not where ServiceBase is the file's own.
TEST(SourceScan, AServicesEventLogPropertyIsTheEventLog) {
  const std::string service =
      "using System.ServiceProcess;\n"
      "public partial class Feed : ServiceBase {\n"
      "  void Log(string m) { EventLog.WriteEntry(m); }\n"
      "}\n";
  EXPECT_EQ(scan(service, "Feed.cs"), (std::vector<Hit>{{1, "servicebase", "System.ServiceProcess"},
                                                        {2, "servicebase", "ServiceBase"},
                                                        {3, "eventlog", "EventLog.WriteEntry"}}));
  const std::string vb =
      "Imports System.ServiceProcess\n"
      "Public Class Feed\n"
      "  Inherits ServiceBase\n"
      "  Sub Log(m As String)\n"
      "    EventLog.WriteEntry(m)\n"
      "  End Sub\n"
      "End Class\n";
  auto hits = scan(vb, "Feed.vb");
  std::erase_if(hits, [](const Hit& h) { return std::get<1>(h) != "eventlog"; });
  EXPECT_EQ(hits, (std::vector<Hit>{{5, "eventlog", "EventLog.WriteEntry"}}));
  // Not a service: EventLog is some other class without System.Diagnostics.
  EXPECT_EQ(scan("class Page : Base { void L() { EventLog.WriteEntry(\"x\"); } }\n", "P.cs"),
            std::vector<Hit>{});
  // The application's own ServiceBase: its EventLog is not Windows'.
  const std::string own =
      "using System.ServiceProcess;\n"
      "class ServiceBase { }\n"
      "class Feed : ServiceBase { void L() { EventLog.WriteEntry(\"x\"); } }\n";
  hits = scan(own, "Own.cs");
  std::erase_if(hits, [](const Hit& h) { return std::get<1>(h) != "eventlog"; });
  EXPECT_EQ(hits, std::vector<Hit>{});
}

// A writer over a network, memory or response stream writes no local file.
TEST(SourceScan, WritersOverStreamsAreNoFileWrites) {
  const std::string src =
      "var a = new StreamWriter(client.GetStream());\n"       // 1
      "var b = new StreamWriter(ms, Encoding.UTF8);\n"        // 2: ms is no stream name
      "var c = new BinaryWriter(networkStream);\n"            // 3
      "var d = new StreamWriter(Response.OutputStream);\n"    // 4
      "var e = new StreamWriter(\"C:\\\\logs\\\\a.txt\");\n"  // 5
      "var f = new StreamWriter(new FileStream(path, FileMode.Create));\n"  // 6
      "var g = new StreamWriter(logPath, true);\n";                         // 7
  const std::vector<Hit> want = {
      {2, "file-write", "new StreamWriter("},
      {5, "file-write", "new StreamWriter("},
      {6, "file-write", "new StreamWriter("},  // one hit per line: the FileStream under it
      {7, "file-write", "new StreamWriter("},
  };
  auto hits = scan(src, "w.cs");
  std::erase_if(hits, [](const Hit& h) { return std::get<1>(h) != "file-write"; });
  EXPECT_EQ(hits, want);
}

// A path whose name merely contains "client", "pipe" or "stream" is a file;
// the stream is named by the argument's last identifier or its constructor.
TEST(SourceScan, WriterPathsNamedLikeStreamsAreFileWrites) {
  const std::string src =
      "var a = new StreamWriter(clientLogPath);\n"                              // 1
      "var b = new BinaryWriter(pipelinePath, true);\n"                         // 2
      "var c = new StreamWriter(connectionLog.FullName);\n"                     // 3
      "var d = new StreamWriter(Path.Combine(streamDir, name));\n"              // 4
      "var e = new StreamWriter(Console.OpenStandardOutput());\n"               // 5
      "var f = new StreamWriter(new MemoryStream());\n"                         // 6
      "var g = new StreamWriter(pipe.GetStream(), Encoding.UTF8);\n"            // 7
      "var h = new StreamWriter(File.Open(clientStream, FileMode.Create));\n";  // 8
  const std::vector<Hit> want = {
      {1, "file-write", "new StreamWriter("}, {2, "file-write", "new BinaryWriter("},
      {3, "file-write", "new StreamWriter("}, {4, "file-write", "new StreamWriter("},
      {8, "file-write", "new StreamWriter("},
  };
  auto hits = scan(src, "w.cs");
  std::erase_if(hits, [](const Hit& h) { return std::get<1>(h) != "file-write"; });
  EXPECT_EQ(hits, want);
}

TEST(SourceScan, VisualBasicCommentsStringsAndKeywords) {
  const std::string src =
      "x = 1 : REM File.Copy(a, b)\n"                                      // 1
      "Dim remark = \"REM ' not a comment\" : File.Move(a, b)\n"           // 2
      "REM\n"                                                              // 3
      "<ServiceContract()> Public Interface IOrders\n"                     // 4
      "Dim q = New messagequeue(\"srv\\orders\")\n"                        // 5
      "MessageQueue.Create(\"ORDERSRV\\Public\", True) ' public queue\n"   // 6
      "Dim p As String = \"E:\\\" & name\n"                                // 7
      "\xE2\x80\x98 typographic comment: File.Delete TransactionScope\n";  // 8
  const std::vector<Hit> want = {
      {2, "file-write", "File.Move"},
      {4, "wcf-host", "<ServiceContract"},
      {5, "messaging", "messagequeue"},
      {5, "msmq-queue", R"(srv\orders)"},
      {6, "messaging", "MessageQueue"},
      {6, "msmq-queue", R"(ORDERSRV\Public)"},
      {6, "msmq-auth", R"(ORDERSRV\Public)"},
      {6, "msmq-transactional", "MessageQueue.Create("},
      {7, "drive-path", R"(E:\)"},
  };
  EXPECT_EQ(scan(src, "m.vb"), want);
}

// MessageQueue.Create's transactional flag given as a named argument
// (C# `transactional: true`, VB `transactional:=True`) is the same flag; a
// named `false` or another argument's name is not.
TEST(SourceScan, QueueCreatedTransactionalByNamedArgument) {
  auto transactional = [](const std::string& src, const std::string& path) {
    int n = 0;
    for (const Hit& h : scan(src, path)) n += std::get<1>(h) == "msmq-transactional";
    return n;
  };
  EXPECT_EQ(transactional("using System.Messaging;\nclass Q { void F(string path) {\n"
                          "  using (var q = MessageQueue.Create(path, transactional: true)) {}\n"
                          "} }\n",
                          "q.cs"),
            1);
  EXPECT_EQ(transactional("Imports System.Messaging\n"
                          "MessageQueue.Create(p, transactional:=True)\n",
                          "q.vb"),
            1);
  EXPECT_EQ(
      transactional("using System.Messaging;\n"
                    "class Q { object q = MessageQueue.Create(path, transactional: false); }\n",
                    "q.cs"),
      0);
  EXPECT_EQ(transactional("using System.Messaging;\n"
                          "class Q { object q = MessageQueue.Create(path, x ? true : false); }\n",
                          "q.cs"),
            0);
}

// The address a self-hosted HTTP server is started with is a listening URL
// whatever its host: the literal argument of WebApp.Start (also generic),
// HttpListener's Prefixes.Add and HttpSelfHostConfiguration, or the literal
// assigned to the variable passed there. A URL the program only calls is not.
TEST(SourceScan, TheAddressAListenerStartsWithListens) {
  auto listens = [](const std::string& src, const std::string& path) {
    std::vector<std::string> out;
    for (const Hit& h : scan(src, path))
      if (std::get<1>(h) == "listen-url") out.push_back(std::get<2>(h));
    return out;
  };
  EXPECT_EQ(listens("class S { void OnStart() {\n"
                    "  string url = \"http://10.1.2.3:8081\";\n"
                    "  WebApp.Start(url);\n"
                    "  var c = new WebClient().DownloadString(\"http://10.9.9.9:9000/x\"); } }\n",
                    "S.cs"),
            std::vector<std::string>{"http://10.1.2.3:8081"});
  EXPECT_EQ(
      listens("class S { void F() { WebApp.Start<Startup>(\"http://orders01:9005/\");\n"
              "  listener.Prefixes.Add( \"http://+:8080/api/\");\n"
              "  var cfg = new HttpSelfHostConfiguration(\"http://api.contoso.com:81\"); } }\n",
              "S.cs"),
      (std::vector<std::string>{"http://orders01:9005/", "http://+:8080/api/",
                                "http://api.contoso.com:81"}));
  EXPECT_EQ(listens("Class S\nSub F()\nDim u = \"http://web01:7000\"\n"
                    "WebApp.Start(Of Startup)(u)\nEnd Sub\nEnd Class\n",
                    "S.vb"),
            std::vector<std::string>{"http://web01:7000"});
  // No listening call: a URL assigned to `url` is one the program calls.
  EXPECT_TRUE(listens("class C { string url = \"http://10.1.2.3:8081\"; }\n", "C.cs").empty());
  // VB's typed declaration; the value assigned last before the call, not a
  // client's URL held later in a variable of the same name.
  EXPECT_EQ(listens("Class S\nSub F()\nDim url As String = \"http://web01:7001\"\n"
                    "WebApp.Start(url)\nEnd Sub\nEnd Class\n",
                    "S.vb"),
            std::vector<std::string>{"http://web01:7001"});
  EXPECT_EQ(listens("class S { void F() {\n"
                    "  var url = \"http://old:1\";\n"
                    "  url = \"http://+:8082/\";\n"
                    "  WebApp.Start(url); }\n"
                    "  void G() { var url = \"http://partner.example:9443/api\";\n"
                    "  new WebClient().DownloadString(url); } }\n",
                    "S.cs"),
            std::vector<std::string>{"http://+:8082/"});
}

TEST(SourceScan, OneHitPerCategoryAndLineTextCappedAndMasked) {
  std::string src = "File.Copy(a, b); File.Move(c, d); File.Create(e);\n";
  src += "var longPath = @\"D:\\" + std::string(500, 'x') + "\";\n";
  src +=
      "var cs = \"Server=E:\\\\db.mdf;Password=Hunter22;\"; var k = "
      "\"api_key=Zyx987\\\\\\\\srv\\\\s\";\n";
  const auto hits = scan_source(src, "c.cs");
  // The credentials: one code-secret hit for the line, masked as well.
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[3].category, SourceCategory::kCodeSecret);
  EXPECT_EQ(hits[3].text, R"(Server=E:\db.mdf;Password=***;)");
  EXPECT_EQ(hits[0].text, "File.Copy");
  EXPECT_EQ(hits[1].category, SourceCategory::kDrivePath);
  EXPECT_EQ(hits[1].text.size(), kMaxHitText);
  EXPECT_EQ(hits[1].text.substr(0, 4), "D:\\x");
  EXPECT_EQ(hits[2].text, R"(Server=E:\db.mdf;Password=***;)");
  const std::string all = test::dump(hits);
  EXPECT_EQ(all.find("Hunter22"), std::string::npos);
  EXPECT_EQ(all.find("Zyx987"), std::string::npos);
}

// Topshelf's settings chained on one line are each a hit (one per setting
// key), and the services the line depends on are one list.
TEST(SourceScan, ServiceSettingsChainedOnOneLineAreEachKept) {
  const std::string src =
      "HostFactory.Run(x => { x.RunAsLocalSystem(); x.StartAutomatically(); "
      "x.DependsOnMsmq(); x.SetDisplayName(\"Orders\"); x.DependsOn(\"Cache\"); });\n"
      "class P { void F() { x.StartManually(); } }\n";
  std::vector<std::string> settings;
  for (const auto& [line, category, text] : scan(src, "Program.cs")) {
    if (category == to_string(SourceCategory::kServiceSetting))
      settings.push_back(std::to_string(line) + " " + text);
  }
  EXPECT_EQ(settings, (std::vector<std::string>{"1 account: LocalSystem", "1 start: Automatic",
                                                "1 depends-on: MSMQ/Cache",
                                                "1 display-name: Orders", "2 start: Manual"}));
}

TEST(SourceScan, BinaryGarbageAndInvalidUtf8) {
  std::mt19937 rng(7);
  std::string junk(1 << 20, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  junk += "\n\"D:\\\\\xFF\xFE\x01 bad\" MessageQueue\n";
  for (const char* path : {"junk.cs", "junk.vb"}) {
    const auto hits = scan_source(junk, path);
    for (const SourceHit& h : hits) {
      EXPECT_LE(h.text.size(), kMaxHitText);
      EXPECT_EQ(printable(h.text), h.text);  // valid UTF-8, no control characters
      EXPECT_GE(h.line, 1);
    }
  }
  const auto tail = scan_source("x\n\"D:\\\\\xFF\xFE\x01 bad\"", "t.cs");
  ASSERT_EQ(tail.size(), 1u);
  EXPECT_EQ(tail[0].text, "D:\\\xEF\xBF\xBD\xEF\xBF\xBD? bad");
}

TEST(SourceScan, LargeAndPathologicalInputsAreLinear) {
  const std::string unit = fixture("OrderQueueService.cs");
  std::string big;
  while (big.size() < 10u * 1024u * 1024u) big += unit;
  const std::vector<std::string> nasty = {
      std::string(10u * 1024u * 1024u, '"'),
      std::string(10u * 1024u * 1024u, ':'),
      std::string(4u * 1024u * 1024u, '(') + std::string(4u * 1024u * 1024u, ' '),
      [] {
        std::string s;
        while (s.size() < 8u * 1024u * 1024u) s += "MessageQueue.Create(       ";
        return s;
      }(),
      [] {
        std::string s = "@\"";
        s += std::string(8u * 1024u * 1024u, '\\');
        return s;
      }(),
      [] {
        std::string s;
        while (s.size() < 8u * 1024u * 1024u) s += "(\"\\\\\\\\a\\\\b\")";
        return s;
      }(),
  };
  const auto hits = scan_source(big, "big.cs");
  EXPECT_GT(hits.size(), 1000u);
  EXPECT_LE(hits.size(), 10000u);
  for (const std::string& s : nasty) {
    (void)scan_source(s, "n.cs");
    (void)scan_source(s, "n.vb");
  }
  // Linear time is the point; a blow-up shows as ctest's timeout (speed lives in bench/).
}

TEST(SourceScan, EtwOnlyWhenDerivingFromEventSource) {
  auto field =
      scan_source("class G { private const string EventSource = \"ContosoWeb\"; }\n", "G.cs");
  for (const auto& h : field) EXPECT_NE(h.category, SourceCategory::kEtw) << h.text;
  auto derived = scan_source("sealed class Log : EventSource { }\n", "Log.cs");
  ASSERT_EQ(derived.size(), 1u);
  EXPECT_EQ(derived[0].category, SourceCategory::kEtw);
  auto vb = scan_source("Class Log\n  Inherits EventSource\nEnd Class\n", "Log.vb");
  ASSERT_EQ(vb.size(), 1u);
  EXPECT_EQ(vb[0].category, SourceCategory::kEtw);
}

// A WCF binding built in code keeps its default security (Windows
// credentials; for MSMQ, WindowsDomain authentication) unless the code turns
// it off: through the constructor, an initializer or the variable's Security.
TEST(SourceScan, WcfBindingsBuiltInCodeWithDefaultSecurity) {
  const std::string src = R"(class P {
  static void Main() {
    var tcp = new NetTcpBinding();
    var queue = new NetMsmqBinding();
    var open = new NetTcpBinding();
    open.Security.Mode = SecurityMode.None;
    var plain = new NetTcpBinding(SecurityMode.None);
    var anon = new NetMsmqBinding { Security = { Mode = NetMsmqSecurityMode.None } };
    var fromConfig = new WSHttpBinding("secure");
    var ws = new WSHttpBinding(SecurityMode.Message);
    var cert = new NetTcpBinding();
    cert.Security.Transport.ClientCredentialType = TcpClientCredentialType.Certificate;
  }
})";
  std::vector<Hit> found;
  for (const auto& h : scan(src, "P.cs")) {
    if (std::get<1>(h) == "windows-identity" || std::get<1>(h) == "msmq-auth") found.push_back(h);
  }
  EXPECT_EQ(found,
            (std::vector<Hit>{
                {3, "windows-identity",
                 "new NetTcpBinding() with default security (Windows client credentials)"},
                {4, "msmq-auth",
                 "new NetMsmqBinding() with default security (msmqAuthenticationMode "
                 "WindowsDomain)"},
                {10, "windows-identity",
                 "new WSHttpBinding() with default security (Windows client credentials)"}}));
}

}  // namespace
TEST(SourceScan, ConsoleWaitsCountOnlyInsideMain) {
  const std::string src =
      "class P {\n"                                   // 1
      "  static void Main(string[] args) {\n"         // 2
      "    if (args.Length > 0) { Run(); }\n"         // 3
      "    Console.ReadLine();\n"                     // 4
      "  }\n"                                         // 5
      "  static void Ask() { Console.ReadKey(); }\n"  // 6
      "}\n";                                          // 7
  EXPECT_EQ(scan(src, "p.cs"), (std::vector<Hit>{{2, "entry-main", "static void Main"},
                                                 {4, "console-wait", "Console.ReadLine("}}));
  const std::string vb =
      "Module M\n"                // 1
      "  Sub Main()\n"            // 2
      "    Console.ReadKey()\n"   // 3
      "  End Sub\n"               // 4
      "  Sub Other()\n"           // 5
      "    Console.ReadLine()\n"  // 6
      "  End Sub\n"               // 7
      "End Module\n";
  EXPECT_EQ(scan(vb, "m.vb"), (std::vector<Hit>{{2, "entry-main", "Sub Main"},
                                                {3, "console-wait", "Console.ReadKey("}}));
}

TEST(SourceScan, ReadOnlyOpensAreNoWritesAndMetabasePathsAreMarked) {
  const std::string src =
      "var r = new FileStream(p, FileMode.Open, FileAccess.Read);\n"       // 1
      "var w = new FileStream(p, FileMode.Open, FileAccess.ReadWrite);\n"  // 2
      "var e = new DirectoryEntry(\"IIS://\" + host + \"/W3SVC\");\n"      // 3
      "var a = \"~/App_Data/Sites\";\n";                                   // 4
  EXPECT_EQ(scan(src, "f.cs"), (std::vector<Hit>{{2, "file-write", "new FileStream("},
                                                 {3, "directoryservices", "DirectoryEntry"},
                                                 {3, "iis-metabase", "IIS://"},
                                                 {4, "app-data", "~/App_Data/Sites"}}));
}

TEST(SourceScan, TransactionScopeWithTwoConnectionsOrMsmqInItsBlockEscalates) {
  const std::string src =
      "void A() {\n"                                                     // 1
      "  using (var ts = new TransactionScope()) {\n"                    // 2
      "    using (var c = CreateConnection()) { }\n"                     // 3
      "  }\n"                                                            // 4
      "  using (var c = this.CreateConnection()) { }\n"                  // 5
      "}\n"                                                              // 6
      "void B() {\n"                                                     // 7
      "  using var ts = new TransactionScope();\n"                       // 8
      "  var a = new SqlConnection(x); var b = new SqlConnection(y);\n"  // 9
      "}\n";                                                             // 10
  EXPECT_EQ(scan(src, "t.cs"),
            (std::vector<Hit>{{2, "transactions", "TransactionScope"},
                              {8, "transactions", "TransactionScope"},
                              {8, "transaction-escalation",
                               "TransactionScope with 2 connections opened in it"}}));
}

}  // namespace liftshift

namespace liftshift {
namespace {

std::vector<std::string> com_objects(const std::string& text, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& h : scan_source(text, path)) {
    if (h.category == SourceCategory::kComObject)
      out.push_back(std::to_string(h.line) + " " + h.text);
  }
  return out;
}

// COM objects created by name from .NET code: the ProgID of GetTypeFromProgID
// and VB's CreateObject, the CLSID of GetTypeFromCLSID(new Guid(...)); a
// literal that is no ProgID or GUID, or another call's, is none.
TEST(SourceScan, ComObjectsCreatedByProgIdOrClsid) {
  EXPECT_EQ(com_objects("var t = Type.GetTypeFromProgID(\"OrderDesk.Pricing\");\n"
                        "dynamic r = Activator.CreateInstance(Type.GetTypeFromCLSID(\n"
                        "    new System.Guid(\"3f2a7c91-8e4d-4b6a-b5c3-1d9e6f0a2b47\")));\n"
                        "var g = new Guid(\"6B1E0C3A-5D2F-4E8B-9A17-2C4F8E0D9B61\");\n"
                        "Type.GetTypeFromProgID(\"not a prog id\");\n"
                        "// Type.GetTypeFromProgID(\"Commented.Out\");\n"
                        "Log(\"Type.GetTypeFromProgID(\\\"In.A.String\\\")\");\n",
                        "Pricing.cs"),
            (std::vector<std::string>{"1 OrderDesk.Pricing",
                                      "3 {3F2A7C91-8E4D-4B6A-B5C3-1D9E6F0A2B47}"}));
  EXPECT_EQ(
      com_objects(
          "Dim o = CreateObject(\"OrderDesk.Reports.1\")\n"
          "Dim t = Type.GetTypeFromCLSID(New Guid(\"{7C4D2E1A-9B3F-4A6C-8D5E-0F1A2B3C4D5E}\"))\n"
          "' Dim x = CreateObject(\"Old.Thing\")\n",
          "Reports.vb"),
      (std::vector<std::string>{"1 OrderDesk.Reports.1",
                                "2 {7C4D2E1A-9B3F-4A6C-8D5E-0F1A2B3C4D5E}"}));
  // C#'s CreateObject is no VB function: an application's own method.
  EXPECT_TRUE(com_objects("factory.CreateObject(\"Widget.Thing\");\n", "F.cs").empty());
}

}  // namespace
}  // namespace liftshift
