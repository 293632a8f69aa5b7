// Rules from the seed's "Stateful applications" and "Database applications"
// sections, and the local-machine assumptions that break in a container
// (registry, drive letters).
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

bool non_c_drive_or_unc(std::string_view s) {
  if (s.size() >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/')) {
    char d = static_cast<char>(s[0] | 0x20);
    return d >= 'a' && d <= 'z' && d != 'c';
  }
  return s.size() > 2 && s[0] == '\\' && s[1] == '\\' && s[2] != '?' && s[2] != '.';
}

}  // namespace

namespace {

// Folders the markers of `category` name, as state the planner keeps on volumes.
void add_state_folders(const Application& app, std::string_view category, bool database,
                       RuleResults& results) {
  for (const auto& m : app.markers) {
    if (m.category == category) results.state_folders.push_back({m.path, m.detail, database});
  }
}

}  // namespace

Evidence check_local_state(const Application& app, RuleResults& results) {
  Evidence out = markers(app, "state-folder");
  add_state_folders(app, "state-folder", false, results);
  append(out, source_hits(app, "file-write"));
  append(out, refs_member(app, "File::WriteAll"));
  append(out, refs_member(app, "File::AppendAll"));
  append(out, refs_member(app, "HttpPostedFile::SaveAs"));
  return out;
}

Evidence check_database(const Application& app, RuleResults& results) {
  Evidence out = markers(app, "database-file");
  add_state_folders(app, "database-file", true, results);
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      if (cs.local_file) {
        out.push_back(c.path + ": connection string '" + cs.name + "' uses a local database file " +
                      cs.local_file_path);
      }
    }
  }
  for (const char* engine :
       {"System.Data.SQLite", "Microsoft.Data.Sqlite", "System.Data.SqlServerCe", "LiteDB",
        "Microsoft.Isam.Esent.Interop", "Esent.Interop"}) {
    append(out, uses_assembly(app, engine));
  }
  append(out, source_hits(app, "embedded-db"));
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
  append(out, source_hits(app, "drive-path"));
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
  Evidence out = refs_type(app, "Microsoft.Win32.Registry");
  for (const char* fn : {"RegCreateKey", "RegSetValue", "RegOpenKey", "RegQueryValue"}) {
    append(out, imports_function(app, "advapi32.dll", fn));
  }
  append(out, source_hits(app, "registry"));
  return out;
}

}  // namespace liftshift
