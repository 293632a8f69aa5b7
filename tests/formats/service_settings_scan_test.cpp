// A service installer's settings besides the name (formats/service_settings_scan):
// .NET installer classes in C# and VB, Topshelf's host configuration, and
// nothing from files that configure no service.
#include "formats/service_settings_scan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace liftshift {
namespace {

std::vector<std::string> settings(const std::string& text, bool vb = false) {
  const auto lexed = source_lexer::lex(text, vb);
  std::vector<std::string> out;
  for (const auto& s : service_settings(text, lexed, vb)) out.push_back(s.key + ": " + s.value);
  return out;
}

TEST(ServiceSettings, InstallerClassPropertiesInCSharp) {
  const std::string cs =
      "partial class ProjectInstaller {\n"
      "  private System.ServiceProcess.ServiceProcessInstaller processInstaller;\n"
      "  private System.ServiceProcess.ServiceInstaller serviceInstaller;\n"
      "  void InitializeComponent() {\n"
      "    this.processInstaller.Account = System.ServiceProcess.ServiceAccount.LocalService;\n"
      "    this.serviceInstaller.DisplayName = \"Contoso Orders\";\n"
      "    this.serviceInstaller.StartType = System.ServiceProcess.ServiceStartMode.Automatic;\n"
      "    this.serviceInstaller.ServicesDependedOn = new string[] {\n"
      "        \"MSMQ\", \"EventLog\"};\n"
      "    if (processInstaller.Account == ServiceAccount.User) {}\n"
      "  }\n"
      "}\n";
  EXPECT_EQ(settings(cs), (std::vector<std::string>{"account: NT AUTHORITY\\LocalService",
                                                    "start: Automatic", "depends-on: MSMQ/EventLog",
                                                    "display-name: Contoso Orders"}));
}

// Dependencies are the names assigned to ServicesDependedOn, never a block
// that follows a read of it.
TEST(ServiceSettings, DependenciesOnlyFromAnAssignedList) {
  const std::string cs =
      "class ProjectInstaller { System.ServiceProcess.ServiceInstaller si;\n"
      "  void F(string[] deps) { si.ServicesDependedOn = deps; if (x) { Log(\"Installed\"); }\n"
      "    foreach (var d in si.ServicesDependedOn) { Console.WriteLine(\"dep \" + d); } } }\n";
  EXPECT_TRUE(settings(cs).empty());
}

TEST(ServiceSettings, AUserAccountWithItsNameAndVisualBasic) {
  const std::string cs =
      "class I : Installer { ServiceProcessInstaller p = new ServiceProcessInstaller();\n"
      "  I() { p.Account = ServiceAccount.User; p.Username = \"CONTOSO\\\\svc_orders\"; } }\n";
  EXPECT_EQ(settings(cs),
            (std::vector<std::string>{"account: User", "account: CONTOSO\\svc_orders"}));
  const std::string vb =
      "Public Class ProjectInstaller\n"
      "  Private Sub Init()\n"
      "    Me.SPI.account = serviceaccount.NetworkService\n"
      "    Me.SI.StartType = ServiceProcess.ServiceStartMode.Manual\n"
      "    Me.SI.DisplayName = \"Orders (VB)\"\n"
      "  End Sub\n"
      "  Private SI As System.ServiceProcess.ServiceInstaller\n"
      "End Class\n";
  EXPECT_EQ(settings(vb, true),
            (std::vector<std::string>{"account: NT AUTHORITY\\NetworkService", "start: Manual",
                                      "display-name: Orders (VB)"}));
}

TEST(ServiceSettings, TopshelfsHostConfiguration) {
  const std::string cs =
      "HostFactory.Run(x => {\n"
      "  x.Service<Orders>(s => { s.ConstructUsing(n => new Orders()); });\n"
      "  x.RunAsNetworkService();\n"
      "  x.StartAutomaticallyDelayed();\n"
      "  x.SetDisplayName(\"Orders host\");\n"
      "  x.DependsOnMsmq();\n"
      "  x.DependsOn(\"ContosoCache\");\n"
      "});\n";
  EXPECT_EQ(settings(cs),
            (std::vector<std::string>{"account: NT AUTHORITY\\NetworkService", "start: Automatic",
                                      "depends-on: MSMQ", "display-name: Orders host",
                                      "depends-on: ContosoCache"}));
}

TEST(ServiceSettings, NothingWhereNoServiceIsConfigured) {
  const std::string cs =
      "class Column { void F() { col.DisplayName = \"Name\"; user.Account = Accounts.Local;\n"
      "  StartManually(); } }\n";
  EXPECT_TRUE(settings(cs).empty());
  // Unterminated braces and huge inputs stay bounded.
  std::string big = "ServiceInstaller s; s.ServicesDependedOn = new string[] { \"A\"";
  big += std::string(1 << 16, ' ');
  EXPECT_TRUE(settings(big).empty());
}

}  // namespace
}  // namespace liftshift
