#include "formats/partition_table.hpp"

#include <array>
#include <cstring>
#include <set>
#include <string_view>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kSector = 512;
constexpr std::size_t kMbrEntries = 446;
constexpr std::size_t kGptHeaderSize = 92;
constexpr std::size_t kGptNameOffset = 56;
constexpr std::size_t kGptNameBytes = 72;
constexpr std::size_t kMbrDiskSignature = 0x1B8;

struct MbrEntry {
  std::uint8_t status = 0;
  std::uint8_t type = 0;
  std::uint32_t lba = 0;
  std::uint32_t count = 0;
};
static_assert(kMbrEntries + std::size_t{4} * 16 + 2 == kSector,
              "MBR layout: 446 + 4 entries + signature");

bool has_text_at(Bytes data, std::size_t offset, std::string_view text) {
  return data.size() >= offset + text.size() &&
         std::memcmp(data.data() + offset, text.data(), text.size()) == 0;
}

bool has_boot_signature(Bytes sector) {
  return sector.size() >= kSector && sector[510] == 0x55 && sector[511] == 0xAA;
}

std::array<MbrEntry, 4> mbr_entries(Bytes sector) {
  std::array<MbrEntry, 4> out{};
  ByteReader r(sector);
  for (auto& e : out) {
    if (!r.seek(kMbrEntries + 16 * static_cast<std::size_t>(&e - out.data()))) break;
    e.status = r.u8().value_or(0);
    r.skip(3);
    e.type = r.u8().value_or(0);
    r.skip(3);
    e.lba = r.u32().value_or(0);
    e.count = r.u32().value_or(0);
  }
  return out;
}

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > UINT64_MAX / a) return UINT64_MAX;
  return a * b;
}

bool is_extended(std::uint8_t type) { return type == 0x05 || type == 0x0F || type == 0x85; }

std::string hex_byte(std::uint8_t b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string{kDigits[b >> 4], kDigits[b & 0xF]};
}

std::string mbr_type_name(std::uint8_t type) {
  switch (type) {
    case 0x07:
      return "NTFS/exFAT";
    case 0x01:
    case 0x04:
    case 0x06:
    case 0x0E:
      return "FAT";
    case 0x0B:
    case 0x0C:
      return "FAT32";
    case 0x27:
      return "Windows recovery";
    case 0x42:
      return "Windows dynamic disk (LDM)";
    case 0x82:
      return "Linux swap";
    case 0x83:
      return "Linux";
    case 0xEE:
      return "GPT protective";
    case 0xEF:
      return "EFI system";
    default:
      return "type 0x" + hex_byte(type);
  }
}

}  // namespace

