// A real PostgreSQL server for the store tests (tests/store/pg_server.sh:
// Debian's initdb and pg_ctl, unix socket only, password required).
// Under ctest, one server serves every test: the fixture tests store.pg.start
// and store.pg.stop run it in the build folder and pass its folder in
// LIFTSHIFT_TEST_PG_DIR (tests/CMakeLists.txt). Run directly, a test process
// starts its own server on first use, in a temp folder, and a GoogleTest
// environment stops it when the tests end. When PostgreSQL is not installed
// the tests that need it fail, saying so: CI installs it (scripts/setup.sh).
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift::test {

class PgTestServer {
 public:
  static constexpr const char* kPassword = LIFTSHIFT_TEST_PG_PASSWORD;  // tests/CMakeLists.txt

  static PgTestServer& instance() {
    static PgTestServer server;
    return server;
  }

  // Starts the server if it is not running; false with why() when it cannot.
  bool start() {
    if (started_) return true;
    if (!why_.empty()) return false;
    if (const char* shared = std::getenv("LIFTSHIFT_TEST_PG_DIR"); shared && *shared) {
      shared_dir_ = shared;
      if (std::filesystem::exists(shared_dir_ / "data" / "postmaster.pid")) {
        started_ = true;
        return true;
      }
      why_ = "the shared test server in " + shared_dir_.string() +
             " is not running (see the store.pg.start test's output)";
      return false;
    }
    dir_ = std::make_unique<TempDir>();
    std::string script = (source_dir() / "tests" / "store" / "pg_server.sh").string();
    std::string log = (dir_->path() / "start.log").string();
    int rc = run({"bash", script, "start", socket_dir(), kPassword}, log);
    if (rc != 0) {
      why_ = "could not start the test PostgreSQL server (tests/store/pg_server.sh exit " +
             std::to_string(rc) + "): " + read_log(log);
      return false;
    }
    started_ = true;
    return true;
  }

  void stop() {
    if (!started_ || !shared_dir_.empty()) return;  // the shared server is ctest's to stop
    std::string script = (source_dir() / "tests" / "store" / "pg_server.sh").string();
    run({"bash", script, "stop", socket_dir()}, (dir_->path() / "stop.log").string());
    started_ = false;
  }

  [[nodiscard]] const std::string& why() const { return why_; }

  // postgresql://postgres:PASSWORD@/db?host=SOCKETDIR
  [[nodiscard]] std::string url(const std::string& db,
                                const std::string& password = kPassword) const {
    return "postgresql://postgres:" + password + "@/" + db + "?host=" + socket_dir();
  }

  // A new, empty database; its name is unique within this test process.
  std::string fresh_database() {
    static std::atomic<int> counter{0};
    std::string name = "liftshift_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    std::string error;
    // Test processes share the server: CREATE DATABASE copies template1 and
    // fails while another process's copy holds it, so it is tried again.
    for (int attempt = 0; attempt < 20; ++attempt) {
      if (attempt > 0) ::usleep(200 * 1000);
      error.clear();
      PGconn* conn = PQconnectdb(url("postgres").c_str());
      if (PQstatus(conn) != CONNECTION_OK) {
        error = PQerrorMessage(conn);
      } else {
        PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
        if (PQresultStatus(res) != PGRES_COMMAND_OK) error = PQresultErrorMessage(res);
        PQclear(res);
      }
      PQfinish(conn);
      if (error.find("is being accessed by other users") == std::string::npos) break;
    }
    EXPECT_EQ(error, "") << "creating database " << name;
    return name;
  }

 private:
  PgTestServer() = default;

  [[nodiscard]] std::string socket_dir() const {
    return shared_dir_.empty() ? (dir_->path() / "pg").string() : shared_dir_.string();
  }

  static std::string read_log(const std::string& log) {
    try {
      return read_text(log);
    } catch (const std::exception&) {
      return "";
    }
  }

  // Runs argv with stdout and stderr to log; the exit code.
  static int run(const std::vector<std::string>& argv, const std::string& log) {
    ChildResult r = run_child(argv, {.merge_output = true});
    std::ofstream(log, std::ios::binary) << r.out;
    return r.status();
  }

  std::unique_ptr<TempDir> dir_;
  std::filesystem::path shared_dir_;  // LIFTSHIFT_TEST_PG_DIR, when ctest runs the server
  bool started_ = false;
  std::string why_;
};

// Stops the server (if a test started it) when all tests are done.
class PgServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { PgTestServer::instance().stop(); }
};

inline ::testing::Environment* const kPgServerEnvironment =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

// In a test or SetUp: the running server, or a failure that says why not.
#define LIFTSHIFT_REQUIRE_PG_SERVER()                                            \
  do {                                                                           \
    if (!::liftshift::test::PgTestServer::instance().start()) {                  \
      FAIL() << "PostgreSQL is required for this test and is not available: "    \
             << ::liftshift::test::PgTestServer::instance().why()                \
             << " (install Debian's postgresql package: bash scripts/setup.sh)"; \
    }                                                                            \
  } while (0)

}  // namespace liftshift::test
