// Helpers for the hostile-input tests: where tests/fixtures/hostile/build.sh
// put its files, the manifests that say how each damaged file was made, and
// the list of planted secrets that must never be output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift::test {

inline std::filesystem::path hostile_fixtures() { return fixtures() / "hostile"; }

// One line of a manifest.tsv written by tests/fixtures/hostile/mutate.py.
struct DamagedFile {
  std::string file;          // name in the manifest's folder
  std::string source;        // the real file it was made from
  std::string kind;          // "flip", "cut" or "patch"
  std::uint64_t offset = 0;  // the byte flipped, the length kept, the field patched
  std::string value;         // the bit flipped, or the value written
  std::string region;        // what the offset is part of
};

inline std::vector<DamagedFile> read_manifest(const std::filesystem::path& dir) {
  std::vector<DamagedFile> rows;
  std::ifstream in(dir / "manifest.tsv");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    DamagedFile row;
    std::string offset;
    std::getline(fields, row.file, '\t');
    std::getline(fields, row.source, '\t');
    std::getline(fields, row.kind, '\t');
    std::getline(fields, offset, '\t');
    std::getline(fields, row.value, '\t');
    std::getline(fields, row.region, '\t');
    row.offset = std::stoull(offset);
    rows.push_back(std::move(row));
  }
  return rows;
}

// Every secret planted in the hostile secrets fixture (secrets/secrets.txt),
// plus the sample's own planted passwords.
inline std::vector<std::string> planted_secrets() {
  std::vector<std::string> out{"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd", "Exp0rt!Pwd",
                               "ZXhhbXBsZSBvbmx5"};
  std::ifstream in(hostile_fixtures() / "secrets" / "secrets.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// The planted secrets found in text: empty when nothing leaked.
inline std::vector<std::string> leaked_secrets(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& s : planted_secrets()) {
    if (text.find(s) != std::string::npos) found.push_back(s);
  }
  return found;
}

// The unprivileged user the tests drop to when they run as root (nobody).
inline constexpr int kNobody = 65534;

}  // namespace liftshift::test
