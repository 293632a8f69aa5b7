#include "cli/plan_command.hpp"

#include <iostream>

#include "core/file_writer.hpp"
#include "core/text.hpp"
#include "emit/quoting.hpp"
#include "plan/plan_file.hpp"

namespace liftshift {

CLI::App* add_plan_command(CLI::App& app, PlanArgs& args) {
  auto* cmd = app.add_subcommand(
      "plan", "Write every decision containerize takes, and why, as a plan file to edit");
  ContainerizeArgs& p = args.plan;
  cmd->add_option("PATH", p.paths,
                  "Source tree, published application folder, drive or disk image");
  cmd->add_option("--app", p.apps, "Only this application id (repeatable; default: all)");
  cmd->add_option("-o,--output", args.out, "The plan file (default: standard output)");
  add_planning_options(cmd, p);
  cmd->add_option("--partition", p.partition,
                  "Disk images: read this partition (1-based) instead of the one holding Windows");
  cmd->add_flag("--force", args.force, "Overwrite the plan file when it exists");
  cmd->add_flag("--schema", args.schema, "Print the plan file's JSON Schema and exit");
  return cmd;
}

int run_plan(const PlanArgs& args) {
  if (args.schema) {
    std::cout << plan_schema();
    return 0;
  }
  if (args.plan.paths.empty()) {
    std::cerr << "liftshift: plan needs PATH... (or --schema)\n";
    return 2;
  }
  int code = 0;
  auto plan = plan_from_sources(args.plan, code);
  // A plan without one of the sources asked for would look complete: none.
  if (!plan || code != 0) return 2;
  for (const auto& r : plan->refusals) std::cerr << "liftshift: refused: " << r << "\n";
  if (!plan->refusals.empty()) return 2;
  PlanDocument document{std::move(*plan), args.plan.partition};
  std::string text = write_plan_file(document);
  if (args.out.empty()) {
    std::cout << text;
    return code;
  }
  WriteOptions options;
  options.overwrite = args.force;
  auto written = write_file(args.out, text, options);
  if (!written) {
    std::cerr << "liftshift: " << terminal_text(args.out) << ": "
              << printable(written.error().message)
              << (args.force ? "" : " (--force replaces the file)") << "\n";
    return 2;
  }
  std::size_t placeholders = 0;
  for (const auto& app : document.plan.apps) {
    std::cout << terminal_text(app.app_id) << ": "
              << (app.blocked             ? "not a candidate (BLOCKED.md only)"
                  : !app.refusals.empty() ? "refused (see refusals)"
                                          : "planned")
              << "\n";
    placeholders += plan_placeholders(app).size();
  }
  std::cout << "wrote " << terminal_text(args.out) << ": " << document.plan.apps.size()
            << " application(s), " << placeholders
            << " placeholder(s) to fill; then: liftshift containerize --plan "
            << terminal_text(args.out) << " -o OUT\n";
  return code;
}

}  // namespace liftshift
