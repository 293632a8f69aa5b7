// Rule from the seed's "Active Directory (AD)" section: what needs a domain
// identity, which a container gets only through a gMSA.
#include <set>
#include <string>

#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

// "CONTOSO\\svc" or "svc@contoso.com" are domain accounts; built-in ones are not.
bool domain_account(std::string_view account) {
  if (account.empty() || iequals(account, "LocalSystem")) return false;
  if (istarts_with(account, "NT AUTHORITY\\") || istarts_with(account, "NT SERVICE\\") ||
      istarts_with(account, ".\\") || istarts_with(account, "IIS APPPOOL\\")) {
    return false;
  }
  return account.find('\\') != std::string_view::npos ||
         account.find('@') != std::string_view::npos;
}

// A database server on this machine or LocalDB: Integrated Security to it
// logs in with a local Windows account, no domain needed.
bool local_server(std::string_view server) {
  std::string s = to_lower(trim(server));
  if (istarts_with(s, "tcp:")) s.erase(0, 4);
  if (istarts_with(s, "np:") || istarts_with(s, "lpc:")) s.erase(0, s.find(':') + 1);
  const std::string host = s.substr(0, s.find_first_of("\\,"));
  return istarts_with(s, "(localdb)") || host == "." || host == "(local)" || host == "localhost" ||
         host == "127.0.0.1" || host == "::1";
}

// DirectoryEntry/DirectorySearcher hits, less those of files that reach only
// the IIS metabase ("IIS://" paths through ADSI) and name no LDAP path.
Evidence directory_hits(const Application& app) {
  std::set<std::string> metabase;
  std::set<std::string> ldap;
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kIisMetabase) metabase.insert(h.file);
    if (h.category == SourceCategory::kDirectoryServices && h.text.find("://") != std::string::npos)
      ldap.insert(h.file);
  }
  Evidence out;
  std::set<std::string> files;
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kDirectoryServices) continue;
    if (metabase.contains(h.file) && !ldap.contains(h.file)) continue;
    if (files.insert(h.file).second)
      out.push_back(h.file + ":" + std::to_string(h.line) + ": " + h.text);
  }
  return out;
}

// Compiled references to System.DirectoryServices, less those of binaries
// whose literals reach only the IIS metabase ("IIS://") and name no
// directory (LDAP://, LDAPS://, GC://): ADSI over IIS needs no domain.
Evidence directory_assembly_refs(const Application& app, std::string_view assembly) {
  Evidence out;
  for (const auto& b : app.binaries) {
    bool metabase = false;
    bool directory = false;
    for (const auto& s : b.user_strings) {
      metabase = metabase || icontains(s, "IIS://");
      directory =
          directory || icontains(s, "LDAP://") || icontains(s, "LDAPS://") || icontains(s, "GC://");
    }
    if (metabase && !directory) continue;
    for (const auto& r : b.assembly_refs) {
      if (iequals(r.name, assembly)) {
        out.push_back(b.path + ": references " + r.name + " " + r.version);
        break;
      }
    }
  }
  return out;
}

// netTcpBinding defaults to Transport security with Windows client
// credentials (Message and TransportWithMessageCredential to Windows message
// credentials); wsHttpBinding and its kin to Message security with Windows
// credentials. Either way a Kerberos/NTLM login: a domain identity.
bool windows_by_default(std::string_view type) {
  return iequals(type, "netTcpBinding") || iequals(type, "wsHttpBinding") ||
         iequals(type, "ws2007HttpBinding") || iequals(type, "wsDualHttpBinding");
}

bool windows_credentials(const BindingFacts& b) {
  if (iequals(b.client_credential_type, "Windows")) return true;
  if (!windows_by_default(b.type) || !b.client_credential_type.empty()) return false;
  if (iequals(b.security_mode, "None")) return false;
  // wsHttp's Transport security is HTTPS with no client credential by default.
  return iequals(b.type, "netTcpBinding") || b.security_mode.empty() ||
         iequals(b.security_mode, "Message");
}

