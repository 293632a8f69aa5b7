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

// A config file another file names, read and parsed; nullopt with the
// problem said (through `problem`) when it cannot be.
template <typename Problem>
std::optional<ConfigFacts> read_named_config(const Volume& volume, const std::string& rel,
                                             std::uint64_t max_text, std::string_view within,
                                             Problem&& problem) {
  auto entry = volume.find(rel);
  if (!entry || entry->is_dir) {
    problem("names " + printable(rel) + ", which is not in the source");
    return std::nullopt;
  }
  if (entry->size > max_text) {
    problem("not read: " + printable(entry->path) + " is larger than the text limit");
    return std::nullopt;
  }
  auto bytes = volume.read(entry->path, 0, static_cast<std::size_t>(max_text));
  if (!bytes) {
    problem(bytes.error().message);
    return std::nullopt;
  }
  auto facts = parse_dotnet_config(decode_text(*bytes), entry->path, within);
  if (!facts) {
    problem(facts.error().message);
    return std::nullopt;
  }
  return std::move(*facts);
}

// The folder a program's relative paths start from at run time, for a
// source file: its project's folder (the build copies the file to the
// output beside the program), else the file's own folder.
std::string run_folder(const ParsedSource& parsed, const std::string& source_file) {
  std::string best;
  bool found = false;
  for (const auto& p : parsed.projects) {
    const std::string folder(parent_dir(p.path));
    if ((folder.empty() || is_under(source_file, folder)) &&
        (!found || folder.size() > best.size())) {
      best = folder;
      found = true;
    }
  }
  return found ? best : std::string(parent_dir(source_file));
}

// The logging configurations the code names: log4net's and NLog's own files,
// judged like a config of the app.
void follow_code_named_configs(const Volume& volume, ParsedSource& parsed, std::uint64_t max_text) {
  constexpr std::size_t kMaxNamed = 64;
  std::size_t read = 0;
  for (const auto& h : parsed.source_hits) {
    if (h.category != SourceCategory::kLogConfigFile) continue;
    const std::string at = printable(h.file) + ":" + std::to_string(h.line);
    auto problem = [&](const std::string& why) {
      parsed.problems.push_back({at, "logging configuration '" + h.text + "': " + why});
    };
    const std::string folder = run_folder(parsed, h.file);
    auto rel = include_path(folder.empty() ? "x" : folder + "/x", h.text);
    if (!rel) {
      problem("not read: not a relative path inside the source");
      continue;
    }
    const auto same_path = [&](const ConfigFacts& c) { return iequals(c.path, *rel); };
    if (std::any_of(parsed.configs.begin(), parsed.configs.end(), same_path)) continue;
    if (std::any_of(parsed.code_named_configs.begin(), parsed.code_named_configs.end(),
                    [&](const auto& n) { return same_path(n.config); }))
      continue;
    if (read >= kMaxNamed) {
      problem("not read: more than " + std::to_string(kMaxNamed) + " named files");
      continue;
    }
    ++read;
    auto facts = read_named_config(volume, *rel, max_text, {}, problem);
    if (!facts) continue;
    facts->included_by = at + " (named in code)";
    parsed.code_named_configs.push_back({std::move(*facts), h.file});
  }
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
      ++followed;
      // A nested section's file ("system.serviceModel/services") is read
      // inside its groups.
      const auto group_end = inc.section.rfind('/');
      const std::string_view within = group_end == std::string::npos
                                          ? std::string_view()
                                          : std::string_view(inc.section).substr(0, group_end);
      auto facts = read_named_config(volume, *rel, max_text, within, problem);
      if (!facts) continue;
      facts->included_by = by;
      if (!facts->includes.empty() && p.depth < kMaxDepth) {
        std::vector<std::string> chain = p.chain;
        chain.push_back(facts->path);
        todo.push_back({*facts, p.depth + 1, std::move(chain)});
      }
      parsed.included_configs.push_back(std::move(*facts));
    }
  }
  follow_code_named_configs(volume, parsed, max_text);
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
    for (const auto& named : parsed.code_named_configs) {
      if (!is_under(named.named_in, app.root) || has_config(app, named.config.path)) continue;
      if (!is_under(named.config.path, app.root)) {
        parsed.problems.push_back(
            {printable(named.named_in), "names " + printable(named.config.path) +
                                            ", outside the application's folder: not read"});
        continue;
      }
      app.configs.push_back(named.config);
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
