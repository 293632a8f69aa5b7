#include "context/context_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "context/config_rewrite.hpp"
#include "context/exclude_match.hpp"
#include "context/json_rewrite.hpp"
#include "context/secret_screen.hpp"
#include "context/staging_folder.hpp"
#include "core/file_writer.hpp"
#include "core/text.hpp"
#include "sources/directory_volume.hpp"
#include "sources/open_source.hpp"
#include "sources/server_disks.hpp"
#include "sources/source_probe.hpp"
#include "sources/sub_volume.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;  // bytes read and written at a time

// A name Windows can create and docker build can copy: no control
// characters, none of \ / : * ? " < > |, not "." or "..", no trailing dot or
// space. Anything else is left out with a warning, never written.
bool windows_name(std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.back() == '.' || name.back() == ' ')
    return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F ||
           std::string_view("\\/:*?\"<>|").find(c) != std::string_view::npos;
  });
}

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "/" + b;
}

std::string file_name_of(std::string_view windows_or_posix) {
  auto pos = windows_or_posix.find_last_of("/\\");
  return std::string(pos == std::string_view::npos ? windows_or_posix
                                                   : windows_or_posix.substr(pos + 1));
}

class Writer {
 public:
  Writer(const Volume& volume, const AppPlan& plan, StagingFolder& staging, ContextResult& result)
      : volume_(volume), plan_(plan), staging_(staging), result_(result) {
    for (const auto& r : plan.config_rewrites)
      rewrites_[to_lower(to_forward_slashes(r.config))] = &r;
    for (const auto& s : plan.secrets) {
      std::string key = to_lower(to_forward_slashes(s.config_file));
      if (!key.empty() && rewrites_.count(key) == 0) unrewritten_secrets_.insert(key);
    }
    for (const auto& r : plan.config_rewrites) {
      for (const auto& m : r.moves) {
        if (!m.from_file.empty()) fragments_.emplace(to_lower(to_forward_slashes(m.from_file)), &m);
      }
    }
  }

  std::optional<Error> copy(const ContextCopy& c) {
    auto to = plain_path_parts(c.to);
    if (to.empty())
      return make_error(printable(c.to) + ": not a plain folder of the build context");
    std::string from = to_forward_slashes(c.from);
    if (!c.folder) {
      auto entry = volume_.find(from);
      if (!entry || entry->is_dir) {
        result_.warnings.push_back(printable(from) + ": not a file of the source; not copied");
        return std::nullopt;
      }
      return copy_file(entry->path, to);
    }
    std::string real;
    if (!from.empty()) {
      auto entry = volume_.find(from);
      if (!entry || !entry->is_dir) {
        result_.warnings.push_back(printable(from) +
                                   ": not a folder of the source (or reached through a link); "
                                   "not copied");
        return std::nullopt;
      }
      real = entry->path;
    }
    if (auto e = staging_.make_folder(to)) return e;
    std::optional<SubVolume> sub;
    if (!real.empty()) sub.emplace(volume_, real);
    const Volume& tree = sub ? static_cast<const Volume&>(*sub) : volume_;
    ExcludeSet exclude(c.exclude);
    if (c.max_mib > 0 && over_bound(tree, exclude, std::uint64_t(c.max_mib) << 20)) {
      // Left empty, so the Dockerfile's COPY of it still builds.
      result_.warnings.push_back(printable(from) + ": more than " + std::to_string(c.max_mib) +
                                 " MiB, too much for " + printable(c.reason) +
                                 "; not copied (copy it onto the volume by hand)");
      return std::nullopt;
    }
    std::optional<Error> failed;
    std::vector<Problem> problems;
    tree.walk(
        [&](const FileEntry& e) {
          if (failed) return false;
          if (exclude.excluded(e.path)) return false;
          std::string name = e.path.substr(e.path.rfind('/') + 1);  // a '\\' is part of it
          if (!windows_name(name)) {
            result_.warnings.push_back(printable(join(real, e.path)) +
                                       ": a name Windows cannot hold; not copied");
            return false;
          }
          auto parts = to;
          for (auto& p : split(e.path, '/')) parts.push_back(std::move(p));
          if (e.is_dir) {
            failed = staging_.make_folder(parts);
            return !failed;
          }
          failed = copy_file(join(real, e.path), parts);
          return true;
        },
        problems);
    if (failed) return failed;
    for (const auto& p : problems)
      result_.warnings.push_back(printable(join(real, p.path)) + ": not copied: " + p.message);
    return std::nullopt;
  }

