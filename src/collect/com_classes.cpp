#include "collect/com_classes.hpp"

#include <array>
#include <cctype>
#include <map>

#include "collect/machine_collector.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr std::string_view kHive = "Windows/System32/config/SOFTWARE";
// A server value longer than this is no path Windows would load.
constexpr std::size_t kMaxServerValue = 2'048;

// A .NET class's Class is a type name, its Assembly a display name: longer
// ones are no such names.
constexpr std::size_t kMaxClassValue = 512;
constexpr std::size_t kMaxAssemblyValue = 1'024;

// "{00000000-0000-0000-0000-000000000000}": the only names a CLSID key has.
bool looks_like_clsid(std::string_view name) {
  if (name.size() != 38 || name.front() != '{' || name.back() != '}') return false;
  for (std::size_t i = 1; i < 37; ++i) {
    char c = name[i];
    bool dash = i == 9 || i == 14 || i == 19 || i == 24;
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

std::string expand_variables(std::string path, std::string_view system_root) {
  for (std::string_view variable : {"%SystemRoot%", "%windir%"}) {
    if (istarts_with(path, variable))
      return std::string(system_root) + path.substr(variable.size());
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kVariables{{
      {"%SystemDrive%", "C:"},
      {"%ProgramFiles(x86)%", "C:\\Program Files (x86)"},
      {"%ProgramFiles%", "C:\\Program Files"},
      {"%CommonProgramFiles(x86)%", "C:\\Program Files (x86)\\Common Files"},
      {"%CommonProgramFiles%", "C:\\Program Files\\Common Files"},
      {"%ProgramW6432%", "C:\\Program Files"},
  }};
  for (const auto& [variable, value] : kVariables) {
    if (istarts_with(path, variable)) return std::string(value) + path.substr(variable.size());
  }
  return path;
}

// InprocServer32 = mscoree.dll (a bare name or System32's): the .NET
// runtime's shim, which loads the class's assembly.
bool clr_server(std::string_view server) {
  std::string file = com_server_file(server, false);
  auto slash = file.find_last_of("\\/");
  return iequals(slash == std::string::npos ? file : file.substr(slash + 1), "mscoree.dll");
}

// "v4.0.30319", "v2.0.50727", "v1.1.4322": a 'v' and dotted numbers.
bool runtime_version_like(std::string_view v) {
  if (v.size() < 2 || v.size() > 32 || (v[0] != 'v' && v[0] != 'V')) return false;
  for (char ch : v.substr(1)) {
    if (!(ch == '.' || (ch >= '0' && ch <= '9'))) return false;
  }
  return v[1] != '.';
}

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// The default value of key\sub, "" when missing or not a string.
std::string default_of(const Hive& h, Hive::Node key, std::string_view sub) {
  auto node = h.child(key, sub);
  return node ? trim(h.string_value(*node, "").value_or("")) : std::string();
}

void add_prog_id(ComClassInfo& c, std::string prog_id) {
  if (prog_id.empty() || prog_id.size() > 256) return;
  for (const auto& p : c.prog_ids) {
    if (iequals(p, prog_id)) return;
  }
  c.prog_ids.push_back(std::move(prog_id));
}

struct Reader {
  const Hive& h;
  MachineFacts& m;
  std::vector<Problem>& problems;
  std::size_t max_classes;
  std::string system_root;
  std::size_t too_long = 0;
  bool capped = false;

  void read_view(std::string_view path, bool wow64) {
    auto clsid = h.find(path);
    if (!clsid) return;
    std::string error;
    auto keys = h.children(*clsid, &error);
    if (!error.empty()) {
      problems.push_back({std::string(kHive), "cannot list " + std::string(path) +
                                                  " (damaged sub-key list: " + error +
                                                  "): its COM classes are not read"});
    }
    for (const auto& [name, node] : keys) {
      if (!looks_like_clsid(name)) continue;
      for (std::string_view server_key : {"InprocServer32", "LocalServer32"}) {
        auto server_node = h.child(node, server_key);
        if (!server_node) continue;
        auto value = h.string_value(*server_node, "");
        if (!value) continue;
        std::string server = trim(*value);
        if (server.size() > kMaxServerValue) {
          ++too_long;
          continue;
        }
        bool local = server_key == "LocalServer32";
        ComClassInfo c;
        if (!local && clr_server(server)) {
          if (!read_clr_class(*server_node, c)) continue;
        } else {
          c.file = com_server_file(server, local, system_root);
          if (c.file.empty() || windows_com_server(c.file, system_root)) continue;
        }
        if (m.com_classes.size() >= max_classes) {
          capped = true;
          return;
        }
        c.clsid = name;
        c.server_key = std::string(server_key);
        // A LocalServer32 command line can carry a password: masked like a service's.
        c.server = local ? mask_command_line(server) : server;
        if (!local) c.threading_model = h.string_value(*server_node, "ThreadingModel").value_or("");
        if (c.threading_model.size() > 64) c.threading_model.clear();
        add_prog_id(c, default_of(h, node, "ProgID"));
        add_prog_id(c, default_of(h, node, "VersionIndependentProgID"));
        c.wow64 = wow64;
        c.registry_key = "HKLM\\SOFTWARE\\" + std::string(path) + "\\" + name + "\\" + c.server_key;
        m.com_classes.push_back(std::move(c));
      }
    }
  }

  // The values regasm writes beside InprocServer32 = mscoree.dll. False when
  // the class is Windows' (a Microsoft assembly, a CodeBase under Windows),
  // no .NET class at all (no Class value) or nothing can find its assembly;
  // a value too long to be one is counted and the class left out.
  bool read_clr_class(Hive::Node node, ComClassInfo& c) {
    auto value = [&](std::string_view value_name, std::size_t max) -> std::optional<std::string> {
      std::string v = trim(h.string_value(node, value_name).value_or(""));
      if (v.size() > max) return std::nullopt;
      return v;
    };
    auto clr_class = value("Class", kMaxClassValue);
    auto assembly = value("Assembly", kMaxAssemblyValue);
    auto runtime = value("RuntimeVersion", kMaxAssemblyValue);
    auto code_base = value("CodeBase", kMaxServerValue);
    if (!clr_class || !assembly || !runtime || !code_base) {
      ++too_long;
      return false;
    }
    if (clr_class->empty() || microsoft_assembly(*assembly)) return false;
    c.clr_class = printable(*clr_class);
    c.assembly = printable(*assembly);
    if (runtime_version_like(*runtime)) c.runtime_version = *runtime;
    c.code_base = printable(*code_base);
    c.file = code_base_file(*code_base);
    if (!c.file.empty()) return !windows_com_server(c.file, system_root);
    return !assembly_simple_name(*assembly).empty();
  }

  // Classes\<ProgID>\CLSID names a class too, when the class key itself has
  // no ProgID sub-key (or another one).
  void read_prog_ids() {
    if (m.com_classes.empty()) return;
    auto classes = h.find("Classes");
    if (!classes) return;
    std::map<std::string, std::vector<std::size_t>> by_clsid;
    for (std::size_t i = 0; i < m.com_classes.size(); ++i)
      by_clsid[to_lower(m.com_classes[i].clsid)].push_back(i);
    for (const auto& [name, node] : h.children(*classes)) {
      if (name.empty() || name[0] == '.' || name[0] == '{' || iequals(name, "CLSID") ||
          iequals(name, "WOW6432Node") || iequals(name, "Interface") || iequals(name, "TypeLib"))
        continue;
      std::string clsid = default_of(h, node, "CLSID");
      auto it = by_clsid.find(to_lower(clsid));
      if (it == by_clsid.end()) continue;
      for (std::size_t i : it->second) add_prog_id(m.com_classes[i], name);
    }
  }
};

}  // namespace

std::string com_server_file(std::string_view server, bool local_server,
                            std::string_view system_root) {
  std::string s = trim(server);
  if (s.empty()) return {};
  if (local_server) return executable_of(expand_variables(s, system_root));
  if (s.front() == '"') {
    auto end = s.find('"', 1);
    s = s.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  }
  return expand_variables(trim(s), system_root);
}

bool windows_com_server(std::string_view file, std::string_view system_root) {
  // A bare name is loaded through the DLL search path: System32.
  if (file.find('\\') == std::string_view::npos && file.find('/') == std::string_view::npos)
    return true;
  std::string root = std::string(system_root) + "\\";
  if (istarts_with(file, "C:\\Windows\\") || istarts_with(file, root)) return true;
  // Windows' folders wherever the system root is (a path written with another drive letter).
  if (icontains(file, "\\System32\\") || icontains(file, "\\SysWOW64\\")) return true;
  static constexpr std::array<std::string_view, 12> kWindowsFolders{
      "\\Common Files\\Microsoft Shared\\",
      "\\Common Files\\System\\",
      "\\Common Files\\Services\\",
      "\\Internet Explorer\\",
      "\\Windows Defender\\",
      "\\Windows NT\\",
      "\\Windows Media Player\\",
      "\\Windows Mail\\",
      "\\Windows Photo Viewer\\",
      "\\Windows Portable Devices\\",
      "\\Windows Sidebar\\",
      "\\Reference Assemblies\\Microsoft\\"};
  for (auto folder : kWindowsFolders) {
    if (icontains(file, folder)) return true;
  }
  return false;
}

std::string code_base_file(std::string_view url) {
  if (!istarts_with(url, "file:")) return {};
  std::string_view rest = url.substr(5);
  std::size_t slashes = 0;
  while (slashes < rest.size() && (rest[slashes] == '/' || rest[slashes] == '\\')) ++slashes;
  rest.remove_prefix(slashes);
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    char ch = rest[i];
    if (ch == '%') {
      int hi = i + 2 < rest.size() ? hex_digit(rest[i + 1]) : -1;
      int lo = hi >= 0 ? hex_digit(rest[i + 2]) : -1;
      if (lo < 0) return {};
      ch = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f || ch == '"') return {};
    path += ch == '/' ? '\\' : ch;
  }
  bool drive = path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) &&
               path[1] == ':' && path[2] == '\\';
  // file:///C:/... names a drive; file://host/share/... (two slashes) a share.
  if (drive && slashes >= 2) return path;
  if (!drive && slashes == 2 && path.find('\\') != std::string::npos &&
      path.find(':') == std::string::npos)
    return "\\\\" + path;
  return {};
}

