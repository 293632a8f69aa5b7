#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <new>
#include <optional>

#include "collect/binary_parse_cache.hpp"
#include "collect/build_files.hpp"
#include "collect/config_includes.hpp"
#include "collect/file_kind.hpp"
#include "collect/parsed_files.hpp"
#include "core/text.hpp"
#include "formats/appsettings_json.hpp"
#include "formats/asp_scan.hpp"
#include "formats/connection_string.hpp"
#include "formats/dotnet_config.hpp"
#include "formats/msbuild_project.hpp"
#include "formats/native_source_scan.hpp"
#include "formats/packages_config.hpp"
#include "formats/pe.hpp"
#include "formats/runtime_config.hpp"
#include "formats/script_tasks.hpp"
#include "formats/solution.hpp"
#include "formats/source_scan.hpp"
#include "formats/task_xml.hpp"
#include "formats/vcxproj.hpp"

namespace liftshift {

namespace {

// At most this many markers of one category and detail are kept: a folder of
// 10,000 PHP files needs one piece of evidence, not 10,000.
constexpr std::size_t kMarkersPerDetail = 5;

struct MarkerSink {
  std::vector<FileMarker>& out;
  std::map<std::string, std::size_t> counts;
  void add(const MarkerInfo& info, const std::string& path) {
    if (!info.category) return;
    auto& n = counts[to_string(*info.category) + "|" + info.detail];
    if (n++ < kMarkersPerDetail) out.push_back({*info.category, path, info.detail});
  }
};

// Bounds the bytes of file content held at once by the parallel parse. A
// reader waits while others hold the budget; one alone always proceeds, so a
// file larger than the budget is still read and no reader waits forever.
class ByteBudget {
 public:
  explicit ByteBudget(std::uint64_t limit) : limit_(limit) {}
  void acquire(std::uint64_t n) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return used_ == 0 || used_ + n <= limit_; });
    used_ += n;
  }
  void release(std::uint64_t n) {
    {
      std::lock_guard lock(mutex_);
      used_ -= n;
    }
    freed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  std::uint64_t limit_;
  std::uint64_t used_ = 0;
};

// Holds n bytes of the budget for as long as it lives.
class BudgetHold {
 public:
  BudgetHold(ByteBudget& budget, std::uint64_t n) : budget_(budget), n_(n) { budget_.acquire(n_); }
  ~BudgetHold() { budget_.release(n_); }
  BudgetHold(const BudgetHold&) = delete;
  BudgetHold& operator=(const BudgetHold&) = delete;

 private:
  ByteBudget& budget_;
  std::uint64_t n_;
};

// One parsed file, whichever kind it was.
struct Parsed {
  std::optional<BinaryFacts> binary;
  std::optional<ConfigFacts> config;
  std::optional<ProjectFacts> project;
  std::optional<ProjectFacts> build_file;
  std::optional<RuntimeConfigFacts> runtime_config;
  std::optional<SolutionFacts> solution;
  std::optional<ParsedSource::Packages> packages;
  std::vector<SourceHit> hits;
  std::vector<ScriptTask> tasks;
  std::vector<Problem> problems;
};

// An exported task's XML is a few KiB; an .xml file larger than this is none.
constexpr std::uint64_t kTaskXmlMaxBytes = std::uint64_t{1} << 20;

