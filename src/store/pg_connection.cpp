#include "store/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstring>

#include "store/store_url.hpp"

namespace liftshift {

namespace {

// "?" placeholders to PostgreSQL's "$1", "$2"..., skipping quoted text.
std::string number_placeholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string one_line(const char* text) {
  std::string out;
  for (const char* p = text; p != nullptr && *p != '\0'; ++p) {
    if (*p == '\n' || *p == '\r' || *p == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += *p;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

class PgConnection final : public SqlConnection {
 public:
  PgConnection(PGconn* conn, std::string described)
      : conn_(conn), described_(std::move(described)) {}
  ~PgConnection() override { PQfinish(conn_); }

  [[nodiscard]] SqlDialect dialect() const override { return SqlDialect::kPostgres; }

  Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override {
    retryable_ = false;
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<long long>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    std::string numbered = number_placeholders(sql);
    PGresult* res = PQexecParams(conn_, numbered.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      retryable_ = state != nullptr &&
                   (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0);
      std::string why = one_line(res != nullptr ? PQresultErrorMessage(res) : nullptr);
      if (why.empty()) why = one_line(PQerrorMessage(conn_));
      PQclear(res);
      return make_error(described_ + ": " + why);
    }
    SqlRows rows;
    int n_rows = PQntuples(res);
    int n_cols = PQnfields(res);
    rows.reserve(static_cast<std::size_t>(n_rows));
    for (int r = 0; r < n_rows; ++r) {
      SqlRow row;
      row.reserve(static_cast<std::size_t>(n_cols));
      for (int c = 0; c < n_cols; ++c) {
        if (PQgetisnull(res, r, c) != 0) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(
              std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c))));
        }
      }
      rows.push_back(std::move(row));
    }
    PQclear(res);
    return rows;
  }

  Result<bool> begin_write() override { return run("BEGIN"); }
  Result<bool> begin_read() override {
    return run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Result<bool> commit() override { return run("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  [[nodiscard]] bool last_failure_retryable() const override { return retryable_; }

 private:
  Result<bool> run(const char* sql) {
    auto r = query(sql, {});
    if (!r) return r.error();
    return true;
  }

  PGconn* conn_;
  std::string described_;
  bool retryable_ = false;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_pg_connection(const std::string& url,
                                                          const std::string& described) {
  // connect_timeout and application_name come first so the URL can override
  // them (libpq keeps the last value of a repeated key word).
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"15", "liftshift", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr) return make_error(described + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = one_line(PQerrorMessage(conn));
    PQfinish(conn);
    return make_error(described + ": cannot connect: " + scrub_password(why, url));
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  return std::unique_ptr<SqlConnection>(new PgConnection(conn, described));
}

}  // namespace liftshift
