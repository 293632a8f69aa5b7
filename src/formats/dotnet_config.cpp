#include "formats/dotnet_config.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <vector>

#include "core/text.hpp"
#include "formats/connection_string.hpp"
#include "formats/format_util.hpp"
#include "formats/iis_locked_sections.hpp"
#include "formats/iis_modules.hpp"

namespace liftshift {

namespace {

using fmt_util::add_unique;
using fmt_util::attr;
using fmt_util::attr_value;
using fmt_util::child;
using fmt_util::local_name;
using fmt_util::name_is;

// Elements whose presence among the ancestors changes how a node is read.
enum Tag : std::uint8_t {
  kOther,
  kConnectionStrings,
  kAppSettings,
  kSystemWeb,
  kServiceModel,
  kBindings,
  kClient,
  kService,
  kLog4net,
  kNlog,
  kSystemDiagnostics,
  kListeners,
  kLocation,
  kStartup,
  kElmah,
  kTagCount
};

Tag classify(std::string_view local) {
  struct Entry {
    std::string_view name;
    Tag tag;
  };
  static constexpr std::array<Entry, 15> kTags = {{{"connectionStrings", kConnectionStrings},
                                                   {"appSettings", kAppSettings},
                                                   {"system.web", kSystemWeb},
                                                   {"system.serviceModel", kServiceModel},
                                                   {"bindings", kBindings},
                                                   {"client", kClient},
                                                   {"service", kService},
                                                   {"log4net", kLog4net},
                                                   {"nlog", kNlog},
                                                   {"system.diagnostics", kSystemDiagnostics},
                                                   {"listeners", kListeners},
                                                   {"sharedListeners", kListeners},
                                                   {"location", kLocation},
                                                   {"startup", kStartup},
                                                   {"elmah", kElmah}}};
  for (const Entry& e : kTags) {
    if (iequals(local, e.name)) return e.tag;
  }
  return kOther;
}

bool is_true(std::string_view v) { return iequals(trim(v), "true"); }

// An algorithm name as machineKey writes it ("SHA1", "HMACSHA256", "AES",
// "alg:HMACSHA512"); anything else is dropped rather than carried on.
std::string algorithm_name(std::string_view v) {
  std::string t = trim(v);
  if (t.empty() || t.size() > 40) return "";
  for (char c : t) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != ':' && c != '-' && c != '_')
      return "";
  }
  return t;
}

// App settings whose key says the value is secret.
bool secret_setting_key(std::string_view key) {
  return icontains(key, "password") || icontains(key, "pwd") || icontains(key, "secret") ||
         icontains(key, "key") || icontains(key, "token") || is_secret_key(key);
}

// "4.7.2" / "v4.7.2" -> ".NETFramework,Version=v4.7.2"; monikers kept as written.
std::string framework_moniker(std::string_view v) {
  std::string t = trim(v);
  if (t.empty() || istarts_with(t, ".NET")) return t;
  if (t[0] == 'v' || t[0] == 'V') t.erase(0, 1);
  return ".NETFramework,Version=v" + t;
}

class ConfigReader {
 public:
  explicit ConfigReader(ConfigFacts& f) : f_(f) {}

