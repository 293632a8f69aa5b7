#include "sources/block_cache.hpp"

#include <algorithm>
#include <cstring>

namespace liftshift {

BlockCache::BlockCache(std::uint64_t disk_size, Fetch fetch, std::size_t blocks)
    : disk_size_(disk_size),
      fetch_(std::move(fetch)),
      capacity_(std::max<std::size_t>(blocks, 1)) {}

Result<const BlockCache::Block*> BlockCache::block(std::uint64_t index) {
  if (auto it = by_index_.find(index); it != by_index_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return &*it->second;
  }
  Block fresh;
  if (lru_.size() >= capacity_) {  // reuse the evicted block's buffer
    fresh = std::move(lru_.back());
    by_index_.erase(fresh.index);
    lru_.pop_back();
  }
  std::uint64_t start = index * kBlockSize;
  fresh.index = index;
  fresh.data.resize(
      static_cast<std::size_t>(std::min<std::uint64_t>(kBlockSize, disk_size_ - start)));
  auto n = fetch_(start, fresh.data);
  if (!n) return n.error();
  fresh.data.resize(*n);
  lru_.push_front(std::move(fresh));
  by_index_[index] = lru_.begin();
  return &lru_.front();
}

Result<std::size_t> BlockCache::read(std::uint64_t offset, std::span<std::uint8_t> out) {
  std::size_t want = static_cast<std::size_t>(
      std::min<std::uint64_t>(out.size(), offset < disk_size_ ? disk_size_ - offset : 0));
  std::size_t done = 0;
  while (done < want) {
    std::uint64_t at = offset + done;
    std::uint64_t index = at / kBlockSize;
    std::size_t within = static_cast<std::size_t>(at % kBlockSize);
    std::size_t left = want - done;
    // Whole blocks not cached: straight from the image, in one read.
    if (within == 0 && left >= kBlockSize && !by_index_.contains(index)) {
      std::size_t run = kBlockSize;
      while (run + kBlockSize <= left && !by_index_.contains(index + run / kBlockSize)) {
        run += kBlockSize;
      }
      auto n = fetch_(at, out.subspan(done, run));
      if (!n) return n.error();
      done += *n;
      if (*n < run) break;
      continue;
    }
    auto b = block(index);
    if (!b) return b.error();
    const auto& data = (*b)->data;
    if (within >= data.size()) break;
    std::size_t n = std::min(left, data.size() - within);
    std::memcpy(out.data() + done, data.data() + within, n);
    done += n;
    if (data.size() < kBlockSize) break;  // the end of the disk
  }
  return done;
}

}  // namespace liftshift
