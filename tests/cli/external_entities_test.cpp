// External entities are never fetched: liftshift runs on copies of the XXE
// fixtures (tests/fixtures/hostile, xml/) whose http:// entities point at a
// port this test listens on, and nothing connects to it. A connection made
// by the test itself shows the listener would see one.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "hostile_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

// A TCP listener on 127.0.0.1, on a port with five digits (so the fixtures'
// "47291" can be replaced in place, in UTF-8 and UTF-16 files alike).
class Listener {
 public:
  Listener() {
    for (int attempt = 0; attempt < 50 && port_ < 10000; ++attempt) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) continue;
      socklen_t len = sizeof addr;
      ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
      port_ = ntohs(addr.sin_port);
    }
    ::listen(fd_, 16);
  }
  ~Listener() { ::close(fd_); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  [[nodiscard]] int port() const { return port_; }
  // Connections waiting to be accepted.
  int accepted() {
    int n = 0;
    for (int c; (c = ::accept(fd_, nullptr, nullptr)) >= 0; ++n) ::close(c);
    return n;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// s with every "47291" replaced by port, also where it is written in UTF-16LE.
std::string with_port(std::string s, int port) {
  const std::string from = "47291";
  const std::string to = std::to_string(port);
  for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, 5, to);
  std::string wide_from;
  std::string wide_to;
  for (int i = 0; i < 5; ++i) {
    wide_from += std::string{from[static_cast<std::size_t>(i)], '\0'};
    wide_to += std::string{to[static_cast<std::size_t>(i)], '\0'};
  }
  for (std::size_t at; (at = s.find(wide_from)) != std::string::npos;) s.replace(at, 10, wide_to);
  return s;
}

void copy_with_port(const fs::path& from, const fs::path& to, int port) {
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    const fs::path target = to / fs::relative(e.path(), from);
    if (e.is_directory()) {
      fs::create_directories(target);
    } else if (e.is_regular_file()) {
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << with_port(test::read_text(e.path()), port);
    }
  }
}

TEST(ExternalEntities, NothingIsFetched) {
  Listener listener;
  ASSERT_GE(listener.port(), 10000);
  test::TempDir tmp;
  const fs::path xml = test::hostile_fixtures() / "xml";
  copy_with_port(xml / "xxe-site", tmp.path() / "xxe-site", listener.port());
  copy_with_port(xml / "xxe-src", tmp.path() / "xxe-src", listener.port());
  copy_with_port(test::hostile_fixtures() / "drives" / "xml-xxe", tmp.path() / "xml-xxe",
                 listener.port());
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/evil.dtd";
  ASSERT_NE(test::read_text(tmp.path() / "xxe-site" / "Web.config").find(url), std::string::npos);

  const std::vector<std::string> sources{(tmp.path() / "xxe-site").string(),
                                         (tmp.path() / "xxe-src").string(),
                                         (tmp.path() / "xml-xxe").string()};
  const std::vector<std::string> env{"XDG_DATA_HOME=" + (tmp.path() / "data").string()};
  for (std::vector<std::string> args : {std::vector<std::string>{"assess", "-v"},
                                        {"assess", "--format", "json"},
                                        {"inventory"},
                                        {"containerize", "-o", (tmp.path() / "out").string()}}) {
    args.insert(args.end(), sources.begin(), sources.end());
    auto r = test::run_liftshift(args, env);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.out.find("HOSTILE-XXE-MARKER"), std::string::npos) << args[0];
    EXPECT_NE(r.out.find(args[0] == "containerize" ? "wrote" : "&xxe;"), std::string::npos)
        << args[0] << ": the entity reference is reported as written";
  }
  EXPECT_EQ(listener.accepted(), 0) << "liftshift connected to the entity's URL";

  // The control: a connection to the listener is seen.
  const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(listener.port()));
  ASSERT_EQ(::connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_EQ(listener.accepted(), 1);
  ::close(c);
}

}  // namespace
}  // namespace liftshift