  // True when the files of the tree (less what is excluded) add up to more
  // than `bound` bytes; the walk stops there.
  static bool over_bound(const Volume& tree, const ExcludeSet& exclude, std::uint64_t bound) {
    std::uint64_t bytes = 0;
    std::vector<Problem> ignored;  // the copy itself reports them
    tree.walk(
        [&](const FileEntry& e) {
          if (bytes > bound || exclude.excluded(e.path)) return false;
          if (!e.is_dir) bytes += e.size;
          return true;
        },
        ignored);
    return bytes > bound;
  }

  // Moved config files whose rewrite was planned but whose config was not
  // met in any copied folder.
  void report_unused_rewrites() {
    for (const auto& [key, r] : rewrites_) {
      if (used_.count(key) == 0)
        result_.warnings.push_back(printable(r->config) +
                                   ": planned for rewriting but not in the copied folders");
    }
  }

  std::vector<MovedConfigFile>& moved() { return moved_; }

  // The config files a section was read from that the Secret now provides
  // (ConfigSectionMove::from_file): read from the source, with their own
  // value changes made, as secret files; never staged.
  std::optional<Error> add_fragments() {
    for (const auto& [key, m] : fragments_) {
      std::string path = to_forward_slashes(m->from_file);
      auto entry = volume_.find(path);
      if (!entry || entry->is_dir) {
        result_.warnings.push_back(printable(path) +
                                   ": not a file of the source; the Secret's file " +
                                   printable(m->file) + " is not written");
        continue;
      }
      auto bytes = volume_.read(entry->path, 0, kMaxRewrittenConfig + 1);
      if (!bytes) return make_error(bytes.error().message);
      std::string content(reinterpret_cast<const char*>(bytes->data()), bytes->size());
      if (content.size() > kMaxRewrittenConfig)
        return make_error(printable(path) + ": too large for a secret file");
      if (auto it = rewrites_.find(key); it != rewrites_.end() && !it->second->changes.empty()) {
        used_.insert(key);
        auto rewritten = rewrite_config(content, *it->second, printable(path));
        if (!rewritten) return rewritten.error();
        for (const auto& w : rewritten->warnings)
          result_.warnings.push_back(printable(path) + ": " + printable(w));
        content = std::move(rewritten->bytes);
      }
      moved_.push_back({m->file, std::move(content)});
    }
    return std::nullopt;
  }

  // The blanked values of the JSON configs as one env file for the secret
  // store (compose's env_file, kubectl --from-env-file).
  void add_env_file() {
    if (env_values_.empty()) return;
    std::vector<std::pair<std::string, std::string>> values(env_values_.begin(), env_values_.end());
    std::vector<std::string> left_out;
    std::string text = env_file_text(values, left_out);
    for (const auto& name : left_out)
      result_.warnings.push_back(name +
                                 ": its value would read differently in an env file ($, #, "
                                 "quotes, blanks or line breaks); set it in the secret store by "
                                 "hand");
    if (!text.empty()) moved_.push_back({plan_.k8s_name + ".env", std::move(text)});
  }