  void walk(const pugi::xml_document& doc) {
    pugi::xml_node n = doc.first_child();
    while (n) {
      if (n.type() == pugi::node_element) {
        const Tag tag = classify(local_name(n.name()));
        element(n, tag);
        if (n.first_child()) {
          stack_.push_back(tag);
          ++counts_[tag];
          n = n.first_child();
          continue;
        }
      } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        text(n);
      }
      while (n && !n.next_sibling()) {
        n = n.parent();
        if (!n || n.type() == pugi::node_document) return;
        if (--counts_[stack_.back()] == 0 && (stack_.back() == kLog4net || stack_.back() == kNlog))
          finish();
        stack_.pop_back();
      }
      if (n) n = n.next_sibling();
    }
  }

  // Reads what follows as if inside these elements: an included file's
  // section, whose groups are in the config that names it.
  void enter(std::string_view group) {
    const Tag tag = classify(group);
    if (tag == kSystemWeb) f_.has_system_web = true;
    if (tag == kServiceModel) f_.has_service_model = true;
    stack_.push_back(tag);
    ++counts_[tag];
  }

 private:
  [[nodiscard]] bool inside(Tag t) const { return counts_[t] > 0; }
  [[nodiscard]] Tag parent() const { return stack_.empty() ? kOther : stack_.back(); }

  // A field filled by the first value seen, except that a value outside any
  // <location> replaces one read inside a <location>.
  struct Slot {
    bool set = false;
    bool from_location = false;
  };
  void assign(std::string& field, Slot& slot, std::string value) {
    const bool in_location = inside(kLocation);
    if (slot.set && !(slot.from_location && !in_location)) return;
    field = std::move(value);
    slot.set = true;
    slot.from_location = in_location;
  }

  void element(const pugi::xml_node& n, Tag tag) {
    const std::string_view name = local_name(n.name());
    if (tag == kSystemWeb) f_.has_system_web = true;
    if (tag == kServiceModel) f_.has_service_model = true;

    if (pugi::xml_attribute cs = attr(n, "configSource"))
      include(section_path(n), "configSource", cs.value());
    if (tag == kAppSettings) {
      if (pugi::xml_attribute file = attr(n, "file")) include(name, "file", file.value());
    }
    if (inside(kNlog) && iequals(name, "include"))
      include("nlog include", "file", attr_value(n, "file"));
    if (inside(kElmah) && iequals(name, "errorLog")) elmah_error_log(n);
    const pugi::xml_attribute xdt_transform = xdt_attr(n, "Transform");
    if (xdt_transform) transform(n, name, xdt_transform.value());

    bool secret_values = false;  // skip this element's values in the path scan
    const Tag up = parent();
    // A transform's <add xdt:Transform="Remove"> names an entry the release drops: no value.
    const bool removed = istarts_with(xdt_transform.value(), "Remove");
    if (!removed && up == kConnectionStrings && iequals(name, "add")) {
      f_.connection_strings.push_back(parse_connection_string(attr_value(n, "name"),
                                                              attr_value(n, "providerName"),
                                                              attr(n, "connectionString").value()));
    } else if (!removed && up == kAppSettings && iequals(name, "add")) {
      KeyValue kv;
      kv.key = attr_value(n, "key");
      const std::string value = attr(n, "value").value();
      kv.secret_value = secret_shaped_value(value);
      if (kv.secret_value && !secret_setting_key(kv.key) && value.find(';') == std::string::npos) {
        kv.value = std::string(kMask);  // a bare key or token
        secret_values = true;
      } else if (secret_setting_key(kv.key)) {
        kv.value = value.empty() ? std::string() : std::string(kMask);
        secret_values = true;
      } else {
        kv.value = mask_secrets(value);
      }
      if (!secret_values) path_setting(n.parent(), attr_value(n, "key"), "value", value, false);
      kv.key = mask_secret_text(kv.key);
      f_.app_settings.push_back(std::move(kv));
    } else if (inside(kSystemWeb)) {
      system_web(n, name);
    } else if (inside(kStartup) && iequals(name, "supportedRuntime")) {
      // The first supportedRuntime is the preferred one; its sku names the
      // framework version the program was built for.
      const bool preferred = f_.supported_runtimes.empty();
      add_unique(f_.supported_runtimes, attr_value(n, "version"));
      const std::string sku = attr_value(n, "sku");
      if (preferred && !sku.empty()) set_framework(3, framework_moniker(sku));
    }

    if (iequals(name, "setting")) typed_setting(n);
    if (inside(kServiceModel)) service_model(n, name);
    if (inside(kLog4net) && iequals(name, "appender")) log4net_appender(n);
    if (inside(kLog4net) && iequals(name, "appender-ref"))
      appender_refs_.insert(attr_value(n, "ref"));
    if (inside(kNlog) && iequals(name, "target")) nlog_target(n);
    if (inside(kNlog) && iequals(name, "logger")) {
      nlog_rules_ = true;
      for (auto& t : split(attr_value(n, "writeTo"), ',')) nlog_refs_.insert(to_lower(trim(t)));
    }
    if (inside(kSystemDiagnostics) && up == kListeners && iequals(name, "add")) listener(n);
    if (iequals(name, "add") &&
        (iends_with(attr_value(n, "path"), ".svc") || iequals(attr_value(n, "extension"), ".svc")))
      f_.has_service_host_activation = true;

    // Paths and LDAP URLs in any attribute value.
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      if (is_secret_key(local_name(a.name()))) continue;
      if (secret_values && iequals(local_name(a.name()), "value")) continue;
      scan_value(a.value(), [&] { return setting_of(n, local_name(a.name())); });
    }
  }

  // Names the setting a value sits in, for evidence: the nearest element
  // (this one or an ancestor) with a key or name attribute, as
  // "<element> '<key>'" ("add" is named by its section: "appSettings
  // 'UploadRoot'"), then the attribute unless it is the plain "value".
  static std::string setting_of(pugi::xml_node n, std::string_view attribute) {
    std::string where;
    for (pugi::xml_node e = n; e && e.type() == pugi::node_element; e = e.parent()) {
      std::string id = attr_value(e, "key");
      if (id.empty()) id = attr_value(e, "name");
      if (id.empty()) continue;
      std::string element(local_name(e.name()));
      if (iequals(element, "add") && e.parent().type() == pugi::node_element) {
        element = std::string(local_name(e.parent().name()));
      }
      where = element + " '" + mask_secret_text(id) + "'";
      if (e != n) where += " " + std::string(local_name(n.name()));
      break;
    }
    if (where.empty()) where = std::string(local_name(n.name()));
    if (!attribute.empty() && !iequals(attribute, "value")) where += " " + std::string(attribute);
    return printable(where);
  }

  void text(const pugi::xml_node& t) {
    const pugi::xml_node owner = t.parent();
    if (is_secret_key(attr_value(owner, "name")) || is_secret_key(attr_value(owner, "key")) ||
        is_secret_key(local_name(owner.name())))
      return;
    const pugi::xml_node setting = owner.parent();  // <setting name="X"><value>...</value>
    if (name_is(owner, "value") && is_secret_key(attr_value(setting, "name"))) return;
    scan_value(t.value(), [&] { return setting_of(owner, ""); });
  }

  // A whole value on a drive other than C: ("D:\\Logs\\app.log", "e:/data").
  static bool other_drive_path(std::string_view v) {
    if (v.size() < 3 || v[1] != ':' || (v[2] != '\\' && v[2] != '/')) return false;
    const char d = static_cast<char>(std::tolower(static_cast<unsigned char>(v[0])));
    return d >= 'a' && d <= 'z' && d != 'c';
  }

  // The element path of `section` as PathSetting::section has it; "" when a
  // sibling of the same name comes before it or one of its ancestors (the
  // path would name that one instead).
  static std::string element_path(pugi::xml_node section) {
    std::vector<std::string> names;
    for (pugi::xml_node e = section; e && e.type() == pugi::node_element; e = e.parent()) {
      if (e.previous_sibling(e.name())) return "";
      names.emplace_back(e.name());
    }
    if (!names.empty() && names.back() == "configuration") names.pop_back();
    std::string out;
    for (auto it = names.rbegin(); it != names.rend(); ++it) out += (out.empty() ? "" : "/") + *it;
    return out;
  }

  // Records a value that is a whole path on another drive with its place;
  // a value the masking would change, or one inside <location>, is not kept.
  void path_setting(const pugi::xml_node& section, const std::string& key,
                    const std::string& attribute, std::string_view value, bool log) {
    if (f_.path_settings.size() >= 1000 || inside(kLocation) || !other_drive_path(value)) return;
    const std::string v(value);
    if (mask_secret_text(v) != v || mask_secret_text(key) != key) return;
    std::string where = element_path(section);
    if (where.empty()) return;
    f_.path_settings.push_back({std::move(where), key, attribute, v, log});
  }

  // <applicationSettings>/<userSettings>: <Group><setting name="X"><value>D:\\..</value>.
  void typed_setting(const pugi::xml_node& n) {
    const pugi::xml_node group = n.parent();
    const pugi::xml_node top = group.parent();
    if (!name_is(top, "applicationSettings") && !name_is(top, "userSettings")) return;
    const std::string key = attr_value(n, "name");
    if (key.empty() || is_secret_key(key)) return;
    const pugi::xml_node value = child(n, "value");
    pugi::xml_node text = value.first_child();
    if (!text || text.next_sibling() || text.type() != pugi::node_pcdata) return;
    path_setting(group, key, "value", text.value(), false);
  }

  // where() names the setting; called only when the value holds a new path.
  template <typename Where>
  void scan_value(std::string_view raw, Where where) {
    if (raw.empty()) return;
    const std::string v = mask_secrets(raw);
    std::size_t known = f_.drive_paths.size();
    fmt_util::find_foreign_paths(v, f_.drive_paths);
    if (f_.drive_paths.size() > known) {
      std::string setting = where();
      for (std::size_t i = known; i < f_.drive_paths.size(); ++i) {
        f_.drive_path_settings.emplace(f_.drive_paths[i], setting);
      }
    }
    std::vector<std::string> ldap;
    fmt_util::find_ldap_urls(v, ldap);
    for (std::string& u : ldap) add_unique(f_.ldap_paths, mask_secret_text(u));
  }

  // A section's name with the groups it sits in ("system.serviceModel/services"),
  // so that its file, which holds the section alone, is read in its place;
  // <configuration> and <location> are not part of it.
  static std::string section_path(const pugi::xml_node& n) {
    std::string out(local_name(n.name()));
    int depth = 0;
    for (pugi::xml_node p = n.parent(); p && p.type() == pugi::node_element && depth < 8;
         p = p.parent(), ++depth) {
      const std::string_view group = local_name(p.name());
      if (iequals(group, "configuration") || iequals(group, "location")) continue;
      out = std::string(group) + "/" + out;
    }
    return out;
  }

  void include(std::string_view section, std::string_view attribute, std::string_view file) {
    if (trim(file).empty() || f_.includes.size() >= 64) return;
    f_.includes.push_back(
        {std::string(section), std::string(attribute), printable(mask_secret_text(trim(file)))});
  }

  // Elmah keeps its errors as XML files in logPath (XmlFileErrorLog) or in
  // the database its connectionStringName names (SqlErrorLog): the first is
  // a log folder, the second a connection string judged with the others.
  void elmah_error_log(const pugi::xml_node& n) {
    const std::string folder = attr_value(n, "logPath");
    if (folder.empty()) return;
    path_setting(n, "", "logPath", attr(n, "logPath").value(), true);
    std::string path = mask_secret_text(folder);
    while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.pop_back();
    add_unique(f_.log_paths, printable(path) + "\\error-*.xml");
  }

  // The xdt: attribute (namespace http://schemas.microsoft.com/XML-Document-Transform)
  // of a transform file, by its prefix-free name.
  static pugi::xml_attribute xdt_attr(const pugi::xml_node& n, std::string_view local) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      std::string_view name = a.name();
      auto colon = name.find(':');
      if (colon != std::string_view::npos && iequals(name.substr(colon + 1), local) &&
          istarts_with(name, "xdt"))
        return a;
    }
    return {};
  }

  // A value the transform changes: what section and entry, and how.
  void transform(const pugi::xml_node& n, std::string_view name, std::string_view how) {
    if (f_.transform_changes.size() >= 1000) return;
    TransformChange c;
    const pugi::xml_node section = iequals(name, "add") || iequals(name, "remove") ? n.parent() : n;
    c.section = printable(local_name(section.name()));
    std::string id = attr_value(n, "name");
    if (id.empty()) id = attr_value(n, "key");
    c.name = printable(mask_secret_text(id));
    c.transform = printable(mask_secret_text(trim(how)));
    f_.transform_changes.push_back(std::move(c));
  }

  void set_framework(int rank, std::string value) {
    if (value.empty() || rank >= framework_rank_) return;
    framework_rank_ = rank;
    f_.target_framework = std::move(value);
  }

  void system_web(const pugi::xml_node& n, std::string_view name) {
    if (iequals(name, "authentication")) {
      std::string mode = attr_value(n, "mode");
      assign(f_.authentication_mode, auth_slot_, mode.empty() ? "Windows" : mode);
    } else if (iequals(name, "identity")) {
      if (is_true(attr_value(n, "impersonate"))) f_.impersonate = true;
    } else if (iequals(name, "sessionState")) {
      std::string mode = attr_value(n, "mode");
      assign(f_.session_state_mode, session_slot_, mode.empty() ? "InProc" : mode);
    } else if (iequals(name, "pages")) {
      if (pugi::xml_attribute a = attr(n, "enableSessionState"))
        assign(f_.pages_session_state, pages_slot_, trim(a.value()));
    } else if (iequals(name, "machineKey")) {
      f_.machine_key_present = true;
      for (std::string_view key : {"validationKey", "decryptionKey"}) {
        const std::string v = attr_value(n, key);
        if (!v.empty() && !istarts_with(v, "AutoGenerate")) f_.machine_key_explicit = true;
      }
      f_.machine_key_validation = algorithm_name(attr_value(n, "validation"));
      f_.machine_key_decryption = algorithm_name(attr_value(n, "decryption"));
    } else if (iequals(name, "user") && !inside(kLocation)) {
      forms_user(n);
    } else if (iequals(name, "httpRuntime")) {
      set_framework(1, framework_moniker(attr_value(n, "targetFramework")));
    } else if (iequals(name, "compilation")) {
      set_framework(2, framework_moniker(attr_value(n, "targetFramework")));
    }
  }

  // A <user> of system.web/authentication/forms/credentials: forms
  // authentication checks its name and password against the config.
  void forms_user(const pugi::xml_node& n) {
    const pugi::xml_node credentials = n.parent();
    const pugi::xml_node forms = credentials.parent();
    const pugi::xml_node authentication = forms.parent();
    if (!name_is(credentials, "credentials") || !name_is(forms, "forms") ||
        !name_is(authentication, "authentication") ||
        !name_is(authentication.parent(), "system.web"))
      return;
    if (!f_.forms_credentials) {
      FormsCredentials fc;
      fc.password_format = printable(trim(attr_value(credentials, "passwordFormat")));
      for (pugi::xml_attribute a = forms.first_attribute(); a; a = a.next_attribute()) {
        if (fc.forms_attributes.size() >= 32) break;
        fc.forms_attributes.emplace_back(printable(local_name(a.name())),
                                         printable(mask_secret_text(a.value())));
      }
      f_.forms_credentials = std::move(fc);
    }
    FormsCredentials& fc = *f_.forms_credentials;
    if (!attr_value(n, "password").empty()) fc.passwords = true;
    if (fc.users.size() < kMaxFormsUsers)
      fc.users.push_back(printable(mask_secret_text(attr_value(n, "name"))));
  }

  void service_model(const pugi::xml_node& n, std::string_view name) {
    if (iequals(name, "serviceHostingEnvironment")) f_.has_service_host_activation = true;
    if (iequals(name, "add") && attr(n, "baseAddress"))
      f_.base_addresses.push_back(mask_secret_text(attr_value(n, "baseAddress")));
    if (parent() == kBindings) {
      for (pugi::xml_node b = n.first_child(); b; b = b.next_sibling()) {
        if (b.type() == pugi::node_element && name_is(b, "binding")) binding(name, b);
      }
    }
    if (iequals(name, "endpoint") && (parent() == kClient || parent() == kService)) {
      EndpointFacts e;
      e.client = parent() == kClient;
      e.address = mask_secret_text(attr_value(n, "address"));
      e.binding = attr_value(n, "binding");
      e.binding_configuration = attr_value(n, "bindingConfiguration");
      e.contract = attr_value(n, "contract");
      f_.endpoints.push_back(std::move(e));
    }
  }

  void binding(std::string_view type, const pugi::xml_node& b) {
    BindingFacts bf;
    bf.type = std::string(type);
    bf.name = attr_value(b, "name");
    auto read_msmq = [&bf](const pugi::xml_node& x) {
      if (pugi::xml_attribute a = attr(x, "useActiveDirectory"))
        bf.use_active_directory = is_true(a.value());
      if (pugi::xml_attribute a = attr(x, "exactlyOnce")) bf.exactly_once = is_true(a.value());
    };
    read_msmq(b);
    if (const pugi::xml_node sec = child(b, "security")) {
      bf.security_mode = attr_value(sec, "mode");
      const pugi::xml_node transport = child(sec, "transport");
      const pugi::xml_node message = child(sec, "message");
      bf.msmq_authentication = attr_value(transport, "msmqAuthenticationMode");
      bf.client_credential_type = attr_value(transport, "clientCredentialType");
      if (bf.client_credential_type.empty())
        bf.client_credential_type = attr_value(message, "clientCredentialType");
    }
    // customBinding: <msmqTransport useActiveDirectory=".."><msmqTransportSecurity .../>
    for (std::string_view element : {"msmqTransport", "msmqIntegration"}) {
      if (const pugi::xml_node t = child(b, element)) {
        read_msmq(t);
        if (const pugi::xml_node ts = child(t, "msmqTransportSecurity")) {
          bf.msmq_authentication = attr_value(ts, "msmqAuthenticationMode");
        }
      }
    }
    f_.bindings.push_back(std::move(bf));
  }

  // log4net writes only through appenders that a logger (or a forwarding
  // appender) references; an appender whose reference is commented out
  // writes nothing.
  struct Log4netAppender {
    std::string name;
    bool event_log = false;
    std::string target;  // event source or file
  };

 public:
  // Called when a <log4net> section ends (and at the end of the file).
  void finish() {
    for (Log4netAppender& a : appenders_) {
      if (!appender_refs_.contains(a.name)) continue;
      add_unique(a.event_log ? f_.event_log_sources : f_.log_paths, std::move(a.target));
    }
    appenders_.clear();
    appender_refs_.clear();
    // NLog writes through the targets its <rules> name (a wrapper's inner
    // targets through the wrapper); without rules, every target is kept
    // (rules may be added in code).
    for (NlogTarget& t : nlog_targets_) {
      if (nlog_rules_ && !nlog_refs_.contains(to_lower(t.name)) &&
          !nlog_refs_.contains(to_lower(t.wrapper)))
        continue;
      add_unique(t.event_log ? f_.event_log_sources : f_.log_paths, std::move(t.target));
    }
    nlog_targets_.clear();
    nlog_refs_.clear();
    nlog_rules_ = false;
  }

 private:
  void log4net_appender(const pugi::xml_node& a) {
    const std::string type = attr_value(a, "type");
    std::string file = attr_value(child(a, "file"), "value");
    std::string app_name = attr_value(child(a, "applicationName"), "value");
    for (pugi::xml_node p = a.first_child(); p; p = p.next_sibling()) {  // old <param name= value=>
      if (p.type() != pugi::node_element || !name_is(p, "param")) continue;
      if (iequals(attr_value(p, "name"), "File") && file.empty()) file = attr_value(p, "value");
      if (iequals(attr_value(p, "name"), "ApplicationName") && app_name.empty())
        app_name = attr_value(p, "value");
    }
    const std::string name = attr_value(a, "name");
    if (!file.empty() && !name.empty()) {
      // The value as written, where the rewrite will find it.
      std::string raw = attr(child(a, "file"), "value").value();
      for (pugi::xml_node p = a.first_child(); raw.empty() && p; p = p.next_sibling()) {
        if (p.type() == pugi::node_element && name_is(p, "param") &&
            iequals(attr_value(p, "name"), "File"))
          raw = attr(p, "value").value();
      }
      path_setting(a.parent(), name, "file", raw, true);
    }
    if (icontains(type, "EventLogAppender")) {
      appenders_.push_back({attr_value(a, "name"), true,
                            app_name.empty() ? std::string("(application name)") : app_name});
    } else if (!file.empty()) {
      appenders_.push_back({attr_value(a, "name"), false, mask_secret_text(file)});
    }
  }

  // NLog targets: File (fileName) and EventLog (source); a target inside a
  // wrapper (AsyncWrapper, BufferingWrapper...) is written through it.
  struct NlogTarget {
    std::string name;
    std::string wrapper;  // the outermost enclosing target's name, "" at top level
    bool event_log = false;
    std::string target;  // file or event source
  };

  void nlog_target(const pugi::xml_node& t) {
    std::string wrapper;
    for (pugi::xml_node p = t.parent(); p; p = p.parent()) {
      if (fmt_util::name_is(p, "target")) wrapper = attr_value(p, "name");
    }
    const std::string type = attr_value(t, "type");
    const std::string file = attr_value(t, "fileName");
    if (!file.empty() && (type.empty() || iequals(type, "File"))) {
      pugi::xml_node targets = t.parent();
      while (targets && !name_is(targets, "targets")) targets = targets.parent();
      const std::string name = attr_value(t, "name");
      if (targets && !name.empty())
        path_setting(targets, name, "fileName", attr(t, "fileName").value(), true);
      nlog_targets_.push_back({attr_value(t, "name"), wrapper, false, mask_secret_text(file)});
    }
    if (iequals(type, "EventLog")) {
      const std::string source = attr_value(t, "source");
      nlog_targets_.push_back({attr_value(t, "name"), wrapper, true,
                               source.empty() ? std::string("(application name)") : source});
    }
  }

  void listener(const pugi::xml_node& a) {
    const std::string type = attr_value(a, "type");
    const std::string data = attr_value(a, "initializeData");
    if (icontains(type, "EventLogTraceListener")) {
      add_unique(f_.event_log_sources, data.empty() ? std::string("(application name)") : data);
    } else if (icontains(type, "TextWriterTraceListener") ||
               icontains(type, "XmlWriterTraceListener") ||
               icontains(type, "DelimitedListTraceListener") ||
               icontains(type, "EventSchemaTraceListener")) {
      path_setting(a.parent(), attr_value(a, "name"), "initializeData",
                   attr(a, "initializeData").value(), true);
      add_unique(f_.log_paths, mask_secret_text(data));
    } else if (icontains(type, "FileLogTraceListener")) {
      std::string where = attr_value(a, "customLocation");
      if (where.empty()) where = attr_value(a, "baseFileName");
      add_unique(
          f_.log_paths,
          mask_secret_text(where.empty() ? std::string("(FileLogTraceListener default)") : where));
    }
  }

  ConfigFacts& f_;
  std::vector<Log4netAppender> appenders_;
  std::set<std::string> appender_refs_;
  std::vector<NlogTarget> nlog_targets_;
  std::set<std::string> nlog_refs_;
  bool nlog_rules_ = false;
  std::vector<Tag> stack_;
  std::array<std::size_t, kTagCount> counts_{};
  Slot auth_slot_;
  Slot session_slot_;
  Slot pages_slot_;
  int framework_rank_ = 99;
};

}  // namespace

Result<ConfigFacts> parse_dotnet_config(std::string_view xml_text, const std::string& path,
                                        std::string_view within) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return doc.error();
  ConfigFacts f;
  f.path = path;
  ConfigReader reader(f);
  for (std::size_t at = 0, n = 0; at < within.size() && n < 8; ++n) {
    std::size_t end = std::min(within.find('/', at), within.size());
    reader.enter(within.substr(at, end - at));
    at = end + 1;
  }
  reader.walk(**doc);
  reader.finish();
  // A site's web.config also says what it needs of IIS: read from the same document.
  const std::size_t slash = path.find_last_of("/\\");
  if (iequals(slash == std::string::npos ? std::string_view(path)
                                         : std::string_view(path).substr(slash + 1),
              "web.config")) {
    f.iis_modules = iis_modules_of_web_config(**doc, path);
    f.iis_locked_sections = iis_locked_sections_of_web_config(**doc);
  }
  return f;
}

}  // namespace liftshift
