// Parses each distinct binary once. A server keeps the same DLL (a NuGet
// package, a vendor's runtime) in the bin folder of many sites: the file's
// size and SHA-256 name it, and a later copy takes the facts of the first,
// with its own path, instead of being parsed again. Bounded: once the facts
// kept reach max_bytes, new binaries are still parsed but no longer kept.
#pragma once

#include <array>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/byte_reader.hpp"
#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

class BinaryParseCache {
 public:
  explicit BinaryParseCache(std::uint64_t max_bytes = std::uint64_t{64} << 20)
      : max_bytes_(max_bytes) {}

  // parse_pe(data, path), or the facts of an identical file parsed before
  // (its path replaced by `path`). Safe from several threads: a copy met
  // while its twin is being parsed waits for that parse.
  Result<BinaryFacts> parse(Bytes data, const std::string& path);

 private:
  using Key = std::pair<std::uint64_t, std::array<std::uint8_t, 32>>;
  using Parsed = std::shared_ptr<const Result<BinaryFacts>>;
  std::mutex mutex_;
  std::map<Key, std::shared_future<Parsed>> parsed_;
  std::uint64_t max_bytes_;
  std::uint64_t kept_bytes_ = 0;
};

// About the heap bytes the facts hold (strings and arrays): what the cache counts.
std::uint64_t approximate_bytes(const BinaryFacts& facts);

}  // namespace liftshift