 private:
  // Streams the file in chunks: a big file is never whole in memory. A text
  // file up to kMaxScreenedFile is read whole first and left out when it
  // holds something that reads as a secret (secret_screen).
  std::optional<Error> copy_file(const std::string& path, const std::vector<std::string>& to) {
    std::string key = to_lower(path);
    if (fragments_.count(key) != 0) return std::nullopt;  // the Secret provides it
    if (auto it = rewrites_.find(key); it != rewrites_.end()) {
      return it->second->json ? copy_rewritten_json(path, to, *it->second)
                              : copy_rewritten(path, to, *it->second);
    }
    if (unrewritten_secrets_.count(key) != 0) {
      result_.warnings.push_back(printable(path) +
                                 ": holds secrets and the plan has no rewrite for it; not copied");
      return std::nullopt;
    }
    if (secret_by_name(file_name_of(path))) {
      result_.warnings.push_back(printable(path) +
                                 ": a certificate with its private key; not copied (import it "
                                 "from the secret store at deployment)");
      return std::nullopt;
    }
    auto first = volume_.read(path, 0, kChunk);
    if (!first) return make_error(first.error().message);
    std::string head(first->begin(), first->end());
    std::uint64_t offset = head.size();
    bool more = head.size() == kChunk;
    if (screened_as_text(head)) {
      while (more && head.size() <= kMaxScreenedFile) {
        auto chunk = volume_.read(path, offset, kChunk);
        if (!chunk) return make_error(chunk.error().message);
        head.append(chunk->begin(), chunk->end());
        offset += chunk->size();
        more = chunk->size() == kChunk;
      }
      if (head.size() <= kMaxScreenedFile) {
        if (std::string seen = secret_in_text(head, file_name_of(path)); !seen.empty()) {
          result_.warnings.push_back(printable(path) + ": holds " + seen +
                                     "; not copied (move the secret out of it, then copy it "
                                     "by hand)");
          return std::nullopt;
        }
      }
    }
    auto file = staging_.create_file(to);
    if (!file) return make_error(printable(path) + ": " + file.error().message);
    auto cannot_write = [&] {
      return make_error(printable(join(plan_.folder, join_parts(to))) + ": cannot write");
    };
    if (!file->append(head.data(), head.size())) return cannot_write();
    head.clear();
    head.shrink_to_fit();
    while (more) {
      auto chunk = volume_.read(path, offset, kChunk);
      if (!chunk) return make_error(chunk.error().message);
      if (!file->append(chunk->data(), chunk->size())) return cannot_write();
      offset += chunk->size();
      more = chunk->size() == kChunk;
    }
    if (std::string e = file->close(); !e.empty()) return make_error(printable(path) + ": " + e);
    ++result_.files;
    result_.bytes += offset;
    return std::nullopt;
  }

  std::optional<Error> copy_rewritten(const std::string& path, const std::vector<std::string>& to,
                                      const ConfigRewrite& rewrite) {
    used_.insert(to_lower(path));
    auto bytes = volume_.read(path, 0, kMaxRewrittenConfig + 1);
    if (!bytes) return make_error(bytes.error().message);
    std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto rewritten = rewrite_config(text, rewrite, printable(path), declaration(rewrite));
    if (!rewritten) return rewritten.error();
    for (const auto& w : rewritten->warnings)
      result_.warnings.push_back(printable(path) + ": " + printable(w));
    bool staged = false;
    if (auto e = stage_rewritten(path, to, rewritten->bytes, "moves", staged)) return e;
    if (staged) {
      for (auto& m : rewritten->moved) moved_.push_back(std::move(m));
      // --config env: the blanked values go to the env file (the first
      // config that names a variable gives its value).
      for (auto& [name, value] : rewritten->values) env_values_.emplace(name, std::move(value));
    }
    return std::nullopt;
  }

  // Stages a rewritten copy at `to` once the screen finds nothing secret left
  // in it; `staged` stays false (a warning given) when it does. `plan_does`
  // names what the plan does to such a file ("moves", "blanks").
  std::optional<Error> stage_rewritten(const std::string& path, const std::vector<std::string>& to,
                                       const std::string& bytes, std::string_view plan_does,
                                       bool& staged) {
    if (std::string seen = secret_in_text(bytes, file_name_of(path)); !seen.empty()) {
      result_.warnings.push_back(printable(path) + ": still holds " + seen + " where the plan " +
                                 std::string(plan_does) + " nothing; not copied");
      return std::nullopt;
    }
    auto file = staging_.create_file(to);
    if (!file) return make_error(printable(path) + ": " + file.error().message);
    if (!file->append(bytes.data(), bytes.size()))
      return make_error(printable(path) + ": cannot write the rewritten copy");
    if (std::string e = file->close(); !e.empty()) return make_error(printable(path) + ": " + e);
    ++result_.files;
    result_.bytes += bytes.size();
    staged = true;
    return std::nullopt;
  }

  // appsettings*.json: the secret values blanked, kept for the env file; an
  // environment's file (appsettings.Production.json) wins over the base one,
  // as it does when the host loads them.
  std::optional<Error> copy_rewritten_json(const std::string& path,
                                           const std::vector<std::string>& to,
                                           const ConfigRewrite& rewrite) {
    used_.insert(to_lower(path));
    auto bytes = volume_.read(path, 0, kMaxRewrittenConfig + 1);
    if (!bytes) return make_error(bytes.error().message);
    std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto rewritten = rewrite_json_config(text, rewrite, printable(path));
    if (!rewritten) {
      result_.warnings.push_back(rewritten.error().message + "; not copied");
      return std::nullopt;
    }
    for (const auto& w : rewritten->warnings)
      result_.warnings.push_back(printable(path) + ": " + printable(w));
    bool staged = false;
    if (auto e = stage_rewritten(path, to, rewritten->bytes, "blanks", staged)) return e;
    if (!staged) return std::nullopt;
    const bool environment_file = !iequals(file_name_of(path), "appsettings.json");
    for (auto& [name, value] : rewritten->values) {
      if (environment_file || env_values_.count(name) == 0) env_values_[name] = std::move(value);
    }
    return std::nullopt;
  }

