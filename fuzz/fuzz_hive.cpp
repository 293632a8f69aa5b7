// Fuzzes registry hive reading through the collectors' own path: the input
// is served as both the SYSTEM and the SOFTWARE hive of an in-memory volume
// and collect_machine reads it as it would a server's. Then every key and
// value reachable within a bounded walk is read through the same Hive API.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "collect/machine_collector.hpp"
#include "formats/hive.hpp"
#include "memory_volume.hpp"
#include "sources/open_source.hpp"

namespace {

void walk(const liftshift::Hive& hive, liftshift::Hive::Node node, int depth, int& budget) {
  if (depth > 32 || budget <= 0) return;
  for (const auto& value : hive.value_names(node)) {
    if (--budget <= 0) return;
    (void)hive.value_text(node, value);
    (void)hive.binary_value(node, value);
  }
  std::string error;
  for (const auto& [name, child] : hive.children(node, &error)) {
    if (--budget <= 0) return;
    walk(hive, child, depth + 1, budget);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> bytes(data, data + size);
  liftshift::fuzz::MemoryVolume volume;
  volume.add(liftshift::kSystemHivePath, bytes);
  volume.add("Windows/System32/config/SOFTWARE", bytes);
  std::vector<liftshift::Problem> problems;
  auto machine = liftshift::collect_machine(volume, problems);
  (void)machine;

  auto hive = liftshift::Hive::open(liftshift::Bytes(data, size), "SYSTEM");
  if (hive) {
    int budget = 20000;
    walk(*hive, hive->root(), 0, budget);
  }
  return 0;
}
