// The source list of a fleet job, read the way `assess --from-list` reads it
// and written back in a form a YAML literal block keeps exactly.
#include <set>

#include "core/text.hpp"
#include "emit/fleet_job.hpp"

namespace liftshift {

Result<FleetList> read_fleet_list(std::string_view file_text) {
  FleetList list;
  std::vector<std::string> lines;
  std::size_t number = 0;
  std::set<std::string> seen;
  // A byte order mark (Notepad writes one) is not part of the first path.
  std::size_t start = file_text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (start < file_text.size()) {
    std::size_t end = file_text.find('\n', start);
    if (end == std::string_view::npos) end = file_text.size();
    std::string line = trim(file_text.substr(start, end - start));
    ++number;
    // The ConfigMap value must be UTF-8, and a control character in a path is
    // either a typing error or an attempt to confuse whoever reads the list.
    if (printable(line) != line) {
      return make_error("line " + std::to_string(number) +
                        ": invalid UTF-8 or a control character: " + printable(line));
    }
    // `assess --from-list` assesses a source listed twice once, before it
    // takes its shard: count it once too.
    if (!line.empty() && line.front() != '#' && seen.insert(line).second)
      list.sources.push_back(line);
    // One blank line is as good as many to the reader, and yamllint refuses
    // runs of them even inside a block scalar.
    bool blank_run = line.empty() && (lines.empty() || lines.back().empty());
    if (!blank_run) lines.push_back(std::move(line));
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (const auto& line : lines) list.text += line + "\n";
  if (list.sources.empty()) return make_error("the list holds no source (only blank lines or #)");
  return list;
}

}  // namespace liftshift