  // A web.config inherits the config builders of a web.config of a folder
  // above it (ASP.NET merges them by URL): declaring them again is an error.
  BuilderDeclaration declaration(const ConfigRewrite& rewrite) const {
    auto folder_of = [](const std::string& config) {
      std::string p = to_lower(to_forward_slashes(config));
      auto slash = p.rfind('/');
      return slash == std::string::npos ? std::string() : p.substr(0, slash + 1);
    };
    auto web_config = [](const std::string& config) {
      return iequals(file_name_of(config), "web.config");
    };
    if (!rewrite.builders || !web_config(rewrite.config)) return BuilderDeclaration::kDeclare;
    std::string mine = folder_of(rewrite.config);
    for (const auto& other : plan_.config_rewrites) {
      if (&other == &rewrite || !other.builders || !web_config(other.config)) continue;
      std::string theirs = folder_of(other.config);
      if (theirs.size() < mine.size() && mine.starts_with(theirs))
        return BuilderDeclaration::kInherit;
    }
    return BuilderDeclaration::kDeclare;
  }

  static std::string join_parts(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out = join(out, p);
    return out;
  }

  const Volume& volume_;
  const AppPlan& plan_;
  StagingFolder& staging_;
  ContextResult& result_;
  std::map<std::string, const ConfigRewrite*> rewrites_;  // lower-case source path
  std::set<std::string> unrewritten_secrets_;
  std::map<std::string, const ConfigSectionMove*> fragments_;  // lower-case from_file
  std::set<std::string> used_;
  std::vector<MovedConfigFile> moved_;
  std::map<std::string, std::string> env_values_;  // variable -> secret value
};

// The moved config files, one per name, as the Secret's keys will be.
std::optional<Error> write_secrets(const std::vector<MovedConfigFile>& moved, const AppPlan& plan,
                                   const ContextOptions& options, ContextResult& result) {
  std::map<std::string, const MovedConfigFile*> by_name;
  for (const auto& m : moved) {
    std::string name = file_name_of(m.file);
    if (!windows_name(name) || plain_path_parts(name).empty())
      return make_error(printable(m.file) + ": not a plain file name for a secret file");
    auto [it, fresh] = by_name.emplace(to_lower(name), &m);
    if (!fresh && it->second->content != m.content)
      return make_error(printable(m.file) +
                        ": two moved sections would share this secret file name");
  }
  if (by_name.empty()) return std::nullopt;
  if (!options.secrets_to) {
    for (const auto& [_, m] : by_name)
      result.secret_files_not_written.push_back(file_name_of(m->file));
    return std::nullopt;
  }
  auto folder = OutputFolder::open(*options.secrets_to);
  if (!folder) return folder.error();
  WriteOptions w;
  w.overwrite = options.replace;
  w.mode = 0600;
  for (const auto& [_, m] : by_name) {
    std::string rel = plan.folder + "/" + file_name_of(m->file);
    if (auto refused = folder->check(rel, w)) return refused;
  }
  for (const auto& [_, m] : by_name) {
    auto written = folder->write(plan.folder + "/" + file_name_of(m->file), m->content, w);
    if (!written) return written.error();
    result.secret_files.push_back(written->string());
  }
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<Volume>> open_context_volume(const std::string& path,
                                                    std::optional<int> partition,
                                                    std::vector<Problem>& problems,
                                                    const std::vector<DataDisk>& disks) {
  ProbeResult probe = probe_source(path);
  if (!probe.error.empty()) return make_error(path + ": " + probe.error);
  // A server, with all its drives, exactly as the collectors read it.
  if (probe.kind == SourceKind::kSystemDrive || probe.kind == SourceKind::kDiskImage) {
    auto opened = open_server(path, probe.is_directory ? std::nullopt : partition, disks, problems);
    if (!opened) return opened.error();
    return std::move(opened->volume);
  }
  if (probe.is_directory)
    return std::unique_ptr<Volume>(std::make_unique<DirectoryVolume>(fs::path(path)));
  return make_error(path + ": neither a folder nor a disk image");
}

// A Secret mounted as a folder the application ships files in hides them in
// the container. The planner names the folder from the files it parsed; this
// catches the files it did not parse (a config\ of .xml or .json files).
void warn_hidden_by_secret_mount(const fs::path& staged, const AppPlan& plan,
                                 ContextResult& result) {
  constexpr std::size_t kNamed = 3;
  std::vector<std::string> seen;
  for (const auto& r : plan.config_rewrites) {
    if (r.secret_folder.empty() || r.moves.empty()) continue;
    if (std::find(seen.begin(), seen.end(), r.secret_folder) != seen.end()) continue;
    seen.push_back(r.secret_folder);
    const std::string prefix = plan.build.app_dir + "\\";
    if (!istarts_with(r.secret_folder, prefix)) continue;
    std::string rel = r.secret_folder.substr(prefix.size());
    std::replace(rel.begin(), rel.end(), '\\', '/');
    std::error_code ec;
    const fs::path dir = staged / plan.build.context_folder / rel;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) continue;
    std::size_t count = 0;
    std::string names;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      if (++count <= kNamed)
        names += (names.empty() ? "" : ", ") + printable(it->path().filename().string());
    }
    if (count == 0) continue;
    result.warnings.push_back(
        "the Secret is mounted at " + r.secret_folder + ", which hides " + std::to_string(count) +
        " file(s) the application ships there (" + names + (count > kNamed ? ", ..." : "") +
        "): move them out of that folder, or the application won't find them in the container");
  }
}