std::string guid_string(Bytes g) {
  // The first three fields are little-endian, the last two big-endian.
  static constexpr std::array<int, 16> kOrder{3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
  if (g.size() < kOrder.size()) return {};
  std::string out;
  for (std::size_t i = 0; i < kOrder.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex_byte(g[static_cast<std::size_t>(kOrder[i])]);
  }
  return out;
}

namespace {

std::string gpt_type_name(const std::string& guid) {
  if (guid == "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7") return "Microsoft basic data";
  if (guid == "C12A7328-F81F-11D2-BA4B-00A0C93EC93B") return "EFI system";
  if (guid == "E3C9E316-0B5C-4DB8-817D-F92DF00215AE") return "Microsoft reserved";
  if (guid == "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC") return "Windows recovery";
  if (guid == "5808C8AA-7E8F-42E0-85D2-E1E90434CFB3") return "Windows LDM metadata";
  if (guid == "AF9B60A0-1431-4F62-BC68-3311714A69AD") return "Windows LDM data";
  return "type " + guid;
}

// Adds a partition after checking it lies on the disk; a warning otherwise.
void add_checked(PartitionTable& table, Partition p, std::uint64_t disk_size) {
  std::string label = "partition " + std::to_string(p.index);
  if (p.size == 0) {
    table.warnings.push_back(label + " has size 0: skipped");
    return;
  }
  if (p.offset >= disk_size) {
    table.warnings.push_back(label + " starts at " + human_size(p.offset) +
                             ", beyond the end of the disk (" + human_size(disk_size) +
                             "): skipped");
    return;
  }
  if (p.size > disk_size - p.offset) {
    table.warnings.push_back(label + " (" + human_size(p.size) + " at " + human_size(p.offset) +
                             ") extends beyond the end of the disk (" + human_size(disk_size) +
                             "): skipped");
    return;
  }
  table.partitions.push_back(std::move(p));
}

Partition mbr_partition(int index, std::uint64_t first_sector, std::uint32_t count,
                        std::uint8_t type) {
  return Partition{index,
                   first_sector * kSector,
                   std::uint64_t{count} * kSector,
                   "0x" + hex_byte(type),
                   mbr_type_name(type),
                   ""};
}

void read_logical(PartitionTable& table, const DiskReadFn& read, std::uint64_t disk_size,
                  const MbrEntry& extended, int primary_index) {
  const std::uint64_t ext_start = extended.lba;
  const std::uint64_t ext_end = ext_start + extended.count;  // sectors, exclusive
  if (ext_start * kSector >= disk_size) {
    table.warnings.push_back("extended partition " + std::to_string(primary_index) +
                             " starts beyond the end of the disk: its logical partitions are "
                             "skipped");
    return;
  }
  std::set<std::uint64_t> seen;
  std::uint64_t ebr = ext_start;
  int index = 5;
  for (int n = 0;; ++n) {
    if (n >= kMaxLogicalPartitions) {
      table.warnings.push_back("more than " + std::to_string(kMaxLogicalPartitions) +
                               " logical partitions: the rest are ignored");
      return;
    }
    if (!seen.insert(ebr).second) {
      table.warnings.push_back("extended partition chain loops back to sector " +
                               std::to_string(ebr) + ": stopped after " + std::to_string(n) +
                               (n == 1 ? " logical partition" : " logical partitions"));
      return;
    }
    auto sector = read(ebr * kSector, kSector);
    if (!sector || !has_boot_signature(*sector)) {
      table.warnings.push_back("extended partition: the boot record at sector " +
                               std::to_string(ebr) +
                               (sector ? " has no signature" : " cannot be read") +
                               ": logical partitions from there on are skipped");
      return;
    }
    auto entries = mbr_entries(*sector);
    const MbrEntry& logical = entries[0];
    if (logical.type != 0 && logical.count != 0) {
      add_checked(table, mbr_partition(index, ebr + logical.lba, logical.count, logical.type),
                  disk_size);
    }
    ++index;
    const MbrEntry& next = entries[1];
    if (!is_extended(next.type) || next.count == 0) return;
    std::uint64_t next_ebr = ext_start + next.lba;
    if (next_ebr >= ext_end) {
      table.warnings.push_back("extended partition: the next boot record (sector " +
                               std::to_string(next_ebr) +
                               ") lies outside the extended partition: chain stopped");
      return;
    }
    ebr = next_ebr;
  }
}

void read_mbr(PartitionTable& table, const DiskReadFn& read, std::uint64_t disk_size,
              const std::array<MbrEntry, 4>& entries) {
  table.scheme = "MBR";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const MbrEntry& e = entries[i];
    int index = static_cast<int>(i) + 1;
    if (e.type == 0 || e.count == 0) continue;
    if (e.type == 0xEE) continue;  // protective entry of a GPT we could not read
    if (is_extended(e.type)) {
      read_logical(table, read, disk_size, e, index);
      continue;
    }
    add_checked(table, mbr_partition(index, e.lba, e.count, e.type), disk_size);
  }
}

// One copy of the GPT (the primary at LBA 1 or the backup at the last LBA),
// checked as Windows checks it: signature, header size, header CRC32, the
// header's own LBA, and the CRC32 of the partition entry array.
struct GptCopy {
  bool present = false;  // an "EFI PART" signature is there
  std::string damage;    // why it cannot be trusted; "" when it is sound
  std::uint64_t alternate_lba = 0;
  std::string disk_guid;
  std::vector<Partition> partitions;
  std::vector<std::string> warnings;
};

GptCopy read_gpt_copy(const DiskReadFn& read, std::uint64_t disk_size, std::size_t sector_size,
                      std::uint64_t lba) {
  GptCopy copy;
  if (lba == 0 || lba > disk_size / sector_size) return copy;
  auto header = read(lba * sector_size, sector_size);
  if (!header || header->size() < kGptHeaderSize || !has_text_at(*header, 0, "EFI PART")) {
    return copy;
  }
  copy.present = true;
  ByteReader r(*header);
  r.seek(12);
  std::uint32_t header_size = r.u32().value_or(0);
  std::uint32_t header_crc = r.u32().value_or(0);
  r.seek(24);
  std::uint64_t my_lba = r.u64().value_or(0);
  copy.alternate_lba = r.u64().value_or(0);
  r.seek(56);
  copy.disk_guid = guid_string(r.bytes(16).value_or(Bytes{}));
  std::uint64_t entries_lba = r.u64().value_or(0);
  std::uint32_t count = r.u32().value_or(0);
  std::uint32_t entry_size = r.u32().value_or(0);
  std::uint32_t entries_crc = r.u32().value_or(0);
  if (header_size < kGptHeaderSize || header_size > header->size()) {
    copy.damage = "its header size " + std::to_string(header_size) + " is invalid";
    return copy;
  }
  std::vector<std::uint8_t> zeroed(header->begin(), header->begin() + header_size);
  std::fill_n(zeroed.begin() + 16, 4, std::uint8_t{0});
  if (crc32(zeroed) != header_crc) {
    copy.damage = "its header CRC32 does not match";
    return copy;
  }
  if (my_lba != lba) {
    copy.damage = "its header says it is at sector " + std::to_string(my_lba) + ", not " +
                  std::to_string(lba);
    return copy;
  }
  if (entry_size < 128 || entry_size > kMaxGptEntrySize || entry_size % 8 != 0) {
    copy.damage = "its partition entry size " + std::to_string(entry_size) + " is invalid";
    return copy;
  }
  // The CRC covers every entry the header claims; past the cap it cannot be
  // checked, so such a table is read up to the cap with a warning.
  bool checkable = count <= kMaxGptEntries;
  if (!checkable) {
    copy.warnings.push_back("GPT claims " + std::to_string(count) +
                            " partition entries: only the first " + std::to_string(kMaxGptEntries) +
                            " are read");
    count = kMaxGptEntries;
  }
  if (entries_lba < 2 || entries_lba > disk_size / sector_size) {
    copy.damage =
        "its partition entries at sector " + std::to_string(entries_lba) + " lie outside the disk";
    return copy;
  }
  std::uint64_t entries_offset = entries_lba * sector_size;
  std::uint64_t fits = (disk_size - entries_offset) / entry_size;
  if (count > fits) {
    copy.damage = "its partition entries run past the end of the disk";
    return copy;
  }
  auto bytes = read(entries_offset, std::size_t{count} * entry_size);
  if (!bytes || bytes->size() < std::size_t{count} * entry_size) {
    copy.damage = "its partition entries cannot be read";
    return copy;
  }
  if (checkable && crc32(*bytes) != entries_crc) {
    copy.damage = "the CRC32 of its partition entries does not match";
    return copy;
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    auto entry = ByteReader(*bytes).sub(std::size_t{i} * entry_size, entry_size);
    if (!entry) break;
    Bytes type_guid = entry->bytes(16).value_or(Bytes{});
    if (type_guid.size() != 16) break;
    bool empty = true;
    for (auto b : type_guid) empty = empty && b == 0;
    if (empty) continue;
    Bytes unique_guid = entry->bytes(16).value_or(Bytes{});
    std::uint64_t first = entry->u64().value_or(0);
    std::uint64_t last = entry->u64().value_or(0);
    int index = static_cast<int>(i) + 1;
    std::string guid = guid_string(type_guid);
    std::string name;
    if (auto raw = entry->sub(kGptNameOffset, kGptNameBytes)) {
      name = utf16le_to_utf8(raw->data());
      if (auto nul = name.find('\0'); nul != std::string::npos) name.resize(nul);
      name = printable(name);
    }
    if (name.empty()) name = gpt_type_name(guid);
    if (last < first) {
      copy.warnings.push_back("partition " + std::to_string(index) + " ends (sector " +
                              std::to_string(last) + ") before it starts (sector " +
                              std::to_string(first) + "): skipped");
      continue;
    }
    PartitionTable checked;
    add_checked(checked,
                Partition{index, saturating_mul(first, sector_size),
                          saturating_mul(last - first + 1, sector_size), guid, name,
                          unique_guid.size() == 16 ? guid_string(unique_guid) : ""},
                disk_size);
    for (auto& p : checked.partitions) copy.partitions.push_back(std::move(p));
    for (auto& w : checked.warnings) copy.warnings.push_back(std::move(w));
  }
  return copy;
}

void take_copy(PartitionTable& table, GptCopy& copy) {
  table.disk_guid = copy.disk_guid;
  table.partitions = std::move(copy.partitions);
  for (auto& w : copy.warnings) table.warnings.push_back(std::move(w));
}

// Reads the GPT of sector_size bytes per sector: the primary when it is
// sound, else the backup (named in a warning, as Windows would repair it);
// false when neither copy is there.
bool read_gpt(PartitionTable& table, const DiskReadFn& read, std::uint64_t disk_size,
              std::size_t sector_size) {
  GptCopy primary = read_gpt_copy(read, disk_size, sector_size, 1);
  if (primary.present && primary.damage.empty()) {
    table.scheme = "GPT";
    take_copy(table, primary);
    return true;
  }
  std::uint64_t last_lba = disk_size / sector_size - 1;
  GptCopy backup = read_gpt_copy(read, disk_size, sector_size, last_lba);
  if (!backup.present && primary.present && primary.alternate_lba != last_lba) {
    backup = read_gpt_copy(read, disk_size, sector_size, primary.alternate_lba);
  }
  if (!primary.present && !backup.present) return false;
  table.scheme = "GPT";
  std::string primary_state = primary.present
                                  ? "the primary GPT is damaged (" + primary.damage + ")"
                                  : "the primary GPT is missing (no header at sector 1)";
  if (backup.present && backup.damage.empty()) {
    table.warnings.push_back(primary_state + ": partitions read from the backup GPT at sector " +
                             std::to_string(last_lba));
    take_copy(table, backup);
    return true;
  }
  table.warnings.push_back(primary_state + " and " +
                           (backup.present ? "the backup GPT is damaged too (" + backup.damage + ")"
                                           : "there is no backup GPT at the last sector") +
                           ": no partitions read, as Windows would read none");
  return true;
}

}  // namespace

