// Rules from the seed's "How IIS works in a container vs. a VM": certificates,
// database connection strings, horizontal auto-scale.
#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

// Whether a project names the certificate file as its code-signing key.
bool signing_key(const Application& app, std::string_view path) {
  for (const auto& p : app.projects) {
    const auto slash = p.path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : p.path.substr(0, slash + 1);
    for (const auto& k : p.signing_key_files) {
      if (iequals(dir + k, path)) return true;
    }
  }
  return false;
}

}  // namespace

Evidence check_iis_certificate(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& m : app.markers) {
    if (m.category == MarkerCategory::kCertificate && !signing_key(app, m.path))
      out.push_back(m.path + ": " + m.detail);
  }
  if (app.iis) {
    for (const auto& b : app.iis->bindings) {
      if (b.protocol == "https") {
        out.push_back("IIS site " + app.iis->site + " has an https binding on port " +
                      std::to_string(b.port) + (b.host.empty() ? "" : " for " + b.host) +
                      (b.certificate_hash.empty()
                           ? ""
                           : " served with the local certificate " + b.certificate_hash));
      }
    }
  }
  for (const auto& c : app.configs) {
    for (const auto& e : c.endpoints) {
      if (istarts_with(e.address, "https://")) out.push_back(c.path + ": endpoint " + e.address);
    }
    for (const auto& b : c.bindings) {
      bool http = icontains(b.type, "HttpBinding");
      if (http && (iequals(b.security_mode, "Transport") ||
                   iequals(b.security_mode, "TransportWithMessageCredential"))) {
        out.push_back(c.path + ": " + b.type + (b.name.empty() ? "" : " '" + b.name + "'") +
                      " security mode=\"" + b.security_mode + "\" (HTTPS)");
      }
    }
  }
  return out;
}

Evidence check_connection_string(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    for (const auto& cs : c.connection_strings) {
      out.push_back(
          c.path + ": connectionStrings '" + cs.name + "'" +
          (cs.provider.empty() ? "" : " (" + cs.provider + ")") + ": " + cs.masked +
          (cs.had_secret ? " [password present: masked; move it to a secret store]" : ""));
    }
  }
  return out;
}

namespace {

std::string folder_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

bool session_off(std::string_view pages) { return iequals(trim(pages), "false"); }

}  // namespace

Evidence check_config_secret(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    if (c.machine_key_explicit) {
      out.push_back(c.path +
                    ": machineKey with explicit validationKey/decryptionKey (a secret; being "
                    "explicit, it lets instances share view state and authentication cookies: "
                    "give every instance the same key from the secret store)");
    }
    if (c.forms_credentials && c.forms_credentials->passwords) {
      const auto& fc = *c.forms_credentials;
      out.push_back(c.path + ": system.web/authentication/forms/credentials passwordFormat=\"" +
                    (fc.password_format.empty() ? "Clear" : fc.password_format) + "\" lists " +
                    std::to_string(fc.users.size()) +
                    " user(s) with their passwords (a secret: forms logins are checked against "
                    "the config; move the section to the secret store)");
    }
    for (const auto& kv : c.app_settings) {
      if (kv.secret_value) {
        out.push_back(c.path + (iends_with(c.path, ".json") ? ": setting '" : ": appSettings '") +
                      kv.key + "' holds a secret (" + kv.value + ")");
      }
    }
  }
  return out;
}

Evidence check_config_transform(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    if (c.transform_of.empty()) continue;
    for (const auto& t : c.transform_changes) {
      out.push_back(c.path + ": the release build changes " + t.section +
                    (t.name.empty() ? "" : " '" + t.name + "'") + " of " + c.transform_of + " (" +
                    t.transform + ")");
    }
  }
  return out;
}

