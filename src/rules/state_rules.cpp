// Rules from the seed's "Stateful applications" and "Database applications"
// sections, and the local-machine assumptions that break in a container
// (registry, drive letters).
#include <set>
#include <string>

#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

bool non_c_drive_or_unc(std::string_view s) {
  // Regular expressions are no paths ("\\\\[^\\\\]+", "[D-Z]:\\\\.*"); parentheses,
  // braces and wildcards are ("D:\\Program Files (x86)", "E:\\Logs\\{0}.log").
  if (s.find_first_of("[]^|") != std::string_view::npos) return false;
  if (s.size() >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/')) {
    char d = static_cast<char>(s[0] | 0x20);
    return d >= 'a' && d <= 'z' && d != 'c';
  }
  // A UNC path is \\host\share: a regex literal such as "\\n" or "\\d+" is not.
  if (s.size() < 5 || s[0] != '\\' || s[1] != '\\') return false;
  auto host_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  };
  std::size_t k = 2;
  while (k < s.size() && host_char(s[k])) ++k;
  const std::string_view host = s.substr(2, k - 2);
  if (host.size() < 2 || k + 1 >= s.size() || s[k] != '\\') return false;
  const char share = s[k + 1];
  return host_char(share) || share == '$';
}

}  // namespace

namespace {

// Folders the markers of `category` name, as state the planner keeps on volumes.
void add_state_folders(const Application& app, MarkerCategory category, bool database,
                       RuleResults& results) {
  for (const auto& m : app.markers) {
    if (m.category == category)
      results.state_folders.push_back({m.path, m.detail, database, m.files, m.code_files});
  }
}

// The site's App_Data folder when code keeps files there ("~/App_Data") but
// the folder itself is not in the source (created at run time).
void add_app_data_from_code(const Application& app, Evidence& out, RuleResults& results) {
  Evidence named = source_hits(app, SourceCategory::kAppData);
  if (named.empty()) return;
  const std::string folder = (app.root.empty() ? "" : app.root + "/") + "App_Data";
  for (const auto& f : results.state_folders) {
    if (iequals(f.path, folder)) return;
  }
  results.state_folders.push_back({folder, "ASP.NET App_Data folder (named in code)", false});
  out.push_back(folder + ": ASP.NET App_Data folder, created at run time by the code (" +
                named.front() + ")");
}

// Names an embedded engine in a hit's or reference's text, "" when none.
std::string engine_name(std::string_view text) {
  if (icontains(text, "SqlServerCe") || icontains(text, "SqlCe"))
    return "SQL Server Compact (SQL CE): an in-process engine over an .sdf file";
  if (icontains(text, "sqlite")) return "SQLite: an in-process engine over a database file";
  if (icontains(text, "LiteDB") || icontains(text, "LiteDatabase"))
    return "LiteDB: an in-process engine over a database file";
  if (icontains(text, "esent")) return "ESENT: the Windows embedded database engine";
  if (icontains(text, "(localdb)"))
    return "SQL Server LocalDB: LocalDB is not in any container image: point the connection at "
           "a database server";
  return {};
}

}  // namespace

Evidence check_local_state(const Application& app, RuleResults& results) {
  Evidence out = markers(app, MarkerCategory::kStateFolder);
  add_state_folders(app, MarkerCategory::kStateFolder, false, results);
  add_app_data_from_code(app, out, results);
  append(out, source_hits(app, SourceCategory::kFileWrite));
  append(out, refs_member(app, "System.IO.File::WriteAll"));
  append(out, refs_member(app, "System.IO.File::AppendAll"));
  append(out, refs_member(app, "System.Web.HttpPostedFile::SaveAs"));
  append(out, refs_member(app, "System.Web.HttpPostedFileBase::SaveAs"));
  return out;
}

Evidence check_database(const Application& app, RuleResults& results) {
  Evidence out = markers(app, MarkerCategory::kDatabaseFile);
  add_state_folders(app, MarkerCategory::kDatabaseFile, true, results);
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      if (!cs.local_file) continue;
      if (!cs.local_file_path.empty()) {
        out.push_back(c.path + ": connection string '" + cs.name + "' uses a local database file " +
                      cs.local_file_path);
      } else {
        std::string engine = engine_name(cs.server);
        out.push_back(
            c.path + ": connection string '" + cs.name + "' uses " +
            (engine.empty() ? "a local database (" + cs.server + ")" : cs.server + ", " + engine));
      }
    }
  }
  for (const char* engine :
       {"System.Data.SQLite", "Microsoft.Data.Sqlite", "System.Data.SqlServerCe", "LiteDB",
        "Microsoft.Isam.Esent.Interop", "Esent.Interop"}) {
    append(out, uses_assembly(app, engine));
  }
  append(out, source_hits(app, SourceCategory::kEmbeddedDb));
  // Name each engine once, so the reader knows what keeps the data.
  std::set<std::string> engines;
  for (const auto& e : out) {
    std::string name = engine_name(e);
    if (!name.empty()) engines.insert(std::move(name));
  }
  for (const auto& name : engines) out.push_back(name);
  if (!out.empty()) {
    for (const auto& f : results.state_folders) {
      if (f.database || !icontains(f.path, "App_Data")) continue;
      out.push_back(f.path +
                    ": where the database file is kept: a persistent volume, one instance");
      break;
    }
  }
  return out;
}

Evidence check_drive_path(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    for (const auto& p : c.drive_paths) {
      auto setting = c.drive_path_settings.find(p);
      out.push_back(c.path + ": " +
                    (setting == c.drive_path_settings.end() ? "" : setting->second + " = ") + p);
    }
  }
  if (app.iis) {
    for (const auto& v : app.iis->virtual_dirs) {
      if (!non_c_drive_or_unc(v.physical_path)) continue;
      out.push_back("IIS site '" + app.iis->site + "' serves " + v.path + " from " +
                    v.physical_path +
                    (v.user_name.empty() ? "" : " (connects as " + v.user_name + ")"));
    }
  }
  append(out, source_hits(app, SourceCategory::kDrivePath));
  for (const auto& b : app.binaries) {
    for (const auto& s : b.user_strings) {
      if (non_c_drive_or_unc(s)) {
        out.push_back(b.path + ": string literal \"" + s + "\"");
        break;
      }
    }
  }
  return out;
}

Evidence check_registry_dependency(const Application& app, RuleResults& /*results*/) {
  Evidence out = refs_type(app, "Microsoft.Win32.Registry",
                           {"mscorlib", "Microsoft.Win32.Registry", "netstandard",
                            "System.Private.CoreLib", "System.Runtime"});
  for (const char* fn : {"RegCreateKey", "RegSetValue", "RegOpenKey", "RegQueryValue"}) {
    append(out, imports_function(app, "advapi32.dll", fn));
  }
  append(out, source_hits(app, SourceCategory::kRegistry));
  return out;
}

}  // namespace liftshift