PartitionTable read_partition_table(const DiskReadFn& read, std::uint64_t disk_size) {
  PartitionTable table;
  auto first = read(0, kSector);
  if (!first || first->size() < kSector) {
    table.warnings.push_back("the disk is smaller than one sector (" + human_size(disk_size) + ")");
    return table;
  }
  if (has_text_at(*first, 3, "NTFS    ")) {
    table.scheme = "none";
    table.partitions.push_back(Partition{1, 0, disk_size, "NTFS", "whole disk", ""});
    return table;
  }
  if (!has_boot_signature(*first)) return table;
  table.disk_signature = ByteReader(*first).sub(kMbrDiskSignature, 4)->u32().value_or(0);
  auto entries = mbr_entries(*first);
  for (const auto& e : entries) {
    if (e.status != 0 && e.status != 0x80) {
      table.warnings.push_back("the first sector is not a valid partition table (boot flag 0x" +
                               hex_byte(e.status) + ")");
      return table;
    }
  }
  bool protective = false;
  for (const auto& e : entries) protective = protective || e.type == 0xEE;
  if (protective) {
    if (read_gpt(table, read, disk_size, kSector) || read_gpt(table, read, disk_size, 4096)) {
      return table;
    }
    table.warnings.push_back("the MBR announces a GPT but there is no GPT header: read as MBR");
  }
  read_mbr(table, read, disk_size, entries);
  return table;
}

