// The results model: what the results store keeps and every report renders
// (portfolio JSON and table, HTML, CSV, SARIF), for one `assess` run or the
// whole estate loaded from the store. It is the Assessment without the facts
// that only the planner reads (parsed files, IIS/service/task details), plus
// what the estate adds (tags, run time, effort). Its findings are the
// Assessment's own Finding values and its verdict counts the same
// VerdictCounts `assess` prints, so both commands report one model.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

// Where an application was found: one source given to `assess`.
struct ReportSource {
  std::string path;      // as the user gave it
  std::string identity;  // stable key: Source::identity (collect/source_identity.hpp)
  std::string kind;      // to_string(SourceKind)
  std::string machine;   // computer name for servers, "" for folders
  std::string os;        // "Windows Server 2012 R2 Standard (6.3.9600)", "" when unknown
  std::vector<Finding> machine_findings;  // machine-scope rules (ad-ds-role...)
};

struct ReportApp {
  std::string id;  // Application::id, unique within its source
  std::string name;
  std::string kind;             // to_string(AppKind)
  std::string source_identity;  // ReportSource::identity it belongs to
  std::string source_path;
  std::string machine;  // copied from the source for convenience
  std::string os;
  std::string framework_kind;  // to_string(FrameworkKind)
  std::string framework_version;
  Verdict verdict = Verdict::kReady;
  std::vector<Finding> findings;
  std::map<std::string, std::string> tags;  // the user's business hints: priority=high
  std::string assessed_at;                  // ISO 8601 UTC of the run that produced it
  int effort = 0;                           // filled by the portfolio ranking
};

// A problem met while reading a source: a file or registry key that could not
// be read, or the whole source (source_unreadable) when it could not be
// opened at all. Kept in the store beside the source's result, so the
// portfolio still shows what an assessment could not see.
struct ReportProblem {
  std::string source_location;  // the source's absolute path: its identity up to the first '|'
  std::string source_path;      // the source as the user gave it
  std::string path;             // the file, key or image part; "" for the whole source
  std::string message;
  bool source_unreadable = false;
};

struct Report {
  std::string title;         // "liftshift assessment", "liftshift portfolio"
  std::string generated_at;  // ISO 8601 UTC
  std::vector<ReportSource> sources;
  std::vector<ReportApp> apps;
  std::vector<ReportProblem> problems;
};

// The Report of one assessment (tags empty, effort 0). `now` is the run time
// in ISO 8601 UTC; identities are Source::identity (the path when empty). A
// source that could not be read is not a ReportSource: it becomes a problem
// with source_unreadable set, so it is never counted or stored as assessed.
Report report_from_assessment(const Assessment& assessment, const std::string& now);

// The source's absolute path: its identity without the "|qualifier" parts.
std::string identity_location(const std::string& identity);

// The part of an application id that does not depend on the run: the id
// without its "<source-name>/" prefix, which becomes "web#2" when a run holds
// two sources named "web". Tags are kept under it.
std::string app_key(const std::string& app_id);

// What the identity names regardless of content: the location plus any
// "|partition N". A disk image re-exported to the same path (a new VHDX or
// VMDK id) or a different server copied into the same folder (a new
// MachineGuid) has a new identity but the same slot, and replaces the old
// result in the store; another partition of the same image does not.
std::string identity_slot(const std::string& identity);

// "2026-11-27T21:35:58Z" for the current time.
std::string utc_now_iso8601();

}  // namespace liftshift
