#include "rules/catalogue.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace liftshift {

std::string_view embedded_catalogue();  // generated from rules/catalogue.json

namespace {

Severity parse_severity(const std::string& s) {
  if (s == "blocker") return Severity::kBlocker;
  if (s == "change") return Severity::kChange;
  if (s == "info") return Severity::kInfo;
  throw std::runtime_error("rules/catalogue.json: unknown severity '" + s + "'");
}

struct Loaded {
  std::vector<RuleInfo> rules;
  std::string source;
};

const Loaded& loaded() {
  static const Loaded data = [] {
    Loaded out;
    auto json = nlohmann::json::parse(embedded_catalogue());
    out.source = json.value("source", "");
    for (const auto& r : json.at("rules")) {
      out.rules.push_back(
          RuleInfo{r.at("id").get<std::string>(),
                   parse_severity(r.at("severity").get<std::string>()), r.value("scope", "app"),
                   r.at("title").get<std::string>(), r.at("looks_for").get<std::string>(),
                   r.at("seed_section").get<std::string>(), r.at("description").get<std::string>(),
                   r.at("remediation").get<std::string>(), r.at("effort").get<int>()});
    }
    return out;
  }();
  return data;
}

}  // namespace

const std::vector<RuleInfo>& catalogue() { return loaded().rules; }

const std::string& catalogue_source() { return loaded().source; }

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : catalogue()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace liftshift
