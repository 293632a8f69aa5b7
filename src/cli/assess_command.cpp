#include "cli/assess_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>

#include "cli/assess_source.hpp"
#include "cli/fail_on.hpp"
#include "cli/progress.hpp"
#include "cli/report_output.hpp"
#include "cli/server_disks_option.hpp"
#include "cli/source_list.hpp"
#include "cli/store_access.hpp"
#include "collect/collect.hpp"
#include "core/report.hpp"
#include "emit/assessment_json.hpp"
#include "emit/assessment_text.hpp"
#include "emit/quoting.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitFailOn = 3;

bool colour_wanted(FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return ::isatty(::fileno(stream)) != 0;
}

// Reports every source that could not be read; true when there was one.
bool report_failed_sources(const std::vector<Source>& sources) {
  bool failed = false;
  for (const auto& s : sources) {
    if (s.handled) continue;
    std::cerr << "liftshift: " << terminal_text(s.path) << ": " << terminal_text(s.note) << "\n";
    failed = true;
  }
  return failed;
}

CollectOptions collect_options(const AssessArgs& args) {
  CollectOptions options;
  if (args.partition > 0) options.partition = args.partition;
  return options;
}

// The PATHs with --server and --disk applied: the sources to collect, the
// data disks in options.
Result<std::vector<std::string>> with_server_disks(const AssessArgs& args,
                                                   std::vector<std::string> paths,
                                                   CollectOptions& options) {
  if (args.disks.empty() && !args.server) return paths;
  if (!args.from_list.empty()) {
    return make_error("--disk and --server read one server: they do not go with --from-list");
  }
  auto grouped = server_sources(paths, args.disks, args.server, options.partition);
  if (!grouped) return grouped.error();
  options.disks = std::move(grouped->disks);
  return std::move(grouped->paths);
}

void add_server_options(CLI::App* cmd, AssessArgs& args) {
  cmd->add_option("--disk", args.disks, kDiskOptionHelp);
  cmd->add_flag("--server", args.server, kServerOptionHelp);
}

// The PATH arguments, then the --from-list entries, each once, then this
// worker's shard of them. Empty with an error message when they are unusable.
Result<std::vector<std::string>> sources_to_assess(const AssessArgs& args) {
  std::vector<std::string> all = args.paths;
  if (!args.from_list.empty()) {
    auto listed = read_source_list(args.from_list);
    if (!listed) return listed.error();
    all.insert(all.end(), listed->begin(), listed->end());
  }
  if (all.empty()) {
    return make_error(args.from_list.empty() ? "give a PATH to assess, or --from-list FILE"
                                             : "the list " + args.from_list + " names no source");
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& s : all) {
    if (seen.insert(s).second) unique.push_back(std::move(s));
  }
  if (args.shard.empty()) return unique;
  auto shard = parse_shard(args.shard);
  if (!shard) return shard.error();
  return select_shard(unique, *shard);
}

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

// The command for the run history, with any store password masked.
std::string command_line(const AssessArgs& args) {
  constexpr std::size_t kMaxPaths = 20;
  std::string out = "liftshift assess";
  for (std::size_t i = 0; i < args.paths.size() && i < kMaxPaths; ++i) out += " " + args.paths[i];
  if (args.paths.size() > kMaxPaths) {
    out += " (and " + std::to_string(args.paths.size() - kMaxPaths) + " more)";
  }
  if (!args.from_list.empty()) out += " --from-list " + args.from_list;
  if (!args.shard.empty()) out += " --shard " + args.shard;
  if (std::string store = configured_store(args.store); !store.empty()) {
    out += " --store " + masked_store(store);
  }
  if (args.partition > 0) out += " --partition " + std::to_string(args.partition);
  for (const auto& d : args.disks) out += " --disk " + d;
  if (args.server) out += " --server";
  return out;
}

void append(Report& all, Report one) {
  for (auto& s : one.sources) all.sources.push_back(std::move(s));
  for (auto& a : one.apps) all.apps.push_back(std::move(a));
  for (auto& p : one.problems) all.problems.push_back(std::move(p));
}

// The report in the chosen format. text and json are the assessment's own
// formats; html, csv and sarif are rendered from the flattened Report by the
// report renderers (emit/report_render.hpp).
Result<std::string> render(const AssessArgs& args, const Assessment& assessment,
                           const Report& report) {
  if (args.format == "json") return dump_json(assessment_to_json(assessment));
  if (args.format == "text") {
    bool to_terminal = args.output.empty() || args.output == "-";
    return assessment_to_text(assessment, {args.verbose, to_terminal && colour_wanted(stdout)});
  }
  return render_ranked_report(report, args.format);
}

}  // namespace

