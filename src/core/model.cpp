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

}  // namespace liftshift
