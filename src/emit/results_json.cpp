#include "emit/results_json.hpp"

namespace liftshift {

using nlohmann::json;

json finding_json(const Finding& finding) {
  return {{"rule", finding.rule},
          {"severity", to_string(finding.severity)},
          {"title", finding.title},
          {"evidence", finding.evidence},
          {"remediation", finding.remediation}};
}

json findings_json(const std::vector<Finding>& findings) {
  json out = json::array();
  for (const auto& f : findings) out.push_back(finding_json(f));
  return out;
}

json verdict_counts_json(const VerdictCounts& counts) {
  return {{"apps", counts.apps},
          {"ready", counts.ready},
          {"ready-with-changes", counts.ready_with_changes},
          {"not-a-candidate", counts.not_a_candidate},
          {"unknown", counts.unknown}};
}

std::string escape_c1_controls(std::string_view dumped) {
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    auto next = i + 1 < dumped.size() ? static_cast<unsigned char>(dumped[i + 1]) : 0;
    if (static_cast<unsigned char>(dumped[i]) == 0xC2 && next >= 0x80 && next <= 0x9F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0xF];
      ++i;
    } else {
      out += dumped[i];
    }
  }
  return out;
}

std::string dump_json(const json& j) {
  return escape_c1_controls(j.dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
}

}  // namespace liftshift
