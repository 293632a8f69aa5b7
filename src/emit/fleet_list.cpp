// The source list of a fleet job, read the way `assess --from-list` reads it
// (core/source_list.hpp) and written back in a form a YAML literal block
// keeps exactly.
#include "core/source_list.hpp"
#include "emit/fleet_job.hpp"

namespace liftshift {

Result<FleetList> read_fleet_list(std::string_view file_text) {
  auto parsed = parse_source_list(file_text);
  if (!parsed) return parsed.error();
  FleetList list;
  list.sources = std::move(parsed->sources);
  // One blank line is as good as many to the reader, and yamllint refuses
  // runs of them even inside a block scalar.
  std::vector<std::string> lines;
  for (auto& line : parsed->lines) {
    bool blank_run = line.empty() && (lines.empty() || lines.back().empty());
    if (!blank_run) lines.push_back(std::move(line));
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (const auto& line : lines) list.text += line + "\n";
  if (list.sources.empty()) return make_error("the list holds no source (only blank lines or #)");
  return list;
}

}  // namespace liftshift