void parse_one(const Volume& volume, const FileEntry& file, FileKind kind, const ReadLimits& limits,
               ByteBudget& budget, BinaryParseCache& cache, Parsed& out) {
  const std::string& path = file.path;
  std::uint64_t cap = kind == FileKind::kBinary ? limits.max_binary : limits.max_text;
  if (kind == FileKind::kTaskXml) {
    // An exported task is small: a larger XML file is none of ours, not a problem.
    cap = std::min<std::uint64_t>(cap, kTaskXmlMaxBytes);
    if (file.size > cap) return;
  } else if (kind == FileKind::kScript) {
    // A script is read for its first lines' commands only (find_script_tasks'
    // cap), however long it is.
    cap = std::min<std::uint64_t>(cap, kScriptTaskMaxBytes);
  } else if (file.size > cap) {
    out.problems.push_back({printable(path), "skipped: " + std::to_string(file.size >> 20) +
                                                 " MiB is larger than the " +
                                                 std::to_string(cap >> 20) + " MiB limit"});
    return;
  }
  if (kind == FileKind::kBinary) {
    auto head = volume.read(path, 0, 4096);
    if (!head) {
      out.problems.push_back({printable(path), head.error().message});
      return;
    }
    if (!looks_like_pe(*head)) {
      out.problems.push_back({printable(path), "not a PE image (no MZ/PE header): skipped"});
      return;
    }
  }
  // The content and what is parsed from it live until the end of this call.
  BudgetHold hold(budget, std::min(file.size, cap));
  auto bytes = volume.read(path, 0, static_cast<std::size_t>(cap));
  if (!bytes) {
    // An .xml file that cannot be read is most likely no task: not a problem.
    if (kind != FileKind::kTaskXml)
      out.problems.push_back({printable(path), bytes.error().message});
    return;
  }
  auto report = [&](const Error& e) { out.problems.push_back({printable(path), e.message}); };
  switch (kind) {
    case FileKind::kBinary: {
      auto r = cache.parse(*bytes, path);
      if (r) {
        for (const auto& w : r->warnings) out.problems.push_back({printable(path), w});
        out.binary = std::move(r).value();
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kConfig: {
      const std::string text = decode_text(*bytes);
      auto r = iends_with(path, ".json") ? parse_appsettings_json(text, path)
                                         : parse_dotnet_config(text, path);
      if (r) {
        out.config = std::move(r).value();  // a web.config's iis_modules included
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kProject: {
      auto r = iends_with(path, ".vcxproj") ? parse_vcxproj(decode_text(*bytes), path)
                                            : parse_msbuild_project(decode_text(*bytes), path);
      if (r) {
        out.project = std::move(r).value();
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kBuildProps: {
      auto r = parse_msbuild_project(decode_text(*bytes), path);
      if (r) {
        out.build_file = std::move(r).value();
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kRuntimeConfig: {
      auto r = parse_runtime_config(decode_text(*bytes), path);
      if (r) {
        out.runtime_config = std::move(r).value();
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kPackagesConfig: {
      auto r = parse_packages_config(decode_text(*bytes), path);
      if (r) {
        out.packages = ParsedSource::Packages{path, std::move(r).value()};
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kSolution: {
      auto r = parse_solution(decode_text(*bytes), path);
      if (r) {
        out.solution = std::move(r).value();
      } else {
        report(r.error());
      }
      break;
    }
    case FileKind::kSource:
      out.hits = scan_source(decode_text(*bytes), path);
      break;
    case FileKind::kNativeSource:
      out.hits = scan_native_source(decode_text(*bytes), path);
      break;
    case FileKind::kScript:
      out.tasks = find_script_tasks(decode_text(*bytes), path);
      break;
    case FileKind::kTaskXml: {
      // Only an exported task is read; any other XML file is none of ours.
      const std::string text = decode_text(*bytes);
      if (text.find("<Task") == std::string::npos ||
          text.find("windows/2004/02/mit/task") == std::string::npos)
        break;
      auto r = parse_task_xml(text, path);
      if (r && !r->info.command.empty()) {
        ScriptTask t;
        t.info = std::move(r->info);
        t.file = path;
        if (t.info.path == path) {
          const std::string_view name = file_name(path);
          t.info.path = "\\" + std::string(name.substr(0, name.size() - 4));  // without ".xml"
        }
        out.tasks.push_back(std::move(t));
      } else if (!r) {
        report(r.error());
      }
      break;
    }
    case FileKind::kAspPage: {
      const bool script = is_com_script(path);
      out.hits =
          script ? scan_com_script(decode_text(*bytes), path) : scan_asp(decode_text(*bytes), path);
      break;
    }
    case FileKind::kIgnore:
    case FileKind::kMarker:
      break;
  }
}

// What each state folder ships (a database file's: the folder holding it):
// its files, and how many are code. The planner seeds a volume from the
// first and never mounts one over the second.
void count_folder_contents(ParsedSource& out) {
  for (auto& m : out.markers) {
    std::string folder;
    if (m.category == MarkerCategory::kStateFolder) {
      folder = m.path;
    } else if (m.category == MarkerCategory::kDatabaseFile) {
      folder = std::string(parent_dir(m.path));
    } else {
      continue;
    }
    const std::string prefix = folder.empty() ? "" : folder + "/";
    for (const auto& f : out.files) {
      if (f.path.size() <= prefix.size() || f.path.compare(0, prefix.size(), prefix) != 0) continue;
      ++m.files;
      if (is_code_file(f.path)) ++m.code_files;
    }
  }
}

}  // namespace

std::string decode_text(const std::vector<std::uint8_t>& bytes) {
  if (bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
    return std::string(bytes.begin() + 3, bytes.end());
  }
  if (bytes.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) {
    return utf16le_to_utf8(Bytes(bytes).subspan(2));
  }
  if (bytes.size() >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) {
    std::vector<std::uint8_t> swapped(bytes.begin() + 2, bytes.end());
    for (std::size_t i = 0; i + 1 < swapped.size(); i += 2) std::swap(swapped[i], swapped[i + 1]);
    return utf16le_to_utf8(swapped);
  }
  return std::string(bytes.begin(), bytes.end());
}

ParsedSource read_source(const Volume& volume, const ReadLimits& limits, BinaryParseCache* cache) {
  std::optional<BinaryParseCache> own_cache;
  if (!cache) cache = &own_cache.emplace();
  ParsedSource out;
  MarkerSink markers{out.markers, {}};
  std::vector<std::pair<FileEntry, FileKind>> work;
  bool truncated = false;

  // First pass: is it a source tree? Projects decide how the walk treats bin/obj.
  std::vector<FileEntry> all;
  volume.walk(
      [&](const FileEntry& e) {
        if (all.size() >= limits.max_files) {
          truncated = true;
          return false;
        }
        if (e.is_dir && skip_folder(e.path, false)) {
          markers.add(marker_for_folder(e.path), e.path);
          return false;
        }
        all.push_back(e);
        if (!e.is_dir && (iends_with(e.path, ".csproj") || iends_with(e.path, ".vbproj") ||
                          iends_with(e.path, ".vcxproj") || iends_with(e.path, ".sln") ||
                          iends_with(e.path, ".xproj"))) {
          out.source_tree = true;
        }
        return true;
      },
      out.problems);
  if (truncated) {
    out.problems.push_back({"", "more than " + std::to_string(limits.max_files) +
                                    " files: the rest of the source was not read"});
  }

  std::vector<std::string> skipped_prefixes;
  for (const auto& e : all) {
    bool inside_skipped = false;
    for (const auto& p : skipped_prefixes) {
      if (e.path.size() > p.size() && e.path.compare(0, p.size(), p) == 0 &&
          e.path[p.size()] == '/') {
        inside_skipped = true;
        break;
      }
    }
    if (inside_skipped) continue;
    if (e.is_dir) {
      if (skip_folder(e.path, out.source_tree)) {
        skipped_prefixes.push_back(e.path);
        continue;
      }
      out.folders.push_back(e);
      markers.add(marker_for_folder(e.path), e.path);
      continue;
    }
    out.files.push_back(e);
    if (iends_with(e.path, ".xproj")) {
      // DNX / .NET Core preview tooling: the project is its project.json.
      out.problems.push_back(
          {printable(e.path),
           "a DNX/.NET Core preview project (.xproj with project.json) is not read: convert it "
           "to a .csproj with `dotnet migrate` (a .NET Core 2.x SDK) or by opening it in Visual "
           "Studio 2017, then assess again"});
    }
    FileKind kind = classify_file(e.path);
    if (kind == FileKind::kMarker) {
      markers.add(marker_for_file(e.path), e.path);
    } else if (kind != FileKind::kIgnore) {
      if (kind == FileKind::kBinary) markers.add(marker_for_file(e.path), e.path);
      work.emplace_back(e, kind);
    }
  }

  std::vector<Parsed> parsed(work.size());
  ByteBudget budget(limits.max_in_flight);
  tbb::parallel_for(std::size_t{0}, work.size(), [&](std::size_t i) {
    try {
      parse_one(volume, work[i].first, work[i].second, limits, budget, *cache, parsed[i]);
    } catch (const std::bad_alloc&) {
      // Under a memory limit (ulimit -v, a container's), one file too big to
      // hold is a problem of that file, not the end of the scan.
      parsed[i] = Parsed{};
      parsed[i].problems.push_back(
          {printable(work[i].first.path), "not enough memory to read it (" +
                                              std::to_string(work[i].first.size >> 20) +
                                              " MiB): skipped"});
    }
  });

  for (auto& p : parsed) {
    if (p.binary) out.binaries.push_back(std::move(*p.binary));
    if (p.config) out.configs.push_back(std::move(*p.config));
    if (p.project) out.projects.push_back(std::move(*p.project));
    if (p.build_file) out.build_files.push_back(std::move(*p.build_file));
    if (p.runtime_config) out.runtime_configs.push_back(std::move(*p.runtime_config));
    if (p.solution) out.solutions.push_back(std::move(*p.solution));
    if (p.packages) out.packages_configs.push_back(std::move(*p.packages));
    for (auto& h : p.hits) out.source_hits.push_back(std::move(h));
    for (auto& t : p.tasks) out.script_tasks.push_back(std::move(t));
    for (auto& pr : p.problems) out.problems.push_back(std::move(pr));
  }
  inherit_build_files(out.projects, out.build_files);
  follow_config_includes(volume, out, limits.max_text);
  count_folder_contents(out);
  return out;
}

}  // namespace liftshift
