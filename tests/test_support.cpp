#include "test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace liftshift::test {

namespace fs = std::filesystem;

fs::path fixtures() { return LIFTSHIFT_FIXTURES; }
fs::path source_dir() { return LIFTSHIFT_SOURCE_DIR; }
fs::path shared_fixtures() { return LIFTSHIFT_SHARED_FIXTURES; }
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

std::string env_name(const std::string& assignment) {
  return assignment.substr(0, assignment.find('='));
}

std::string slurp_fd(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}
}  // namespace

RunResult run_liftshift(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  // The caller's env wins over the inherited one; XDG_DATA_HOME defaults to a temp folder.
  std::vector<std::string> envs;
  std::vector<std::string> overridden{"XDG_DATA_HOME"};
  for (const auto& e : env) overridden.push_back(env_name(e));
  for (char** p = environ; *p; ++p) {
    std::string e(*p);
    if (std::find(overridden.begin(), overridden.end(), env_name(e)) == overridden.end()) {
      envs.push_back(std::move(e));
    }
  }
  bool own_data_home = std::any_of(
      env.begin(), env.end(), [](const std::string& e) { return env_name(e) == "XDG_DATA_HOME"; });
  if (!own_data_home) envs.push_back("XDG_DATA_HOME=" + test_data_home().string());
  envs.insert(envs.end(), env.begin(), env.end());
  TempDir tmp;
  fs::path out_path = tmp.path() / "out";
  fs::path err_path = tmp.path() / "err";
  pid_t pid = ::fork();
  if (pid == 0) {
    int o = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(o, 1);
    ::dup2(e, 2);
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    std::vector<std::string> all{exe().string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& s : envs) envp.push_back(s.data());
    envp.push_back(nullptr);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int o = ::open(out_path.c_str(), O_RDONLY);
  int e = ::open(err_path.c_str(), O_RDONLY);
  r.out = slurp_fd(o);
  r.err = slurp_fd(e);
  ::close(o);
  ::close(e);
  return r;
}

}  // namespace liftshift::test
