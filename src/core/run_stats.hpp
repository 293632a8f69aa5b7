// Counters for benchmarks: what the collectors asked of the files they read.
// `LIFTSHIFT_STATS=1 liftshift assess ...` prints them to stderr at exit
// (bench/realistic_server.sh reads them); nothing else looks at them.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace liftshift {

struct RunStats {
  std::atomic<std::uint64_t> file_bytes{0};  // bytes Volume::read returned to the parsers
  std::atomic<std::uint64_t> file_reads{0};  // Volume::read calls
  std::atomic<std::uint64_t> pe_parses{0};   // PE files parsed (a copy of one parsed is not)
  std::atomic<std::uint64_t> hive_loads{0};  // registry hives opened (formats/hive)
  // The most parsed binaries a server collector held at once in the folders
  // it had read and not yet released (collect/server_apps).
  std::atomic<std::uint64_t> held_binaries_peak{0};
};

RunStats& run_stats();

// Counts one Volume::read that returned n bytes.
inline void count_file_read(std::uint64_t n) {
  run_stats().file_bytes.fetch_add(n, std::memory_order_relaxed);
  run_stats().file_reads.fetch_add(1, std::memory_order_relaxed);
}

inline void count_pe_parse() { run_stats().pe_parses.fetch_add(1, std::memory_order_relaxed); }
inline void count_hive_load() { run_stats().hive_loads.fetch_add(1, std::memory_order_relaxed); }

// "liftshift stats: parsed_bytes=N file_reads=N pe_parses=N hive_loads=N
// held_binaries_peak=N rchar=N":
// rchar is what the process read through read(2)/pread(2) (/proc/self/io).
std::string run_stats_line();

}  // namespace liftshift
