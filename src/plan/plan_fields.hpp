// The fields of the Plan, listed once: the plan file's writer, its reader and
// its JSON Schema (plan_file.hpp) all walk these lists, so a field is written,
// read back and described by the same line. tests/plan/plan_fields_test.cpp
// counts each struct's members against its list: a member added to
// core/plan.hpp without a line here fails that test.
//
// fields(visitor, value) calls visitor(key, member) for each member, and
// visitor.topics({...}) before a member whose reason is a decision of those
// topics (the writer puts the reasons there as comments).
#pragma once

#include <array>
#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/categories.hpp"
#include "core/model.hpp"
#include "core/plan.hpp"

namespace liftshift::plan_fields {

// Every value of each enum of the plan, with its text in the plan file.
template <class E>
struct EnumValues;
template <>
struct EnumValues<WindowsVersion> {
  static constexpr std::array values{WindowsVersion::kLtsc2016, WindowsVersion::kLtsc2019,
                                     WindowsVersion::kLtsc2022, WindowsVersion::kLtsc2025};
};
template <>
struct EnumValues<Isolation> {
  static constexpr std::array values{Isolation::kProcess, Isolation::kHyperv};
};
template <>
struct EnumValues<Orchestrator> {
  static constexpr std::array values{Orchestrator::kKubernetes, Orchestrator::kSwarm,
                                     Orchestrator::kCompose};
};
template <>
struct EnumValues<ConfigMode> {
  static constexpr std::array values{ConfigMode::kFiles, ConfigMode::kEnv};
};
template <>
struct EnumValues<Pipeline> {
  static constexpr std::array values{Pipeline::kGithub, Pipeline::kAzure, Pipeline::kGitlab};
};
template <>
struct EnumValues<EntryKind> {
  static constexpr std::array values{EntryKind::kIis, EntryKind::kService, EntryKind::kConsole,
                                     EntryKind::kJob, EntryKind::kTask};
};
template <>
struct EnumValues<AppKind> {
  static constexpr std::array values{AppKind::kWeb,  AppKind::kWcf,     AppKind::kService,
                                     AppKind::kTask, AppKind::kConsole, AppKind::kDesktop};
};
template <>
struct EnumValues<Verdict> {
  static constexpr std::array values{Verdict::kReady, Verdict::kReadyWithChanges,
                                     Verdict::kNotACandidate, Verdict::kUnknown};
};
template <>
struct EnumValues<Severity> {
  static constexpr std::array values{Severity::kInfo, Severity::kChange, Severity::kBlocker};
};
template <>
struct EnumValues<FrameworkKind> {
  static constexpr auto values = kAllFrameworkKinds;
};

inline std::string enum_text(ConfigMode m) { return m == ConfigMode::kEnv ? "env" : "files"; }
inline std::string enum_text(EntryKind k) {
  switch (k) {
    case EntryKind::kIis:
      return "iis";
    case EntryKind::kService:
      return "service";
    case EntryKind::kConsole:
      return "console";
    case EntryKind::kJob:
      return "job";
    case EntryKind::kTask:
      return "task";
  }
  return "console";
}
inline std::string enum_text(FrameworkKind k) {
  std::string s = to_string(k);
  return s.empty() ? "unknown" : s;
}
template <class E>
std::string enum_text(E e) {
  return to_string(e);
}

// The value whose text is `text`, or nullopt.
template <class E>
std::optional<E> enum_from(std::string_view text) {
  for (E e : EnumValues<E>::values) {
    if (enum_text(e) == text) return e;
  }
  return std::nullopt;
}

template <class T, class S>
concept Is = std::same_as<std::remove_const_t<T>, S>;

template <class V, Is<PlanOptions> T>
void fields(V& v, T& x) {
  v("windows_version", x.windows_version);
  v("isolation", x.isolation);
  v("orchestrator", x.orchestrator);
  v("registry", x.registry);
  v("config_mode", x.config_mode);
  v("pipelines", x.pipelines);
}

template <class V, Is<Decision> T>
void fields(V& v, T& x) {
  v("topic", x.topic);
  v("choice", x.choice);
  v("reason", x.reason);
}

template <class V, Is<CronSchedule> T>
void fields(V& v, T& x) {
  v("cron", x.cron);
  v("time_zone", x.time_zone);
  v("trigger", x.trigger);
}

template <class V, Is<Port> T>
void fields(V& v, T& x) {
  v("port", x.port);
  v("protocol", x.protocol);
  v("name", x.name);
  v("purpose", x.purpose);
}

template <class V, Is<VolumePlan> T>
void fields(V& v, T& x) {
  v("name", x.name);
  v("container_path", x.container_path);
  v("size", x.size);
  v("reason", x.reason);
  v("shared", x.shared);
  v("holds", x.holds);
  v("seed_path", x.seed_path);
  v("context_data", x.context_data);
}

template <class V, Is<ConfigValue> T>
void fields(V& v, T& x) {
  v("key", x.key);
  v("value", x.value);
  v("reason", x.reason);
}

template <class V, Is<SecretName> T>
void fields(V& v, T& x) {
  v("key", x.key);
  v("hint", x.hint);
  v("reason", x.reason);
  v("config_file", x.config_file);
  v("file", x.file);
}

template <class V, Is<LogChannel> T>
void fields(V& v, T& x) {
  v("name", x.name);
  v("level", x.level);
}

template <class V, Is<LogFolder> T>
void fields(V& v, T& x) {
  v("directory", x.directory);
  v("filter", x.filter);
  v("include_subdirectories", x.include_subdirectories);
}

template <class V, Is<EtwProvider> T>
void fields(V& v, T& x) {
  v("name", x.name);
  v("guid", x.guid);
  v("level", x.level);
}

template <class V, Is<LogMonitorPlan> T>
void fields(V& v, T& x) {
  v("used", x.used);
  v("reason", x.reason);
  v("channels", x.channels);
  v("folders", x.folders);
  v("providers", x.providers);
}

template <class V, Is<BuildStep> T>
void fields(V& v, T& x) {
  v("comment", x.comment);
  v("command", x.command);
  v("supplied", x.supplied);
  v("supplied_to", x.supplied_to);
  v("supplied_what", x.supplied_what);
}

template <class V, Is<RuntimeInstall> T>
void fields(V& v, T& x) {
  v("name", x.name);
  v("file", x.file);
  v("arguments", x.arguments);
  v("reason", x.reason);
}

template <class V, Is<ContextCopy> T>
void fields(V& v, T& x) {
  v("from", x.from);
  v("to", x.to);
  v("folder", x.folder);
  v("exclude", x.exclude);
  v("reason", x.reason);
  v("image_path", x.image_path);
  v("max_mib", x.max_mib);
}

template <class V, Is<ConfigSectionMove> T>
void fields(V& v, T& x) {
  v("section", x.section);
  v("file", x.file);
  v("keys", x.keys);
  v("reason", x.reason);
  v("secret_key", x.secret_key);
  v("template_xml", x.template_xml);
  v("from_file", x.from_file);
  v("from_attribute", x.from_attribute);
}

template <class V, Is<ConfigValueChange> T>
void fields(V& v, T& x) {
  v("section", x.section);
  v("key", x.key);
  v("attribute", x.attribute);
  v("to", x.to);
  v("reason", x.reason);
  v("variable", x.variable);
  v("from", x.from);
}

template <class V, Is<ConfigRewrite> T>
void fields(V& v, T& x) {
  v("config", x.config);
  v("moves", x.moves);
  v("changes", x.changes);
  v("secret_folder", x.secret_folder);
  v("builders", x.builders);
  v("json", x.json);
}

template <class V, Is<BuildPlan> T>
void fields(V& v, T& x) {
  v("from_source", x.from_source);
  v("sdk_image", x.sdk_image);
  v("solution", x.solution);
  v("project", x.project);
  v("context_folder", x.context_folder);
  v("copy_from", x.copy_from);
  v("app_dir", x.app_dir);
  v("dotnet_sdk", x.dotnet_sdk);
  v("web_publish", x.web_publish);
  v("target_framework", x.target_framework);
  v.topics({"context"});
  v("copies", x.copies);
  v("context_written", x.context_written);
  v("context_summary", x.context_summary);
}

template <class V, Is<HttpCheck> T>
void fields(V& v, T& x) {
  v("path", x.path);
  v("port", x.port);
}

template <class V, Is<HealthPlan> T>
void fields(V& v, T& x) {
  v("used", x.used);
  v("readiness", x.readiness);
  v("liveness", x.liveness);
}

template <class V, Is<ResourcePlan> T>
void fields(V& v, T& x) {
  v("cpu_request", x.cpu_request);
  v("memory_request", x.memory_request);
  v("cpu_limit", x.cpu_limit);
  v("memory_limit", x.memory_limit);
}

template <class V, Is<EnvironmentPlan> T>
void fields(V& v, T& x) {
  v("ingress_host", x.ingress_host);
  v("gmsa_credential_spec", x.gmsa_credential_spec);
  v("storage_class", x.storage_class);
}

template <class V, Is<NamedEnvironmentPlan> T>
void fields(V& v, T& x) {
  v("name", x.name);
  v("values", x.values);
}

template <class V, Is<Environments> T>
void fields(V& v, T& x) {
  v("dev", x.dev);
  v("prod", x.prod);
  v("more", x.more);
}

template <class V, Is<Blocker> T>
void fields(V& v, T& x) {
  v("rule", x.rule);
  v("title", x.title);
  v("evidence", x.evidence);
  v("workaround", x.workaround);
}

template <class V, Is<Finding> T>
void fields(V& v, T& x) {
  v("rule", x.rule);
  v("severity", x.severity);
  v("title", x.title);
  v("evidence", x.evidence);
  v("remediation", x.remediation);
}

template <class V, Is<FixItem> T>
void fields(V& v, T& x) {
  v("finding", x.finding);
  v("covered", x.covered);
}

// Framework is not an aggregate (it has constructors); its four members are
// all here (kind, version, evidence, targets).
template <class V, Is<Framework> T>
void fields(V& v, T& x) {
  v("kind", x.kind);
  v("version", x.version);
  v("evidence", x.evidence);
  v("targets", x.targets);
}

template <class V, Is<AppPlan> T>
void fields(V& v, T& x) {
  v("app_id", x.app_id);
  v("app_name", x.app_name);
  v("folder", x.folder);
  v("k8s_name", x.k8s_name);
  v("source", x.source);
  v("root", x.root);
  v("kind", x.kind);
  v("framework", x.framework);
  v.topics({"verdict"});
  v("verdict", x.verdict);
  v("blocked", x.blocked);
  v("blockers", x.blockers);
  v("refusals", x.refusals);
  v.topics({"base image", "fonts"});
  v("base_image", x.base_image);
  v("base_tag", x.base_tag);
  v.topics({"fallback image"});
  v("fallback", x.fallback);
  v("fallback_steps", x.fallback_steps);
  v("fallback_image", x.fallback_image);
  v("nano_server", x.nano_server);
  v.topics({"Windows Server version"});
  v("windows_version", x.windows_version);
  v("windows_build", x.windows_build);
  v.topics({"isolation"});
  v("isolation", x.isolation);
  v("orchestrator", x.orchestrator);
  v("registry", x.registry);
  v.topics({"build", "url-reservations"});
  v("build", x.build);
  v("steps", x.steps);
  v.topics({"Visual C++ runtime", "COM registration"});
  v("installs", x.installs);
  v("post_copy_steps", x.post_copy_steps);
  v.topics({"entrypoint"});
  v("entry_kind", x.entry_kind);
  v("app_exe", x.app_exe);
  v("entry_exe", x.entry_exe);
  v("entry_args", x.entry_args);
  v.topics({"service"});
  v("service_name", x.service_name);
  v("download_service_monitor", x.download_service_monitor);
  v.topics({"user"});
  v("user", x.user);
  v.topics({"health"});
  v("health_command", x.health_command);
  v.topics({"logging"});
  v("log_monitor", x.log_monitor);
  v.topics({"ports", "TLS"});
  v("ports", x.ports);
  v.topics({"storage"});
  v("volumes", x.volumes);
  v.topics({"configuration"});
  v("config", x.config);
  v("secrets", x.secrets);
  v("config_rewrites", x.config_rewrites);
  v("secret_mount", x.secret_mount);
  v("url_path", x.url_path);
  v.topics({"health checks"});
  v("health", x.health);
  v("https", x.https);
  v("web", x.web);
  v.topics({"scale"});
  v("replicas", x.replicas);
  v("autoscale", x.autoscale);
  v.topics({"resources"});
  v("resources", x.resources);
  v.topics({"schedule"});
  v("schedule", x.schedule);
  v("schedule_text", x.schedule_text);
  v("schedules", x.schedules);
  v.topics({"identity"});
  v("gmsa", x.gmsa);
  v("gmsa_account", x.gmsa_account);
  v("domain", x.domain);
  v.topics({"ingress"});
  v("ingress_host", x.ingress_host);
  v.topics({"environments"});
  v("environments", x.environments);
  v.topics({"MSMQ"});
  v("msmq", x.msmq);
  v.topics({"MSDTC"});
  v("msdtc", x.msdtc);
  v("hostname", x.hostname);
  v("pipelines", x.pipelines);
  v("decisions", x.decisions);
  v("warnings", x.warnings);
  v("to_fix", x.to_fix);
}

// A visitor of any field, for the concept below (never defined).
struct AnyVisitor {
  template <class T>
  void operator()(const char* key, T& member);
  void topics(std::initializer_list<const char*> topics);
};

template <class V, Is<PlanDisk> T>
void fields(V& v, T& x) {
  v("source", x.source);
  v("path", x.path);
  v("letter", x.letter);
  v("drives", x.drives);
}

template <class V, Is<Plan> T>
void fields(V& v, T& x) {
  v("options", x.options);
  v("refusals", x.refusals);
  v("disks", x.disks);
  v("apps", x.apps);
}

// True for the structs above (a nested map in the plan file).
template <class T>
concept HasFields = requires(AnyVisitor& v, T& t) {
  fields(v, t);
};

}  // namespace liftshift::plan_fields
