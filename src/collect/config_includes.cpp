#include "collect/config_includes.hpp"

#include <algorithm>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"
#include "formats/dotnet_config.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxIncludes = 256;  // files followed per source
constexpr int kMaxDepth = 3;               // an include of an include of an include

// "Web.Release.config" -> "Web.config"; "" when the name is no release transform.
std::string transformed_name(std::string_view name) {
  constexpr std::string_view kRelease = ".Release.config";
  if (!iends_with(name, kRelease) || name.size() == kRelease.size()) return "";
  return std::string(name.substr(0, name.size() - kRelease.size())) + ".config";
}

void mark_transforms(ParsedSource& parsed) {
  for (auto& t : parsed.configs) {
    const std::string base = transformed_name(file_name(t.path));
    if (base.empty()) continue;
    for (const auto& c : parsed.configs) {
      if (&c != &t && iequals(parent_dir(c.path), parent_dir(t.path)) &&
          iequals(file_name(c.path), base)) {
        t.transform_of = c.path;
        break;
      }
    }
  }
}

std::string described(const ConfigInclude& inc) {
  return inc.section + " " + inc.attribute + "=\"" + inc.file + "\"";
}

// Drops from `base` what the release transform `t` replaces or removes: the
// release value (in t, when it sets one) is the one judged.
void apply_release(const ConfigFacts& t, ConfigFacts& base) {
  for (const auto& change : t.transform_changes) {
    if (change.name.empty()) continue;
    const bool replaces = istarts_with(change.transform, "Replace") ||
                          istarts_with(change.transform, "SetAttributes") ||
                          istarts_with(change.transform, "Remove");
    if (!replaces) continue;
    if (iequals(change.section, "connectionStrings")) {
      std::erase_if(base.connection_strings,
                    [&](const ConnectionStringFacts& cs) { return cs.name == change.name; });
    } else if (iequals(change.section, "appSettings")) {
      std::erase_if(base.app_settings, [&](const KeyValue& kv) { return kv.key == change.name; });
    } else {
      continue;
    }
    const std::string setting = change.section + " '" + change.name + "'";
    std::erase_if(base.drive_paths, [&](const std::string& p) {
      auto it = base.drive_path_settings.find(p);
      return it != base.drive_path_settings.end() && istarts_with(it->second, setting);
    });
    std::erase_if(base.drive_path_settings,
                  [&](const auto& kv) { return istarts_with(kv.second, setting); });
    std::erase_if(base.path_settings, [&](const PathSetting& p) {
      return iequals(p.section, change.section) && p.key == change.name;
    });
  }
}

bool has_config(const Application& app, std::string_view path) {
  return std::any_of(app.configs.begin(), app.configs.end(),
                     [&](const ConfigFacts& c) { return iequals(c.path, path); });
}

}  // namespace

std::optional<std::string> include_path(std::string_view config, std::string_view file) {
  std::string f = trim(file);
  if (istarts_with(f, "${basedir}")) {
    f.erase(0, 10);
    while (!f.empty() && (f.front() == '/' || f.front() == '\\')) f.erase(0, 1);
  }
  if (f.empty() || f.size() > 260 || f.front() == '/' || f.front() == '\\') return std::nullopt;
  for (char c : f) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || std::string_view(":$%*?<>|\"").find(c) != std::string_view::npos)
      return std::nullopt;
  }
  const std::string_view folder = parent_dir(config);
  return resolve_dot_segments(folder.empty() ? f : std::string(folder) + "/" + f);
}

