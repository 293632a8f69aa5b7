#include "context/json_rewrite.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace liftshift {

namespace {

using Json = nlohmann::ordered_json;

// The string at `path` (':' between names or array indexes), nullptr when absent.
Json* find_path(Json& doc, std::string_view path) {
  Json* node = &doc;
  for (const auto& part : split(path, ':')) {
    if (node->is_object()) {
      Json* next = nullptr;
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (iequals(it.key(), part)) next = &it.value();
      }
      if (next == nullptr) return nullptr;
      node = next;
    } else if (node->is_array()) {
      std::size_t i = 0;
      for (char c : part) {
        if (c < '0' || c > '9' || i > 1000000) return nullptr;
        i = i * 10 + static_cast<std::size_t>(c - '0');
      }
      if (part.empty() || i >= node->size()) return nullptr;
      node = &(*node)[i];
    } else {
      return nullptr;
    }
  }
  return node;
}

bool env_file_safe(std::string_view v) {
  if (v.empty()) return true;
  if (v.front() == ' ' || v.front() == '\t' || v.back() == ' ' || v.back() == '\t') return false;
  if (v.front() == '"' || v.front() == '\'') return false;
  for (char c : v) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '$' || c == '#') return false;
  }
  return true;
}

}  // namespace

Result<RewrittenJson> rewrite_json_config(std::string_view bytes, const ConfigRewrite& rewrite,
                                          const std::string& shown) {
  if (bytes.size() > (std::size_t{16} << 20)) return make_error(shown + ": too large to rewrite");
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  Json doc = Json::parse(bytes, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded()) return make_error(shown + ": not valid JSON; not rewritten");
  RewrittenJson out;
  for (const auto& ch : rewrite.changes) {
    std::string path = ch.section.empty() ? ch.key : ch.section + ":" + ch.key;
    Json* value = find_path(doc, path);
    if (value == nullptr || !value->is_string()) {
      out.warnings.push_back("'" + path + "' not found as a string; not blanked");
      continue;
    }
    if (!ch.variable.empty()) out.values.emplace_back(ch.variable, value->get<std::string>());
    *value = ch.to;
  }
  out.bytes = doc.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) + "\n";
  return out;
}

std::string env_file_text(const std::vector<std::pair<std::string, std::string>>& values,
                          std::vector<std::string>& left_out) {
  std::string out;
  for (const auto& [name, value] : values) {
    if (!env_file_safe(value)) {
      left_out.push_back(name);
      continue;
    }
    out += name + "=" + value + "\n";
  }
  return out;
}

}  // namespace liftshift
