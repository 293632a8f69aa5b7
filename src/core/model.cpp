#include "core/model.hpp"

namespace liftshift {

std::string to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::kSourceTree:
      return "source-tree";
    case SourceKind::kAppFolder:
      return "app-folder";
    case SourceKind::kSystemDrive:
      return "system-drive";
    case SourceKind::kDiskImage:
      return "disk-image";
    case SourceKind::kUnknown:
      break;
  }
  return "unknown";
}

std::string to_string(AppKind kind) {
  switch (kind) {
    case AppKind::kWeb:
      return "web";
    case AppKind::kWcf:
      return "wcf";
    case AppKind::kService:
      return "service";
    case AppKind::kTask:
      return "task";
    case AppKind::kConsole:
      return "console";
    case AppKind::kDesktop:
      return "desktop";
  }
  return "console";
}

std::string to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kChange:
      return "change";
    case Severity::kBlocker:
      return "blocker";
  }
  return "info";
}

std::string to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kReady:
      return "ready";
    case Verdict::kReadyWithChanges:
      return "ready-with-changes";
    case Verdict::kNotACandidate:
      return "not-a-candidate";
    case Verdict::kUnknown:
      return "unknown";
  }
  return "ready";
}

void drop_parsed_files(Application& app) {
  // Swapped with empty vectors, so the memory goes now, not at the next clear.
  app.binaries.clear();
  std::vector<ConfigFacts>().swap(app.configs);
  std::vector<ProjectFacts>().swap(app.projects);
  std::vector<RuntimeConfigFacts>().swap(app.runtime_configs);
  std::vector<SourceHit>().swap(app.source_hits);
  std::vector<FileMarker>().swap(app.markers);
}

void append(Assessment& all, Assessment more, bool slim) {
  std::size_t source_base = all.sources.size();
  for (auto& s : more.sources) all.sources.push_back(std::move(s));
  for (auto& a : more.apps) {
    if (slim) drop_parsed_files(a.app);
    all.apps.push_back(std::move(a));
  }
  for (auto& m : more.machines) {
    m.source += source_base;
    all.machines.push_back(std::move(m));
  }
  for (auto& p : more.problems) all.problems.push_back(std::move(p));
}

void count_verdict(VerdictCounts& counts, Verdict v) {
  ++counts.apps;
  switch (v) {
    case Verdict::kReady:
      ++counts.ready;
      break;
    case Verdict::kReadyWithChanges:
      ++counts.ready_with_changes;
      break;
    case Verdict::kNotACandidate:
      ++counts.not_a_candidate;
      break;
    case Verdict::kUnknown:
      ++counts.unknown;
      break;
  }
}

VerdictCounts count_verdicts(const Assessment& assessment) {
  VerdictCounts counts;
  for (const auto& a : assessment.apps) count_verdict(counts, a.verdict);
  return counts;
}

}  // namespace liftshift
