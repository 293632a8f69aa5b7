#include "core/run_stats.hpp"

#include <fstream>

namespace liftshift {

RunStats& run_stats() {
  static RunStats stats;
  return stats;
}

std::string run_stats_line() {
  std::string rchar = "?";
  std::ifstream io("/proc/self/io");
  for (std::string key, value; io >> key >> value;) {
    if (key == "rchar:") rchar = value;
  }
  const RunStats& s = run_stats();
  return "liftshift stats: parsed_bytes=" + std::to_string(s.file_bytes.load()) +
         " file_reads=" + std::to_string(s.file_reads.load()) +
         " pe_parses=" + std::to_string(s.pe_parses.load()) +
         " hive_loads=" + std::to_string(s.hive_loads.load()) +
         " held_binaries_peak=" + std::to_string(s.held_binaries_peak.load()) + " rchar=" + rchar;
}

}  // namespace liftshift
