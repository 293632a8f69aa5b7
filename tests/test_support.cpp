#include "test_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

#include "child_process.hpp"

namespace liftshift::test {

namespace fs = std::filesystem;

fs::path fixtures() { return LIFTSHIFT_FIXTURES; }
fs::path source_dir() { return LIFTSHIFT_SOURCE_DIR; }
fs::path shared_fixtures() { return LIFTSHIFT_SHARED_FIXTURES; }
fs::path shared_hives() { return LIFTSHIFT_SHARED_HIVES; }
fs::path exe() { return LIFTSHIFT_EXE; }

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() /
          ("liftshift-test-" + std::to_string(rd()) + std::to_string(::getpid()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make everything writable again so tests that remove permissions clean up.
  for (auto it = fs::recursive_directory_iterator(
           path_, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& rel, const std::string& content) const {
  fs::path p = path_ / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

namespace {

// Every liftshift run by a test keeps its results in this process's own
// store folder, never in the real ~/.local/share: `assess` writes the
// results store by default.
const fs::path& test_data_home() {
  static const TempDir dir;
  return dir.path();
}

}  // namespace

RunResult run_liftshift(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  ChildOptions options;
  // XDG_DATA_HOME defaults to this process's folder; the caller's env wins.
  bool own_data_home = std::any_of(
      env.begin(), env.end(), [](const std::string& e) { return e.starts_with("XDG_DATA_HOME="); });
  if (!own_data_home) options.env.push_back("XDG_DATA_HOME=" + test_data_home().string());
  options.env.insert(options.env.end(), env.begin(), env.end());
  std::vector<std::string> all{exe().string()};
  all.insert(all.end(), args.begin(), args.end());
  ChildResult child = run_child(all, options);
  return RunResult{child.status(), std::move(child.out), std::move(child.err)};
}

}  // namespace liftshift::test
