#include "collect/file_kind.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace liftshift {

std::string_view file_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view parent_dir(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

bool is_com_script(std::string_view path) {
  std::string_view name = file_name(path);
  return iends_with(name, ".vbs") || iends_with(name, ".wsf") || iends_with(name, ".hta") ||
         iends_with(name, ".js") || iends_with(name, ".htm") || iends_with(name, ".html") ||
         iends_with(name, ".aspx");
}

FileKind classify_file(std::string_view path) {
  std::string_view name = file_name(path);
  if (iends_with(name, ".exe") || iends_with(name, ".dll")) {
    return marker_for_file(path).category == MarkerCategory::kInstaller ? FileKind::kMarker
                                                                        : FileKind::kBinary;
  }
  if (iequals(name, "web.config") || iequals(name, "app.config") ||
      iends_with(name, ".exe.config") || iends_with(name, ".dll.config") ||
      // Logging configurations kept in files of their own.
      iequals(name, "log4net.config") || iequals(name, "log4net.xml") ||
      iequals(name, "nlog.config") || iequals(name, "nlog.xml") ||
      // The release build's transforms of them (xdt:Transform).
      iequals(name, "web.release.config") || iequals(name, "app.release.config") ||
      // ASP.NET Core settings: appsettings.json, appsettings.Production.json.
      (istarts_with(name, "appsettings") && iends_with(name, ".json"))) {
    return FileKind::kConfig;
  }
  if (iends_with(name, ".csproj") || iends_with(name, ".vbproj") || iends_with(name, ".vcxproj"))
    return FileKind::kProject;
  if (iequals(name, "Directory.Build.props") || iequals(name, "Directory.Build.targets"))
    return FileKind::kBuildProps;
  if (iends_with(name, ".runtimeconfig.json")) return FileKind::kRuntimeConfig;
  if (iequals(name, "packages.config")) return FileKind::kPackagesConfig;
  if (iends_with(name, ".sln")) return FileKind::kSolution;
  if (iends_with(name, ".cs") || iends_with(name, ".vb")) return FileKind::kSource;
  if (iends_with(name, ".c") || iends_with(name, ".cpp") || iends_with(name, ".cc") ||
      iends_with(name, ".cxx"))
    return FileKind::kNativeSource;
  if (iends_with(name, ".asp") || iends_with(name, ".asa") || iends_with(name, ".inc") ||
      is_com_script(name))
    return FileKind::kAspPage;
  if (marker_for_file(path).category) return FileKind::kMarker;
  if (iends_with(name, ".cmd") || iends_with(name, ".bat") || iends_with(name, ".ps1"))
    return FileKind::kScript;
  if (iends_with(name, ".xml")) return FileKind::kTaskXml;
  return FileKind::kIgnore;
}

MarkerInfo marker_for_file(std::string_view path) {
  std::string_view name = file_name(path);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kDatabaseExt{{
      {".mdf", "SQL Server database file"},
      {".ldf", "SQL Server log file"},
      {".sdf", "SQL Server Compact database"},
      {".sqlite", "SQLite database"},
      {".sqlite3", "SQLite database"},
      {".db", "database file"},
      {".mdb", "Microsoft Access database"},
      {".accdb", "Microsoft Access database"},
      {".fdb", "Firebird database"},
  }};
  if (!iequals(name, "thumbs.db")) {
    for (const auto& [ext, detail] : kDatabaseExt) {
      if (iends_with(name, ext)) return {MarkerCategory::kDatabaseFile, std::string(detail)};
    }
  }
  if (iends_with(name, ".msi")) return {MarkerCategory::kInstaller, "Windows Installer package"};
  if (iends_with(name, ".exe") && (istarts_with(name, "setup") || istarts_with(name, "install") ||
                                   icontains(name, "installer") || istarts_with(name, "unins") ||
                                   istarts_with(name, "vcredist") || istarts_with(name, "ndp") ||
                                   istarts_with(name, "dotnetfx"))) {
    return {MarkerCategory::kInstaller, "setup program"};
  }
  if (iends_with(name, ".vdproj") || iends_with(name, ".wixproj") || iends_with(name, ".wxs") ||
      iends_with(name, ".iss") || iends_with(name, ".nsi")) {
    return {MarkerCategory::kInstaller, "installer project"};
  }
  if (iends_with(name, ".pfx") || iends_with(name, ".p12"))
    return {MarkerCategory::kCertificate, "certificate with private key"};
  if (iends_with(name, ".rdp")) return {MarkerCategory::kRdpFile, "Remote Desktop connection file"};
  if (iends_with(name, ".svc")) return {MarkerCategory::kSvcFile, "WCF service endpoint (.svc)"};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kThirdParty{{
      {".jar", "Java"},
      {".war", "Java"},
      {"java.exe", "Java"},
      {"javaw.exe", "Java"},
      {"web.xml", "Java"},
      {"catalina.bat", "Apache Tomcat"},
      {"catalina.sh", "Apache Tomcat"},
      {"tomcat.exe", "Apache Tomcat"},
      {"httpd.exe", "Apache HTTP Server"},
      {"package.json", "Node.js"},
      {"node.exe", "Node.js"},
      {"requirements.txt", "Python"},
      {".py", "Python"},
      {"python.exe", "Python"},
      {".php", "PHP"},
      {"php.exe", "PHP"},
      {"php.ini", "PHP"},
      {"gemfile", "Ruby"},
      {".rb", "Ruby"},
      {"ruby.exe", "Ruby"},
      {"go.mod", "Go"},
      {"perl.exe", "Perl"},
  }};
  for (const auto& [suffix, detail] : kThirdParty) {
    bool match = suffix.front() == '.' ? iends_with(name, suffix) : iequals(name, suffix);
    if (match) return {MarkerCategory::kThirdParty, std::string(detail)};
  }
  if (istarts_with(name, "tomcat") && iends_with(name, ".exe"))
    return {MarkerCategory::kThirdParty, "Apache Tomcat"};
  if (iends_with(name, ".log")) return {MarkerCategory::kLogFile, "log file"};
  return {};
}

MarkerInfo marker_for_folder(std::string_view path) {
  std::string_view name = file_name(path);
  if (iequals(name, "App_Data")) return {MarkerCategory::kStateFolder, "ASP.NET App_Data folder"};
  // A folder of that name inside a plugin or script library is code (an
  // editor's "media" plugin), not where users' files go.
  auto in_library = [&] {
    for (std::string_view up = parent_dir(path); !up.empty(); up = parent_dir(up)) {
      std::string_view seg = file_name(up);
      if (iequals(seg, "plugins") || iequals(seg, "plugin") || iequals(seg, "scripts") ||
          iequals(seg, "lib") || iequals(seg, "vendor") || iequals(seg, "bower_components"))
        return true;
    }
    return false;
  };
  if ((iequals(name, "uploads") || iequals(name, "upload") || iequals(name, "userfiles") ||
       iequals(name, "attachments") || iequals(name, "media")) &&
      !in_library()) {
    return {MarkerCategory::kStateFolder, "upload folder"};
  }
  if (iequals(name, "logs") || iequals(name, "log"))
    return {MarkerCategory::kLogFolder, "log folder"};
  if (iequals(name, "node_modules")) return {MarkerCategory::kThirdParty, "Node.js"};
  if (iequals(name, "WEB-INF")) return {MarkerCategory::kThirdParty, "Java"};
  return {};
}

bool is_code_file(std::string_view path) {
  std::string_view name = file_name(path);
  static constexpr std::array<std::string_view, 24> kCode{
      ".dll",  ".exe",    ".cs",     ".vb",     ".aspx", ".ascx", ".ashx", ".asmx",
      ".asax", ".master", ".cshtml", ".vbhtml", ".svc",  ".js",   ".mjs",  ".ts",
      ".php",  ".py",     ".rb",     ".jsp",    ".asp",  ".ps1",  ".bat",  ".cmd"};
  for (auto ext : kCode) {
    if (iends_with(name, ext)) return true;
  }
  return false;
}

bool skip_folder(std::string_view path, bool source_tree) {
  std::string_view name = file_name(path);
  if (iequals(name, ".git") || iequals(name, ".svn") || iequals(name, ".vs") ||
      iequals(name, ".hg") || iequals(name, "node_modules") || iequals(name, "__pycache__")) {
    return true;
  }
  // In a source tree, build outputs and the NuGet package cache repeat what
  // the projects and packages.config already say.
  return source_tree && (iequals(name, "obj") || iequals(name, "bin") ||
                         iequals(name, "packages") || iequals(name, "TestResults"));
}

}  // namespace liftshift