void follow_config_includes(const Volume& volume, ParsedSource& parsed, std::uint64_t max_text) {
  mark_transforms(parsed);
  struct Pending {
    ConfigFacts owner;  // a copy: included_configs grows while it is read
    int depth;
    // The owner and the files that included it, up to a config of its own:
    // an include naming one of them is a cycle, not another owner.
    std::vector<std::string> chain;
  };
  std::vector<Pending> todo;
  for (const auto& c : parsed.configs) {
    if (!c.includes.empty()) todo.push_back({c, 1, {c.path}});
  }
  std::size_t followed = 0;
  while (!todo.empty()) {
    Pending p = std::move(todo.back());
    todo.pop_back();
    for (const auto& inc : p.owner.includes) {
      const std::string what = described(inc);
      auto problem = [&](const std::string& why) {
        parsed.problems.push_back({printable(p.owner.path), what + ": " + why});
      };
      if (followed >= kMaxIncludes) {
        problem("not read: more than " + std::to_string(kMaxIncludes) + " included files");
        continue;
      }
      auto rel = include_path(p.owner.path, inc.file);
      if (!rel) {
        problem("not read: not a relative path inside the source");
        continue;
      }
      const std::string by =
          printable(p.owner.path) + " (" + inc.section + " " + inc.attribute + ")";
      // Read already as a config of its own (log4net.config): linked, not read again.
      auto known = std::find_if(parsed.configs.begin(), parsed.configs.end(),
                                [&](const ConfigFacts& c) { return iequals(c.path, *rel); });
      if (known != parsed.configs.end()) {
        ConfigFacts linked = *known;
        linked.included_by = by;
        parsed.included_configs.push_back(std::move(linked));
        continue;
      }
      // Read already for another owner: a linked copy names this one too,
      // so each config that includes the file has it.
      auto seen = std::find_if(parsed.included_configs.begin(), parsed.included_configs.end(),
                               [&](const ConfigFacts& c) { return iequals(c.path, *rel); });
      if (seen != parsed.included_configs.end()) {
        const bool cycle = std::any_of(p.chain.begin(), p.chain.end(),
                                       [&](const std::string& c) { return iequals(c, *rel); });
        const bool linked = std::any_of(
            parsed.included_configs.begin(), parsed.included_configs.end(),
            [&](const ConfigFacts& c) { return iequals(c.path, *rel) && c.included_by == by; });
        if (!cycle && !linked) {
          ConfigFacts copy = *seen;
          copy.included_by = by;
          parsed.included_configs.push_back(std::move(copy));
        }
        continue;
      }
      auto entry = volume.find(*rel);
      if (!entry || entry->is_dir) {
        problem("names " + printable(*rel) + ", which is not in the source");
        continue;
      }
      if (entry->size > max_text) {
        problem("not read: " + printable(entry->path) + " is larger than the text limit");
        continue;
      }
      ++followed;
      auto bytes = volume.read(entry->path, 0, static_cast<std::size_t>(max_text));
      if (!bytes) {
        problem(bytes.error().message);
        continue;
      }
      auto facts = parse_dotnet_config(decode_text(*bytes), entry->path);
      if (!facts) {
        problem(facts.error().message);
        continue;
      }
      facts->included_by = by;
      if (!facts->includes.empty() && p.depth < kMaxDepth) {
        std::vector<std::string> chain = p.chain;
        chain.push_back(entry->path);
        todo.push_back({*facts, p.depth + 1, std::move(chain)});
      }
      parsed.included_configs.push_back(std::move(*facts));
    }
  }
}

void attach_config_includes(ParsedSource& parsed, std::vector<Application>& apps) {
  for (auto& app : apps) {
    // Each config the app has, and each file added here in turn (an include's include).
    for (std::size_t i = 0; i < app.configs.size(); ++i) {
      const std::string owner = app.configs[i].path;
      for (const auto& inc : parsed.included_configs) {
        if (!istarts_with(inc.included_by, owner + " (")) continue;
        if (!is_under(inc.path, app.root)) {
          // included_by is "OWNER (section attribute)".
          std::string how = inc.included_by.substr(owner.size() + 2);
          if (!how.empty()) how.pop_back();
          parsed.problems.push_back(
              {printable(owner), how + " names " + printable(inc.path) +
                                     ", outside the application's folder: not read"});
          continue;
        }
        auto same = std::find_if(app.configs.begin(), app.configs.end(),
                                 [&](const ConfigFacts& c) { return iequals(c.path, inc.path); });
        if (same == app.configs.end()) {
          app.configs.push_back(inc);
        } else if (same->included_by.empty()) {
          same->included_by = inc.included_by;
        }
      }
    }
    for (const auto& t : parsed.configs) {
      if (t.transform_of.empty() || !has_config(app, t.transform_of) || has_config(app, t.path))
        continue;
      for (auto& base : app.configs) {
        if (iequals(base.path, t.transform_of)) apply_release(t, base);
      }
      app.configs.push_back(t);
    }
  }
}

}  // namespace liftshift
