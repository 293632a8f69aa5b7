#include "cli/containerize_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/assess_source.hpp"
#include "cli/server_disks_option.hpp"
#include "collect/collect.hpp"
#include "context/context_writer.hpp"
#include "core/text.hpp"
#include "emit/artifacts.hpp"
#include "emit/quoting.hpp"
#include "plan/plan_disk_paths.hpp"
#include "plan/plan_file.hpp"
#include "plan/planner.hpp"
#include "plan/windows_facts.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

}  // namespace

PlanOptions plan_options(const ContainerizeArgs& args) {
  PlanOptions o;
  if (!args.windows_version.empty())
    o.windows_version = parse_windows_version(args.windows_version);
  if (!args.isolation.empty()) o.isolation = parse_isolation(args.isolation);
  o.orchestrator = parse_orchestrator(args.orchestrator).value_or(Orchestrator::kKubernetes);
  o.registry = args.registry;
  o.config_mode = args.config == "env" ? ConfigMode::kEnv : ConfigMode::kFiles;
  for (const auto& p : args.pipelines) {
    auto kind = parse_pipeline(p);  // CLI11 checked the names
    if (kind && std::find(o.pipelines.begin(), o.pipelines.end(), *kind) == o.pipelines.end())
      o.pipelines.push_back(*kind);
  }
  return o;
}

namespace {

bool unknown_apps(const ContainerizeArgs& args, const Assessment& assessment) {
  bool bad = false;
  for (const auto& id : args.apps) {
    bool found = std::any_of(assessment.apps.begin(), assessment.apps.end(),
                             [&](const AppAssessment& a) { return a.app.id == id; });
    if (!found) {
      std::cerr << "liftshift: no application '" << terminal_text(id) << "'; found:";
      for (const auto& a : assessment.apps) std::cerr << " " << terminal_text(a.app.id);
      std::cerr << "\n";
      bad = true;
    }
  }
  return bad;
}

// The source volumes, each opened once for every application found in it,
// with the data disks the plan records for it.
class ContextVolumes {
 public:
  ContextVolumes(std::optional<int> partition, std::vector<PlanDisk> disks)
      : partition_(partition), disks_(std::move(disks)) {}
  const Volume* get(const std::string& source, std::string& error) {
    auto it = volumes_.find(source);
    if (it == volumes_.end()) it = volumes_.emplace(source, open(source)).first;
    error = it->second.error;
    return it->second.volume.get();
  }

 private:
  struct Entry {
    std::unique_ptr<Volume> volume;
    std::string error;
  };

  Entry open(const std::string& source) const {
    Entry e;
    std::vector<DataDisk> disks;
    std::vector<const PlanDisk*> recorded;
    for (const auto& d : disks_) {
      if (d.source != source) continue;
      std::error_code ec;
      if (!std::filesystem::exists(d.path, ec)) {
        e.error = "its disk " + d.path + " (" + drives_text(d) +
                  ") does not exist: give its path in the plan's disks";
        return e;
      }
      char letter = d.letter.size() == 2 ? d.letter[0] : '\0';
      disks.push_back({d.path, letter});
      recorded.push_back(&d);
    }
    std::vector<Problem> problems;
    auto opened = open_context_volume(source, partition_, problems, disks);
    if (!opened) {
      e.error = opened.error().message;
      return e;
    }
    // A disk that no longer gives the drives it gave when planned is another disk.
    for (const PlanDisk* d : recorded) {
      for (const auto& drive : d->drives) {
        if (!(*opened)->find(drive)) {
          e.error = "its disk " + d->path + " no longer holds drive " + drive + " (" +
                    problem_text(problems, d->path) + ")";
          return e;
        }
      }
    }
    e.volume = std::move(*opened);
    return e;
  }

  static std::string drives_text(const PlanDisk& d) {
    std::string out;
    for (const auto& drive : d.drives) out += (out.empty() ? "" : ", ") + drive;
    return out.empty() ? "no drive read" : "drive " + out;
  }