namespace {

// What in a web application depends on one machine's state, each with its
// evidence: the session, and what the machineKey signs or encrypts.
struct StateDependence {
  Evidence session;  // Session access, handlers that require it, pages that turn it on
  // MVC controllers' session use (compiled): pages' enableSessionState="false"
  // does not reach it, as it does WebForms pages and their code.
  Evidence session_code;
  Evidence machine_keyed;  // forms-authentication tickets, view state, anti-forgery tokens
};

bool session_token(std::string_view t) {
  return istarts_with(t, "Session") || istarts_with(t, "IRequiresSessionState");
}

StateDependence state_dependence(const Application& app, const ConfigFacts& main) {
  StateDependence d;
  bool webforms = false;
  for (const auto& f : source_facts(app, SourceCategory::kServerState)) {
    const std::string& token = f.first->text;
    if (session_token(token)) {
      d.session.push_back(f.line + " (session state)");
    } else if (icontains(token, "FormsAuthentication")) {
      d.machine_keyed.push_back(f.line + " (issues a forms-authentication ticket)");
    } else if (icontains(token, "AntiForgery")) {
      d.machine_keyed.push_back(f.line + " (anti-forgery token)");
    } else {
      webforms = true;
      d.machine_keyed.push_back(f.line + " (WebForms view state)");
    }
  }
  for (const auto& m : app.markers) {
    if (m.category != MarkerCategory::kWebContent || !iends_with(m.path, ".aspx")) continue;
    webforms = true;
    d.machine_keyed.push_back(m.path + ": " + m.detail + " (WebForms page: view state)");
    break;
  }
  append(d.session, refs_member(app, "System.Web.SessionState.HttpSessionState::"));
  // MVC: Controller.Session and HttpSessionStateBase's indexer.
  for (std::string_view member :
       {"System.Web.Mvc.Controller::get_Session", "System.Web.HttpSessionStateBase::get_Item",
        "System.Web.HttpSessionStateBase::set_Item"})
    append(d.session_code, refs_member(app, member));
  append(d.session, d.session_code);
  // A published site's code-behind: pages derive from System.Web.UI.Page.
  if (Evidence page = refs_type(app, "System.Web.UI.Page", {"System.Web"}); !page.empty()) {
    webforms = true;
    d.machine_keyed.push_back(page.front() + " (WebForms view state)");
  }
  append(d.machine_keyed,
         refs_member(app, "System.Web.Security.FormsAuthentication::SetAuthCookie"));
  append(d.machine_keyed,
         refs_member(app, "System.Web.Security.FormsAuthentication::RedirectFromLoginPage"));
  append(d.machine_keyed,
         refs_type(app, "System.Web.Helpers.AntiForgery", {"System.Web.WebPages"}));
  append(d.machine_keyed,
         refs_type(app, "System.Web.Mvc.ValidateAntiForgeryTokenAttribute", {"System.Web.Mvc"}));
  for (const auto& c : app.configs) {
    if (iequals(c.authentication_mode, "Forms"))
      d.machine_keyed.push_back(c.path +
                                ": <authentication mode=\"Forms\"> (issues forms-authentication "
                                "tickets)");
  }
  // WebForms pages have the session unless the site turns it off; a folder
  // that turns it on again uses it there.
  if (webforms && !session_off(main.pages_session_state))
    d.session.push_back(main.path + ": WebForms pages with session state enabled (the default)");
  for (const auto& c : app.configs) {
    if (!c.pages_session_state.empty() && !session_off(c.pages_session_state) &&
        !iequals(c.pages_session_state, "ReadOnly") && &c != &main)
      d.session.push_back(c.path + ": <pages enableSessionState=\"" + c.pages_session_state +
                          "\">");
  }
  return d;
}

}  // namespace