ContextResult write_context(const Volume& volume, const AppPlan& plan,
                            const ContextOptions& options) {
  ContextResult result;
  if (plan.build.copies.empty()) return result;
  if (options.secrets_to && path_inside(*options.secrets_to, options.out)) {
    result.error = make_error("--secrets-to " + options.secrets_to->string() +
                              " is inside the output folder: secret files never go there");
    return result;
  }
  if (!options.replace) {
    for (const auto& c : plan.build.copies) {
      auto parts = plain_path_parts(c.to);
      if (parts.empty()) continue;
      std::error_code ec;
      fs::path target = options.out / plan.folder / parts.front();
      if (fs::exists(fs::symlink_status(target, ec))) {
        result.error = make_error(target.string() + ": exists; use --force to overwrite");
        return result;
      }
    }
  }
  remove_stale_staging(options.out, plan.folder);
  auto staging = StagingFolder::create(options.out, plan.folder);
  if (!staging) {
    result.error = staging.error();
    return result;
  }
  Writer writer(volume, plan, *staging, result);
  for (const auto& c : plan.build.copies) {
    if (auto e = writer.copy(c)) {
      result.error = e;
      return result;  // the staging folder goes, with everything copied so far
    }
  }
  if (auto e = writer.add_fragments()) {
    result.error = e;
    return result;
  }
  writer.report_unused_rewrites();
  warn_hidden_by_secret_mount(staging->path(), plan, result);
  writer.add_env_file();
  if (auto e = write_secrets(writer.moved(), plan, options, result)) {
    result.error = e;
    return result;
  }
  if (auto e = staging->commit(options.replace)) result.error = e;
  return result;
}

bool path_inside(const fs::path& path, const fs::path& dir) {
  auto normal = [](const fs::path& x) {
    std::error_code ec;
    fs::path abs = fs::absolute(x, ec);
    fs::path n = fs::weakly_canonical(abs, ec);
    if (ec) n = abs;
    n = n.lexically_normal();
    return n.has_filename() ? n : n.parent_path();
  };
  fs::path p = normal(path);
  fs::path d = normal(dir);
  auto pi = p.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++pi) {
    if (pi == p.end() || *pi != *di) return false;
  }
  return true;
}

std::string context_summary(std::uint64_t files, std::uint64_t bytes) {
  char size[32];
  if (bytes >= (std::uint64_t{1} << 20)) {
    std::snprintf(size, sizeof size, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(size, sizeof size, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(size, sizeof size, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return std::to_string(files) + (files == 1 ? " file, " : " files, ") + size;
}

}  // namespace liftshift
