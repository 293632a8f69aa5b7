// Configuration, secrets and identity (seed: "Database connection strings",
// Active Directory / gMSA). Secret values never enter the plan: only names
// and masked hints do.
//
// A .NET Framework config holding secrets is rewritten when it is copied into
// the build context (ConfigRewrite): connectionStrings with a password (the
// whole section), the secret appSettings keys and an explicit machineKey move
// to files of a config\ folder beside it, read back through configSource and
// <appSettings file=...> (every .NET Framework from 2.0 reads them, no extra
// assembly). The files are never in the context: the orchestrator mounts them
// from the secret store at ConfigRewrite::secret_folder. With --config env
// (4.7.1+) the Environment config builder reads variables instead.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

bool masked(std::string_view value) { return value.find("***") != std::string_view::npos; }

bool secret_string(const ConnectionStringFacts& cs) { return cs.had_secret || masked(cs.masked); }

// The gMSA takes the name of the domain account the application ran as.
std::string gmsa_account(const IdentityUse& identity) {
  if (identity.domain_accounts.empty()) return "";
  std::string s = identity.domain_accounts.front();
  auto slash = s.find('\\');
  if (slash != std::string::npos) s = s.substr(slash + 1);
  auto at = s.find('@');
  if (at != std::string::npos) s.resize(at);
  if (!s.empty() && s.back() == '$') s.pop_back();
  return s;
}

// ConfigurationBuilders need the 4.7.1 configuration system.
bool builders_supported(const Framework& f) {
  if (f.kind != FrameworkKind::kNetFx) return false;
  int major = 0;
  int minor = 0;
  int patch = 0;
  if (std::sscanf(f.version.c_str(), "%d.%d.%d", &major, &minor, &patch) < 2) return false;
  if (major != 4) return major > 4;
  return minor > 7 || (minor == 7 && patch >= 1);
}

bool local_server(std::string_view server) {
  std::string s = to_lower(trim(server));
  if (istarts_with(s, "tcp:")) s = s.substr(4);
  auto cut = s.find_first_of("\\,");
  if (cut != std::string::npos) s.resize(cut);
  return s == "localhost" || s == "." || s == "(local)" || s == "127.0.0.1";
}

std::string file_name_of(std::string_view config) {
  auto slash = config.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? config : config.substr(slash + 1));
}

// Adds a move to `r`; the file name gets the config's name in front when
// another config of the same folder already moves a file of that name.
void add_move(AppPlan& plan, ConfigRewrite& r, const std::string& folder, const std::string& dir,
              std::string section, std::string file, std::vector<std::string> keys,
              std::string reason, std::string template_xml) {
  std::string key = secret_key_for(plan, folder, file);
  auto taken = [&](const std::string& k) {
    for (const auto& other : plan.config_rewrites) {
      for (const auto& m : other.moves) {
        if (m.secret_key == k) return true;
      }
    }
    return false;
  };
  if (taken(key)) {
    std::string stem = file_name_of(r.config);
    if (iends_with(stem, ".config")) stem.resize(stem.size() - 7);
    file = stem + "." + file;
    key = secret_key_for(plan, folder, file);
  }
  r.moves.push_back({std::move(section), dir + "\\" + file, std::move(keys), std::move(reason), key,
                     std::move(template_xml)});
}

// The secret appSettings keys of a config that can move through file=.
std::vector<std::string> secret_keys(const ConfigFacts& c, AppPlan& plan) {
  std::vector<std::string> keys;
  bool has_file = std::any_of(c.includes.begin(), c.includes.end(), [](const ConfigInclude& i) {
    return iequals(i.section, "appSettings") && iequals(i.attribute, "file");
  });
  for (const auto& kv : c.app_settings) {
    if (!masked(kv.value)) continue;
    if (masked(kv.key)) {
      plan.warnings.push_back(c.path +
                              ": an appSettings key is itself shaped like a secret; move that "
                              "setting out of the config by hand");
      continue;
    }
    if (has_file) {
      plan.warnings.push_back(c.path + ": appSettings '" + kv.key +
                              "' holds a secret, but appSettings already reads another file "
                              "(file=): move the secret into that file and keep it out of the "
                              "image by hand");
      continue;
    }
    keys.push_back(kv.key);
  }
  return keys;
}