  // What opening the disk reported, or a default.
  static std::string problem_text(const std::vector<Problem>& problems, const std::string& path) {
    std::string name = printable(std::filesystem::path(path).filename().string());
    for (const auto& p : problems) {
      if (p.path == name || p.path == printable(path)) return p.message;
    }
    return "its partitions were not matched to that letter";
  }

  std::optional<int> partition_;
  std::vector<PlanDisk> disks_;
  std::map<std::string, Entry> volumes_;
};

// Copies the application's build context; false (with the reason printed)
// when nothing could be put in place.
bool copy_context(const ContainerizeArgs& args, ContextVolumes& volumes, AppPlan& app) {
  if (args.no_copy || app.build.copies.empty()) return true;
  std::string error;
  const Volume* volume = volumes.get(app.source, error);
  if (volume == nullptr) {
    std::cerr << "liftshift: " << terminal_text(app.app_id)
              << ": cannot reopen the source: " << printable(error) << "\n";
    return false;
  }
  ContextOptions options;
  options.out = args.out;
  options.replace = args.force;
  if (!args.secrets_to.empty()) options.secrets_to = args.secrets_to;
  ContextResult r = write_context(*volume, app, options);
  if (r.error) {
    std::cerr << "liftshift: " << terminal_text(app.app_id)
              << ": build context not written: " << printable(r.error->message) << "\n";
    return false;
  }
  app.build.context_written = true;
  app.build.context_summary = context_summary(r.files, r.bytes);
  std::string where;
  for (const auto& c : app.build.copies) {
    std::string top = c.to.substr(0, c.to.find('/'));
    if (where.find(top + "/") == std::string::npos)
      where += (where.empty() ? "" : ", ") + top + "/";
  }
  std::cout << terminal_text(app.app_id) << ": copied " << app.build.context_summary << " into "
            << where << "\n";
  for (const auto& w : r.warnings) std::cout << "  left out: " << printable(w) << "\n";
  for (const auto& f : r.secret_files) std::cout << "  secret file: " << printable(f) << "\n";
  if (!r.secret_files_not_written.empty()) {
    std::cout << "  " << r.secret_files_not_written.size()
              << " config section file(s) with secrets were moved out of the context and written "
                 "nowhere (";
    for (std::size_t i = 0; i < r.secret_files_not_written.size(); ++i)
      std::cout << (i ? ", " : "") << printable(r.secret_files_not_written[i]);
    std::cout << "): create them for the Secret, or rerun with --secrets-to DIR\n";
  }
  return true;
}

}  // namespace

PlanningOptions add_planning_options(CLI::App* cmd, ContainerizeArgs& args) {
  PlanningOptions o;
  o.decisions.push_back(cmd->add_option("--windows-version", args.windows_version,
                                        "Windows Server version of the image (default ltsc2022)")
                            ->check(CLI::IsMember({"ltsc2019", "ltsc2022", "ltsc2025"})));
  o.decisions.push_back(
      cmd->add_option("--isolation", args.isolation, "Isolation mode (default process)")
          ->check(CLI::IsMember({"process", "hyperv"})));
  o.decisions.push_back(
      cmd->add_option("--orchestrator", args.orchestrator, "Where it runs (default kubernetes)")
          ->check(CLI::IsMember({"kubernetes", "swarm", "compose"})));
  o.decisions.push_back(
      cmd->add_option("--registry", args.registry, "Image repository, HOST/REPO"));
  o.decisions.push_back(
      cmd->add_option(
             "--config", args.config,
             "How .NET Framework apps get their secrets: files (moved config sections "
             "mounted from the secret store, default) or env (ConfigurationBuilders, 4.7.1+)")
          ->check(CLI::IsMember({"files", "env"})));
  o.decisions.push_back(
      cmd->add_option("--pipeline", args.pipelines,
                      "Write a CI pipeline per application that rebuilds the image on every change "
                      "and on the monthly base image: github, azure, gitlab (repeatable or a comma "
                      "list)")
          ->delimiter(',')
          ->check(CLI::IsMember({"github", "azure", "gitlab"})));
  o.disks.push_back(cmd->add_option("--disk", args.disks, kDiskOptionHelp));
  o.disks.push_back(cmd->add_flag("--server", args.server, kServerOptionHelp));
  return o;
}

