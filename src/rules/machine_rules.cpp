// Machine-level rules from the seed's "Infrastructure Roles on Windows
// Server", "Active Directory", "Applications using RDP", "Older Windows Server
// versions" and "Database applications": what the server itself is. Each rule
// also says which applications on the server depend on what it found, so a
// blocker marks those applications and not the unrelated ones.

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

const RoleFact* role(const MachineFacts& m, std::string_view name) {
  for (const auto& r : m.roles) {
    if (iequals(r.name, name)) return &r;
  }
  return nullptr;
}

Evidence roles(const MachineFacts& m, std::initializer_list<std::string_view> names) {
  Evidence out;
  for (auto n : names) {
    if (const RoleFact* r = role(m, n)) out.push_back(r->name + ": " + r->evidence);
  }
  return out;
}

// The app's service depends on one of these services (DependOnService).
Evidence depends_on(const Application& app, std::initializer_list<std::string_view> services) {
  Evidence out;
  if (!app.service) return out;
  for (const auto& d : app.service->depends_on) {
    for (auto s : services) {
      if (iequals(d, s)) out.push_back("service " + app.service->name + " depends on " + d);
    }
  }
  return out;
}

int build_number(const MachineFacts& m) { return leading_number<int>(m.build).value_or(0); }

bool local_server(std::string_view server, const MachineFacts& m) {
  std::string s = to_lower(trim(server));
  if (istarts_with(s, "tcp:")) s = s.substr(4);
  std::string host = s.substr(0, s.find_first_of("\\,"));
  return host == "." || host == "(local)" || host == "localhost" || host == "127.0.0.1" ||
         host == "(localdb)" || (!m.computer_name.empty() && iequals(host, m.computer_name));
}

}  // namespace

Evidence check_ad_ds_role(const MachineFacts& m) { return roles(m, {"AD-Domain-Services"}); }

Evidence dependents_ad_ds_role(const Application& app, const MachineFacts&) {
  return depends_on(app, {"NTDS", "Netlogon", "KDC", "ADWS"});
}

Evidence check_infrastructure_role(const MachineFacts& m) {
  return roles(m, {"DHCP", "FS-FileServer", "ADCS-Cert-Authority", "WDS", "UpdateServices", "NPAS",
                   "Print-Server", "Print-Services"});
}

Evidence dependents_infrastructure_role(const Application& app, const MachineFacts& m) {
  Evidence out = depends_on(
      app, {"DHCPServer", "LanmanServer", "CertSvc", "WDSServer", "WsusService", "IAS", "Spooler"});
  // Paths to this server's own shares.
  for (const auto& c : app.configs) {
    for (const auto& p : c.drive_paths) {
      for (const auto& share : m.shares) {
        if (!m.computer_name.empty() && icontains(p, "\\\\" + m.computer_name + "\\" + share)) {
          out.push_back(c.path + ": uses this server's share " + share + " (" + p + ")");
        }
      }
    }
  }
  return out;
}

Evidence check_dns_role(const MachineFacts& m) { return roles(m, {"DNS"}); }

Evidence dependents_dns_role(const Application& app, const MachineFacts&) {
  return depends_on(app, {"DNS"});
}

Evidence check_rds_role(const MachineFacts& m) {
  return roles(m, {"RDS-RD-Server", "Remote-Desktop-Services", "RDS-Connection-Broker",
                   "RDS-Licensing", "RDS-Web-Access"});
}

Evidence dependents_rds_role(const Application& app, const MachineFacts&) {
  Evidence out = depends_on(app, {"TermService", "SessionEnv", "Tssdis"});
  if (app.kind == AppKind::kDesktop)
    out.push_back(app.entry + ": a desktop program on a session host");
  return out;
}

Evidence check_os_legacy(const MachineFacts& m) {
  int build = build_number(m);
  std::string os = m.os_name.empty() ? "Windows" : m.os_name;
  std::string label = os + (m.build.empty() ? "" : " (build " + m.build + ")");
  if (iequals(m.installation_type, "Client")) return {label + ": a client operating system"};
  if (build > 0 && build < 14393) return {label + ": older than Windows Server 2016 (build 14393)"};
  return {};
}

Evidence dependents_os_legacy(const Application& app, const MachineFacts& m) {
  return {app.entry + ": runs today on " + (m.os_name.empty() ? "this server" : m.os_name) +
          ": test it on a 2019 or later base image"};
}

Evidence check_database_server(const MachineFacts& m) {
  return roles(m, {"SQL Server", "MySQL", "PostgreSQL", "Oracle Database", "MongoDB"});
}

Evidence dependents_database_server(const Application& app, const MachineFacts& m) {
  Evidence out = depends_on(app, {"MSSQLSERVER", "MySQL", "MongoDB"});
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      if (!cs.server.empty() && local_server(cs.server, m)) {
        out.push_back(c.path + ": connection string '" + cs.name + "' uses the local server " +
                      cs.server);
      }
    }
  }
  return out;
}

}  // namespace liftshift