void warn_local_server(const ConfigFacts& c, const ConnectionStringFacts& cs, AppPlan& plan) {
  if (!local_server(cs.server)) return;
  plan.warnings.push_back("connection string '" + cs.name + "' (" + c.path + ") names the server " +
                          cs.server +
                          ": in a container that is the container itself; put the database "
                          "server's name in the moved file");
}

void move_machine_key(const ConfigFacts& c, const std::string& folder, const std::string& dir,
                      ConfigRewrite& r, AppPlan& plan) {
  if (!c.machine_key_explicit) return;
  add_move(plan, r, folder, dir, "system.web/machineKey", "machineKey.config", {},
           "explicit machineKey keys (a secret every instance must share)",
           machine_key_template(c));
  plan.secrets.push_back({"machineKey", "validationKey and decryptionKey of " + c.path,
                          "the explicit machineKey of " + c.path +
                              " signs and encrypts view state and authentication cookies: every "
                              "instance needs the same keys",
                          c.path, r.moves.back().secret_key});
}

// Forms authentication's <credentials> passwords: the whole authentication
// section moves (configSource works on any section; its <forms> settings go
// with it). Not a key/value section: builders can't supply it either.
void move_forms_credentials(const ConfigFacts& c, const std::string& folder, const std::string& dir,
                            ConfigRewrite& r, AppPlan& plan) {
  if (!c.forms_credentials || !c.forms_credentials->passwords) return;
  const std::size_t users = c.forms_credentials->users.size();
  add_move(plan, r, folder, dir, "system.web/authentication", "authentication.config", {},
           "forms authentication's <credentials> hold the password(s) of " + std::to_string(users) +
               " user(s): the whole authentication section moves",
           forms_credentials_template(c));
  plan.secrets.push_back(
      {"formsCredentials",
       "the <credentials> passwords (passwordFormat=\"" +
           (c.forms_credentials->password_format.empty() ? std::string("Clear")
                                                         : c.forms_credentials->password_format) +
           "\") of " + c.path,
       "forms authentication in " + c.path +
           " checks logins against passwords kept in the config: its "
           "authentication section moves to " +
           r.moves.back().file + ", mounted from the secret store",
       c.path, r.moves.back().secret_key});
}

// Default: the sections holding secrets move to files mounted from the Secret.
void plan_moves(const ConfigFacts& c, const std::string& dir, AppPlan& plan) {
  const std::string folder = container_folder(container_config_path(plan, c.path));
  ConfigRewrite& r = config_rewrite(plan, c.path);
  const bool cs_secret =
      std::any_of(c.connection_strings.begin(), c.connection_strings.end(), secret_string);
  if (cs_secret) {
    add_move(plan, r, folder, dir, "connectionStrings", "connectionStrings.config", {},
             "a connection string holds a password: the whole section moves (" +
                 std::to_string(c.connection_strings.size()) + " string(s))",
             connection_strings_template(c));
    for (const auto& cs : c.connection_strings) {
      warn_local_server(c, cs, plan);
      if (!secret_string(cs)) continue;
      plan.secrets.push_back({env_key(kConnectionStringsPrefix, cs.name), cs.masked,
                              "connection string '" + cs.name + "' (" + c.path +
                                  ") holds a password: its section moves to " +
                                  r.moves.back().file + ", mounted from the secret store",
                              c.path, r.moves.back().secret_key});
    }
  }
  std::vector<std::string> keys = secret_keys(c, plan);
  if (!keys.empty()) {
    add_move(plan, r, folder, dir, "appSettings", "appSettings.secret.config", keys,
             std::to_string(keys.size()) +
                 " appSettings key(s) hold a credential: only they move (file= adds them "
                 "back, and is skipped while the file is absent)",
             app_settings_template(c, keys));
    for (const auto& k : keys) {
      plan.secrets.push_back({env_key(kAppSettingsPrefix, k),
                              "the value of appSettings '" + k + "'",
                              "appSettings '" + k + "' (" + c.path +
                                  ") holds a credential: it "
                                  "moves to " +
                                  r.moves.back().file + ", mounted from the secret store",
                              c.path, r.moves.back().secret_key});
    }
  }
  move_machine_key(c, folder, dir, r, plan);
  move_forms_credentials(c, folder, dir, r, plan);
  if (!r.moves.empty()) r.secret_folder = folder + "\\" + dir;
}

