// `assess --from-list FILE --shard I/N`: the sources to assess, read from a
// list, and the deterministic share of them one of N workers takes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

// Reads the list (core/source_list.hpp) from a file, or from stdin for "-":
// its sources, each once, in list order.
Result<std::vector<std::string>> read_source_list(const std::string& file);

// Worker index of count, 0-based (0 <= index < count) so a Kubernetes
// Indexed Job's JOB_COMPLETION_INDEX can be passed as is.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};

// "I/N" with 0 <= I < N, N >= 1; the error says what is wrong.
Result<Shard> parse_shard(const std::string& text);

// The k-th source (0-based, in list order) goes to shard k mod N: every
// source lands in exactly one shard, and the same list always splits the
// same way.
std::vector<std::string> select_shard(const std::vector<std::string>& sources, Shard shard);

}  // namespace liftshift
