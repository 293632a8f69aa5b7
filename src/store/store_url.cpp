#include "store/store_url.hpp"

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "store/pg_connection.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_connection.hpp"
#include "store/store.hpp"

namespace liftshift {

namespace {

constexpr const char* kMask = "***";

// The value of one key word of a libpq connection string or URI, "" when
// absent or unparseable.
std::string conninfo_value(const std::string& url, const char* keyword) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (error != nullptr) PQfreemem(error);
  if (options == nullptr) return {};
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (std::string(o->keyword) == keyword && o->val != nullptr) out = o->val;
  }
  PQconninfoFree(options);
  return out;
}

void replace_all(std::string& text, const std::string& what, const std::string& with) {
  if (what.empty()) return;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

}  // namespace

bool is_postgres_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string mask_store_url(const std::string& url) {
  std::string out = url;
  std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t query = out.find('?', start);
    std::size_t at = out.rfind('@', query == std::string::npos ? std::string::npos : query);
    if (at != std::string::npos && at > start) {
      std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, kMask);
    }
  }
  // password=... in the query string, up to the next parameter.
  for (std::size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&' && out[p - 1] != ' ') continue;
    std::size_t begin = p + 9;
    std::size_t end = out.find_first_of("& ", begin);
    out.replace(begin, (end == std::string::npos ? out.size() : end) - begin, kMask);
  }
  // Whatever the URL's shape, the password libpq would use never stays.
  replace_all(out, conninfo_value(url, "password"), kMask);
  return out;
}

std::string scrub_password(const std::string& text, const std::string& url) {
  std::string out = text;
  std::string masked = mask_store_url(url);
  if (masked != url) replace_all(out, url, masked);
  replace_all(out, conninfo_value(url, "password"), kMask);
  return out;
}

std::string describe_postgres_url(const std::string& url) {
  std::string db = conninfo_value(url, "dbname");
  std::string host = conninfo_value(url, "host");
  std::string port = conninfo_value(url, "port");
  if (db.empty()) db = conninfo_value(url, "user");
  if (host.empty()) host = "localhost";
  return "PostgreSQL " + (db.empty() ? std::string("postgres") : db) + "@" + host +
         (port.empty() ? "" : ":" + port);
}

std::string default_store_path() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  fs::path base;
  // The XDG spec says relative values are to be ignored.
  if (xdg != nullptr && *xdg != '\0' && fs::path(xdg).is_absolute()) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
      const passwd* pw = ::getpwuid(::getuid());
      home = pw != nullptr ? pw->pw_dir : "/tmp";
    }
    base = fs::path(home) / ".local" / "share";
  }
  return (base / "liftshift" / "results.db").string();
}

std::string configured_store(const std::string& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("LIFTSHIFT_STORE");
  return env != nullptr && *env != '\0' ? env : "";
}

Result<std::unique_ptr<ResultStore>> open_store(const std::string& given) {
  std::string url = configured_store(given);
  if (is_postgres_url(url)) {
    std::string described = describe_postgres_url(url);
    auto conn = open_pg_connection(url, described);
    if (!conn) return conn.error();
    return open_sql_store(std::move(conn).value(), described);
  }
  std::string path = url.empty() ? default_store_path() : url;
  auto conn = open_sqlite_connection(path);
  if (!conn) return conn.error();
  return open_sql_store(std::move(conn).value(), "SQLite " + path);
}

}  // namespace liftshift