// --config env: the Environment config builder reads the values from
// variables; the secret values are blanked in the copied config.
void plan_builders(const ConfigFacts& c, const std::string& dir, AppPlan& plan) {
  ConfigRewrite& r = config_rewrite(plan, c.path);
  r.builders = true;
  // The builder looks up PREFIX + the exact name; the variable liftshift
  // names (env_key) has only letters, digits and '_'.
  auto renamed = [&](const char* prefix, const std::string& name) {
    if (env_key(prefix, name) == prefix + name) return;
    plan.warnings.push_back(c.path + ": '" + name +
                            "' has characters a variable name here does not keep: the "
                            "Environment config builder reads " +
                            prefix + name + ", set that variable by hand (the manifests name " +
                            env_key(prefix, name) + ")");
  };
  for (const auto& cs : c.connection_strings) renamed(kConnectionStringsPrefix, cs.name);
  for (const auto& kv : c.app_settings) {
    if (masked(kv.value) && !masked(kv.key)) renamed(kAppSettingsPrefix, kv.key);
  }
  for (const auto& cs : c.connection_strings) {
    std::string key = env_key(kConnectionStringsPrefix, cs.name);
    if (secret_string(cs)) {
      warn_local_server(c, cs, plan);
      r.changes.push_back({"connectionStrings", cs.name, "connectionString", "",
                           "holds a password: blanked, the variable " + key + " supplies it", key});
      plan.secrets.push_back({key, cs.masked,
                              "connection string '" + cs.name + "' (" + c.path +
                                  ") holds a password: the Environment config builder reads it "
                                  "from the secret store's variable",
                              c.path, ""});
    } else {
      plan.config.push_back({key, cs.masked,
                             "connection string '" + cs.name + "' (" + c.path +
                                 "): the Environment config builder reads it, so it changes "
                                 "without a rebuild"});
    }
  }
  for (const auto& kv : c.app_settings) {
    if (!masked(kv.value) || masked(kv.key)) continue;
    std::string key = env_key(kAppSettingsPrefix, kv.key);
    r.changes.push_back({"appSettings", kv.key, "value", "",
                         "holds a credential: blanked, the variable " + key + " supplies it", key});
    plan.secrets.push_back({key, "the value of appSettings '" + kv.key + "'",
                            "appSettings '" + kv.key + "' (" + c.path +
                                ") holds a credential: the Environment config builder reads it",
                            c.path, ""});
  }
  const std::string folder = container_folder(container_config_path(plan, c.path));
  move_machine_key(c, folder, dir, r, plan);  // not a key/value section: builders can't supply it
  move_forms_credentials(c, folder, dir, r, plan);
  if (!r.moves.empty()) r.secret_folder = folder + "\\" + dir;
}

// .NET's environment configuration provider: "__" in a variable's name is
// the ':' of a configuration path ("Smtp__Password" -> Smtp:Password).
std::string host_variable(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == ':') {
      out += "__";
    } else {
      out.push_back(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ? c : '_');
    }
  }
  return out;
}

// Blanks the value at JSON path `path` in the copy; `variable` supplies it.
void blank_json(ConfigRewrite& r, std::string_view path, const std::string& variable) {
  auto colon = path.rfind(':');
  ConfigValueChange ch;
  ch.section = colon == std::string_view::npos ? "" : std::string(path.substr(0, colon));
  ch.key = std::string(colon == std::string_view::npos ? path : path.substr(colon + 1));
  ch.attribute = "";
  ch.reason = "holds a secret: blanked, the variable " + variable +
              " supplies it (.NET's host reads variables over the JSON)";
  ch.variable = variable;
  r.changes.push_back(std::move(ch));
}