// The WCF bindings of a config that log in with Windows credentials: those
// configured so (or left at their default), and endpoints of such a binding
// type without a binding configuration (the defaults).
Evidence windows_bindings(const ConfigFacts& c) {
  Evidence out;
  for (const auto& b : c.bindings) {
    if (!windows_credentials(b)) continue;
    out.push_back(c.path + ": " + b.type + (b.name.empty() ? "" : " '" + b.name + "'") +
                  (b.client_credential_type.empty()
                       ? " with default security (Windows client credentials)"
                       : " clientCredentialType=\"" + b.client_credential_type + "\""));
  }
  for (const auto& e : c.endpoints) {
    if (!windows_by_default(e.binding)) continue;
    bool configured = false;
    for (const auto& b : c.bindings) {
      configured = configured || (iequals(b.type, e.binding) && b.name == e.binding_configuration);
    }
    if (configured) continue;
    out.push_back(c.path + ": endpoint " + (e.address.empty() ? "(base address)" : e.address) +
                  " uses " + e.binding + " with default security (Windows client credentials)");
  }
  return out;
}

}  // namespace

Evidence check_ad_dependent(const Application& app, RuleResults& results) {
  Evidence out;
  auto local_machine_account = [&](std::string_view account) {
    return app.machine && !app.machine->computer_name.empty() &&
           istarts_with(account, app.machine->computer_name + "\\");
  };
  if (app.service && domain_account(app.service->account) &&
      !local_machine_account(app.service->account)) {
    out.push_back("service " + app.service->name + " runs as the domain account " +
                  app.service->account);
    results.identity.domain_accounts.push_back(app.service->account);
  }
  if (app.iis && istarts_with(app.iis->identity, "SpecificUser: ")) {
    std::string user = app.iis->identity.substr(14);
    if (domain_account(user)) {
      out.push_back("application pool " + app.iis->app_pool + " runs as the domain account " +
                    user);
      results.identity.domain_accounts.push_back(user);
    }
  }
  if (app.task && domain_account(app.task->user)) {
    out.push_back("scheduled task " + app.task->path + " runs as the domain account " +
                  app.task->user);
    results.identity.domain_accounts.push_back(app.task->user);
  }
  append(out, markers(app, MarkerCategory::kWindowsAuth));
  for (const auto& c : app.configs) {
    if (iequals(c.authentication_mode, "Windows")) {
      out.push_back(c.path + ": system.web/authentication mode=\"Windows\"");
      results.identity.windows_authentication = true;
    }
    // IIS's own Windows authentication, set by the site's web.config: Kerberos
    // or NTLM logins, which a container answers only with a gMSA.
    for (const auto& s : c.iis_locked_sections) {
      if (!s.enabled.value_or(false) || !s.section.ends_with("/windowsAuthentication")) continue;
      out.push_back(c.path + ": " +
                    (s.location.empty() ? "" : "<location path=\"" + s.location + "\"> ") +
                    s.section + " enabled=\"true\"");
      results.identity.windows_authentication = true;
    }
    if (c.impersonate) out.push_back(c.path + ": system.web/identity impersonate=\"true\"");
    for (const auto& cs : c.connection_strings) {
      if (cs.integrated_security && !local_server(cs.server)) {
        out.push_back(c.path + ": connection string '" + cs.name +
                      "' uses Integrated Security (Windows login to " +
                      (cs.server.empty() ? std::string("the server") : cs.server) + ")");
      }
    }
    for (const auto& l : c.ldap_paths) out.push_back(c.path + ": LDAP path " + l);
    append(out, windows_bindings(c));
  }
  // Compiled references are uses; a project <Reference> only supports other
  // evidence (the IIS metabase is reached through the same assembly).
  append(out, directory_assembly_refs(app, "System.DirectoryServices"));
  append(out, refs_assembly(app, "System.DirectoryServices.AccountManagement"));
  // Showing the current WindowsIdentity needs no domain; impersonating does.
  append(out, refs_type(app, "System.Security.Principal.WindowsImpersonationContext",
                        {"mscorlib", "System.Security.Principal.Windows", "netstandard"}));
  append(out, refs_member(app, "System.Security.Principal.WindowsIdentity::Impersonate"));
  append(out, refs_member(app, "System.Security.Principal.WindowsIdentity::RunImpersonated"));
  append(out, directory_hits(app));
  append(out, source_hits(app, SourceCategory::kWindowsIdentity));
  if (out.empty()) return out;
  append(out, project_refs(app, "System.DirectoryServices"));
  append(out, project_refs(app, "System.DirectoryServices.AccountManagement"));
  return out;
}

}  // namespace liftshift
