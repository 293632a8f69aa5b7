// SARIF 2.1.0 for code-scanning tools: one run, the catalogue as the tool's
// rules, one result per finding (applications' and servers' own). Evidence
// that names a file in the source becomes a location relative to that
// source (a uriBaseId per source); the application is a logical location.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

using nlohmann::json;

namespace {

std::string sarif_level(Severity severity) {
  switch (severity) {
    case Severity::kBlocker:
      return "error";
    case Severity::kChange:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "none";
}

// RFC 3986: every byte but the unreserved characters and '/' percent-encoded.
std::string uri_escape(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    }
  }
  return out;
}

bool balanced_parentheses(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// The file an evidence line starts with ("ContosoWeb/Web.config: ..."), when
// it is a relative path inside the source; Windows paths of the original
// server and prose ("service X runs as ...") are not.
std::optional<std::string> evidence_path(const std::string& evidence) {
  auto colon = evidence.find(": ");
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string path = evidence.substr(0, colon);
  if (path.find_first_of("\\:*?\"<>|") != std::string::npos || path.front() == '/') {
    return std::nullopt;
  }
  auto segments = split(path, '/');
  if (segments.size() == 1 && (path.find(' ') != std::string::npos ||
                               path.find('.') == std::string::npos || path.front() == '.')) {
    return std::nullopt;  // one word without an extension: prose, not a file
  }
  for (const auto& segment : segments) {
    if (segment.empty() || segment == "." || segment == ".." || segment.front() == ' ' ||
        segment.back() == ' ' || !balanced_parentheses(segment)) {
      return std::nullopt;
    }
  }
  return path;
}

std::string file_uri_of_folder(const std::string& path) {
  std::filesystem::path p = std::filesystem::path(path);
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(p, ec);
  std::string text = (ec ? p : absolute).lexically_normal().generic_string();
  if (text.empty() || text.front() != '/') text.insert(0, 1, '/');
  if (text.back() != '/') text += '/';
  return "file://" + uri_escape(text);
}

json rule_json(const ReportRule& rule) {
  // No "name": SARIF wants it to differ from the id, and the title is the shortDescription.
  return {{"id", rule.id},
          {"shortDescription", {{"text", rule.title + "."}}},
          {"fullDescription", {{"text", rule.description}}},
          {"help", {{"text", rule.remediation}}},
          {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
          {"properties",
           {{"scope", rule.scope}, {"seedSection", rule.seed_section}, {"effort", rule.effort}}}};
}

std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

std::string message_text(const std::string& subject, const Finding& f) {
  std::string text = subject + ": " + f.title;
  if (!f.evidence.empty()) {
    text += ". Evidence: ";
    for (std::size_t i = 0; i < f.evidence.size(); ++i) {
      if (i > 0) text += "; ";
      text += f.evidence[i];
    }
  }
  return sentence(printable(text));
}

struct Subject {
  std::string name;         // what the result is about, for the message
  std::string qualified;    // machine/app id
  std::string kind;         // logical location kind, "" for none
  std::string uri_base;     // "SOURCE1", "" when unknown
  std::string fingerprint;  // stable across runs
  json properties;
};

json result_json(const Subject& subject, const Finding& f, const ReportContext& context) {
  json logical{{"name", subject.name}, {"fullyQualifiedName", subject.qualified}};
  if (!subject.kind.empty()) logical["kind"] = subject.kind;
  json locations = json::array();
  std::vector<std::string> seen;
  for (const auto& e : f.evidence) {
    auto path = evidence_path(e);
    if (!path || subject.uri_base.empty()) continue;
    if (std::find(seen.begin(), seen.end(), *path) != seen.end()) continue;
    seen.push_back(*path);
    locations.push_back(
        {{"physicalLocation",
          {{"artifactLocation", {{"uri", uri_escape(*path)}, {"uriBaseId", subject.uri_base}}}}},
         {"logicalLocations", json::array({logical})}});
  }
  if (locations.empty()) locations.push_back({{"logicalLocations", json::array({logical})}});
  json properties = subject.properties;
  properties["severity"] = to_string(f.severity);
  properties["effort"] = finding_points(context, f);
  properties["evidence"] = f.evidence;
  json result{{"ruleId", f.rule},
              {"level", sarif_level(f.severity)},
              {"message", {{"text", message_text(subject.name, f)}}},
              {"locations", locations},
              {"partialFingerprints",
               {{"liftshiftFinding/v1", sha256_hex(subject.fingerprint + "\n" + f.rule)}}},
              {"properties", properties}};
  for (std::size_t i = 0; i < context.rules.size(); ++i) {
    if (context.rules[i].id == f.rule) result["ruleIndex"] = i;
  }
  return result;
}

}  // namespace

json report_to_sarif(const Report& report, const ReportContext& context) {
  json rules = json::array();
  for (const auto& rule : context.rules) rules.push_back(rule_json(rule));

  json bases = json::object();
  std::map<std::string, std::string> base_of_identity;
  for (std::size_t i = 0; i < report.sources.size(); ++i) {
    const auto& s = report.sources[i];
    std::string id = "SOURCE" + std::to_string(i + 1);
    base_of_identity[s.identity] = id;
    bases[id] = {{"uri", file_uri_of_folder(s.path)},
                 {"description", {{"text", sentence(printable(s.kind + " " + s.path))}}}};
  }

  json results = json::array();
  for (const auto& app : report.apps) {
    auto base = base_of_identity.find(app.source_identity);
    Subject subject{app.name,
                    (app.machine.empty() ? app.source_path : app.machine) + "/" + app.id,
                    "module",
                    base == base_of_identity.end() ? "" : base->second,
                    app.source_identity + "\n" + app.id,
                    {{"appId", app.id},
                     {"appName", app.name},
                     {"appKind", app.kind},
                     {"machine", app.machine},
                     {"source", app.source_path},
                     {"verdict", to_string(app.verdict)}}};
    for (const auto& f : app.findings) results.push_back(result_json(subject, f, context));
  }
  for (const auto& s : report.sources) {
    std::string name = s.machine.empty() ? s.path : s.machine;
    Subject subject{name,       name,
                    "",         base_of_identity[s.identity],
                    s.identity, {{"machine", s.machine}, {"source", s.path}}};
    for (const auto& f : s.machine_findings) results.push_back(result_json(subject, f, context));
  }

  json notifications = json::array();
  for (const auto& p : report.problems) {
    notifications.push_back(
        {{"level", "warning"}, {"message", {{"text", sentence(printable(problem_text(p)))}}}});
  }
  json driver{{"name", "liftshift"}, {"rules", rules}};
  if (!context.tool_version.empty()) {
    driver["version"] = context.tool_version;
    driver["semanticVersion"] = context.tool_version;
  }
  json run{{"tool", {{"driver", driver}}},
           {"originalUriBaseIds", bases},
           {"invocations", json::array({{{"executionSuccessful", true},
                                         {"toolExecutionNotifications", notifications}}})},
           {"results", results}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", json::array({run})}};
}

}  // namespace liftshift