void explain_parse_error(const CLI::App* containerize, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::ExcludesError*>(&e) == nullptr || containerize == nullptr ||
      containerize->count("--plan") == 0)
    return;
  std::cerr << "liftshift: the plan file holds the planning options (--windows-version, "
               "--isolation, --orchestrator, --registry, --config, --pipeline): edit them in it, "
               "or run liftshift plan again with them\n";
}

CLI::App* add_containerize_command(CLI::App& app, ContainerizeArgs& args) {
  auto* cmd = app.add_subcommand(
      "containerize", "Plan each candidate application and write its container artifacts");
  cmd->add_option("PATH", args.paths, "Source tree or published application folder");
  CLI::Option* plan = cmd->add_option(
      "--plan", args.plan_file,
      "Write the artifacts from this plan file (liftshift plan), edited or not, "
      "instead of planning PATH; the sources are read only to copy the build context");
  cmd->add_option("--app", args.apps, "Only this application id (repeatable; default: all)");
  cmd->add_option("-o,--output", args.out, "Output folder: one sub-folder per application")
      ->required();
  cmd->add_flag("--force", args.force, "Overwrite files that already exist in the output folder");
  cmd->add_flag("--no-copy", args.no_copy,
                "Write the artifacts only: copy the application into the build context yourself");
  cmd->add_option("--secrets-to", args.secrets_to,
                  "Write the config sections moved out for their secrets here (outside -o), one "
                  "folder per application, for kubectl create secret generic --from-file");
  cmd->add_option("--partition", args.partition,
                  "Disk images: read this partition (1-based) instead of the one holding Windows");
  // A plan file holds every planning decision: they are edited there.
  for (CLI::Option* o : add_planning_options(cmd, args).decisions) plan->excludes(o);
  return cmd;
}

std::optional<Plan> plan_from_sources(const ContainerizeArgs& args, int& code) {
  PlanOptions options = plan_options(args);
  auto refused = refused_options(options);
  for (const auto& r : refused) std::cerr << "liftshift: refused: " << r << "\n";
  if (!refused.empty()) return std::nullopt;
  CollectOptions collect_options;
  if (args.partition > 0) collect_options.partition = args.partition;
  auto grouped = server_sources(args.paths, args.disks, args.server, collect_options.partition);
  if (!grouped) {
    std::cerr << "liftshift: " << grouped.error().message << "\n";
    return std::nullopt;
  }
  collect_options.disks = grouped->disks;
  // Each application is assessed as soon as it is collected and keeps what
  // the planner reads (cli/assess_source.hpp).
  SourceCollector collector(collect_options);
  Assessment assessment;
  for (const auto& path : grouped->paths) {
    append(assessment, assess_source(collector, path, SlimAfterRules::kPlan), /*slim=*/false);
  }
  for (const auto& s : assessment.sources) {
    if (!s.handled) {
      std::cerr << "liftshift: " << terminal_text(s.path) << ": " << terminal_text(s.note) << "\n";
      code = kExitUsage;
    }
  }
  if (unknown_apps(args, assessment)) return std::nullopt;
  return make_plan(assessment, options, args.apps);
}

