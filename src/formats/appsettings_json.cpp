#include "formats/appsettings_json.hpp"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/connection_string.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::add_unique;

constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
constexpr std::size_t kMaxSettings = 10000;

// The file a logging provider writes, by its setting's path: Serilog's File
// sink ("Serilog:WriteTo:0:Args:path", also inside an Async sink's
// "configure"), and the file providers' "Logging:File:Path" / "PathFormat".
bool log_file_setting(std::string_view where) {
  const bool serilog = istarts_with(where, "Serilog:");
  const bool logging = istarts_with(where, "Logging:");
  return ((serilog || logging) &&
          (iends_with(where, ":Args:path") || iends_with(where, ":pathFormat"))) ||
         (logging && iends_with(where, ":File:Path"));
}

}  // namespace

Result<ConfigFacts> parse_appsettings_json(std::string_view text, const std::string& path) {
  if (text.size() > kMaxBytes) {
    return make_error(path + ": file too large for a settings file (" +
                      std::to_string(text.size()) + " bytes, limit 16 MiB)");
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false,
                                                   /*ignore_comments=*/true);
  if (doc.is_discarded()) return make_error(path + ": not valid JSON");
  ConfigFacts f;
  f.path = path;
  // (node, its path) pairs still to visit: iterative, any depth.
  std::vector<std::pair<const nlohmann::json*, std::string>> todo{{&doc, ""}};
  while (!todo.empty() && f.app_settings.size() < kMaxSettings) {
    auto [node, where] = std::move(todo.back());
    todo.pop_back();
    if (node->is_object()) {
      const bool connection_strings = iequals(where, "ConnectionStrings");
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (connection_strings && it->is_string()) {
          f.connection_strings.push_back(
              parse_connection_string(it.key(), "", it->get_ref<const std::string&>()));
          continue;
        }
        todo.emplace_back(&*it, where.empty() ? it.key() : where + ":" + it.key());
      }
    } else if (node->is_array()) {
      std::size_t i = 0;
      for (const auto& item : *node) todo.emplace_back(&item, where + ":" + std::to_string(i++));
    } else if (node->is_string()) {
      const std::string& value = node->get_ref<const std::string&>();
      if (log_file_setting(where)) add_unique(f.log_paths, printable(mask_secret_text(value)));
      KeyValue kv;
      kv.key = printable(mask_secret_text(where));
      kv.secret_value = secret_shaped_value(value);
      const bool structured = value.find(';') != std::string::npos;
      kv.value = is_secret_key(where.substr(
                     where.rfind(':') == std::string::npos ? 0 : where.rfind(':') + 1)) ||
                         (kv.secret_value && !structured)
                     ? std::string(kMask)
                     : printable(mask_secrets(value));
      if (kv.value != kMask) {
        // Paths on a drive the container lacks, or on a share, named by the setting.
        const std::size_t known = f.drive_paths.size();
        fmt_util::find_foreign_paths(kv.value, f.drive_paths);
        for (std::size_t i = known; i < f.drive_paths.size(); ++i)
          f.drive_path_settings.emplace(f.drive_paths[i], "setting '" + kv.key + "'");
      }
      f.app_settings.push_back(std::move(kv));
    }
  }
  return f;
}

}  // namespace liftshift
