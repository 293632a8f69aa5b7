// Reading an `assess --format json` output in tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace liftshift::test {

// The evidence of the app's `rule` finding, a line each; "none" when the app
// has no such finding.
inline std::string evidence_lines(const nlohmann::json& app, std::string_view rule) {
  for (const auto& f : app.value("findings", nlohmann::json::array())) {
    if (f.value("rule", "") != rule) continue;
    std::string out;
    for (const auto& e : f.value("evidence", nlohmann::json::array()))
      out += (e.is_string() ? e.get<std::string>() : e.dump()) + "\n";
    return out;
  }
  return "none";
}

}  // namespace liftshift::test
