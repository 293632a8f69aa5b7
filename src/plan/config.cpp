// Configuration, secrets and identity (seed: "Database connection strings",
// Active Directory / gMSA). Secret values never enter the plan: only names
// and masked hints do.
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

bool masked(std::string_view value) { return value.find("***") != std::string_view::npos; }

// The gMSA takes the name of the domain account the application ran as.
std::string gmsa_account(const IdentityUse& identity) {
  if (identity.domain_accounts.empty()) return "";
  std::string s = identity.domain_accounts.front();
  auto slash = s.find('\\');
  if (slash != std::string::npos) s = s.substr(slash + 1);
  auto at = s.find('@');
  if (at != std::string::npos) s.resize(at);
  if (!s.empty() && s.back() == '$') s.pop_back();
  return s;
}

}  // namespace

void plan_config(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      std::string key = env_key("ConnectionStrings__", cs.name);
      if (cs.had_secret || masked(cs.masked)) {
        plan.secrets.push_back({key, cs.masked,
                                "connection string '" + cs.name + "' (" + c.path +
                                    ") holds a password: the whole string goes to the secret store",
                                c.path});
      } else {
        plan.config.push_back(
            {key, cs.masked,
             "connection string '" + cs.name + "' (" + c.path +
                 "): from the orchestrator's configuration so it changes without a rebuild"});
      }
    }
    for (const auto& kv : c.app_settings) {
      if (!masked(kv.value)) continue;
      plan.secrets.push_back(
          {env_key("AppSettings__", kv.key), "the value of appSettings '" + kv.key + "'",
           "appSettings '" + kv.key + "' (" + c.path + ") holds a credential", c.path});
    }
  }
  if (!plan.secrets.empty() || !plan.config.empty()) {
    decide(plan, "configuration",
           std::to_string(plan.config.size()) + " setting(s), " +
               std::to_string(plan.secrets.size()) + " secret(s)",
           "seed (IIS: database connection strings): decouple connection strings from the image so "
           "they change "
           "without a rebuild, and keep user names and passwords in a secret store; the artifacts "
           "name the "
           "secrets and never carry their values");
  }

  if (has_finding(a, rule_id::kAdDependent)) {
    plan.gmsa = true;
    plan.gmsa_account = gmsa_account(a.results.identity);
    if (plan.gmsa_account.empty()) {
      plan.gmsa_account = "gmsa-" + plan.k8s_name;
      if (plan.gmsa_account.size() > 15) plan.gmsa_account.resize(15);
      while (!plan.gmsa_account.empty() && plan.gmsa_account.back() == '-')
        plan.gmsa_account.pop_back();
      plan.warnings.push_back("the gMSA name '" + plan.gmsa_account +
                              "' is a placeholder: create the account in AD and use its name");
    }
    decide(plan, "identity", "gMSA " + plan.gmsa_account,
           "ad-dependent finding: containers can't be domain-joined; the seed's answer is a Group "
           "Managed Service "
           "Account, used through a credential spec (GMSACredentialSpec in Kubernetes, "
           "credential_spec in compose)");
    // A site from a server's applicationHost.config gets its own
    // authentication, scoped to the site (iis_site.cpp).
    if (a.results.identity.windows_authentication && plan.entry_kind == EntryKind::kIis &&
        !a.app.iis) {
      plan.steps.push_back(
          {"Windows authentication for IIS (authentication mode=\"Windows\"; the gMSA answers for "
           "the container)",
           "Install-WindowsFeature Web-Windows-Auth; Import-Module WebAdministration; "
           "Set-WebConfigurationProperty -PSPath 'IIS:\\' -Filter "
           "/system.webServer/security/authentication/windowsAuthentication -Name enabled -Value "
           "$true"});
    }
    if (has_finding(a, rule_id::kMsmq)) {
      plan.warnings.push_back(
          "MSMQ with gMSA is not supported (seed): keep the queues anonymous and use the gMSA "
          "only for the other Active Directory access");
    }
  }
}

}  // namespace liftshift
