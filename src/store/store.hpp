// The results store: every `assess` keeps its result here so a fleet can be
// assessed over weeks and ranked as a whole (`liftshift portfolio`).
// SQLite by default (a file), PostgreSQL for teams and fleets; one schema for
// both, versioned with migrations and created on first use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "core/result.hpp"

namespace liftshift {

// One `assess` invocation, kept as history even when its results are
// replaced by a later run.
struct RunInfo {
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // ISO 8601 UTC
  std::string host;         // where liftshift ran
  std::string command;      // the arguments, for the history
  std::string version;      // liftshift version
  std::string shard;        // "3/8" when run as a shard, else ""
};

struct StoredRun {
  long long id = 0;
  RunInfo info;
  int sources = 0;  // how many sources this run wrote
  int apps = 0;
};

// Selects applications for `liftshift tag`: an app id, an app name, or
// "machine/app-name"; matching is exact and case-insensitive.
struct AppSelector {
  std::string text;
};

// What forget() removed.
struct Forgotten {
  int sources = 0;
  int apps = 0;
  int problems = 0;
};

class ResultStore {
 public:
  virtual ~ResultStore() = default;

  // Writes the report's sources, machines, applications and findings. Each
  // source (by ReportSource::identity) replaces its previous result; the
  // whole report is one transaction, so an interrupted run leaves the
  // previous results intact. Tags survive re-assessment.
  virtual Result<long long> save(const Report& report, const RunInfo& run) = 0;

  // Every application of every source currently in the store, with its tags
  // and machine findings: the estate, for the portfolio.
  virtual Result<Report> load() = 0;

  // For runs that save source by source (`assess --from-list`): begin_run
  // records the run (finished_at empty until finish_run), save_sources
  // writes a report like save() does, in one transaction, under that run.
  // A run never finished was interrupted; what it saved before stays.
  virtual Result<long long> begin_run(const RunInfo& run) = 0;
  virtual Result<int> save_sources(long long run_id, const Report& report) = 0;
  virtual Result<int> finish_run(long long run_id, const std::string& finished_at) = 0;

  // Sets (or, with an empty value, removes) a tag on every application the
  // selector matches; returns how many matched.
  virtual Result<int> set_tag(const AppSelector& apps, const std::string& key,
                              const std::string& value) = 0;

  // Removes what the store keeps for a source, in one transaction: given a
  // location (an absolute path, no '|'), every source at it (each partition,
  // any image id or MachineGuid) and the problems kept for it; given a full
  // identity ("path|qualifier..."), that source alone. Their applications,
  // findings, machines and tags go too; the run history stays.
  virtual Result<Forgotten> forget(const std::string& location_or_identity) = 0;

  virtual Result<std::vector<StoredRun>> runs() = 0;

  // "SQLite /home/u/.local/share/liftshift/results.db" or
  // "PostgreSQL db@host" (never the password).
  virtual std::string describe() const = 0;
};

// "postgresql://..." or "postgres://..." opens PostgreSQL; anything else is a
// SQLite file path (created with its folder). Empty means configured_store("").
Result<std::unique_ptr<ResultStore>> open_store(const std::string& url);

// The store to use: `given` (--store) when set, else $LIFTSHIFT_STORE when set
// and not empty (how fleet-job pods get the URL without putting it on their
// command line), else "" for default_store_path().
std::string configured_store(const std::string& given);

// $XDG_DATA_HOME/liftshift/results.db, else ~/.local/share/liftshift/results.db.
std::string default_store_path();

// The --store value fit to print: the URL with its password (user:PASSWORD@
// and ?password=) replaced by "***".
std::string mask_store_url(const std::string& url);

}  // namespace liftshift