std::string assembly_simple_name(std::string_view display_name) {
  std::string name = trim(display_name.substr(0, display_name.find(',')));
  if (name.empty() || name.size() > 255) return {};
  for (char ch : name) {
    if (static_cast<unsigned char>(ch) < 0x20 ||
        std::string_view("\\/:*?\"<>|").find(ch) != std::string_view::npos)
      return {};
  }
  return name;
}

bool microsoft_assembly(std::string_view display_name) {
  // The Framework (ECMA and Microsoft keys), ASP.NET's, Office's PIAs and SQL Server's.
  static constexpr std::array<std::string_view, 5> kTokens{"b77a5c561934e089", "b03f5f7f11d50a3a",
                                                           "31bf3856ad364e35", "71e9bce111e9429c",
                                                           "89845dcd8080cc91"};
  for (const auto& part : split(display_name, ',')) {
    std::string p = trim(part);
    if (!istarts_with(p, "PublicKeyToken=")) continue;
    std::string token = trim(std::string_view(p).substr(15));
    for (auto t : kTokens) {
      if (iequals(token, t)) return true;
    }
  }
  return iequals(assembly_simple_name(display_name), "mscorlib");
}

void read_com_classes(const Hive& software, MachineFacts& m, std::vector<Problem>& problems,
                      std::size_t max_classes) {
  // Windows NT 4.0 and 2000 live in C:\WINNT: CurrentVersion says where.
  auto cv = software.find("Microsoft\\Windows NT\\CurrentVersion");
  std::string root = cv ? trim(software.string_value(*cv, "SystemRoot").value_or("")) : "";
  while (!root.empty() && (root.back() == '\\' || root.back() == '/')) root.pop_back();
  if (root.size() < 3 || root.size() > 260 || root[1] != ':') root = "C:\\Windows";
  Reader r{software, m, problems, max_classes, root, 0, false};
  r.read_view("Classes\\CLSID", false);
  if (!r.capped) r.read_view("Classes\\WOW6432Node\\CLSID", true);
  r.read_prog_ids();
  if (r.capped) {
    problems.push_back(
        {std::string(kHive), "more than " + std::to_string(max_classes) +
                                 " COM classes with servers outside Windows are registered under "
                                 "Classes\\CLSID: the first " +
                                 std::to_string(max_classes) + " are read"});
  }
  if (r.too_long > 0) {
    problems.push_back(
        {std::string(kHive), std::to_string(r.too_long) +
                                 " COM server registrations have a value too long to be one "
                                 "(a server or CodeBase longer than " +
                                 std::to_string(kMaxServerValue) +
                                 " characters, a .NET Class "
                                 "longer than " +
                                 std::to_string(kMaxClassValue) + " or Assembly longer than " +
                                 std::to_string(kMaxAssemblyValue) + "): not read"});
  }
}

}  // namespace liftshift
