#include "formats/mounted_devices.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "core/text.hpp"
#include "formats/hive.hpp"
#include "formats/partition_table.hpp"

namespace liftshift {

namespace {

constexpr std::string_view kDosDevices = "\\DosDevices\\";
constexpr std::string_view kGptMarker = "DMIO:ID:";
constexpr std::size_t kMbrValueSize = 12;
constexpr std::size_t kGptValueSize = 24;
constexpr std::size_t kMaxDevice = 512;  // bytes of a device string kept

std::string hex32(std::uint32_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
  return out;
}

}  // namespace

std::optional<MountedDrive> parse_mounted_device(std::string_view value_name, Bytes data) {
  if (value_name.size() != kDosDevices.size() + 2 || !istarts_with(value_name, kDosDevices) ||
      value_name.back() != ':') {
    return std::nullopt;
  }
  char letter = value_name[kDosDevices.size()];
  if (letter >= 'a' && letter <= 'z') letter = static_cast<char>(letter - 'a' + 'A');
  if (letter < 'A' || letter > 'Z') return std::nullopt;
  MountedDrive drive;
  drive.letter = letter;
  ByteReader r(data);
  if (data.size() == kGptValueSize &&
      std::memcmp(data.data(), kGptMarker.data(), kGptMarker.size()) == 0) {
    drive.kind = MountedDrive::Kind::kGpt;
    drive.partition_guid = guid_string(data.subspan(kGptMarker.size(), 16));
    return drive;
  }
  if (data.size() == kMbrValueSize) {
    drive.kind = MountedDrive::Kind::kMbr;
    drive.disk_signature = r.u32().value_or(0);
    drive.offset = r.u64().value_or(0);
    return drive;
  }
  if (data.size() < 2) return std::nullopt;
  Bytes text = data.first(std::min(data.size() & ~std::size_t{1}, kMaxDevice));
  // Cut at the first NUL before printable(), which would turn NULs into '?'.
  std::string device = utf16le_to_utf8(text);
  if (auto nul = device.find('\0'); nul != std::string::npos) device.resize(nul);
  drive.device = printable(device);
  return drive;
}

std::vector<MountedDrive> read_mounted_devices(const Hive& system_hive) {
  std::map<char, MountedDrive> by_letter;
  auto key = system_hive.find("MountedDevices");
  if (!key) return {};
  for (const auto& name : system_hive.value_names(*key)) {
    auto bytes = system_hive.binary_value(*key, name);
    if (!bytes) continue;
    if (auto drive = parse_mounted_device(name, *bytes)) by_letter.emplace(drive->letter, *drive);
  }
  std::vector<MountedDrive> out;
  for (auto& [_, d] : by_letter) out.push_back(std::move(d));
  return out;
}

std::string describe_location(const MountedDrive& drive) {
  switch (drive.kind) {
    case MountedDrive::Kind::kMbr:
      return "MBR disk signature " + hex32(drive.disk_signature) + ", partition at " +
             human_size(drive.offset);
    case MountedDrive::Kind::kGpt:
      return "GPT partition " + drive.partition_guid;
    case MountedDrive::Kind::kOther:
      break;
  }
  return "device " + (drive.device.empty() ? std::string("(unnamed)") : drive.device);
}

}  // namespace liftshift
