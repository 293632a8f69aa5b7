// Everything read from one source folder, before it is grouped into
// applications: the parsed facts of each file the rules care about.
#pragma once

#include <string>
#include <vector>

#include "core/facts.hpp"
#include "core/model.hpp"
#include "formats/script_tasks.hpp"
#include "sources/volume.hpp"

namespace liftshift {

struct ParsedSource {
  bool source_tree = false;  // has .sln/.csproj/.vbproj/.vcxproj: projects define the applications
  std::vector<FileEntry> folders;
  std::vector<FileEntry> files;
  std::vector<BinaryFacts> binaries;
  std::vector<ConfigFacts> configs;
  // Files the configs include (configSource=, file=), read by collect/config_includes.
  std::vector<ConfigFacts> included_configs;
  // Logging configurations the code names (SourceCategory::kLogConfigFile),
  // read by collect/config_includes, with the source file that names them.
  struct CodeNamedConfig {
    ConfigFacts config;
    std::string named_in;  // the source file
  };
  std::vector<CodeNamedConfig> code_named_configs;
  std::vector<ProjectFacts> projects;
  std::vector<ProjectFacts> build_files;  // Directory.Build.props / .targets
  std::vector<RuntimeConfigFacts> runtime_configs;
  std::vector<SolutionFacts> solutions;
  struct Packages {
    std::string path;
    std::vector<PackageRef> packages;
  };
  std::vector<Packages> packages_configs;
  std::vector<SourceHit> source_hits;
  std::vector<FileMarker> markers;
  // Scheduled tasks registered by scripts (schtasks, Register-ScheduledTask)
  // and exported task XML files: collect/script_task_apps hands them to programs.
  std::vector<ScriptTask> script_tasks;
  std::vector<Problem> problems;
};

// Size limits: larger files are reported and skipped, never loaded.
struct ReadLimits {
  std::uint64_t max_binary = 512ull << 20;
  std::uint64_t max_text = 64ull << 20;
  std::size_t max_files = 2'000'000;
  // Bytes of files held in memory at once by the parallel parse: with many
  // cores, each reading a file near max_binary, memory would otherwise grow
  // with the number of cores. One file larger than this is still read, alone.
  std::uint64_t max_in_flight = 512ull << 20;
};

class BinaryParseCache;

// Walks the volume, then reads and parses the interesting files in parallel.
// Identical binaries are parsed once (collect/binary_parse_cache.hpp): by
// `cache` when given, so that a server's folders share it, else by one of
// this call's own.
ParsedSource read_source(const Volume& volume, const ReadLimits& limits = {},
                         BinaryParseCache* cache = nullptr);

// Decodes a text file's bytes: UTF-8 (BOM stripped) or UTF-16 LE/BE with BOM.
std::string decode_text(const std::vector<std::uint8_t>& bytes);

}  // namespace liftshift
