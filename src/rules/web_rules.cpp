// Rules from the seed's "How IIS works in a container vs. a VM": certificates,
// database connection strings, horizontal auto-scale.
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

Evidence check_iis_certificate(const Application& app, RuleResults& /*results*/) {
  Evidence out = markers(app, "certificate");
  if (app.iis) {
    for (const auto& b : app.iis->bindings) {
      if (b.protocol == "https") {
        out.push_back("IIS site " + app.iis->site + " has an https binding on port " +
                      std::to_string(b.port) + (b.host.empty() ? "" : " for " + b.host) +
                      (b.certificate_hash.empty()
                           ? ""
                           : " served with the local certificate " + b.certificate_hash));
      }
    }
  }
  for (const auto& c : app.configs) {
    for (const auto& e : c.endpoints) {
      if (istarts_with(e.address, "https://")) out.push_back(c.path + ": endpoint " + e.address);
    }
    for (const auto& b : c.bindings) {
      bool http = icontains(b.type, "HttpBinding");
      if (http && (iequals(b.security_mode, "Transport") ||
                   iequals(b.security_mode, "TransportWithMessageCredential"))) {
        out.push_back(c.path + ": " + b.type + (b.name.empty() ? "" : " '" + b.name + "'") +
                      " security mode=\"" + b.security_mode + "\" (HTTPS)");
      }
    }
  }
  return out;
}

Evidence check_connection_string(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      out.push_back(
          c.path + ": connectionStrings '" + cs.name + "'" +
          (cs.provider.empty() ? "" : " (" + cs.provider + ")") + ": " + cs.masked +
          (cs.had_secret ? " [password present: masked; move it to a secret store]" : ""));
    }
  }
  return out;
}

Evidence check_scale_out_state(const Application& app, RuleResults& /*results*/) {
  if (app.kind != AppKind::kWeb && app.kind != AppKind::kWcf) return {};
  Evidence out;
  bool system_web = false;
  bool session_configured = false;
  bool machine_key = false;
  for (const auto& c : app.configs) {
    system_web = system_web || c.has_system_web;
    machine_key = machine_key || c.machine_key_explicit;
    if (!c.session_state_mode.empty()) {
      session_configured = true;
      if (iequals(c.session_state_mode, "InProc")) {
        out.push_back(c.path +
                      ": sessionState mode=\"InProc\" (sessions live in one worker process)");
      }
    }
  }
  if (!system_web) return out;
  if (!session_configured && app.kind == AppKind::kWeb) {
    out.push_back(app.configs.front().path +
                  ": no sessionState element: ASP.NET defaults to InProc session state");
  }
  if (!machine_key) {
    out.push_back(
        app.configs.front().path +
        ": no explicit machineKey: keys are auto-generated per machine, so view state and "
        "forms-authentication cookies from one instance fail on another");
  }
  return out;
}

}  // namespace liftshift
