// A small synthetic estate for the report and portfolio tests: three sources
// (a folder, a 2012 R2 server, a domain controller) and eight applications
// whose verdicts, efforts and tags exercise every ranking tie-break.
#pragma once

#include <string>
#include <vector>

#include "core/report.hpp"
#include "rules/catalogue.hpp"

namespace liftshift::test::reportfx {

inline Finding finding(const std::string& rule, std::vector<std::string> evidence) {
  const RuleInfo* info = find_rule(rule);
  Finding f;
  f.rule = rule;
  f.severity = info->severity;
  f.title = info->title;
  f.evidence = std::move(evidence);
  f.remediation = info->remediation;
  return f;
}

inline ReportSource source(const std::string& path, const std::string& identity,
                           const std::string& kind, const std::string& machine,
                           const std::string& os, std::vector<Finding> findings) {
  ReportSource s;
  s.path = path;
  s.identity = identity;
  s.kind = kind;
  s.machine = machine;
  s.os = os;
  s.machine_findings = std::move(findings);
  return s;
}

inline ReportApp app(const std::string& name, const std::string& kind, const ReportSource& source,
                     Verdict verdict, std::vector<Finding> findings) {
  ReportApp a;
  a.id = source.path.substr(source.path.rfind('/') + 1) + "/" + kind + "/" + name;
  a.name = name;
  a.kind = kind;
  a.source_identity = source.identity;
  a.source_path = source.path;
  a.machine = source.machine;
  a.os = source.os;
  a.framework_kind = "netfx";
  a.framework_version = "4.8";
  a.verdict = verdict;
  a.findings = std::move(findings);
  a.assessed_at = "2026-11-27T10:00:00Z";
  return a;
}

inline ReportSource folder_source() {
  return source("/data/published", "/data/published", "app-folder", "", "", {});
}
inline ReportSource server_source() {
  return source("/images/appsrv01.vhdx", "/images/appsrv01.vhdx#vhdx:1234", "disk-image",
                "APPSRV01", "Windows Server 2012 R2 Standard (6.3.9600)",
                {finding("os-legacy", {"Windows Server 2012 R2 Standard (build 9600): older than "
                                       "Windows Server 2016 (build 14393)"})});
}
inline ReportSource dc_source() {
  return source("/images/dc01", "/images/dc01#machine-guid", "system-drive", "DC01",
                "Windows Server 2016 Standard (10.0.14393)",
                {finding("ad-ds-role", {"SYSTEM: service NTDS"})});
}

// Listed in no particular order; the expected ranking is in ranked_names().
inline Report estate() {
  Report r;
  r.title = "liftshift portfolio";
  r.generated_at = "2026-11-27T12:00:00Z";
  ReportSource folder = folder_source();
  ReportSource server = server_source();
  ReportSource dc = dc_source();
  r.sources = {folder, server, dc};
  r.apps.push_back(
      app("Orders Queue", "service", server, Verdict::kNotACandidate,
          {finding("msmq-ad-auth", {"Orders/Orders.exe.config: netMsmqBinding 'q' authenticates"}),
           finding("connection-string",
                   {"Orders/Orders.exe.config: connectionStrings 'Db': Password=***"})}));
  r.apps.push_back(app("Contoso Web", "web", server, Verdict::kReadyWithChanges,
                       {finding("ad-dependent", {"inetpub/Contoso Web/Web.config: "
                                                 "system.web/authentication mode=\"Windows\""}),
                        finding("connection-string", {"inetpub/Contoso Web/Web.config: 'Db'"})}));
  r.apps.back().tags["priority"] = "low";
  r.apps.push_back(app("Static Site", "web", folder, Verdict::kReady,
                       {finding("netfx-image", {".NET Framework 4.8 (Static/bin/x.dll: v4.8)"})}));
  r.apps.push_back(
      app("Inventory Tool", "desktop", folder, Verdict::kNotACandidate,
          {finding("gui-desktop", {"Inventory/Inventory.exe: subsystem Windows GUI"}),
           finding("msmq-ad-auth", {"Inventory/Inventory.exe.config: Authenticate"})}));
  r.apps.back().framework_version = "3.5";
  r.apps.push_back(app("Reports", "web", folder, Verdict::kReadyWithChanges,
                       {finding("connection-string", {"Reports/Web.config: 'Db'"})}));
  r.apps.back().tags["priority"] = "High";
  r.apps.back().tags["owner"] = "finance";
  r.apps.push_back(app("Billing Queue", "service", server, Verdict::kNotACandidate,
                       {finding("msmq-ad-auth", {"Billing/Billing.exe.config: Authenticate"})}));
  r.apps.push_back(app("Intranet", "web", dc, Verdict::kReady, {}));
  r.apps.back().framework_kind = "";
  r.apps.back().framework_version = "";
  r.apps.push_back(app("Exporter", "task", server, Verdict::kReadyWithChanges,
                       {finding("drive-path", {"Exporter/Exporter.exe.config: D:\\Exports"})}));
  r.apps.back().tags["priority"] = "medium";
  return r;
}

inline std::vector<std::string> ranked_names() {
  return {"Intranet",    "Static Site",   "Reports",      "Exporter",
          "Contoso Web", "Billing Queue", "Orders Queue", "Inventory Tool"};
}

}  // namespace liftshift::test::reportfx
