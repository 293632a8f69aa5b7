// The pipeline's value types: Inventory (what was found), Finding and
// Assessment (what the rules say about it).
#pragma once

#include <string>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

enum class SourceKind { kSourceTree, kAppFolder, kSystemDrive, kDiskImage, kUnknown };
enum class AppKind { kWeb, kWcf, kService, kTask, kConsole, kDesktop };
enum class Severity { kInfo, kChange, kBlocker };
enum class Verdict { kReady, kReadyWithChanges, kNotACandidate };

std::string to_string(SourceKind kind);
std::string to_string(AppKind kind);
std::string to_string(Severity severity);
std::string to_string(Verdict verdict);

struct Framework {
  std::string kind;     // "netfx", "dotnet", "native", "java", "node", "python", "php", "other"
  std::string version;  // "4.7.2", "2.0", "8.0"; "" when unknown
  std::string evidence; // where the version came from
};

// A file that matters for a rule by its name or place alone.
struct FileMarker {
  std::string category;  // "database-file", "state-folder", "installer", "third-party", "log-folder"
  std::string path;
  std::string detail;    // e.g. "SQLite database", "Apache Tomcat"
};

struct Application {
  std::string id;      // stable: "<source-name>/<relative root or project>"
  std::string name;
  std::string source;  // the source path given by the user
  std::string root;    // folder of the app, relative to the source ("" = source root)
  AppKind kind = AppKind::kConsole;
  Framework framework;
  std::string entry;   // main executable or project, relative to the source
  std::vector<BinaryFacts> binaries;  // entry binary first, then its local dependencies
  std::vector<ConfigFacts> configs;
  std::vector<ProjectFacts> projects;
  std::vector<SourceHit> source_hits;
  std::vector<FileMarker> markers;
};

struct Source {
  std::string path;
  SourceKind kind = SourceKind::kUnknown;
  bool handled = true;  // false: recognised but not assessable by this version
  std::string note;
};

struct Inventory {
  std::vector<Source> sources;
  std::vector<Application> apps;
  std::vector<Problem> problems;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::kInfo;
  std::string title;
  std::vector<std::string> evidence;
  std::string remediation;
};

struct AppAssessment {
  const Application* app = nullptr;  // points into the Inventory it was made from
  Verdict verdict = Verdict::kReady;
  std::vector<Finding> findings;
};

struct Assessment {
  const Inventory* inventory = nullptr;
  std::vector<AppAssessment> apps;
};

}  // namespace liftshift
