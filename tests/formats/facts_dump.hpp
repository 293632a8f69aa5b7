// Test helper: every string a facts value carries, joined, so a test can
// assert that a secret appears nowhere in what a parser returned.
#pragma once

#include <string>
#include <vector>

#include "core/facts.hpp"

namespace liftshift::test {

inline void dump_to(std::string& out, const ConnectionStringFacts& c) {
  for (const std::string* s : {&c.name, &c.provider, &c.masked, &c.server, &c.local_file_path}) {
    out += *s;
    out += '\n';
  }
}

inline std::string dump(const ConnectionStringFacts& c) {
  std::string out;
  dump_to(out, c);
  return out;
}

inline std::string dump(const ConfigFacts& f) {
  std::string out = f.path + "\n";
  for (const auto& c : f.connection_strings) dump_to(out, c);
  for (const auto& kv : f.app_settings) out += kv.key + "\n" + kv.value + "\n";
  for (const std::string* s : {&f.authentication_mode, &f.session_state_mode, &f.target_framework})
    out += *s + "\n";
  for (const auto& b : f.bindings)
    out += b.type + "\n" + b.name + "\n" + b.security_mode + "\n" + b.msmq_authentication + "\n" +
           b.client_credential_type + "\n";
  for (const auto& e : f.endpoints)
    out += e.address + "\n" + e.binding + "\n" + e.binding_configuration + "\n" + e.contract + "\n";
  for (const auto* list : {&f.supported_runtimes, &f.log_paths, &f.event_log_sources,
                           &f.drive_paths, &f.ldap_paths, &f.warnings})
    for (const auto& s : *list) out += s + "\n";
  for (const auto& i : f.includes) out += i.section + "\n" + i.attribute + "\n" + i.file + "\n";
  out += f.included_by + "\n" + f.transform_of + "\n";
  for (const auto& t : f.transform_changes)
    out += t.section + "\n" + t.name + "\n" + t.transform + "\n";
  if (f.forms_credentials) {
    out += f.forms_credentials->password_format + "\n";
    for (const auto& [k, v] : f.forms_credentials->forms_attributes) out += k + "\n" + v + "\n";
    for (const auto& u : f.forms_credentials->users) out += u + "\n";
  }
  return out;
}

inline std::string dump(const std::vector<SourceHit>& hits) {
  std::string out;
  for (const auto& h : hits) out += to_string(h.category) + "\n" + h.file + "\n" + h.text + "\n";
  return out;
}

}  // namespace liftshift::test