// appsettings*.json (.NET): the secret values are blanked in the copied JSON
// and the default host reads ConnectionStrings__NAME and Section__Key from
// the environment over it.
void plan_env(const ConfigFacts& c, AppPlan& plan) {
  ConfigRewrite& r = config_rewrite(plan, c.path);
  r.json = true;
  auto renamed = [&](const std::string& path, const std::string& variable) {
    if (std::all_of(path.begin(), path.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == ':';
        }))
      return;
    plan.warnings.push_back(c.path + ": '" + path +
                            "' has characters a variable name here does not keep: the manifests "
                            "name " +
                            variable + "; check that .NET reads it as that setting");
  };
  for (const auto& cs : c.connection_strings) {
    std::string key = host_variable("ConnectionStrings:" + cs.name);
    if (secret_string(cs)) {
      renamed("ConnectionStrings:" + cs.name, key);
      blank_json(r, "ConnectionStrings:" + cs.name, key);
      plan.secrets.push_back({key, cs.masked,
                              "connection string '" + cs.name + "' (" + c.path +
                                  ") holds a password: blanked in the copied JSON, the whole "
                                  "string comes from the secret store's variable",
                              c.path, ""});
    } else {
      plan.config.push_back(
          {key, cs.masked,
           "connection string '" + cs.name + "' (" + c.path +
               "): from the orchestrator's configuration so it changes without a rebuild"});
    }
  }
  for (const auto& kv : c.app_settings) {
    if (!masked(kv.value)) continue;
    if (masked(kv.key)) {
      plan.warnings.push_back(c.path +
                              ": a setting's path is itself shaped like a secret; move that "
                              "setting out of the JSON by hand");
      continue;
    }
    std::string key = host_variable(kv.key);
    renamed(kv.key, key);
    blank_json(r, kv.key, key);
    plan.secrets.push_back({key, "the value of setting '" + kv.key + "'",
                            "setting '" + kv.key + "' (" + c.path +
                                ") holds a credential: blanked in the copied JSON, the value "
                                "comes from the secret store's variable",
                            c.path, ""});
  }
}

bool holds_secret(const ConfigFacts& c) {
  return std::any_of(c.connection_strings.begin(), c.connection_strings.end(), secret_string) ||
         std::any_of(c.app_settings.begin(), c.app_settings.end(),
                     [](const KeyValue& kv) { return masked(kv.value); });
}

