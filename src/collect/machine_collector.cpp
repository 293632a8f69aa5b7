#include "collect/machine_collector.hpp"

#include <fmt/format.h>

#include <array>

#include "collect/com_classes.hpp"
#include "collect/parsed_files.hpp"
#include "collect/platform_agents.hpp"
#include "collect/time_zone_info.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/hive.hpp"
#include "formats/mounted_devices.hpp"
#include "sources/open_source.hpp"

namespace liftshift {

namespace {

std::string fmt_hex(std::uint8_t b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {kDigits[b >> 4], kDigits[b & 15]};
}

constexpr std::uint64_t kMaxHiveBytes = 1ull << 30;

void add_hive_warnings(const Hive& hive, const std::string& path, std::vector<Problem>& problems,
                       MachineFacts* machine) {
  for (const auto& w : hive.warnings()) {
    problems.push_back({path, w});
    if (machine != nullptr) machine->warnings.push_back(w);
  }
}

std::optional<Hive> load_hive(const Volume& volume, const std::string& path,
                              std::vector<Problem>& problems, MachineFacts* machine) {
  auto entry = volume.find(path);
  if (!entry) {
    problems.push_back({path, "registry hive not found"});
    return std::nullopt;
  }
  if (entry->size > kMaxHiveBytes) {
    problems.push_back({entry->path, "registry hive larger than 1 GiB: not read"});
    return std::nullopt;
  }
  auto bytes = volume.read(entry->path, 0, static_cast<std::size_t>(entry->size));
  if (!bytes) {
    problems.push_back({entry->path, bytes.error().message});
    return std::nullopt;
  }
  auto hive = Hive::open(*bytes, entry->path);
  if (!hive) {
    problems.push_back({entry->path, hive.error().message});
    return std::nullopt;
  }
  add_hive_warnings(*hive, entry->path, problems, machine);
  return std::move(hive).value();
}

std::string str(const Hive& h, std::optional<Hive::Node> node, std::string_view value) {
  if (!node) return {};
  return h.value_text(*node, value).value_or("");
}

void add_role(MachineFacts& m, const std::string& name, const std::string& evidence) {
  for (auto& r : m.roles) {
    if (iequals(r.name, name)) {
      if (r.evidence.find(evidence) == std::string::npos) r.evidence += "; " + evidence;
      return;
    }
  }
  m.roles.push_back({name, evidence});
}

void read_os(const Hive& software, MachineFacts& m, std::vector<Problem>& problems) {
  auto cv = software.find("Microsoft\\Windows NT\\CurrentVersion");
  if (std::string why = cv ? software.values_error(*cv) : ""; !why.empty()) {
    problems.push_back({"Windows/System32/config/SOFTWARE",
                        "cannot read the values of Microsoft\\Windows NT\\CurrentVersion "
                        "(damaged value list: " +
                            why + "): the Windows version is unknown"});
  }
  m.os_name = str(software, cv, "ProductName");
  // Windows 10 and Server 2016 and later froze CurrentVersion at "6.3" for
  // old installers; the version Windows reports (10.0) is in two DWORDs.
  m.version = str(software, cv, "CurrentVersion");
  if (cv) {
    auto major = software.dword_value(*cv, "CurrentMajorVersionNumber");
    auto minor = software.dword_value(*cv, "CurrentMinorVersionNumber");
    if (major) m.version = std::to_string(*major) + "." + std::to_string(minor.value_or(0));
  }
  m.build = str(software, cv, "CurrentBuildNumber");
  if (m.build.empty()) m.build = str(software, cv, "CurrentBuild");
  m.ubr = str(software, cv, "UBR");
  m.machine_guid = str(software, software.find("Microsoft\\Cryptography"), "MachineGuid");
  m.edition = str(software, cv, "EditionID");
  m.installation_type = str(software, cv, "InstallationType");
  m.csd_version = str(software, cv, "CSDVersion");
}

void read_services(const Hive& system, const std::string& cs, MachineFacts& m,
                   std::vector<Problem>& problems) {
  auto services = system.find(cs + "\\Services");
  if (!services) return;
  std::string error;
  auto keys = system.children(*services, &error);
  if (!error.empty()) {
    problems.push_back({"Windows/System32/config/SYSTEM",
                        "cannot list " + cs + "\\Services (damaged sub-key list: " + error + ")"});
  }
  for (const auto& [name, node] : keys) {
    if (std::string why = system.values_error(node); !why.empty()) {
      problems.push_back({"Windows/System32/config/SYSTEM",
                          "cannot read the values of " + cs + "\\Services\\" + name +
                              " (damaged value list: " + why + "): service not listed"});
      continue;
    }
    auto type = system.dword_value(node, "Type");
    // Drivers and file systems are not services; a key without Type is a
    // leftover (an uninstalled role) and is listed as such.
    if (type && (*type & 0x30) == 0) continue;
    ServiceInfo s;
    s.name = name;
    s.type = !type                 ? "unknown (no Type value)"
             : (*type & 0x20) != 0 ? "shared process"
                                   : "own process";
    s.display_name = system.value_text(node, "DisplayName").value_or("");
    // A command line can carry a password ("-Password x"): masked before anything keeps it.
    s.image_path = mask_command_line(system.value_text(node, "ImagePath").value_or(""));
    s.account = system.value_text(node, "ObjectName").value_or("LocalSystem");
    s.start = static_cast<int>(system.dword_value(node, "Start").value_or(3));
    s.depends_on = system.multi_string_value(node, "DependOnService");
    s.microsoft = is_microsoft_service(s);
    m.services.push_back(std::move(s));
  }
}

// What SYSTEM's ProductOptions says (NT 4.0 and later, with or without a
// SOFTWARE hive): WinNT is a client (workstation) OS, ServerNT a server,
// LanmanNT a domain controller. A client stays a client whatever else says.
void read_product_type(const Hive& system, const std::string& cs, MachineFacts& m) {
  auto po = system.find(cs + "\\Control\\ProductOptions");
  std::string product = str(system, po, "ProductType");
  if (iequals(product, "LanmanNT")) {
    add_role(m, "AD-Domain-Services",
             "SYSTEM\\" + cs + "\\Control\\ProductOptions ProductType=LanmanNT");
  }
  if (iequals(product, "WinNT")) {
    m.installation_type = "Client";
  } else if (m.installation_type.empty() && !product.empty()) {
    m.installation_type = "Server";
  }
}

// Roles from Server Manager's component cache, confirmed or found by their
// services (older servers have no component cache at all).
void read_roles(const Hive& software, const Hive& system, const std::string& cs, MachineFacts& m) {
  const std::string cache_path = "Microsoft\\ServerManager\\ServicingStorage\\ServerComponentCache";
  if (auto cache = software.find(cache_path)) {
    for (const auto& [name, node] : software.children(*cache)) {
      if (software.dword_value(node, "InstallState").value_or(0) == 1) {
        add_role(m, name, "SOFTWARE\\" + cache_path + "\\" + name + " InstallState=1");
      }
    }
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kServiceRoles{{
      {"NTDS", "AD-Domain-Services"},
      {"DHCPServer", "DHCP"},
      {"DNS", "DNS"},
      {"W3SVC", "Web-Server"},
      {"MSMQ", "MSMQ-Server"},
      {"CertSvc", "ADCS-Cert-Authority"},
      {"WDSServer", "WDS"},
      {"WsusService", "UpdateServices"},
      {"IAS", "NPAS"},
      {"TermServLicensing", "RDS-Licensing"},
      {"Tssdis", "RDS-Connection-Broker"},
      {"MSSQLSERVER", "SQL Server"},
      {"MySQL", "MySQL"},
      {"MongoDB", "MongoDB"},
  }};
  for (const auto& s : m.services) {
    if (s.image_path.empty()) continue;  // a leftover key proves no role
    for (const auto& [service, role] : kServiceRoles) {
      if (iequals(s.name, service)) add_role(m, std::string(role), "service " + s.name);
    }
    if (istarts_with(s.name, "MSSQL$")) add_role(m, "SQL Server", "service " + s.name);
    if (istarts_with(s.name, "postgresql")) add_role(m, "PostgreSQL", "service " + s.name);
    if (istarts_with(s.name, "OracleService")) add_role(m, "Oracle Database", "service " + s.name);
    if (istarts_with(s.name, "MySQL")) add_role(m, "MySQL", "service " + s.name);
  }
  if (auto shares = system.find(cs + "\\Services\\LanmanServer\\Shares")) {
    for (const auto& name : system.value_names(*shares)) {
      // Administrative ($) shares and a domain controller's own shares are not a file server.
      if (!name.empty() && name.back() != '$' && !iequals(name, "NETLOGON") &&
          !iequals(name, "SYSVOL")) {
        m.shares.push_back(name);
      }
    }
    if (!m.shares.empty()) {
      std::string list;
      for (const auto& s : m.shares) list += (list.empty() ? "" : ", ") + s;
      add_role(m, "FS-FileServer", "SYSTEM\\" + cs + "\\Services\\LanmanServer\\Shares: " + list);
    }
  }
}

// HTTP.sys keeps the certificate of each https endpoint in SslBindingInfo
// (IP:port) and SslSniBindingInfo (host:port); the value is the thumbprint.
void read_ssl_bindings(const Hive& system, const std::string& cs, MachineFacts& m) {
  for (const char* key : {"SslBindingInfo", "SslSniBindingInfo"}) {
    auto node = system.find(cs + "\\Services\\HTTP\\Parameters\\" + key);
    if (!node) continue;
    for (const auto& [endpoint, binding] : system.children(*node)) {
      auto hash = system.binary_value(binding, "SslCertHash");
      if (!hash || hash->empty()) continue;
      std::string hex;
      for (std::uint8_t b : *hash) hex += fmt_hex(b);
      m.ssl_certificates.emplace_back(endpoint, hex);
    }
  }
}

// HTTP.sys URL reservations: one value per URL under UrlAclInfo, named by
// the URL (its data is the security descriptor of who may listen).
void read_url_reservations(const Hive& system, const std::string& cs, MachineFacts& m) {
  auto node = system.find(cs + "\\Services\\HTTP\\Parameters\\UrlAclInfo");
  if (!node) return;
  for (auto& url : system.value_names(*node)) {
    if (!url.empty()) m.url_reservations.push_back(std::move(url));
  }
}

void read_programs(const Hive& software, MachineFacts& m) {
  for (const char* root : {"Microsoft\\Windows\\CurrentVersion\\Uninstall",
                           "WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall"}) {
    auto node = software.find(root);
    if (!node) continue;
    for (const auto& [key, p] : software.children(*node)) {
      InstalledProgram prog;
      prog.name = software.value_text(p, "DisplayName").value_or("");
      if (prog.name.empty() || software.dword_value(p, "SystemComponent").value_or(0) == 1)
        continue;
      if (software.value_text(p, "ParentKeyName")) continue;  // updates of another product
      prog.version = software.value_text(p, "DisplayVersion").value_or("");
      prog.publisher = software.value_text(p, "Publisher").value_or("");
      prog.install_location = software.value_text(p, "InstallLocation").value_or("");
      prog.registry_key = std::string("SOFTWARE\\") + root + "\\" + key;
      m.programs.push_back(std::move(prog));
    }
  }
}

void read_dotnet(const Hive& software, MachineFacts& m) {
  const std::string ndp = "Microsoft\\NET Framework Setup\\NDP\\";
  if (software.find("Microsoft\\.NETFramework\\Policy\\v1.0\\3705"))
    m.dotnet_runtimes.push_back("1.0");
  auto installed = [&](const std::string& key, std::string_view value) {
    auto n = software.find(ndp + key);
    return n && software.dword_value(*n, value).value_or(0) == 1;
  };
  if (installed("v1.1.4322", "Install")) m.dotnet_runtimes.push_back("1.1");
  if (installed("v2.0.50727", "Install")) m.dotnet_runtimes.push_back("2.0");
  if (installed("v3.0\\Setup", "InstallSuccess")) m.dotnet_runtimes.push_back("3.0");
  if (installed("v3.5", "Install")) m.dotnet_runtimes.push_back("3.5");
  if (auto full = software.find(ndp + "v4\\Full")) {
    if (auto release = software.dword_value(*full, "Release")) {
      std::string v = netfx_version_from_release(*release);
      m.dotnet_runtimes.push_back(v.empty() ? "4.0" : v);
    } else if (software.dword_value(*full, "Install").value_or(0) == 1) {
      m.dotnet_runtimes.push_back("4.0");
    }
  }
}

void read_iis_msmq_msdtc(const Hive& software, MachineFacts& m) {
  if (auto inet = software.find("Microsoft\\InetStp")) {
    auto major = software.dword_value(*inet, "MajorVersion");
    auto minor = software.dword_value(*inet, "MinorVersion");
    if (major) m.iis_version = std::to_string(*major) + "." + std::to_string(minor.value_or(0));
  }
  auto params = software.find("Microsoft\\MSMQ\\Parameters");
  m.msmq_installed = params.has_value();
  for (const auto& s : m.services) m.msmq_installed = m.msmq_installed || iequals(s.name, "MSMQ");
  if (params) {
    auto setup = software.find("Microsoft\\MSMQ\\Parameters\\Setup");
    bool without_ds = setup && software.dword_value(*setup, "AlwaysWithoutDS").value_or(0) == 1;
    bool workgroup = software.dword_value(*params, "Workgroup").value_or(0) == 1;
    m.msmq_workgroup = without_ds || workgroup;
  }
  if (auto sec = software.find("Microsoft\\MSDTC\\Security")) {
    m.msdtc_network_access = software.dword_value(*sec, "NetworkDtcAccess").value_or(0) == 1;
  }
}

// MSMQ keeps one definition file per queue under storage\lqs, with a
// "QueueName=" line.
void read_queues(const Volume& volume, MachineFacts& m, std::vector<Problem>& problems) {
  auto lqs = volume.find("Windows/System32/msmq/storage/lqs");
  if (!lqs || !lqs->is_dir) return;
  std::vector<std::string> files;
  volume.walk(
      [&](const FileEntry& e) {
        if (e.is_dir) return istarts_with(e.path, lqs->path) || istarts_with(lqs->path, e.path);
        if (istarts_with(e.path, lqs->path + "/") && files.size() < 10'000) files.push_back(e.path);
        return true;
      },
      problems);
  for (const auto& f : files) {
    auto bytes = volume.read(f, 0, std::size_t{64} << 10);
    if (!bytes) continue;
    std::string text = decode_text(*bytes);
    for (const auto& line : split(text, '\n')) {
      if (istarts_with(trim(line), "QueueName="))
        m.msmq_queues.push_back(trim(trim(line).substr(10)));
    }
  }
}

}  // namespace

std::string netfx_version_from_release(std::uint32_t release) {
  static constexpr std::array<std::pair<std::uint32_t, std::string_view>, 11> kReleases{{
      {533320, "4.8.1"},
      {528040, "4.8"},
      {461808, "4.7.2"},
      {461308, "4.7.1"},
      {460798, "4.7"},
      {394802, "4.6.2"},
      {394254, "4.6.1"},
      {393295, "4.6"},
      {379893, "4.5.2"},
      {378675, "4.5.1"},
      {378389, "4.5"},
  }};
  for (const auto& [min, version] : kReleases) {
    if (release >= min) return std::string(version);
  }
  return {};
}

std::string executable_of(std::string_view command_line) {
  std::string s = trim(command_line);
  if (istarts_with(s, "\\??\\")) s = s.substr(4);
  std::string exe;
  if (!s.empty() && s[0] == '"') {
    auto end = s.find('"', 1);
    exe = s.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  } else {
    // Unquoted: up to the first ".exe" (paths with spaces are often unquoted).
    auto pos = to_lower(s).find(".exe");
    exe = pos == std::string::npos ? s.substr(0, s.find(' ')) : s.substr(0, pos + 4);
  }
  for (const char* var : {"%SystemRoot%", "%windir%"}) {
    if (istarts_with(exe, var)) exe = "C:\\Windows" + exe.substr(std::string_view(var).size());
  }
  if (istarts_with(exe, "%SystemDrive%")) exe = "C:" + exe.substr(13);
  if (istarts_with(exe, "%ProgramFiles%")) exe = "C:\\Program Files" + exe.substr(14);
  if (istarts_with(exe, "system32\\")) exe = "C:\\Windows\\" + exe;
  return exe;
}

bool is_microsoft_service(const ServiceInfo& s) {
  std::string exe = executable_of(s.image_path);
  if (exe.empty()) return true;  // no image: a Windows component configured elsewhere
  return istarts_with(exe, "C:\\Windows\\") || icontains(exe, "\\Microsoft ") ||
         icontains(exe, "\\Microsoft\\") || icontains(exe, "\\Windows Defender\\") ||
         icontains(exe, "\\Windows NT\\") || icontains(exe, "\\Common Files\\Microsoft Shared\\") ||
         icontains(exe, "\\Internet Explorer\\") || icontains(exe, "\\Windows Media Player\\");
}

std::optional<MachineFacts> collect_machine(const Volume& volume, std::vector<Problem>& problems,
                                            const Hive* given_system) {
  MachineFacts m;
  std::optional<Hive> loaded;
  if (given_system) {
    auto entry = volume.find(kSystemHivePath);
    add_hive_warnings(*given_system, entry ? entry->path : kSystemHivePath, problems, &m);
  } else {
    loaded = load_hive(volume, kSystemHivePath, problems, &m);
    if (!loaded) return std::nullopt;
  }
  const Hive* system = given_system ? given_system : &*loaded;
  auto select = system->find("Select");
  std::uint32_t current = select ? system->dword_value(*select, "Current").value_or(1) : 1;
  m.control_set = fmt::format("ControlSet{:03}", current % 1000);
  std::string root_error;
  (void)system->children(system->root(), &root_error);
  if (!root_error.empty()) {
    problems.push_back({"Windows/System32/config/SYSTEM",
                        "cannot list the keys at the root of the hive (damaged sub-key list: " +
                            root_error + "): nothing can be read from it"});
  } else if (!system->find(m.control_set)) {
    problems.push_back({"Windows/System32/config/SYSTEM",
                        "Select\\Current names " + m.control_set + ", which is missing"});
  }
  m.computer_name =
      str(*system, system->find(m.control_set + "\\Control\\ComputerName\\ComputerName"),
          "ComputerName");
  m.domain = str(*system, system->find(m.control_set + "\\Services\\Tcpip\\Parameters"), "Domain");
  read_services(*system, m.control_set, m, problems);
  read_ssl_bindings(*system, m.control_set, m);
  read_url_reservations(*system, m.control_set, m);
  for (const auto& d : read_mounted_devices(*system))
    m.drives.emplace_back(std::string(1, d.letter) + ":", describe_location(d));
  auto software = load_hive(volume, "Windows/System32/config/SOFTWARE", problems, &m);
  if (software) {
    read_os(*software, m, problems);
    read_roles(*software, *system, m.control_set, m);
    read_programs(*software, m);
    read_com_classes(*software, m, problems);
    read_dotnet(*software, m);
    read_iis_msmq_msdtc(*software, m);
  }
  read_product_type(*system, m.control_set, m);
  read_time_zone(*system, m.control_set, m, problems);
  read_queues(volume, m, problems);
  classify_platform_services(volume, m, problems);
  if (m.os_name.empty() && !m.version.empty()) {
    m.os_name =
        "Windows NT " + m.version + (iequals(m.installation_type, "Server") ? " Server" : "");
  }
  return m;
}

}  // namespace liftshift
