// Writes generated artifacts under OUT safely: never outside OUT, never
// through a symbolic link, never over an existing file unless forced, and
// atomically (a temporary file in the same folder, then a rename or link):
// core/file_writer.hpp's OutputFolder, checked for every artifact first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace liftshift {

// One generated file; path is relative to the application's folder, with '/'.
struct Artifact {
  std::string path;
  std::string content;
};

struct WriteResult {
  std::vector<std::string> written;  // paths relative to OUT
  std::vector<std::string> errors;   // nothing of the folder is written when a check fails
};

// Writes every artifact under out/folder. Checks all of them first (names,
// links, existing files) and writes nothing when one is refused.
WriteResult write_artifacts(const std::filesystem::path& out, const std::string& folder,
                            const std::vector<Artifact>& artifacts, bool force);

}  // namespace liftshift