std::string folder_of(const std::string& path) {
  std::string p = to_forward_slashes(path);
  auto slash = p.rfind('/');
  return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

// The folder beside each config that the Secret is mounted as: config\,
// unless the application ships files in a folder of that name (a mount hides
// what the image has there, and Windows folder names ignore case), then the
// first free one of secrets\ and liftshift-secrets\. A fragment whose
// secrets move into the Secret does not count: it is not copied.
std::string secret_dir_name(const Application& app) {
  std::vector<std::string> folders;  // "site/" of each config that may move sections
  for (const auto& c : app.configs) {
    if (c.included_by.empty() && c.transform_of.empty()) {
      const std::string f = folder_of(c.path);
      folders.push_back(f.empty() ? f : f + "/");
    }
  }
  auto shipped = [&](const std::string& dir) {
    auto in_dir = [&](const std::string& path) {
      const std::string p = to_forward_slashes(path);
      for (const auto& f : folders) {
        if (istarts_with(p, f + dir + "/")) return true;
      }
      return false;
    };
    for (const auto& c : app.configs) {
      const bool moved = !c.included_by.empty() && c.transform_of.empty() && holds_secret(c);
      if (!moved && in_dir(c.path)) return true;
    }
    for (const auto& b : app.binaries) {
      if (in_dir(b.path)) return true;
    }
    for (const auto& m : app.markers) {
      if (in_dir(m.path)) return true;
    }
    return false;
  };
  for (const char* dir : {"config", "secrets", "liftshift-secrets"}) {
    if (!shipped(dir)) return dir;
  }
  return "liftshift-secrets";
}

// A section another config reads from this file (configSource, file=), or a
// release transform: not a config of its own to split, so nothing moves; a
// secret in it keeps the file out of the build context (the context writer
// screens it) and is named here so it reaches the secret store by hand.
// (A file the app's own config reads a section from is mounted instead:
// plan_fragment.)
void plan_kept_file(const ConfigFacts& c, AppPlan& plan) {
  if (!holds_secret(c)) return;
  plan.warnings.push_back(
      c.path + (c.transform_of.empty()
                    ? " (read by " + c.included_by +
                          ") holds a secret: it is not copied into the build context; mount "
                          "that file from the secret store at its place in the image"
                    : " (the release transform of " + c.transform_of +
                          ") holds a secret the release build writes into the config: put it "
                          "in the secret store, not in the transform"));
}

// The config of the app that reads `f` through connectionStrings
// configSource= or appSettings file=/configSource=, and how; nullptr when
// none of the app's own configs does.
const ConfigFacts* fragment_owner(const Application& app, const ConfigFacts& f,
                                  const ConfigInclude** how) {
  for (const auto& o : app.configs) {
    if (!o.included_by.empty() || !o.transform_of.empty() || !rewritable_config(o.path)) continue;
    if (!istarts_with(f.included_by, o.path + " (")) continue;
    for (const auto& inc : o.includes) {
      const bool cs = iequals(inc.section, "connectionStrings") && inc.attribute == "configSource";
      const bool as = iequals(inc.section, "appSettings");
      if (!cs && !as) continue;
      std::string folder = folder_of(o.path);
      auto rel =
          resolve_dot_segments((folder.empty() ? "" : folder + "/") + to_forward_slashes(inc.file));
      if (rel && iequals(*rel, to_forward_slashes(f.path))) {
        *how = &inc;
        return &o;
      }
    }
  }
  return nullptr;
}

// A file the app's config reads its connectionStrings or appSettings from
// (configSource=, file=) that holds secrets: not copied into the image, its
// content is the Secret's file, mounted in the config\ folder the moves use
// (Windows nodes mount whole folders only, never one file beside others),
// and the attribute names it there, so the app reads the same section.
bool plan_fragment(const Application& app, const ConfigFacts& f, const std::string& dir,
                   AppPlan& plan) {
  const ConfigInclude* how = nullptr;
  const ConfigFacts* owner = fragment_owner(app, f, &how);
  if (owner == nullptr) return false;
  const bool cs = iequals(how->section, "connectionStrings");
  const std::string folder = container_folder(container_config_path(plan, owner->path));
  ConfigRewrite& r = config_rewrite(plan, owner->path);
  std::vector<std::string> keys;
  for (const auto& kv : f.app_settings) keys.push_back(kv.key);
  const std::string name = file_name_of(f.path);
  add_move(plan, r, folder, dir, how->section, name, {},
           f.path +
               " holds secrets: the Secret provides it as it was, in the folder Windows "
               "nodes mount whole (no single file can be mounted beside the app's own)",
           cs ? connection_strings_template(f) : app_settings_template(f, keys));
  ConfigSectionMove& m = r.moves.back();
  m.from_file = to_forward_slashes(f.path);
  m.from_attribute = how->attribute;
  r.secret_folder = folder + "\\" + dir;
  for (const auto& c : f.connection_strings) {
    if (!secret_string(c)) continue;
    warn_local_server(f, c, plan);
    plan.secrets.push_back({env_key(kConnectionStringsPrefix, c.name), c.masked,
                            "connection string '" + c.name + "' (" + f.path +
                                ") holds a password: the file is mounted from the secret store "
                                "as " +
                                m.file,
                            f.path, m.secret_key});
  }
  for (const auto& kv : f.app_settings) {
    if (!masked(kv.value)) continue;
    plan.secrets.push_back({env_key(kAppSettingsPrefix, kv.key),
                            "the value of appSettings '" + kv.key + "'",
                            "appSettings '" + kv.key + "' (" + f.path +
                                ") holds a credential: the file is mounted from the secret "
                                "store as " +
                                m.file,
                            f.path, m.secret_key});
  }
  return true;
}

// The app's own secret folder: the one nearest the app's folder.
void choose_secret_mount(AppPlan& plan) {
  for (const auto& r : plan.config_rewrites) {
    if (r.secret_folder.empty()) continue;
    if (plan.secret_mount.empty() || r.secret_folder.size() < plan.secret_mount.size())
      plan.secret_mount = r.secret_folder;
  }
}

std::string configuration_choice(const AppPlan& plan, const std::string& dir) {
  std::size_t moves = 0;
  std::size_t changes = 0;
  bool builders = false;
  for (const auto& r : plan.config_rewrites) {
    moves += r.moves.size();
    changes += r.changes.size();
    builders = builders || r.builders;
  }
  std::string out;
  if (moves > 0) out += std::to_string(moves) + " section(s) moved to " + dir + "\\, ";
  if (builders) out += "Environment config builder, ";
  if (changes > 0) out += std::to_string(changes) + " value(s) rewritten in place, ";
  return out + std::to_string(plan.config.size()) + " setting(s), " +
         std::to_string(plan.secrets.size()) + " secret(s)";
}

}  // namespace