std::uint32_t crc32(Bytes data) {
  static const std::array<std::uint32_t, 256> kTable = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::uint8_t b : data) crc = kTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

std::string filesystem_name(Bytes first_sector) {
  if (has_text_at(first_sector, 3, "NTFS    ")) return "NTFS";
  if (has_text_at(first_sector, 3, "-FVE-FS-")) return "BitLocker";
  if (has_text_at(first_sector, 3, "EXFAT   ")) return "exFAT";
  if (has_text_at(first_sector, 3, "ReFS")) return "ReFS";
  if (has_text_at(first_sector, 82, "FAT32   ")) return "FAT32";
  if (has_text_at(first_sector, 54, "FAT1") || has_text_at(first_sector, 54, "FAT     ")) {
    return "FAT";
  }
  return {};
}

std::string human_size(std::uint64_t bytes) {
  static constexpr std::array<const char*, 5> kUnits{"KiB", "MiB", "GiB", "TiB", "PiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  std::size_t unit = 0;
  std::uint64_t scale = 1024;
  while (unit + 1 < kUnits.size() && bytes / scale >= 1024) {
    scale *= 1024;
    ++unit;
  }
  std::uint64_t whole = bytes / scale;
  std::uint64_t tenth = (bytes % scale) * 10 / scale;
  std::string out = std::to_string(whole);
  if (tenth != 0) out += "." + std::to_string(tenth);
  return out + " " + kUnits[unit];
}

}  // namespace liftshift
