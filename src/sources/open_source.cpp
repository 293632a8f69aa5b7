#include "sources/open_source.hpp"

#include "core/text.hpp"
#include "sources/directory_volume.hpp"
#include "sources/ntfs_volume.hpp"
#include "sources/source_probe.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

struct Candidate {
  Partition partition;
  std::string filesystem;  // "NTFS", "FAT32"... or "" when unrecognised
  std::unique_ptr<NtfsVolume> volume;
  std::string open_error;
  bool has_windows = false;
};

std::string summary(const Candidate& c) {
  std::string fs_text = c.filesystem.empty() ? "unknown file system" : c.filesystem;
  std::string out =
      std::to_string(c.partition.index) + " " + fs_text + " " + human_size(c.partition.size);
  if (!c.open_error.empty()) out += " (unreadable)";
  return out;
}

std::string join_list(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

std::string chosen_text(const Candidate& c) {
  return "partition " + std::to_string(c.partition.index) + " (NTFS, " +
         human_size(c.partition.size) + (c.has_windows ? ", holds Windows)" : ")");
}

Result<OpenedSource> open_folder(const fs::path& path) {
  OpenedSource out;
  out.volume = std::make_unique<DirectoryVolume>(path);
  out.format = "folder";
  return out;
}

}  // namespace

PartitionTable read_image_partitions(const DiskImage& image) {
  return read_partition_table(
      [&](std::uint64_t offset, std::size_t n) -> std::optional<std::vector<std::uint8_t>> {
        auto bytes = image.read(offset, n);
        if (!bytes) return std::nullopt;
        return std::move(bytes).value();
      },
      image.size());
}

namespace {

Result<OpenedSource> open_image(const fs::path& path, std::optional<int> wanted,
                                std::vector<Problem>& problems) {
  std::string name = printable(path.filename().string());
  auto opened = DiskImage::open(path);
  if (!opened) return opened.error();
  std::shared_ptr<const DiskImage> image = std::move(opened).value();
  auto table = read_image_partitions(*image);
  for (const auto& w : table.warnings) problems.push_back({name, w});
  if (table.partitions.empty()) {
    std::string why = table.scheme.empty()
                          ? "no partition table (MBR or GPT) and no NTFS file system"
                          : "the " + table.scheme + " partition table holds no usable partition";
    if (!table.warnings.empty()) why += " (" + join_list(table.warnings, "; ") + ")";
    return make_error(name + ": " + why);
  }

  std::vector<Candidate> candidates;
  for (const auto& p : table.partitions) {
    Candidate c{p, {}, nullptr, {}, false};
    if (auto first = image->read(p.offset, 512)) c.filesystem = filesystem_name(*first);
    candidates.push_back(std::move(c));
  }

  OpenedSource out;
  out.format = image->format();
  out.image_size = image->size();
  out.read_stats = image->stats();
  out.image_identifier = image->identifier();
  out.image = image;

  if (wanted) {
    Candidate* c = nullptr;
    std::vector<std::string> indices;
    for (auto& each : candidates) {
      if (each.partition.index == *wanted) c = &each;
      indices.push_back(std::to_string(each.partition.index));
    }
    if (c == nullptr) {
      bool simple = candidates.back().partition.index == static_cast<int>(candidates.size());
      return make_error(name + ": partition " + std::to_string(*wanted) +
                        " does not exist (the disk has " + std::to_string(candidates.size()) +
                        (simple ? "" : ": " + join_list(indices, ", ")) + ")");
    }
    if (c->filesystem != "NTFS") {
      return make_error(name + ": partition " + std::to_string(*wanted) + " is not NTFS (" +
                        summary(*c) + "): only NTFS partitions are read");
    }
    auto volume = NtfsVolume::open(image, c->partition);
    if (!volume) return volume.error();
    c->volume = std::move(volume).value();
    c->has_windows = c->volume->find(kSystemHivePath).has_value();
    out.chosen = chosen_text(*c);
    out.partition = c->partition;
    out.volume = std::move(c->volume);
    return out;
  }

  Candidate* pick = nullptr;
  for (auto& c : candidates) {
    if (c.filesystem != "NTFS") continue;
    auto volume = NtfsVolume::open(image, c.partition);
    if (!volume) {
      c.open_error = volume.error().message;
      std::string message = c.open_error;
      if (message.rfind(name + ": ", 0) == 0) message.erase(0, name.size() + 2);
      problems.push_back({name, message});
      continue;
    }
    c.volume = std::move(volume).value();
    c.has_windows = c.volume->find(kSystemHivePath).has_value();
    if (!c.has_windows) continue;
    if (pick == nullptr) {
      pick = &c;
    } else {
      problems.push_back({name, "partition " + std::to_string(c.partition.index) +
                                    " also holds Windows: not assessed (choose it with "
                                    "--partition " +
                                    std::to_string(c.partition.index) + ")"});
    }
  }
  if (pick == nullptr) {
    std::vector<std::string> parts;
    parts.reserve(candidates.size());
    for (const auto& c : candidates) parts.push_back(summary(c));
    return make_error(name +
                      ": no NTFS partition holds Windows\\System32\\config\\SYSTEM (partitions: " +
                      join_list(parts, ", ") + ")");
  }
  out.chosen = chosen_text(*pick);
  out.partition = pick->partition;
  out.volume = std::move(pick->volume);
  return out;
}

}  // namespace

std::uint64_t OpenedSource::bytes_read() const {
  std::uint64_t total = read_stats ? read_stats->bytes.load() : 0;
  for (const auto& s : disk_read_stats) {
    if (s) total += s->bytes.load();
  }
  return total;
}

Result<OpenedSource> open_source(const fs::path& path, std::optional<int> partition,
                                 std::vector<Problem>& problems) {
  auto probe = probe_source(path);
  std::string name = printable(path.string());
  if (!probe.exists) return make_error(name + ": " + probe.error);
  if (probe.is_directory) {
    if (partition) {
      return make_error(name + ": a folder has no partitions (--partition is for disk images)");
    }
    return open_folder(path);
  }
  if (probe.kind != SourceKind::kDiskImage) return make_error(name + ": " + probe.error);
  return open_image(path, partition, problems);
}

Result<std::unique_ptr<Volume>> open_volume(const fs::path& path, std::optional<int> partition,
                                            std::vector<Problem>& problems) {
  auto opened = open_source(path, partition, problems);
  if (!opened) return opened.error();
  return std::move(opened->volume);
}

SystemDiskProbe probe_system_disk(const fs::path& path, std::optional<int> partition) {
  SystemDiskProbe out;
  ProbeResult probe = probe_source(path);
  if (probe.kind == SourceKind::kSystemDrive) {
    out.holds_windows = true;
    return out;
  }
  if (probe.kind != SourceKind::kDiskImage) return out;
  auto opened = DiskImage::open(path);
  if (!opened) return out;
  std::shared_ptr<const DiskImage> image = std::move(opened).value();
  for (const auto& p : read_image_partitions(*image).partitions) {
    if (partition && p.index != *partition) continue;
    auto first = image->read(p.offset, 512);
    if (!first || filesystem_name(*first) != "NTFS") continue;
    auto volume = NtfsVolume::open(image, p);
    if (volume && (*volume)->find(kSystemHivePath)) {
      out.holds_windows = true;
      break;
    }
  }
  out.bytes_read = image->stats()->bytes.load();
  return out;
}

}  // namespace liftshift