AssessCommands add_assess_commands(CLI::App& app, AssessArgs& args) {
  AssessCommands cmds;
  auto* assess_cmd = app.add_subcommand(
      "assess", "Assess every application found in the given sources and keep the results");
  assess_cmd->add_option("PATH", args.paths,
                         "Source tree, published application folder, copied system drive or "
                         "disk image");
  assess_cmd->add_option("--format", args.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "html", "csv", "sarif"}));
  assess_cmd->add_flag("-v,--verbose", args.verbose,
                       "Every finding with evidence and remediation, and every problem");
  assess_cmd->add_option("--fail-on", args.fail_on, "Exit 3 when an application reaches this level")
      ->check(CLI::IsMember({"blocker", "change"}));
  assess_cmd->add_option("-o,--output", args.output,
                         "Write the report to this file instead of stdout");
  assess_cmd
      ->add_option("--partition", args.partition,
                   "Disk images: read this partition (1-based) instead of the one holding Windows")
      ->check(CLI::Range(1, 1024));
  add_server_options(assess_cmd, args);
  auto* store = assess_cmd->add_option("--store", args.store, kStoreOptionHelp);
  assess_cmd->add_flag("--no-store", args.no_store, "Do not keep the results")->excludes(store);
  assess_cmd->add_option("--from-list", args.from_list,
                         "Also assess every source listed in FILE, one per line (- = stdin)");
  assess_cmd->add_option("--shard", args.shard,
                         "I/N: assess only the sources k with k mod N = I (I is 0-based)");
  cmds.assess = assess_cmd;

  auto* inventory_cmd =
      app.add_subcommand("inventory", "Print what was found (JSON), before any rule runs");
  inventory_cmd->add_option("PATH", args.paths, "Source tree or published application folder")
      ->required();
  inventory_cmd->add_option("-o,--output", args.output, "Write to this file instead of stdout");
  inventory_cmd
      ->add_option("--partition", args.partition, "Disk images: read this partition (1-based)")
      ->check(CLI::Range(1, 1024));
  add_server_options(inventory_cmd, args);
  cmds.inventory = inventory_cmd;
  return cmds;
}

int run_inventory(const AssessArgs& args) {
  CollectOptions options = collect_options(args);
  auto paths = with_server_disks(args, args.paths, options);
  if (!paths) {
    std::cerr << "liftshift: " << paths.error().message << "\n";
    return kExitUsage;
  }
  Inventory inventory = collect(*paths, options);
  std::string text = dump_json(inventory_to_json(inventory));
  if (auto error = write_report_output(args.output, text)) {
    std::cerr << "liftshift: " << error->message << "\n";
    return kExitUsage;
  }
  return report_failed_sources(inventory.sources) ? kExitUsage : kExitOk;
}

int run_assess(const AssessArgs& args) {
  CollectOptions options = collect_options(args);
  auto sources = sources_to_assess(args);
  if (sources) sources = with_server_disks(args, std::move(sources).value(), options);
  if (!sources) {
    std::cerr << "liftshift: " << sources.error().message << "\n";
    return kExitUsage;
  }
  std::unique_ptr<ResultStore> store;
  long long run_id = 0;
  if (!args.no_store) {
    auto opened = open_store_or_report(args.store);
    if (!opened) return kExitUsage;
    store = std::move(opened).value();
    RunInfo run{utc_now_iso8601(), "",        host_name(), command_line(args),
                LIFTSHIFT_VERSION, args.shard};
    auto begun = store->begin_run(run);
    if (!begun) return report_store_error(begun.error());
    run_id = *begun;
  }

  // One source at a time, each application assessed as soon as it is
  // collected (cli/assess_source.hpp): `all` keeps only what the report
  // prints (without parsed files).
  ProgressReporter progress(std::cerr, sources->size(), ::isatty(STDERR_FILENO) != 0,
                            ProgressReporter::steady_clock());
  SourceCollector collector(options);
  Assessment all;
  Report report;
  report.title = "liftshift assessment";
  report.generated_at = utc_now_iso8601();
  for (const auto& path : *sources) {
    progress.start(path);
    Assessment assessment = assess_source(collector, path, SlimAfterRules::kReport);
    Report one = report_from_assessment(assessment, utc_now_iso8601());
    if (store) {
      auto saved = store->save_sources(run_id, one);
      if (!saved) {
        progress.finish();
        std::cerr << "liftshift: " << terminal_text(path) << ": not saved\n";
        return report_store_error(saved.error());
      }
    }
    append(all, std::move(assessment), /*slim=*/true);
    append(report, std::move(one));
    progress.done();
  }
  progress.finish();
  if (store) {
    auto finished = store->finish_run(run_id, utc_now_iso8601());
    if (!finished) return report_store_error(finished.error());
  }

  auto text = render(args, all, report);
  if (!text) {
    std::cerr << "liftshift: " << text.error().message << "\n";
    return kExitUsage;
  }
  int code = args.fail_on.empty() ? kExitOk : (fails_on(all, args.fail_on) ? kExitFailOn : kExitOk);
  if (auto error = write_report_output(args.output, *text)) {
    std::cerr << "liftshift: " << error->message << "\n";
    return kExitUsage;
  }
  return report_failed_sources(all.sources) ? kExitUsage : code;
}

}  // namespace liftshift
