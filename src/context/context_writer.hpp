// The context writer: copies what BuildPlan::copies names from the
// application's source — reopened as the same read-only Volume the collectors
// read (a folder, a copied system drive, a partition of a disk image) — into
// the application's folder of OUT, and rewrites its configuration files as
// AppPlan::config_rewrites says. Atomic per application (assembled in a
// staging folder, then moved into place), never writes outside OUT, follows
// no link or reparse point, streams big files, never changes the input.
// The moved configuration sections hold secrets: they are written only to
// the folder the user named with --secrets-to (outside OUT), never under OUT.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "core/result.hpp"
#include "sources/server_disks.hpp"
#include "sources/volume.hpp"

namespace liftshift {

struct ContextOptions {
  std::filesystem::path out;  // OUT: the application's folder is out / plan.folder
  bool replace = false;       // --force: an existing app/ (src/, seed/...) is replaced
  // --secrets-to DIR: the moved config files with their real values go to
  // DIR/<plan.folder>/<file name>, mode 0600. Unset: they are written nowhere.
  std::optional<std::filesystem::path> secrets_to;
};

struct ContextResult {
  std::uint64_t files = 0;  // files copied (rewritten configs included)
  std::uint64_t bytes = 0;
  std::vector<std::string> warnings;                  // what was left out and why; printable
  std::vector<std::string> secret_files;              // written under secrets_to
  std::vector<std::string> secret_files_not_written;  // moved, but no --secrets-to
  std::optional<Error> error;                         // nothing of the context was put in place
};

// The source as the collectors read it: a folder (application folder, source
// tree, copied system drive) as is, a disk image through its partition.
Result<std::unique_ptr<Volume>> open_context_volume(const std::string& path,
                                                    std::optional<int> partition,
                                                    std::vector<Problem>& problems,
                                                    const std::vector<DataDisk>& disks = {});

ContextResult write_context(const Volume& volume, const AppPlan& plan,
                            const ContextOptions& options);

// True when path is dir or lies inside it (both made absolute and normal,
// links resolved as far as they exist).
bool path_inside(const std::filesystem::path& path, const std::filesystem::path& dir);

// "412 files, 3.1 MiB".
std::string context_summary(std::uint64_t files, std::uint64_t bytes);

}  // namespace liftshift
