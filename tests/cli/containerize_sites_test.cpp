// `liftshift containerize` on IIS sites that are not .NET projects (issue
// 15): the WEBSRV01 server and the classic ASP, PHP, Node.js, static and Web
// Site project folders. Every output passes the artifact check (PowerShell
// parses, COPY sources exist, no secret of the input reaches a file).
#include <gtest/gtest.h>

#include <filesystem>

#include "artifact_check.hpp"
#include "powershell_parser.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

// The password in the classic ASP site's global.asa.
const std::vector<std::string> kSecrets{"Winter2019!"};

fs::path containerize(const std::vector<std::string>& sources, const test::TempDir& tmp) {
  fs::path out = tmp.path() / "out";
  std::vector<std::string> args{"containerize"};
  args.insert(args.end(), sources.begin(), sources.end());
  args.insert(args.end(), {"-o", out.string()});
  auto r = test::run_liftshift(args);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const auto& s : kSecrets) EXPECT_EQ(r.out.find(s) + r.err.find(s), 2 * std::string::npos);
  auto report = test::check_artifacts(out, {kSecrets, {}});
  for (const auto& p : report.problems) ADD_FAILURE() << p;
  // Without pwsh the scripts are not parsed (the rest is still checked); CI must have it.
  if (test::in_ci()) {
    EXPECT_TRUE(report.powershell_checked) << "pwsh is required with CI=true";
  }
  return out;
}

std::string dockerfile(const fs::path& out, const std::string& app) {
  return test::read_text(out / app / "Dockerfile");
}

TEST(ContainerizeSites, ServerSitesGetTheirFeaturesAndRuntimes) {
  test::TempDir tmp;
  fs::path out = containerize({(test::fixtures() / "websites" / "websrv01").string()}, tmp);
  std::string asp = dockerfile(out, "websrv01-iis-Order-Desk");
  EXPECT_NE(asp.find("FROM mcr.microsoft.com/windows/servercore/iis:"), std::string::npos);
  EXPECT_NE(asp.find("RUN Install-WindowsFeature Web-ASP\n"), std::string::npos) << asp;
  // global.asa holds a password: the context screen keeps it out of the image.
  EXPECT_FALSE(fs::exists(out / "websrv01-iis-Order-Desk/app/global.asa"));
  EXPECT_TRUE(fs::exists(out / "websrv01-iis-Order-Desk/app/default.asp"));
  // The COM servers the server registered in the site's bin folder are
  // registered again after the copy: the 32-bit DLL by SysWOW64's regsvr32.
  EXPECT_TRUE(fs::exists(out / "websrv01-iis-Order-Desk/app/bin/OrderPricing.dll"));
  auto pricing = asp.find(
      "-FilePath 'C:\\Windows\\SysWOW64\\regsvr32.exe' -ArgumentList '/s', "
      "'\"C:\\inetpub\\wwwroot\\bin\\OrderPricing.dll\"'");
  EXPECT_NE(pricing, std::string::npos) << asp;
  EXPECT_LT(asp.find("COPY app/"), pricing) << asp;
  EXPECT_NE(asp.find("-FilePath 'C:\\inetpub\\wwwroot\\bin\\OrderReports.exe' -ArgumentList "
                     "'/RegServer'"),
            std::string::npos)
      << asp;
  EXPECT_EQ(asp.find("AspUpload"), std::string::npos) << asp;  // not the site's file: not copied
  // Its .NET classes by the RegAsm of the view RegAsm registered them in.
  EXPECT_NE(asp.find("RUN & 'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\RegAsm.exe' "
                     "/nologo /codebase 'C:\\inetpub\\wwwroot\\bin\\OrderInvoices.dll'"),
            std::string::npos)
      << asp;
  EXPECT_NE(asp.find("RUN & 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\RegAsm.exe' "
                     "/nologo /codebase 'C:\\inetpub\\wwwroot\\bin\\OrderDesk.Mail.dll'"),
            std::string::npos)
      << asp;

  std::string blog = dockerfile(out, "websrv01-iis-Blog");
  EXPECT_NE(blog.find("RUN Install-WindowsFeature Web-CGI\n"), std::string::npos) << blog;
  EXPECT_NE(blog.find("COPY runtime/php/ C:\\PHP\\"), std::string::npos) << blog;
  EXPECT_TRUE(fs::exists(out / "websrv01-iis-Blog/runtime/php/php-cgi.exe"));
  EXPECT_TRUE(fs::exists(out / "websrv01-iis-Blog/runtime/php/php.ini"));

  std::string node = dockerfile(out, "websrv01-iis-Status-Board");
  EXPECT_NE(node.find("COPY installers/iisnode/ C:\\liftshift\\iisnode\\"), std::string::npos)
      << node;
  EXPECT_TRUE(fs::exists(out / "websrv01-iis-Status-Board/installers/iisnode/README.txt"));
  std::string migration = test::read_text(out / "websrv01-iis-Status-Board/MIGRATION.md");
  EXPECT_NE(migration.find("You supply installers/iisnode/"), std::string::npos);

  std::string files = dockerfile(out, "websrv01-iis-Default-Web-Site");
  EXPECT_EQ(files.find("Install-WindowsFeature"), std::string::npos) << files;
  EXPECT_NE(files.find("FROM mcr.microsoft.com/windows/servercore/iis:"), std::string::npos);
}

TEST(ContainerizeSites, FolderSitesAndAWebSiteProject) {
  test::TempDir tmp;
  std::vector<std::string> sources;
  for (const char* s : {"classic-asp", "php", "node", "static", "website-sln"})
    sources.push_back((test::fixtures() / "websites" / s).string());
  fs::path out = containerize(sources, tmp);
  EXPECT_NE(dockerfile(out, "classic-asp-classic-asp").find("Install-WindowsFeature Web-ASP"),
            std::string::npos);
  std::string php = dockerfile(out, "php-php");
  EXPECT_NE(php.find("COPY installers/php/ C:\\PHP\\"), std::string::npos) << php;
  EXPECT_TRUE(fs::exists(out / "php-php/installers/php/README.txt"));
  EXPECT_NE(dockerfile(out, "node-node").find("installers/iisnode"), std::string::npos);
  EXPECT_NE(dockerfile(out, "static-static").find("FROM mcr.microsoft.com/windows/servercore/iis:"),
            std::string::npos);
  std::string portal = dockerfile(out, "website-sln-Portal");
  EXPECT_NE(portal.find("FROM mcr.microsoft.com/dotnet/framework/aspnet:"), std::string::npos)
      << portal;
  EXPECT_TRUE(fs::exists(out / "website-sln-Portal/app/App_Code/Greetings.cs"));
}

}  // namespace
}  // namespace liftshift
