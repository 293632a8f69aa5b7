// The vc-runtime rule: on the native fixtures (mingw-w64 against msvcr120.dll
// and vcruntime140.dll + the Universal CRT) and on synthetic binaries.
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "rule_test_support.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::fires;
using test::rulefx::joined;

const AppAssessment* app_of(const Assessment& a, const std::string& entry) {
  for (const auto& app : a.apps) {
    if (app.app.entry == entry) return &app;
  }
  return nullptr;
}

bool has_rule(const AppAssessment& a, const std::string& rule) {
  for (const auto& f : a.findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

TEST(VcRuntimeRule, NativeFixturesNameTheirRedistributable) {
  Assessment a = assess(collect({(test::fixtures() / "native").string()}));
  const AppAssessment* feed = app_of(a, "orders-feed/OrdersFeed.exe");
  ASSERT_NE(feed, nullptr);
  EXPECT_EQ(feed->app.kind, AppKind::kService);
  EXPECT_EQ(feed->app.framework.kind, FrameworkKind::kNative);
  EXPECT_EQ(feed->app.kind_evidence,
            std::vector<std::string>{
                "orders-feed/OrdersFeed.exe: imports ADVAPI32.dll!StartServiceCtrlDispatcherW"});
  ASSERT_TRUE(has_rule(*feed, "vc-runtime"));
  ASSERT_EQ(feed->results.vc_runtimes.size(), 1u);
  EXPECT_EQ(feed->results.vc_runtimes[0].release, "2013");
  EXPECT_EQ(feed->results.vc_runtimes[0].arch, "x64");
  EXPECT_EQ(feed->results.vc_runtimes[0].installer, "vcredist_x64.exe");
  EXPECT_EQ(feed->results.vc_runtimes[0].dlls, std::vector<std::string>{"MSVCR120.dll"});

  const AppAssessment* desk = app_of(a, "orders-desk/OrdersDesk.exe");
  ASSERT_NE(desk, nullptr);
  EXPECT_EQ(desk->app.kind, AppKind::kDesktop);
  EXPECT_TRUE(has_rule(*desk, "gui-desktop"));
  std::string why;
  for (const auto& f : desk->findings) {
    if (f.rule == "gui-desktop") why = joined(f.evidence);
  }
  EXPECT_NE(why.find("imports USER32.dll!CreateWindowExW"), std::string::npos) << why;
  EXPECT_NE(why.find("imports USER32.dll!GetMessageW"), std::string::npos) << why;
  EXPECT_NE(why.find("imports USER32.dll!DispatchMessageW"), std::string::npos) << why;
  ASSERT_EQ(desk->results.vc_runtimes.size(), 1u);
  EXPECT_EQ(desk->results.vc_runtimes[0].release, "2015-2022");
  EXPECT_EQ(desk->results.vc_runtimes[0].installer, "vc_redist.x64.exe");
  EXPECT_EQ(desk->results.vc_runtimes[0].arguments, "/install /quiet /norestart");
}

std::string evidence_of(const AppAssessment& a, const std::string& rule) {
  for (const auto& f : a.findings) {
    if (f.rule == rule) return joined(f.evidence);
  }
  return "";
}

// A source tree of .vcxproj projects (tests/fixtures/native-src): each
// Application project is an application, judged by its project settings and
// the entry point of its sources; the DLL it references is folded into it.
TEST(NativeProjectRule, VcxprojProgramsAreApplicationsWithTheirRuntimeAndPorts) {
  Assessment a = assess(collect({(test::fixtures() / "native-src").string()}));
  ASSERT_EQ(a.apps.size(), 2u);
  const AppAssessment* desk = app_of(a, "src/OrdersDesk/OrdersDesk.vcxproj");
  ASSERT_NE(desk, nullptr);
  EXPECT_EQ(desk->app.name, "OrdersDesk64");
  EXPECT_EQ(desk->app.solution, "src/Prices.sln");
  EXPECT_EQ(desk->app.framework.kind, FrameworkKind::kNative);
  EXPECT_EQ(desk->app.framework.evidence,
            "src/OrdersDesk/OrdersDesk.vcxproj: Visual C++ project (PlatformToolset v143)");
  EXPECT_EQ(desk->app.kind, AppKind::kDesktop);
  const std::string gui = evidence_of(*desk, "gui-desktop");
  EXPECT_NE(gui.find("src/OrdersDesk/OrdersDesk.vcxproj: <SubSystem>Windows</SubSystem>"),
            std::string::npos)
      << gui;
  EXPECT_NE(gui.find("src/OrdersDesk/OrdersDesk.cpp:16: CreateWindowExW"), std::string::npos)
      << gui;
  EXPECT_NE(gui.find("UseOfMfc Dynamic: an MFC program"), std::string::npos) << gui;
  EXPECT_NE(gui.find("links comctl32.lib, uxtheme.lib"), std::string::npos) << gui;
  EXPECT_EQ(gui.find("DialogBox"), std::string::npos) << gui;  // only in a comment
  ASSERT_EQ(desk->results.vc_runtimes.size(), 1u);
  EXPECT_EQ(desk->results.vc_runtimes[0].release, "2015-2022");
  EXPECT_EQ(desk->results.vc_runtimes[0].arch, "x64");
  EXPECT_EQ(desk->results.vc_runtimes[0].installer, "vc_redist.x64.exe");
  EXPECT_TRUE(desk->results.vc_runtimes[0].dlls.empty());
  EXPECT_EQ(desk->results.vc_runtimes[0].projects,
            std::vector<std::string>{"src/OrdersDesk/OrdersDesk.vcxproj: PlatformToolset v143, "
                                     "the C runtime as a DLL (RuntimeLibrary not set), MFC as a "
                                     "DLL"});
  EXPECT_NE(evidence_of(*desk, "native-project")
                .find("src/OrdersDesk/OrdersDesk.vcxproj (Release|x64): Application, SubSystem "
                      "Windows, PlatformToolset v143, CharacterSet Unicode, the C runtime as a "
                      "DLL (RuntimeLibrary not set), MFC as a DLL"),
            std::string::npos)
      << evidence_of(*desk, "native-project");

  const AppAssessment* feed = app_of(a, "src/PriceFeed/PriceFeed.vcxproj");
  ASSERT_NE(feed, nullptr);
  EXPECT_EQ(feed->app.kind, AppKind::kService);
  EXPECT_EQ(feed->app.kind_evidence,
            std::vector<std::string>{"src/PriceFeed/feed.cpp:23: StartServiceCtrlDispatcherA"});
  ASSERT_EQ(feed->app.projects.size(), 2u);      // QuoteLib folded in
  EXPECT_FALSE(has_rule(*feed, "gui-desktop"));  // user32/gdi32 in a console program's list
  const std::string native = evidence_of(*feed, "native-project");
  EXPECT_NE(native.find("src/PriceFeed/PriceFeed.vcxproj: links ws2_32.lib (Windows Sockets): "
                        "the ports it listens on are not in the project"),
            std::string::npos)
      << native;
  EXPECT_NE(native.find("src/QuoteLib/QuoteLib.vcxproj: UseOfAtl Static: an ATL project"),
            std::string::npos)
      << native;
  // The feed links the CRT statically; the DLL it loads does not.
  ASSERT_EQ(feed->results.vc_runtimes.size(), 1u);
  EXPECT_EQ(feed->results.vc_runtimes[0].release, "2013");
  EXPECT_EQ(feed->results.vc_runtimes[0].arch, "x86");
  EXPECT_EQ(feed->results.vc_runtimes[0].installer, "vcredist_x86.exe");
  EXPECT_EQ(feed->results.vc_runtimes[0].projects,
            std::vector<std::string>{
                "src/QuoteLib/QuoteLib.vcxproj: PlatformToolset v120, RuntimeLibrary "
                "MultiThreadedDLL"});
}

TEST(NativeProjectRule, ADebugOrUnknownToolsetRuntimeHasNoInstaller) {
  Application app = console_app();
  app.binaries.clear();
  ProjectFacts p;
  p.path = "Tool/Tool.vcxproj";
  p.language = "cpp";
  p.output_type = "Exe";
  p.native.configuration_type = "Application";
  p.native.runtime_library = "MultiThreadedDebugDLL";
  p.native.platform_toolset = "v143";
  p.native.platform = "x64";
  app.projects = {p};
  RuleResults results;
  auto f = run_rule("vc-runtime", app, results);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(joined(f->evidence).find("a debug runtime, not redistributable"), std::string::npos);
  EXPECT_TRUE(results.vc_runtimes.empty());
  app.projects[0].native.runtime_library = "";
  app.projects[0].native.platform_toolset = "WindowsApplicationForDrivers10.0";
  RuleResults unknown;
  f = run_rule("vc-runtime", app, unknown);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(joined(f->evidence).find("the Visual C++ release is not known"), std::string::npos);
  EXPECT_TRUE(unknown.vc_runtimes.empty());
  app.projects[0].native.runtime_library = "MultiThreaded";  // static: nothing to install
  RuleResults none;
  EXPECT_FALSE(run_rule("vc-runtime", app, none).has_value());
}

Application native_app(const std::string& machine, std::vector<PeImport> imports) {
  Application app = console_app();
  app.binaries[0].is_clr = false;
  app.binaries[0].machine = machine;
  app.binaries[0].imports = std::move(imports);
  app.framework = {FrameworkKind::kNative, "", "Tool.exe: native image"};
  return app;
}

TEST(VcRuntimeRule, OneRedistributablePerReleaseAndArchitecture) {
  Application app = native_app("x86", {{"MSVCP140.dll", {"?_Xlength_error@std@@YAXPBD@Z"}},
                                       {"VCRUNTIME140.dll", {"memcpy"}},
                                       {"mfc140u.dll", {"#1234"}}});
  RuleResults results;
  auto f = run_rule("vc-runtime", app, results);
  ASSERT_TRUE(f.has_value());
  const Evidence& e = f->evidence;
  ASSERT_EQ(results.vc_runtimes.size(), 1u);
  EXPECT_EQ(results.vc_runtimes[0].installer, "vc_redist.x86.exe");
  EXPECT_EQ(results.vc_runtimes[0].dlls.size(), 3u);
  EXPECT_NE(joined(e).find("Tool.exe: imports mfc140u.dll: Visual C++ 2015-2022 "
                           "Redistributable (x86)"),
            std::string::npos)
      << joined(e);
}

// Windows' own C runtimes need nothing; a runtime shipped beside the
// program (app-local) is already there.
TEST(VcRuntimeRule, QuietForWindowsRuntimesAndAppLocalCopies) {
  EXPECT_FALSE(fires("vc-runtime",
                     native_app("x64", {{"msvcrt.dll", {"printf"}},
                                        {"api-ms-win-crt-runtime-l1-1-0.dll", {"_initterm"}}})));
  Application local = native_app("x64", {{"VCRUNTIME140.dll", {"memcpy"}}});
  BinaryFacts shipped;
  shipped.path = "vcruntime140.dll";
  shipped.is_dll = true;
  local.binaries.push_back(shipped);
  EXPECT_FALSE(fires("vc-runtime", local));
}

TEST(VcRuntimeRule, ADebugRuntimeIsEvidenceWithoutAnInstaller) {
  Application app = native_app("x64", {{"MSVCR120D.dll", {"printf"}}});
  RuleResults results;
  auto f = run_rule("vc-runtime", app, results);
  ASSERT_TRUE(f.has_value());
  const Evidence& e = f->evidence;
  EXPECT_TRUE(results.vc_runtimes.empty());
  EXPECT_NE(joined(e).find("not redistributable, rebuild the program in Release"),
            std::string::npos)
      << joined(e);
}

// 300 programs that import the same runtime are one line with a count, and a
// DLL both imported and delay-loaded is one use.
TEST(VcRuntimeRule, ManyBinariesImportingOneRuntimeAreOneLine) {
  Application app = native_app("x64", {{"MSVCR120.dll", {"printf"}}});
  app.binaries[0].delay_imports = {{"msvcr120.dll", {"malloc"}}};
  for (int i = 0; i < 3; ++i) {
    BinaryFacts b = app.binaries[0];
    b.path = "Tool" + std::to_string(i) + ".dll";
    b.delay_imports.clear();
    app.binaries.push_back(b);
  }
  RuleResults results;
  auto f = run_rule("vc-runtime", app, results);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->evidence, Evidence{"Tool.exe: imports MSVCR120.dll: Visual C++ 2013 "
                                  "Redistributable (x64) (and 3 more binaries)"});
  ASSERT_EQ(results.vc_runtimes.size(), 1u);
  EXPECT_EQ(results.vc_runtimes[0].dlls, std::vector<std::string>{"MSVCR120.dll"});
}

// The published ledger program (tests/fixtures/com): its COM+ library is
// registered with regsvcs, its ComVisible library with regasm; the serviced
// components' transactions are msdtc's.
TEST(ComRegistrationRule, TheLedgerProgramsLibrariesAreRegisteredEachWithItsTool) {
  Assessment a = assess(collect({(test::fixtures() / "com").string()}));
  const AppAssessment* ledger = app_of(a, "ledger/LedgerClient.exe");
  ASSERT_NE(ledger, nullptr);
  ASSERT_TRUE(has_rule(*ledger, "com-registration"));
  ASSERT_EQ(ledger->results.com_servers.size(), 2u);
  const ComRegistration* complus = nullptr;
  const ComRegistration* com = nullptr;
  for (const auto& c : ledger->results.com_servers) {
    if (c.path == "ledger/ServicedLedger.dll") complus = &c;
    if (c.path == "ledger/ComVisibleLib.dll") com = &c;
  }
  ASSERT_NE(complus, nullptr);
  ASSERT_NE(com, nullptr);
  EXPECT_EQ(complus->tool, "regsvcs");
  EXPECT_EQ(complus->clr, "v4.0.30319");
  EXPECT_NE(complus->reason.find("a COM+ server application (its own dllhost.exe process) "
                                 "'Contoso Ledger'"),
            std::string::npos)
      << complus->reason;
  EXPECT_EQ(com->tool, "regasm");
  EXPECT_EQ(com->reason, "[ComVisible(true)] Contoso.Interop.RateCalculator");
  EXPECT_TRUE(has_rule(*ledger, "msdtc") || has_rule(*ledger, "transaction-scope"));
}

TEST(ComRegistrationRule, QuietWithoutComServers) {
  EXPECT_FALSE(fires("com-registration", console_app()));
  Application lookalike = console_app();
  lookalike.binaries[0].type_refs.push_back("System.EnterpriseServices.ServicedComponent");
  EXPECT_FALSE(fires("com-registration", lookalike));
}

// WEBSRV01's Order Desk (tests/fixtures/websites/build.sh): the COM servers
// the server registered for it. Its own in its folder are registered in the
// image, the 32-bit DLL by SysWOW64's regsvr32 (its PE header says i386); the
// vendor's under Program Files and the one whose DLL is gone are evidence only.
TEST(ComRegistrationRule, NativeServersRegisteredOnTheServerForTheSite) {
  Assessment a = assess(collect({(test::fixtures() / "websites" / "websrv01").string()}));
  const AppAssessment* desk = nullptr;
  for (const auto& app : a.apps) {
    if (app.app.id == "websrv01/iis/Order Desk") desk = &app;
  }
  ASSERT_NE(desk, nullptr);
  const Finding* f = nullptr;
  for (const auto& x : desk->findings) {
    if (x.rule == "com-registration") f = &x;
  }
  ASSERT_NE(f, nullptr);
  std::string e = joined(f->evidence);
  EXPECT_NE(
      e.find("HKLM\\SOFTWARE\\Classes\\WOW6432Node\\CLSID\\{3F2A7C91-8E4D-4B6A-B5C3-"
             "1D9E6F0A2B47}\\InprocServer32 = C:\\inetpub\\OrderDesk\\bin\\OrderPricing.dll "
             "(ProgID OrderDesk.Pricing.1, OrderDesk.Pricing), ThreadingModel Apartment: "
             "registered in the image with SysWOW64\\regsvr32 /s (a 32-bit DLL: PE machine x86)"),
      std::string::npos)
      << e;
  EXPECT_NE(e.find("AspUpload.dll (ProgID Persits.Upload, Persits.Upload.1), ThreadingModel Both; "
                   "inetpub/OrderDesk/upload.asp:5 creates Persits.Upload: its file lies outside "
                   "the application's folder"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("OrderReports.exe\" /automation (ProgID OrderDesk.Reports.1): registered in the "
                   "image by running the program with /RegServer"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("OrderLegacy.dll (ProgID OrderDesk.Legacy.1): its file is not on this server"),
            std::string::npos)
      << e;
  EXPECT_EQ(e.find("cdosys"), std::string::npos) << e;

  ASSERT_EQ(desk->results.com_servers.size(), 4u);
  auto registered = [&](std::string_view path) -> const ComRegistration* {
    for (const auto& c : desk->results.com_servers) {
      if (c.path == path) return &c;
    }
    return nullptr;
  };
  const ComRegistration* pricing = registered("inetpub/OrderDesk/bin/OrderPricing.dll");
  ASSERT_NE(pricing, nullptr);
  EXPECT_EQ(pricing->tool, "regsvr32");
  EXPECT_TRUE(pricing->x86);
  const ComRegistration* reports = registered("inetpub/OrderDesk/bin/OrderReports.exe");
  ASSERT_NE(reports, nullptr);
  EXPECT_EQ(reports->tool, "regserver");
  EXPECT_FALSE(reports->x86);
}

// The Order Desk's .NET classes RegAsm registered on WEBSRV01: the 32-bit
// RegAsm /codebase's (WOW6432Node, a CodeBase in the site's bin) and the
// 64-bit one's from the GAC (no CodeBase; the site's bin holds the assembly
// of that name) are registered again by the RegAsm of their view; the
// Framework's own mscorlib class is no application's.
TEST(ComRegistrationRule, DotNetClassesRegasmRegisteredOnTheServerForTheSite) {
  Assessment a = assess(collect({(test::fixtures() / "websites" / "websrv01").string()}));
  const AppAssessment* desk = nullptr;
  for (const auto& app : a.apps) {
    if (app.app.id == "websrv01/iis/Order Desk") desk = &app;
  }
  ASSERT_NE(desk, nullptr);
  const Finding* f = nullptr;
  for (const auto& x : desk->findings) {
    if (x.rule == "com-registration") f = &x;
  }
  ASSERT_NE(f, nullptr);
  std::string e = joined(f->evidence);
  EXPECT_NE(
      e.find("HKLM\\SOFTWARE\\Classes\\WOW6432Node\\CLSID\\{7C4D2E1A-9B3F-4A6C-8D5E-"
             "0F1A2B3C4D5E}\\InprocServer32 = mscoree.dll (.NET class "
             "OrderDesk.Invoices.InvoiceWriter of OrderInvoices, Version=0.0.0.0, "
             "Culture=neutral, PublicKeyToken=null, RuntimeVersion v4.0.30319, CodeBase "
             "file:///C:/inetpub/OrderDesk/bin/OrderInvoices.DLL) (ProgID OrderDesk.Invoices), "
             "ThreadingModel Both; inetpub/OrderDesk/invoice.asp:6 creates OrderDesk.Invoices: "
             "registered in the image with Framework\\v4.0.30319\\RegAsm.exe /codebase"),
      std::string::npos)
      << e;
  EXPECT_NE(e.find("OrderDesk.Mail.Notifier of OrderDesk.Mail, Version=1.0.0.0"), std::string::npos)
      << e;
  EXPECT_NE(
      e.find("no CodeBase: the GAC) (ProgID OrderDesk.Mail), ThreadingModel Both; "
             "inetpub/OrderDesk/invoice.asp:7 creates OrderDesk.Mail: registered in the image "
             "with Framework64\\v4.0.30319\\RegAsm.exe /codebase (the server had it in the "
             "GAC; the application's inetpub/OrderDesk/bin/OrderDesk.Mail.dll is that "
             "assembly)"),
      std::string::npos)
      << e;
  EXPECT_EQ(e.find("mscorlib"), std::string::npos) << e;

  const ComRegistration* invoices = nullptr;
  const ComRegistration* mail = nullptr;
  for (const auto& c : desk->results.com_servers) {
    if (c.path == "inetpub/OrderDesk/bin/OrderInvoices.dll") invoices = &c;
    if (c.path == "inetpub/OrderDesk/bin/OrderDesk.Mail.dll") mail = &c;
  }
  ASSERT_NE(invoices, nullptr);
  EXPECT_EQ(invoices->tool, "regasm");
  EXPECT_EQ(invoices->clr, "v4.0.30319");
  EXPECT_TRUE(invoices->x86);  // the 32-bit view, whatever the AnyCPU PE header says
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->tool, "regasm");
  EXPECT_FALSE(mail->x86);
  // Each assembly once: the ComVisible attributes of the binaries add none.
  std::size_t regasm = 0;
  for (const auto& c : desk->results.com_servers) regasm += c.tool == "regasm";
  EXPECT_EQ(regasm, 2u);
}

// RegAsm's view and RuntimeVersion decide its folder: one registration per
// assembly and view; a serviced component's is regsvcs' alone; a GAC class
// the application holds no copy of is installed in the image's GAC.
TEST(ComRegistrationRule, DotNetClassesByViewAndRuntime) {
  Application app = console_app();
  app.root = "D:/App";
  auto cls = [](std::string clsid, std::string path, std::string runtime, bool wow64) {
    ComClassInfo c;
    c.clsid = std::move(clsid);
    c.server_key = "InprocServer32";
    c.registry_key = "HKLM\\SOFTWARE\\Classes\\CLSID\\" + c.clsid + "\\InprocServer32";
    c.server = "mscoree.dll";
    c.clr_class = "Lib.Thing";
    c.assembly = "Lib, Version=1.0.0.0";
    c.runtime_version = std::move(runtime);
    c.code_base = path.empty() ? "" : "file:///D:/App/" + path;
    c.path = path.empty() ? "" : "D:/App/" + path;
    c.in_app_folder = !path.empty();
    c.wow64 = wow64;
    return c;
  };
  app.com_classes = {cls("{A}", "a.dll", "v2.0.50727", true),
                     cls("{B}", "a.dll", "v2.0.50727", true),
                     cls("{C}", "a.dll", "v2.0.50727", false), cls("{D}", "b.dll", "", false),
                     cls("{E}", "", "v4.0.30319", false)};
  app.com_classes.back().named_by = "x.asp:1 creates Lib.Thing";
  RuleResults results;
  auto f = run_rule("com-registration", app, results);
  ASSERT_TRUE(f.has_value());
  ASSERT_EQ(results.com_servers.size(), 3u);
  EXPECT_EQ(results.com_servers[0].clr, "v2.0.50727");
  EXPECT_TRUE(results.com_servers[0].x86);
  EXPECT_EQ(results.com_servers[1].path, "D:/App/a.dll");
  EXPECT_FALSE(results.com_servers[1].x86);
  EXPECT_EQ(results.com_servers[2].clr, "v4.0.30319");  // no RuntimeVersion: CLR 4
  EXPECT_NE(joined(f->evidence)
                .find("the application holds no Lib.dll: install the assembly in "
                      "the image's GAC (gacutil /i)"),
            std::string::npos)
      << joined(f->evidence);

  RuleResults serviced;
  serviced.com_servers.push_back({"D:/App/a.dll", "regsvcs", "v4.0.30319", "serviced", false});
  app.com_classes.resize(1);
  run_rule("com-registration", app, serviced);
  EXPECT_EQ(serviced.com_servers.size(), 1u);
}

// One registration per file, however many classes it serves; the PE header's
// machine wins over the registry view; without a header the view decides.
TEST(ComRegistrationRule, OneRegistrationPerFileAndTheMachineDecidesTheRegsvr32) {
  Application app = console_app();
  app.root = "D:/App";
  auto cls = [](std::string clsid, std::string path, std::string machine, bool wow64) {
    ComClassInfo c;
    c.clsid = std::move(clsid);
    c.server_key = "InprocServer32";
    c.registry_key = "HKLM\\SOFTWARE\\Classes\\CLSID\\" + c.clsid + "\\InprocServer32";
    c.server = "D:\\App\\" + path;
    c.file = c.server;
    c.path = "D:/App/" + path;
    c.machine = std::move(machine);
    c.wow64 = wow64;
    c.in_app_folder = true;
    return c;
  };
  app.com_classes = {cls("{A}", "a.dll", "x64", true), cls("{B}", "a.dll", "x64", false),
                     cls("{C}", "b.dll", "", true), cls("{D}", "c.dll", "x86", false)};
  RuleResults results;
  auto f = run_rule("com-registration", app, results);
  ASSERT_TRUE(f.has_value());
  ASSERT_EQ(results.com_servers.size(), 3u);
  EXPECT_EQ(results.com_servers[0].path, "D:/App/a.dll");
  EXPECT_FALSE(results.com_servers[0].x86);  // x64 PE in the 32-bit view: the PE wins
  EXPECT_TRUE(results.com_servers[1].x86);   // no header read: the 32-bit view
  EXPECT_TRUE(results.com_servers[2].x86);
}

}  // namespace
}  // namespace liftshift
