#include "plan/plan_file_check.hpp"

#include <algorithm>
#include <regex>
#include <tuple>

#include "core/environments.hpp"
#include "core/k8s_quantity.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {

namespace {

class Checker {
 public:
  Checker(const PlanLines& lines, const std::string& file, std::vector<std::string>& errors)
      : lines_(lines), file_(file), errors_(errors) {}

  void error(const std::string& path, const std::string& message) {
    auto it = lines_.find(path);
    // A value left out has no line: name its parent's.
    std::string p = path;
    while (it == lines_.end() && !p.empty()) {
      auto cut = p.find_last_of(".[");
      p = cut == std::string::npos ? "" : p.substr(0, cut);
      it = lines_.find(p);
    }
    int line = it == lines_.end() ? 1 : it->second;
    errors_.push_back(file_ + ":" + std::to_string(line) + ": " + path + ": " + message);
  }

  // True when the plan file has a value at `path` (not left out).
  bool given(const std::string& path) const { return lines_.contains(path); }

 private:
  const PlanLines& lines_;
  const std::string& file_;
  std::vector<std::string>& errors_;
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

bool mcr(const std::string& ref) { return ref.starts_with("mcr.microsoft.com/"); }

// The reference `ref` of version `from` as it is for `to`; "" when the
// image doesn't exist for `to`; `ref` itself when it is none of the known ones.
std::string retarget(const std::string& ref, WindowsVersion from, WindowsVersion to) {
  auto old_refs = known_images(from);
  auto new_refs = known_images(to);
  for (std::size_t i = 0; i < old_refs.size(); ++i) {
    if (!old_refs[i].empty() && old_refs[i] == ref) return new_refs[i];
  }
  return ref;
}

std::string tags_for(WindowsVersion v, const std::string& image) {
  std::string out;
  for (const auto& ref : known_images(v)) {
    if (ref.starts_with(image + ":"))
      out += (out.empty() ? "" : ", ") + ref.substr(image.size() + 1);
  }
  return out.empty() ? "none" : out;
}

bool known_for(WindowsVersion v, const std::string& ref) {
  auto refs = known_images(v);
  return std::find(refs.begin(), refs.end(), ref) != refs.end();
}

Decision* decision(AppPlan& app, std::string_view topic) {
  for (auto& d : app.decisions) {
    if (d.topic == topic) return &d;
  }
  return nullptr;
}

// A value edited in the plan: its decision shows the edited choice, and the
// planned one with its reason, so MIGRATION.md does not argue for a value the
// artifacts no longer have.
void follow_edit(AppPlan& app, std::string_view topic, const std::string& now) {
  Decision* d = decision(app, topic);
  if (d == nullptr || d->choice == now) return;
  d->reason = "edited in the plan (planned: " + d->choice +
              (d->reason.empty() ? "" : ", because " + d->reason) + ")";
  d->choice = now;
}

// The Windows version edited: every Microsoft image moves to the new version's tag.
void follow_windows_version(AppPlan& app, const std::string& at, Checker& check) {
  Decision* d = decision(app, "Windows Server version");
  if (d == nullptr) return;
  auto planned = parse_windows_version(d->choice);
  WindowsVersion to = app.windows_version;
  if (!planned || *planned == to) return;
  WindowsVersion from = *planned;
  auto move = [&](const std::string& ref, const std::string& what) {
    std::string moved = retarget(ref, from, to);
    if (moved.empty())
      check.error(at + ".windows_version",
                  ref + " (" + what + ") has no " + to_string(to) + " image (FACTS.md)");
    return moved.empty() ? ref : moved;
  };
  std::string base = move(app.base_image + ":" + app.base_tag, "base image");
  auto colon = base.rfind(':');
  app.base_image = base.substr(0, colon);
  app.base_tag = base.substr(colon + 1);
  if (!app.build.sdk_image.empty()) app.build.sdk_image = move(app.build.sdk_image, "SDK image");
  if (!app.fallback_image.empty()) {
    std::string old_fallback = app.fallback_image;
    app.fallback_image = move(app.fallback_image, "fallback image");
    replace_all(app.fallback, old_fallback, app.fallback_image);
    for (auto& s : app.fallback_steps)
      replace_all(s.command, netfx3_command(from), netfx3_command(to));
  }
  // NetFx3 enabled for a CLR 2.0 COM registration (plan/com_servers).
  for (auto& s : app.steps) replace_all(s.command, netfx3_command(from), netfx3_command(to));
  app.windows_build = windows_build(to);
  // The reasons follow: the images, the build the nodes must run and the
  // hosts that run it are those of the new version.
  std::vector<std::pair<std::string, std::string>> moves;
  auto old_refs = known_images(from);
  auto new_refs = known_images(to);
  for (std::size_t i = 0; i < old_refs.size(); ++i) {
    if (!old_refs[i].empty() && !new_refs[i].empty()) moves.emplace_back(old_refs[i], new_refs[i]);
  }
  for (Isolation iso : {Isolation::kProcess, Isolation::kHyperv})
    moves.emplace_back(join(compatible_hosts(from, iso)), join(compatible_hosts(to, iso)));
  moves.emplace_back(windows_build(from), windows_build(to));
  moves.emplace_back("for " + to_string(from), "for " + to_string(to));
  moves.emplace_back("this " + to_string(from) + " image", "this " + to_string(to) + " image");
  for (auto& decided : app.decisions) {
    for (const auto& [old_text, new_text] : moves) {
      replace_all(decided.choice, old_text, new_text);
      replace_all(decided.reason, old_text, new_text);
    }
  }
  d->choice = to_string(to);
  d->reason = "edited in the plan (planned: " + to_string(from) + "): " + server_name(to) +
              ", build " + windows_build(to);
}

bool under(const std::string& path, const std::string& folder) {
  return iequals(path, folder) || istarts_with(path, folder + "\\");
}

void check_volume(const AppPlan& app, const VolumePlan& v, const std::string& at, Checker& check) {
  static const std::regex label("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  static const std::regex quantity("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
  if (!std::regex_match(v.name, label))
    check.error(at + ".name", "'" + v.name + "' is not a DNS-1123 label (a-z, 0-9, '-')");
  if (!std::regex_match(v.size, quantity))
    check.error(at + ".size", "'" + v.size + "' is not a storage quantity such as 10Gi or 500Mi");
  const std::string& p = v.container_path;
  if (!is_container_folder(p)) {
    check.error(at + ".container_path",
                "'" + p +
                    "' is not a folder on C: (the container has only C:), such as "
                    "C:\\app\\App_Data");
    return;
  }
  for (const char* system :
       {"C:\\Windows", "C:\\Program Files", "C:\\Program Files (x86)", "C:\\ProgramData",
        "C:\\Users", "C:\\ServiceMonitor.exe", "C:\\LogMonitor"}) {
    if (under(p, system)) {
      check.error(at + ".container_path",
                  p + " is outside the application, over " + system +
                      ": a volume there would hide the image's own files; mount the "
                      "application's data folder instead");
      return;
    }
  }
  const std::string& app_dir = app.build.app_dir;
  if (!app_dir.empty() && (under(app_dir, p))) {
    check.error(at + ".container_path",
                p + " holds the application itself (" + app_dir +
                    "): the volume would hide it; mount a data folder inside it");
  }
}

void check_secrets(const AppPlan& app, const std::string& at, Checker& check) {
  for (std::size_t i = 0; i < app.config.size(); ++i) {
    const ConfigValue& c = app.config[i];
    std::string path = at + ".config[" + std::to_string(i) + "]";
    if (is_secret_key(c.key) || mask_secret_text(c.value) != c.value)
      check.error(path + ".value",
                  c.key +
                      " holds a secret written as a value: the plan never holds one; move it "
                      "to secrets (named only) and put the value in the secret store");
  }
  for (std::size_t i = 0; i < app.secrets.size(); ++i) {
    const SecretName& s = app.secrets[i];
    if (mask_secret_text(s.hint) != s.hint)
      check.error(at + ".secrets[" + std::to_string(i) + "].hint",
                  "the hint of " + s.key +
                      " holds a secret value: write it masked (Password=***); the value goes to "
                      "the secret store, never into the plan");
  }
  for (std::size_t r = 0; r < app.config_rewrites.size(); ++r) {
    const auto& changes = app.config_rewrites[r].changes;
    for (std::size_t i = 0; i < changes.size(); ++i) {
      if (mask_secret_text(changes[i].to) != changes[i].to || is_secret_key(changes[i].key))
        check.error(at + ".config_rewrites[" + std::to_string(r) + "].changes[" +
                        std::to_string(i) + "].to",
                    "a secret written as a value into the copied config: move the section out "
                    "(moves) instead");
    }
  }
}

// "D:" or "D:/...": a path on another drive of a server source (not C:).
bool drive_folder(std::string_view path) {
  if (path.size() < 2 || path[1] != ':' || (path.size() > 2 && path[2] != '/')) return false;
  char c = path[0];
  return c >= 'A' && c <= 'Z' && c != 'C';
}

// "D:" for a drive letter of the plan's disks.
bool drive_letter(const std::string& s) { return s.size() == 2 && drive_folder(s); }

void check_disks(const Plan& plan, Checker& check) {
  for (std::size_t i = 0; i < plan.disks.size(); ++i) {
    const PlanDisk& d = plan.disks[i];
    std::string at = "disks[" + std::to_string(i) + "]";
    if (d.path.empty()) check.error(at + ".path", "the disk's path is empty");
    if (!d.letter.empty() && !drive_letter(d.letter))
      check.error(at + ".letter", "'" + d.letter +
                                      "' is not a drive letter of a data disk (D: to Z:, A:, B:; "
                                      "\"\" lets MountedDevices say)");
    for (std::size_t k = 0; k < d.drives.size(); ++k) {
      if (!drive_letter(d.drives[k]))
        check.error(at + ".drives[" + std::to_string(k) + "]",
                    "'" + d.drives[k] + "' is not a drive letter of a data disk (D:)");
    }
  }
}

// Names that become file and folder names under OUT: no way out of it.
void check_names(const AppPlan& app, const std::string& at, Checker& check) {
  static const std::regex label("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  if (app.folder.empty() || app.folder.find_first_of("/\\:") != std::string::npos ||
      app.folder == "." || app.folder == "..")
    check.error(at + ".folder", "'" + app.folder + "' is not a plain folder name");
  if (!std::regex_match(app.k8s_name, label))
    check.error(at + ".k8s_name", "'" + app.k8s_name + "' is not a DNS-1123 label");
  for (std::size_t i = 0; i < app.build.copies.size(); ++i) {
    const ContextCopy& c = app.build.copies[i];
    for (const std::string* rel : {&c.from, &c.to}) {
      // A server's other drive is its folder "D:" of the source (a copy from D:).
      std::string_view inside = *rel;
      if (rel == &c.from && drive_folder(inside))
        inside.remove_prefix(std::min<std::size_t>(3, inside.size()));
      bool bad = inside.starts_with("/") || inside.find('\\') != std::string::npos ||
                 inside.find(':') != std::string::npos ||
                 ("/" + std::string(inside) + "/").find("/../") != std::string::npos;
      if (bad)
        check.error(at + ".build.copies[" + std::to_string(i) + "]",
                    "'" + *rel +
                        "' is not a relative path with '/' separators inside the source "
                        "or the output folder");
    }
  }
  static const std::regex dns_name(
      "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)"
      "*");
  if (!app.domain.empty() && !std::regex_match(app.domain, dns_name))
    check.error(at + ".domain", "'" + app.domain + "' is not a DNS domain name (corp.contoso.com)");
  if (!app.ingress_host.empty() && !std::regex_match(app.ingress_host, dns_name))
    check.error(at + ".ingress_host", "'" + app.ingress_host + "' is not a host name");
  for (std::size_t i = 0; i < app.ports.size(); ++i) {
    std::string port_at = at + ".ports[" + std::to_string(i) + "]";
    if (app.ports[i].port < 1 || app.ports[i].port > 65535)
      check.error(port_at + ".port",
                  std::to_string(app.ports[i].port) + " is not a port (1-65535)");
    // Kubernetes takes the protocol in capitals; Windows nodes carry no SCTP.
    if (app.ports[i].protocol != "TCP" && app.ports[i].protocol != "UDP")
      check.error(
          port_at + ".protocol",
          "'" + app.ports[i].protocol + "' is not TCP or UDP (Windows containers take no other)");
  }
}

// cpu and memory: quantities Kubernetes takes, each request within its limit.
void check_resources(AppPlan& app, const std::string& at, Checker& check) {
  ResourcePlan& r = app.resources;
  std::string path = at + ".resources.";
  auto cpu = [&](const std::string& key, const std::string& value) {
    auto m = cpu_millicores(value);
    if (!m)
      check.error(path + key,
                  "'" + value + "' is not a cpu quantity such as 500m (millicores) or 2 (cores)");
    return m;
  };
  auto memory = [&](const std::string& key, const std::string& value) {
    auto b = memory_bytes(value);
    if (!b)
      check.error(path + key, "'" + value +
                                  "' is not a memory quantity such as 512Mi or 2Gi (Ki, Mi, Gi, "
                                  "Ti; k, M, G, T)");
    return b;
  };
  auto cpu_request = cpu("cpu_request", r.cpu_request);
  auto cpu_limit = cpu("cpu_limit", r.cpu_limit);
  auto memory_request = memory("memory_request", r.memory_request);
  auto memory_limit = memory("memory_limit", r.memory_limit);
  if (cpu_request && cpu_limit && *cpu_request > *cpu_limit)
    check.error(path + "cpu_request", "the request " + r.cpu_request + " is above the limit " +
                                          r.cpu_limit +
                                          ": Kubernetes rejects a request above its limit");
  if (memory_request && memory_limit && *memory_request > *memory_limit)
    check.error(path + "memory_request", "the request " + r.memory_request +
                                             " is above the limit " + r.memory_limit +
                                             ": Kubernetes rejects a request above its limit");
  follow_edit(app, "resources", resources_choice(r));
}

// A plan written before it had replicas and resources (or with some left
// out): the planner's values for this kind of application, not the struct's
// defaults (1 replica, IIS's cpu and memory), and a warning that says so.
void fill_left_out(AppPlan& app, const std::string& at, const Checker& check) {
  std::vector<std::string> keys, filled;
  if (!check.given(at + ".replicas")) {
    app.replicas = app.autoscale ? 2 : 1;
    keys.emplace_back("replicas");
    filled.push_back("replicas " + std::to_string(app.replicas));
  }
  const ResourcePlan planned = default_resources(app);
  ResourcePlan& r = app.resources;
  for (auto [key, value, default_value] :
       {std::tuple{"cpu_request", &r.cpu_request, planned.cpu_request},
        std::tuple{"memory_request", &r.memory_request, planned.memory_request},
        std::tuple{"cpu_limit", &r.cpu_limit, planned.cpu_limit},
        std::tuple{"memory_limit", &r.memory_limit, planned.memory_limit}}) {
    if (check.given(at + ".resources." + key)) continue;
    *value = default_value;
    keys.emplace_back("resources." + std::string(key));
    filled.push_back(std::string(key) + " " + default_value);
  }
  if (filled.empty()) return;
  if (decision(app, "resources") == nullptr) {
    // Where the planner puts it: after the scale decision.
    auto after = std::find_if(app.decisions.begin(), app.decisions.end(),
                              [](const Decision& d) { return d.topic == "scale"; });
    app.decisions.insert(after == app.decisions.end() ? after : after + 1,
                         {"resources", resources_choice(default_resources(app)),
                          "not in the plan file, the planner's default: " + resources_reason(app)});
  }
  app.warnings.push_back("the plan file has no " + join(keys) +
                         " (a plan written before it had them): the planner's values for this "
                         "kind of application are used (" +
                         join(filled) + "); write them into the plan to change them");
}

// The dev and prod overlays' values: names Kubernetes takes; an old plan
// without them gets the planner's; the placeholder host warnings follow.
void check_environments(AppPlan& app, const std::string& at, Checker& check) {
  static const std::regex host(
      "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)"
      "*");
  static const std::regex subdomain(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  if (!check.given(at + ".environments")) app.environments = default_environments(app);
  const auto& more = app.environments.more;
  for (std::size_t i = 0; i < more.size(); ++i) {
    std::string path = at + ".environments.more[" + std::to_string(i) + "].name";
    if (!is_environment_name(more[i].name)) {
      check.error(path, "'" + more[i].name +
                            "' is not a name for an environment's overlay (a DNS-1123 label: "
                            "a-z, 0-9, '-'; not dev, prod or base, which the plan has already)");
    } else {
      for (std::size_t j = 0; j < i; ++j) {
        if (more[j].name == more[i].name)
          check.error(path, "'" + more[i].name + "' again: environments.more[" + std::to_string(j) +
                                "] has that name");
      }
    }
  }
  for (const auto& [name, env, env_key] : environments_of(app)) {
    std::string path = at + "." + env_key + ".";
    if (!env->ingress_host.empty() && !std::regex_match(env->ingress_host, host))
      check.error(path + "ingress_host", "'" + env->ingress_host +
                                             "' is not a host name (shop.contoso.com; \"\" = "
                                             "the app's ingress_host)");
    for (auto [key, value, what] :
         {std::tuple{"gmsa_credential_spec", &env->gmsa_credential_spec, "a GMSACredentialSpec"},
          std::tuple{"storage_class", &env->storage_class, "a StorageClass"}}) {
      if (value->empty()) continue;
      if (value->size() > 253 || !std::regex_match(*value, subdomain))
        check.error(path + key, "'" + *value + "' is not the name of " + what +
                                    " (a DNS-1123 subdomain: a-z, 0-9, '-', '.'; \"\" = " +
                                    (std::string_view(key) == "storage_class"
                                         ? "the cluster's default"
                                         : "the base's " + base_credential_spec(app)) +
                                    ")");
    }
  }
  // In the place the planner put them, so an unedited plan gives the same MIGRATION.md.
  auto placeholder = [](const std::string& w) { return w.starts_with(kPlaceholderHostWarning); };
  auto at_first = std::find_if(app.warnings.begin(), app.warnings.end(), placeholder);
  auto index = at_first - app.warnings.begin();
  std::erase_if(app.warnings, placeholder);
  auto now = environment_warnings(app);
  app.warnings.insert(
      app.warnings.begin() +
          std::min<std::ptrdiff_t>(index, static_cast<std::ptrdiff_t>(app.warnings.size())),
      now.begin(), now.end());
  follow_edit(app, "environments", environments_choice(app));
}

// At least one instance; more only where more than one can run.
void check_replicas(AppPlan& app, const std::string& at, Checker& check) {
  std::string path = at + ".replicas";
  if (app.replicas < 1) {
    check.error(path, std::to_string(app.replicas) +
                          " is not a number of instances: at least 1 (stop the application with "
                          "kubectl scale --replicas 0, not in the plan)");
    return;
  }
  bool runs_once = app.entry_kind == EntryKind::kTask || app.entry_kind == EntryKind::kJob;
  if (app.replicas > 1 && runs_once) {
    check.error(path,
                std::to_string(app.replicas) + " instances of a " +
                    (app.entry_kind == EntryKind::kTask ? "scheduled task" : "program that exits") +
                    ": each run is one container (a Job); keep 1");
    return;
  }
  for (const auto& v : app.volumes) {
    if (!v.shared && app.replicas > 1)
      check.error(path, std::to_string(app.replicas) + " instances, but the volume " + v.name +
                            " is owned by one instance (ReadWriteOnce): a second pod could not "
                            "mount it; keep 1");
  }
  // As planned (plan/resources.cpp): the decision stands.
  if (app.replicas == (app.autoscale ? 2 : 1)) return;
  Decision* scale = decision(app, "scale");
  if (scale == nullptr || scale->reason.starts_with("edited in the plan")) return;
  // Not an error: the findings may be fixed in the application by now.
  if (!app.autoscale && app.web && app.replicas > 1)
    app.warnings.push_back("replicas " + std::to_string(app.replicas) +
                           " was edited in the plan although the plan kept one instance (" +
                           scale->reason + "): scale out only once that is fixed");
  follow_edit(app, "scale",
              std::to_string(app.replicas) + " replicas" +
                  (app.autoscale ? ", HorizontalPodAutoscaler from there up to " +
                                       std::to_string(std::max(5, app.replicas)) + " at 70% CPU"
                                 : ", no autoscaling"));
}

void check_app(AppPlan& app, const std::string& at, Checker& check) {
  check_names(app, at, check);
  if (app.blocked || !app.refusals.empty()) return;
  follow_windows_version(app, at, check);
  if (app.orchestrator == Orchestrator::kKubernetes && app.isolation == Isolation::kHyperv)
    check.error(at + ".isolation",
                "hyperv on Kubernetes: Kubernetes runs Windows containers with process isolation "
                "only; use process, or orchestrator compose or swarm");
  if (app.orchestrator == Orchestrator::kKubernetes &&
      app.windows_version == WindowsVersion::kLtsc2016)
    check.error(at + ".windows_version", "Kubernetes has no Windows Server 2016 nodes");
  std::string ref = app.base_image + ":" + app.base_tag;
  if (mcr(app.base_image) && !known_for(app.windows_version, ref))
    check.error(at + ".base_tag",
                "the tag " + app.base_tag + " of " + app.base_image + " does not exist for " +
                    to_string(app.windows_version) +
                    " (its tags: " + tags_for(app.windows_version, app.base_image) + ")");
  const std::string& sdk = app.build.sdk_image;
  if (!sdk.empty() && mcr(sdk) && !known_for(app.windows_version, sdk)) {
    std::string image = sdk.substr(0, sdk.rfind(':'));
    check.error(at + ".build.sdk_image",
                sdk + " does not exist for " + to_string(app.windows_version) +
                    " (its tags: " + tags_for(app.windows_version, image) + ")");
  }
  for (std::size_t i = 0; i < app.volumes.size(); ++i)
    check_volume(app, app.volumes[i], at + ".volumes[" + std::to_string(i) + "]", check);
  check_secrets(app, at, check);
  fill_left_out(app, at, check);
  check_replicas(app, at, check);
  check_resources(app, at, check);
  check_environments(app, at, check);
  // The decisions MIGRATION.md shows follow the edited values.
  follow_edit(app, "isolation", to_string(app.isolation));
  follow_edit(app, "user", app.user);
  follow_edit(app, "base image", app.base_image + ":" + app.base_tag);
  follow_edit(app, "entrypoint", entrypoint_choice(app));
  follow_edit(app, "ports", app.ports.empty() ? "none" : ports_choice(app.ports));
  if (Decision* id = decision(app, "identity"); id && !app.gmsa_account.empty()) {
    // A placeholder name replaced: its warning is no longer true.
    const std::string planned = id->choice.substr(std::min<std::size_t>(5, id->choice.size()));
    if (planned != app.gmsa_account) {
      std::erase_if(app.warnings, [&](const std::string& w) {
        return w.starts_with("the gMSA name '" + planned + "' is a placeholder");
      });
    }
    follow_edit(app, "identity", "gMSA " + app.gmsa_account);
  }
}

}  // namespace

void apply_plan_edits(Plan& plan, const PlanLines& lines, const std::string& file,
                      std::vector<std::string>& errors) {
  Checker check(lines, file, errors);
  if (plan.options.orchestrator == Orchestrator::kKubernetes &&
      plan.options.isolation == Isolation::kHyperv)
    check.error("options.isolation",
                "hyperv on Kubernetes: Kubernetes runs Windows containers "
                "with process isolation only");
  check_disks(plan, check);
  for (std::size_t i = 0; i < plan.apps.size(); ++i)
    check_app(plan.apps[i], "apps[" + std::to_string(i) + "]", check);
}

}  // namespace liftshift
