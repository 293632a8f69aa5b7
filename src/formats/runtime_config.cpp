#include "formats/runtime_config.hpp"

#include <nlohmann/json.hpp>

namespace liftshift {

namespace {

constexpr std::size_t kMaxFrameworks = 16;

std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>().substr(0, 200);
}

void add_framework(const nlohmann::json& f, RuntimeConfigFacts& out) {
  if (!f.is_object() || out.frameworks.size() >= kMaxFrameworks) return;
  AssemblyRef ref{text_of(f, "name"), text_of(f, "version")};
  if (!ref.name.empty()) out.frameworks.push_back(std::move(ref));
}

}  // namespace

Result<RuntimeConfigFacts> parse_runtime_config(std::string_view json_text,
                                                const std::string& path) {
  // No exceptions, and comments allowed (the host accepts them).
  nlohmann::json doc = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false,
                                             /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object()) return make_error(path + ": not a JSON object");
  auto options = doc.find("runtimeOptions");
  if (options == doc.end() || !options->is_object())
    return make_error(path + ": no runtimeOptions object");
  RuntimeConfigFacts out;
  out.path = path;
  out.tfm = text_of(*options, "tfm");
  if (auto f = options->find("framework"); f != options->end()) add_framework(*f, out);
  if (auto fs = options->find("frameworks"); fs != options->end() && fs->is_array()) {
    for (const auto& f : *fs) add_framework(f, out);
  }
  return out;
}

}  // namespace liftshift
