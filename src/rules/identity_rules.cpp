// Rule from the seed's "Active Directory (AD)" section: what needs a domain
// identity, which a container gets only through a gMSA.
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
  append(out, markers(app, "windows-auth"));
  for (const auto& c : app.configs) {
    if (iequals(c.authentication_mode, "Windows")) {
      out.push_back(c.path + ": system.web/authentication mode=\"Windows\"");
      results.identity.windows_authentication = true;
    }
    if (c.impersonate) out.push_back(c.path + ": system.web/identity impersonate=\"true\"");
    for (const auto& cs : c.connection_strings) {
      if (cs.integrated_security) {
        out.push_back(c.path + ": connection string '" + cs.name +
                      "' uses Integrated Security (Windows login to " +
                      (cs.server.empty() ? std::string("the server") : cs.server) + ")");
      }
    }
    for (const auto& l : c.ldap_paths) out.push_back(c.path + ": LDAP path " + l);
    for (const auto& b : c.bindings) {
      if (iequals(b.client_credential_type, "Windows")) {
        out.push_back(c.path + ": " + b.type + (b.name.empty() ? "" : " '" + b.name + "'") +
                      " clientCredentialType=\"Windows\"");
      }
    }
  }
  append(out, uses_assembly(app, "System.DirectoryServices"));
  append(out, uses_assembly(app, "System.DirectoryServices.AccountManagement"));
  append(out, refs_type(app, "System.Security.Principal.WindowsIdentity"));
  append(out, source_hits(app, "directoryservices"));
  append(out, source_hits(app, "windows-identity"));
  return out;
}

}  // namespace liftshift
