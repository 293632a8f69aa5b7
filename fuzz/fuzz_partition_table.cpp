// Fuzzes the MBR/GPT reader: the input is the start of a disk; the claimed
// disk size varies with the input so both short and huge disks are tried.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "formats/partition_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto read = [&](std::uint64_t offset, std::size_t n) -> std::optional<std::vector<std::uint8_t>> {
    if (offset >= size) return std::nullopt;
    std::size_t count = std::min<std::size_t>(n, size - offset);
    return std::vector<std::uint8_t>(data + offset, data + offset + count);
  };
  // The last byte picks the disk size the table is checked against.
  std::uint64_t disk_size = size;
  if (size > 0 && (data[size - 1] & 1) != 0) disk_size = std::uint64_t{1} << (data[size - 1] % 48);
  auto table = liftshift::read_partition_table(read, disk_size);
  for (const auto& p : table.partitions) {
    if (p.offset < size) {
      auto name = liftshift::filesystem_name(
          liftshift::Bytes(data + p.offset, std::min<std::size_t>(512, size - p.offset)));
      (void)name;
    }
  }
  return 0;
}
