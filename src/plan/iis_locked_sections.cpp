// The sections a site's own web.configs set that the IIS of a fresh image
// locks (formats/iis_locked_sections): unlocked in the image, or the site
// answers HTTP 500.19; and the IIS features their settings need (Windows
// authentication is not in the IIS image). What the server's
// applicationHost.config set is set again at server level (iis_site.cpp),
// where no lock applies.
#include <map>
#include <set>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string_view base_of(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view folder_of(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

// A web.config IIS reads: not a transform, not a file another config includes.
bool site_web_config(const ConfigFacts& c) {
  return iequals(base_of(c.path), "web.config") && c.transform_of.empty() && c.included_by.empty();
}

// The element with its file: "Site/web.config <location path=\"admin\"> <basicAuthentication ...>".
std::string where(const ConfigFacts& c, const IisLockedSection& s) {
  return printable(c.path) +
         (s.location.empty() ? "" : " <location path=\"" + printable(s.location) + "\">") + " " +
         printable(s.element);
}

// The IIS feature a set section needs, "" when the image has it or the
// setting turns it off. An ipSecurity list without its module is ignored,
// not enforced: the restriction would silently fall away.
std::string_view feature_of(const IisLockedSection& s) {
  const std::string_view name = std::string_view(s.section).substr(s.section.rfind('/') + 1);
  if (name == "ipSecurity" || name == "dynamicIpSecurity") return "Web-IP-Security";
  if (!s.enabled.value_or(false)) return {};
  if (name == "windowsAuthentication") return "Web-Windows-Auth";
  if (name == "basicAuthentication") return "Web-Basic-Auth";
  if (name == "digestAuthentication") return "Web-Digest-Auth";
  if (name == "clientCertificateMappingAuthentication") return "Web-Client-Auth";
  if (name == "iisClientCertificateMappingAuthentication") return "Web-Cert-Auth";
  return {};
}

}  // namespace

bool web_config_enables_windows_auth(const Application& app) {
  for (const auto& c : app.configs) {
    if (!site_web_config(c)) continue;
    for (const auto& s : c.iis_locked_sections) {
      if (s.enabled.value_or(false) && base_of(s.section) == "windowsAuthentication") return true;
    }
  }
  return false;
}

LockedSectionsPlan plan_locked_sections(const Application& app, AppPlan& plan) {
  LockedSectionsPlan out;
  std::vector<std::string> sections;          // in the order first met
  std::map<std::string, std::string> set_by;  // section -> the first element setting it
  std::set<std::string> features;
  for (const auto& c : app.configs) {
    if (!site_web_config(c)) continue;
    for (const auto& s : c.iis_locked_sections) {
      if (set_by.emplace(s.section, where(c, s)).second) sections.push_back(s.section);
      if (std::string_view f = feature_of(s); !f.empty() && features.insert(std::string(f)).second)
        out.features.push_back({std::string(f), std::string(f) + " for " + where(c, s)});
      // Only the application's root web.config, outside a <location>, turns it off for its pages.
      if (base_of(s.section) == "anonymousAuthentication" && s.enabled == false &&
          s.location.empty() && iequals(folder_of(c.path), app.root))
        out.anonymous_off = true;
    }
  }
  if (sections.empty()) return out;
  std::string cmd;
  std::string list;
  for (const auto& section : sections) {
    // The section paths are liftshift's own (formats/iis_locked_sections), never the input's.
    cmd += (cmd.empty() ? "" : "; ") + std::string(kAppcmd) + " unlock config -section:" + section +
           std::string(kAppcmdCheck);
    list += (list.empty() ? "" : "; ") + set_by[section];
  }
  out.unlock = BuildStep{
      "Unlock the IIS sections the site's web.config sets, which a fresh IIS locks at server "
      "level (HTTP 500.19 otherwise): " +
          list,
      cmd};
  std::string choice;
  for (const auto& section : sections) choice += (choice.empty() ? "" : ", ") + section;
  decide(plan, "IIS section locks", "unlock " + choice,
         "the site's web.config sets them (" + list +
             ") and the IIS of the base image locks them at server level "
             "(overrideModeDefault=\"Deny\"): without `appcmd unlock config` every request "
             "fails with HTTP 500.19");
  return out;
}

}  // namespace liftshift