// Fires only for what depends on one machine's state: a site that uses no
// session and signs nothing with the machineKey scales out as it is.
Evidence check_scale_out_state(const Application& app, RuleResults& /*results*/) {
  if (app.kind != AppKind::kWeb && app.kind != AppKind::kWcf) return {};
  Evidence out;
  // The site's own config: the one with system.web nearest the app's root.
  const ConfigFacts* main = nullptr;
  for (const auto& c : app.configs) {
    if (!c.has_system_web) continue;
    if (main == nullptr || folder_of(c.path).size() < folder_of(main->path).size()) main = &c;
  }
  if (main == nullptr) return out;
  const StateDependence uses = state_dependence(app, *main);
  const std::string root = folder_of(main->path);
  bool session_configured = false;
  bool machine_key = false;
  for (const auto& c : app.configs) {
    machine_key = machine_key || c.machine_key_explicit;
    if (!c.session_state_mode.empty()) {
      session_configured = true;
      if (iequals(c.session_state_mode, "InProc")) {
        out.push_back(c.path +
                      ": sessionState mode=\"InProc\" (sessions live in one worker process)");
      }
    }
  }
  const bool in_proc = !session_configured || !out.empty();
  if (uses.session.empty()) {
    out.clear();  // no code or page uses the session: where it lives does not matter
  } else if (in_proc && session_off(main->pages_session_state)) {
    // Pages have no session by default; only folders that turn it on again
    // use it, and MVC controllers, which the pages setting does not reach.
    out.clear();
    std::vector<std::string> areas;
    for (const auto& c : app.configs) {
      if (&c == main || c.pages_session_state.empty() || session_off(c.pages_session_state))
        continue;
      const std::string folder = folder_of(c.path);
      out.push_back(c.path + ": <pages enableSessionState=\"" + c.pages_session_state + "\">");
      // A folder below one already named is part of that area.
      const std::string area = istarts_with(folder, root) ? folder.substr(root.size()) : folder;
      areas.push_back(area);
    }
    std::string folders;
    for (const auto& a : areas) {
      bool below_another = false;
      for (const auto& b : areas) below_another = below_another || (a != b && istarts_with(a, b));
      if (!below_another) folders += (folders.empty() ? "" : ", ") + a;
    }
    const std::string mode = session_configured ? "InProc" : "InProc (the default)";
    if (!out.empty() && uses.session_code.empty()) {
      out.insert(out.begin(), main->path + ": <pages enableSessionState=\"false\"> for the site; " +
                                  mode + " session state applies to " + folders + " only");
    } else if (!uses.session_code.empty()) {
      out.insert(out.begin(), main->path +
                                  ": <pages enableSessionState=\"false\"> turns the session off "
                                  "for pages only; " +
                                  mode +
                                  " session state applies to the MVC controllers that use it" +
                                  (folders.empty() ? "" : " and to " + folders));
    }
  } else if (!session_configured && app.kind == AppKind::kWeb) {
    out.push_back(main->path +
                  ": no sessionState element: ASP.NET defaults to InProc session state");
  }
  // What uses the session, a few places (the rule's evidence stays short);
  // with the session off for pages, the controllers' use first.
  auto first_three = [](const Evidence& e) {
    return Evidence(e.begin(),
                    e.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, e.size())));
  };
  if (!out.empty()) {
    if (session_off(main->pages_session_state)) append(out, first_three(uses.session_code));
    append(out, first_three(uses.session));
  }
  if (!machine_key && !uses.machine_keyed.empty()) {
    out.push_back(
        main->path +
        ": no explicit machineKey: keys are auto-generated per machine, so what this site signs "
        "with them (" +
        uses.machine_keyed.front() + ") fails on another instance");
  }
  return out;
}

// Classic ASP: the pages (or IIS's handler for them) and what they need in
// the image: the Web-ASP feature, the COM components they create, the
// databases their ADO connections name.
Evidence check_classic_asp(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  if (app.framework.kind == FrameworkKind::kClassicAsp && !app.framework.evidence.empty())
    out.push_back(app.framework.evidence + ": needs IIS's ASP feature (Web-ASP)");
  for (const auto& m : iis_module_uses(app)) {
    if (m.module == "classic-asp" && out.empty())
      out.push_back(m.evidence + ": needs IIS's ASP feature (Web-ASP)");
  }
  if (out.empty()) return out;
  for (const auto& line : asp_com_components(app, ComOrigin::kWindows))
    out.push_back(line + ": a COM component Windows ships (present in the image)");
  for (const auto& line : asp_com_components(app, ComOrigin::kWindowsNotInCoreVerified)) {
    out.push_back(line +
                  ": a COM component of Windows that Server Core may lack (not verified here): "
                  "test that CreateObject succeeds in the image");
  }
  for (const auto& line : asp_com_components(app, ComOrigin::kThirdParty)) {
    out.push_back(line +
                  ": a COM component not known to be part of Windows: check it is in the image, "
                  "else install and register it there (third-party-framework)");
  }
  // One line per connection string: an include file's string repeated in
  // every page that copies it is one server to reach.
  for (const auto& f : source_facts(app, SourceCategory::kAspConnection)) {
    const SourceHit& h = *f.first;
    std::string line = h.file + ":" + std::to_string(h.line) + ": ADO connection string '" +
                       h.text + "': its server must be reachable from the container" +
                       and_more(f.other_files, "file", "files");
    out.push_back(std::move(line));
  }
  return out;
}

// PHP through FastCGI, Node.js through iisnode: a runtime the IIS image lacks.
Evidence check_iis_script_runtime(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& m : iis_module_uses(app)) {
    if (m.module != "fastcgi" && m.module != "iisnode") continue;
    out.push_back(m.evidence + (m.module == "iisnode"
                                    ? ": Node.js and iisnode must be installed in the image"
                                    : ": the FastCGI runtime must be installed in the image "
                                      "and registered with IIS (Web-CGI)"));
  }
  return out;
}

}  // namespace liftshift
