// Helpers shared by the tests: where fixtures are, reading files, running
// the liftshift executable.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace liftshift::test {

std::filesystem::path fixtures();         // built fixtures (build/fixtures)
std::filesystem::path source_dir();       // the repository
std::filesystem::path shared_fixtures();  // ../shared/fixtures (third-party data)
// ../shared/fixtures/hives/NAME.xz decompressed at build time, as NAME.
std::filesystem::path shared_hives();
std::filesystem::path exe();  // the liftshift executable

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path);
std::string read_text(const std::filesystem::path& path);

// A fresh temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes text to path()/rel, creating folders.
  std::filesystem::path write(const std::string& rel, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the liftshift executable with args (no shell), capturing stdout/stderr.
RunResult run_liftshift(const std::vector<std::string>& args,
                        const std::vector<std::string>& env = {});

}  // namespace liftshift::test