namespace {

// Reads --plan; nullopt (the errors printed) when it cannot be used.
std::optional<PlanDocument> read_plan_argument(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "liftshift: cannot read the plan " << terminal_text(file) << "\n";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  PlanReadResult read = read_plan_file(text.str(), file);
  for (const auto& e : read.errors) std::cerr << "liftshift: " << terminal_text(e) << "\n";
  if (read.document) {
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::absolute(file, ec).parent_path();
    if (!ec) resolve_disk_paths(read.document->plan, folder);
  }
  return std::move(read.document);
}

// The plan's data disks are all where the plan says (the errors printed):
// a server copied from its system disk alone would miss what lies on D:.
bool disks_exist(const Plan& plan, const std::string& file) {
  bool ok = true;
  for (std::size_t i = 0; i < plan.disks.size(); ++i) {
    const PlanDisk& d = plan.disks[i];
    std::error_code ec;
    if (std::filesystem::exists(d.path, ec)) continue;
    std::string drives;
    for (const auto& drive : d.drives) drives += (drives.empty() ? "" : ", ") + drive;
    std::cerr << "liftshift: " << terminal_text(file) << ": disks[" << i
              << "]: " << terminal_text(d.path) << ", the data disk of " << terminal_text(d.source)
              << (drives.empty() ? std::string() : " that held " + drives)
              << ", does not exist: give its path in the plan's disks\n";
    ok = false;
  }
  return ok;
}

}  // namespace

int run_containerize(const ContainerizeArgs& args) {
  if (args.plan_file.empty() == args.paths.empty()) {
    std::cerr << "liftshift: containerize needs PATH... or --plan FILE (one of them)\n";
    return kExitUsage;
  }
  if (!args.secrets_to.empty() && path_inside(args.secrets_to, args.out)) {
    std::cerr << "liftshift: refused: --secrets-to " << args.secrets_to
              << " is inside the output folder " << args.out
              << ": the files holding secrets must stay out of every build context\n";
    return kExitUsage;
  }
  if (!args.plan_file.empty() && (!args.disks.empty() || args.server)) {
    std::cerr << "liftshift: refused: --disk and --server can't be used with --plan: the plan file "
                 "records the server's disks (its disks: list, with the drive letters each "
                 "holds); edit their paths there, or run liftshift plan again with --disk or "
                 "--server\n";
    return kExitUsage;
  }
  int code = kExitOk;
  Plan plan;
  int partition = args.partition;
  if (!args.plan_file.empty()) {
    auto document = read_plan_argument(args.plan_file);
    if (!document) return kExitUsage;
    plan = std::move(document->plan);
    if (partition == 0) partition = document->partition;
    if (!args.no_copy && !disks_exist(plan, args.plan_file)) return kExitUsage;
  } else {
    auto planned = plan_from_sources(args, code);
    if (!planned) return kExitUsage;
    plan = std::move(*planned);
  }
  for (const auto& r : plan.refusals) std::cerr << "liftshift: refused: " << r << "\n";
  if (!plan.refusals.empty()) return kExitUsage;
  if (plan.apps.empty()) std::cout << "No applications found.\n";
  ContextVolumes volumes(partition > 0 ? std::optional<int>(partition) : std::nullopt, plan.disks);
  for (auto& app : plan.apps) {
    if (!app.refusals.empty()) {
      for (const auto& r : app.refusals)
        std::cerr << "liftshift: " << terminal_text(app.app_id) << ": refused: " << terminal_text(r)
                  << "\n";
      code = kExitUsage;
      continue;
    }
    if (!app.blocked && !copy_context(args, volumes, app)) {
      code = kExitUsage;
      continue;
    }
    auto result = write_artifacts(args.out, app.folder, render_artifacts(app), args.force);
    for (const auto& e : result.errors) std::cerr << "liftshift: " << terminal_text(e) << "\n";
    if (!result.errors.empty()) {
      code = kExitUsage;
      continue;
    }
    std::cout << terminal_text(app.app_id) << ": "
              << (!app.blocked ? "wrote " + std::to_string(result.written.size()) + " files"
                  : app.verdict == Verdict::kUnknown
                      ? std::string("not assessed, wrote BLOCKED.md")
                      : std::string("not a candidate, wrote BLOCKED.md"))
              << " in " << terminal_text((std::filesystem::path(args.out) / app.folder).string())
              << "\n";
    for (const auto& w : app.warnings) std::cout << "  warning: " << terminal_text(w) << "\n";
  }
  return code;
}

}  // namespace liftshift
