// The PE and CLR metadata parsers on a corpus of real assemblies (Mono's,
// under /usr/lib/mono, or the folder in LIFTSHIFT_BENCH_CORPUS), files held in
// memory so only parsing is timed. Counters: files per second, heap
// allocations per file, and heap allocations per name the facts keep
// (type, member, assembly refs, P/Invoke functions...): parsing allocates for
// what it keeps, not for the metadata rows it reads past.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "formats/pe.hpp"

namespace {

std::atomic<std::uint64_t> g_allocations{0};

struct Corpus {
  std::vector<std::string> paths;
  std::vector<std::vector<std::uint8_t>> files;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const char* dir = std::getenv("LIFTSHIFT_BENCH_CORPUS");
    std::filesystem::path root = dir != nullptr ? dir : "/usr/lib/mono";
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(root, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
      auto ext = it->path().extension().string();
      if (ext != ".dll" && ext != ".exe") continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                      std::istreambuf_iterator<char>());
      out.paths.push_back(it->path().string());
      out.files.push_back(std::move(bytes));
    }
    return out;
  }();
  return c;
}

std::size_t kept_names(const liftshift::BinaryFacts& f) {
  std::size_t n = f.type_refs.size() + f.member_refs.size() + f.assembly_refs.size() +
                  f.user_strings.size() + f.entry_calls.size();
  for (const auto& i : f.imports) n += 1 + i.functions.size();
  for (const auto& i : f.delay_imports) n += 1 + i.functions.size();
  for (const auto& i : f.pinvoke_imports) n += 1 + i.functions.size();
  return n;
}

// Parses every file of the corpus once per iteration.
void BM_ParsePeCorpus(benchmark::State& state) {
  const Corpus& c = corpus();
  std::uint64_t allocations = 0;
  std::uint64_t names = 0;
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.files.size(); ++i) {
      std::uint64_t before = g_allocations.load(std::memory_order_relaxed);
      auto facts = liftshift::parse_pe(c.files[i], c.paths[i]);
      allocations += g_allocations.load(std::memory_order_relaxed) - before;
      if (facts) names += kept_names(*facts);
      bytes += c.files[i].size();
      benchmark::DoNotOptimize(facts);
    }
  }
  double files = static_cast<double>(c.files.size()) * static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(files));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["files"] = static_cast<double>(c.files.size());
  state.counters["allocs_per_file"] = static_cast<double>(allocations) / files;
  state.counters["kept_names_per_file"] = static_cast<double>(names) / files;
  state.counters["allocs_per_kept_name"] =
      names > 0 ? static_cast<double>(allocations) / static_cast<double>(names) : 0;
  state.counters["cpu_us_per_file"] =
      benchmark::Counter(files, benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
                         benchmark::Counter::kIs1000);
}
BENCHMARK(BM_ParsePeCorpus)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace

// Counts every heap allocation of the process (the counters above).
void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

BENCHMARK_MAIN();
