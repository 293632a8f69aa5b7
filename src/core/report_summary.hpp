// What the reports show beside the applications themselves: the rule
// catalogue as plain data and the totals across a Report (one `assess` run or
// the whole store). portfolio/portfolio.hpp computes them; the emitters in
// src/emit render them without depending on the rules.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/report.hpp"

namespace liftshift {

// One catalogue entry, as the reports show it (SARIF rule metadata, titles).
struct ReportRule {
  std::string id;
  Severity severity = Severity::kInfo;
  std::string scope;  // "app" or "machine"
  std::string title;
  std::string description;
  std::string remediation;
  std::string seed_section;
  int effort = 0;  // the rule's own effort points
};

// A count of applications under one key, e.g. a framework or a blocker rule.
struct Tally {
  std::string key;    // "msmq-ad-auth", "netfx 4.7.2", "Windows Server 2012 R2 Standard (6.3.9600)"
  std::string label;  // what people read: the rule's title, or the key itself
  int apps = 0;
};

// Applications whose blockers are exactly these rules: "37 apps blocked only
// by MSMQ with AD authentication".
struct BlockerSet {
  std::vector<std::string> rules;  // sorted rule ids
  int apps = 0;
  std::string sentence;
};

// The verdict counts (apps, ready...) are the same as `assess` prints.
struct ReportSummary : VerdictCounts {
  int findings = 0;
  int effort = 0;                        // sum over the applications
  std::vector<Tally> blocker_rules;      // apps with a blocker of the rule, most first
  std::vector<Tally> frameworks;         // kind + version, most first
  std::vector<Tally> os_versions;        // the server's OS, "no server (folder)" otherwise
  std::vector<BlockerSet> blocker_sets;  // most common first
};

// Everything a report renderer needs beside the Report.
struct ReportContext {
  std::vector<ReportRule> rules;  // the whole catalogue, in catalogue order
  ReportSummary summary;
  std::string tool_version;  // "0.1.0"
  // Effort points per severity, indexed by Severity (info, change, blocker).
  std::array<int, 3> severity_points{};
};

// The rule of that id in context.rules, or nullptr.
const ReportRule* find_report_rule(const ReportContext& context, const std::string& id);
// A finding's effort points: its severity's points plus its rule's.
int finding_points(const ReportContext& context, const Finding& finding);

}  // namespace liftshift
