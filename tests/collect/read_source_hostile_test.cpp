// read_source under memory pressure: the bytes of files held at once by the
// parallel parse stay within ReadLimits::max_in_flight whatever the number of
// cores, and a file that cannot be allocated is a problem of that file only.
#include <gtest/gtest.h>
#include <tbb/info.h>

#include <atomic>
#include <chrono>
#include <map>
#include <new>
#include <thread>

#include "collect/parsed_files.hpp"
#include "hostile_support.hpp"

namespace liftshift {
namespace {

// Files that are a real assembly (DirLib.dll) followed by zeros up to their
// size; full reads are slowed down and counted, so overlapping reads show.
class BigFilesVolume final : public Volume {
 public:
  BigFilesVolume(std::size_t count, std::uint64_t size) : size_(size) {
    for (std::size_t i = 0; i < count; ++i) names_.push_back("Big" + std::to_string(i) + ".dll");
    dll_ = test::read_bytes(test::fixtures() / "pe" / "DirLib.dll");
  }
  [[nodiscard]] std::string describe() const override { return "big files"; }
  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& /*problems*/) const override {
    for (const auto& n : names_) visit(FileEntry{n, size_, false});
  }
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override {
    if (path == throw_on_) throw std::bad_alloc();
    const bool whole = max_bytes > 4096;
    if (whole) {
      const int now = ++reading_;
      int seen = max_reading_.load();
      while (now > seen && !max_reading_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
    }
    std::vector<std::uint8_t> out(static_cast<std::size_t>(
        std::min<std::uint64_t>(size_ - std::min(offset, size_), max_bytes)));
    for (std::size_t i = 0; i < out.size() && offset + i < dll_.size(); ++i)
      out[i] = dll_[offset + i];
    if (whole) --reading_;
    return out;
  }
  [[nodiscard]] std::optional<FileEntry> find(const std::string& /*path*/) const override {
    return std::nullopt;
  }

  std::string throw_on_;
  mutable std::atomic<int> reading_{0};
  mutable std::atomic<int> max_reading_{0};

 private:
  std::uint64_t size_;
  std::vector<std::string> names_;
  std::vector<std::uint8_t> dll_;
};

TEST(ReadSourceHostile, FilesHeldAtOnceStayWithinTheBudget) {
  if (tbb::info::default_concurrency() < 2) {
    GTEST_SKIP() << "one thread: reads cannot overlap, so the budget cannot be seen";
  }
  BigFilesVolume within(8, 6u << 20);
  ReadLimits limits;
  limits.max_in_flight = 8u << 20;  // room for one 6 MiB file at a time
  ParsedSource parsed = read_source(within, limits);
  EXPECT_EQ(parsed.binaries.size(), 8u);
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_EQ(within.max_reading_.load(), 1);

  // With room for all, they overlap: the check above can fail.
  BigFilesVolume roomy(8, 6u << 20);
  limits.max_in_flight = 64u << 20;
  read_source(roomy, limits);
  EXPECT_GE(roomy.max_reading_.load(), 2);
}

TEST(ReadSourceHostile, AFileLargerThanTheBudgetIsStillReadAlone) {
  BigFilesVolume big(2, 12u << 20);
  ReadLimits limits;
  limits.max_in_flight = 8u << 20;
  ParsedSource parsed = read_source(big, limits);
  EXPECT_EQ(parsed.binaries.size(), 2u);
  EXPECT_EQ(big.max_reading_.load(), 1);
}

TEST(ReadSourceHostile, AnAllocationFailureIsAProblemOfThatFileOnly) {
  BigFilesVolume volume(4, 1u << 20);
  volume.throw_on_ = "Big2.dll";
  ParsedSource parsed = read_source(volume, ReadLimits{});
  EXPECT_EQ(parsed.binaries.size(), 3u);
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].path, "Big2.dll");
  EXPECT_EQ(parsed.problems[0].message, "not enough memory to read it (1 MiB): skipped");
}

}  // namespace
}  // namespace liftshift
