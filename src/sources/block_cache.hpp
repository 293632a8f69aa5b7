// Blocks of the virtual disk kept after they were read, so the small reads
// libfsntfs makes again and again (MFT entries, index blocks, the same
// folder's index for every file in it) cost one read of the image each. A
// fixed number of blocks, least recently used evicted first. Large reads
// (file contents) fill their whole blocks straight from the image without
// evicting what is cached: only the blocks at their two ends go through it.
// Not thread-safe: DiskImage calls it under its lock.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

class BlockCache {
 public:
  static constexpr std::size_t kBlockSize = std::size_t{16} << 10;
  static constexpr std::size_t kDefaultBlocks = 1024;  // 16 MiB

  // fetch(offset, out) reads exactly out.size() bytes of the disk at offset
  // (fewer only at its end); disk_size bounds every block.
  using Fetch = std::function<Result<std::size_t>(std::uint64_t, std::span<std::uint8_t>)>;
  BlockCache(std::uint64_t disk_size, Fetch fetch, std::size_t blocks = kDefaultBlocks);

  // Fills out from offset, which lies within the disk; out.size() bytes at
  // most, fewer at the end of the disk.
  Result<std::size_t> read(std::uint64_t offset, std::span<std::uint8_t> out);

 private:
  struct Block {
    std::uint64_t index = 0;
    std::vector<std::uint8_t> data;  // shorter than kBlockSize only for the disk's last block
  };
  // The cached block, read and inserted when missing; null when the read failed.
  Result<const Block*> block(std::uint64_t index);

  std::uint64_t disk_size_;
  Fetch fetch_;
  std::size_t capacity_;
  std::list<Block> lru_;  // most recently used first
  std::unordered_map<std::uint64_t, std::list<Block>::iterator> by_index_;
};

}  // namespace liftshift
