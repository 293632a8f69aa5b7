// Rule from the seed's "Active Directory (AD)" section: what needs a domain
// identity, which a container gets only through a gMSA.
#include "core/text.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

Evidence ad_dependent(const Application& app) {
  Evidence out;
  for (const auto& c : app.configs) {
    if (iequals(c.authentication_mode, "Windows")) {
      out.push_back(c.path + ": system.web/authentication mode=\"Windows\"");
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

}  // namespace

void register_identity_rules(RuleRegistry& registry) { registry["ad-dependent"] = ad_dependent; }

}  // namespace liftshift