void plan_config(const AppAssessment& a, const PlanOptions& options, AppPlan& plan) {
  const Application& app = a.app;
  bool env = options.config_mode == ConfigMode::kEnv;
  // Asked for by name: an application the builders can't serve is refused
  // (nothing written for it) rather than given the other way silently.
  bool rewritten_here = std::any_of(app.configs.begin(), app.configs.end(),
                                    [](const ConfigFacts& c) { return rewritable_config(c.path); });
  if (env && rewritten_here && !builders_supported(plan.framework)) {
    plan.refusals.push_back(
        "--config env needs .NET Framework 4.7.1 or later: ConfigurationBuilders are read by the "
        "4.7.1 configuration system, and this application targets " +
        (plan.framework.version.empty()
             ? to_string(plan.framework.kind)
             : to_string(plan.framework.kind) + " " + plan.framework.version) +
        "; use --config files (its secrets move to files of config\\, read by every .NET "
        "Framework)");
    env = false;
  }
  const std::string dir = secret_dir_name(app);
  for (const auto& c : app.configs) {
    const bool fragment = !c.included_by.empty() && c.transform_of.empty();
    if (fragment && holds_secret(c) && plan_fragment(app, c, dir, plan)) continue;
    if (!c.included_by.empty() || !c.transform_of.empty()) {
      plan_kept_file(c, plan);
    } else if (!rewritable_config(c.path)) {
      plan_env(c, plan);
    } else if (env) {
      plan_builders(c, dir, plan);
    } else {
      plan_moves(c, dir, plan);
    }
  }
  plan_drive_paths(a, plan);  // the moves are known: a Secret's file takes its changes too
  plan.config_rewrites.erase(
      std::remove_if(plan.config_rewrites.begin(), plan.config_rewrites.end(),
                     [](const ConfigRewrite& r) {
                       return r.moves.empty() && r.changes.empty() && !r.builders;
                     }),
      plan.config_rewrites.end());
  choose_secret_mount(plan);
  if (!plan.secrets.empty() || !plan.config.empty() || !plan.config_rewrites.empty()) {
    std::string how =
        plan.secret_mount.empty()
            ? ""
            : "; the sections holding secrets move to files of " + dir +
                  "\\ beside the config, read back through configSource and appSettings file= "
                  "(every .NET Framework reads them, no code change), never copied into the "
                  "build context, and mounted from the secret store as a whole folder at " +
                  plan.secret_mount +
                  (dir == "config" ? std::string()
                                   : " (the application ships files in config\\, which a "
                                     "mount there would hide)");
    decide(plan, "configuration", configuration_choice(plan, dir),
           "seed (IIS: database connection strings): decouple connection strings from the image so "
           "they change without a rebuild, and keep user names and passwords in a secret store; "
           "the artifacts name the secrets and never carry their values" +
               how);
  }
  if (has_finding(a, rule_id::kAdDependent)) {
    plan.gmsa = true;
    plan.gmsa_account = gmsa_account(a.results.identity);
    if (plan.gmsa_account.empty()) {
      plan.gmsa_account = "gmsa-" + plan.k8s_name;
      if (plan.gmsa_account.size() > 15) plan.gmsa_account.resize(15);
      while (!plan.gmsa_account.empty() && plan.gmsa_account.back() == '-')
        plan.gmsa_account.pop_back();
      plan.warnings.push_back("the gMSA name '" + plan.gmsa_account +
                              "' is a placeholder: create the account in AD and use its name");
    }
    decide(plan, "identity", "gMSA " + plan.gmsa_account,
           "ad-dependent finding: containers can't be domain-joined; the seed's answer is a Group "
           "Managed Service "
           "Account, used through a credential spec (GMSACredentialSpec in Kubernetes, "
           "credential_spec in compose)");
    // A site from a server's applicationHost.config gets its own
    // authentication, scoped to the site (iis_site.cpp).
    // A web.config that enables windowsAuthentication itself got the feature
    // and the unlock (iis_locked_sections.cpp): enabling it server-wide too adds nothing.
    if (a.results.identity.windows_authentication && plan.entry_kind == EntryKind::kIis &&
        !a.app.iis && !web_config_enables_windows_auth(a.app)) {
      plan.steps.push_back(
          {"Windows authentication for IIS (authentication mode=\"Windows\"; the gMSA answers for "
           "the container)",
           "Install-WindowsFeature Web-Windows-Auth; Import-Module WebAdministration; "
           "Set-WebConfigurationProperty -PSPath 'IIS:\\' -Filter "
           "/system.webServer/security/authentication/windowsAuthentication -Name enabled -Value "
           "$true"});
    }
    if (has_finding(a, rule_id::kMsmq)) {
      plan.warnings.push_back(
          "MSMQ with gMSA is not supported (seed): keep the queues anonymous and use the gMSA "
          "only for the other Active Directory access");
    }
  }
}

}  // namespace liftshift
