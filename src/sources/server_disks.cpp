#include "sources/server_disks.hpp"

#include "core/text.hpp"
#include "formats/hive.hpp"
#include "formats/mounted_devices.hpp"
#include "sources/directory_volume.hpp"
#include "sources/ntfs_volume.hpp"
#include "sources/server_volume.hpp"
#include "sources/source_probe.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxHiveBytes = std::uint64_t{1} << 30;

// The system drive's SYSTEM hive; null when it cannot be read (a problem
// then says why, or the machine collector does when it is missing).
std::shared_ptr<const Hive> system_hive(const Volume& system, std::vector<Problem>& problems) {
  auto entry = system.find(kSystemHivePath);
  if (!entry || entry->is_dir || entry->size > kMaxHiveBytes) return nullptr;
  auto bytes = system.read(entry->path, 0, static_cast<std::size_t>(entry->size));
  if (!bytes) return nullptr;
  auto hive = Hive::open(*bytes, entry->path);
  if (!hive) {
    problems.push_back({entry->path, hive.error().message + ": drive letters not read"});
    return nullptr;
  }
  return std::make_shared<const Hive>(std::move(hive).value());
}

std::string partition_text(const fs::path& path, const Partition& p) {
  return printable(path.filename().string()) + " partition " + std::to_string(p.index) +
         " (NTFS, " + human_size(p.size) + ")";
}

// What MountedDevices would hold for a partition: its MBR disk signature and
// offset, or its GPT GUID; nullopt for a disk without a table.
std::optional<MountedDrive> identity_of(const PartitionTable& table, const Partition& p) {
  MountedDrive id;
  if (table.scheme == "MBR") {
    id.kind = MountedDrive::Kind::kMbr;
    id.disk_signature = table.disk_signature;
    id.offset = p.offset;
    return id;
  }
  if (table.scheme == "GPT" && !p.unique_guid.empty()) {
    id.kind = MountedDrive::Kind::kGpt;
    id.partition_guid = p.unique_guid;
    return id;
  }
  return std::nullopt;
}

bool same_partition(const MountedDrive& a, const MountedDrive& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == MountedDrive::Kind::kMbr) {
    return a.disk_signature == b.disk_signature && a.offset == b.offset;
  }
  return a.kind == MountedDrive::Kind::kGpt && iequals(a.partition_guid, b.partition_guid);
}

class Attacher {
 public:
  Attacher(ServerVolume& server, std::optional<std::vector<MountedDrive>> mounted,
           std::vector<Problem>& problems, std::vector<std::string>& attached)
      : server_(server), mounted_(std::move(mounted)), problems_(problems), attached_(attached) {}

  void folder(const fs::path& path, char letter) {
    std::string name = printable(path.string());
    if (letter == 0) {
      problems_.push_back({name,
                           "a folder has no disk signature to match in MountedDevices: not read "
                           "(name its drive letter: --disk D:=" +
                               name + ")"});
      return;
    }
    attach(letter, std::make_unique<DirectoryVolume>(path), "folder " + name, name);
  }

  // The data disk whose drives are attached next: the letters it gives go to `letters`.
  void begin_disk(std::vector<char>* letters) { letters_ = letters; }

  // Opens a data disk's image; null (a problem saying why) when it cannot be read.
  std::shared_ptr<const DiskImage> open_image(const fs::path& path) {
    auto opened = DiskImage::open(path);
    if (!opened) {
      problems_.push_back({printable(path.filename().string()),
                           opened.error().message + ": its drives were not read"});
      return nullptr;
    }
    return std::move(opened).value();
  }

  // Every NTFS partition of the image gets its letter; skip: the system
  // partition (already the root), for the system disk itself; quiet: say
  // nothing of partitions no letter names (the system disk's System Reserved).
  void image(const fs::path& path, const std::shared_ptr<const DiskImage>& image, char letter,
             std::optional<int> skip, bool quiet) {
    std::string name = printable(path.filename().string());
    auto table = read_image_partitions(*image);
    if (!skip) {
      for (const auto& w : table.warnings) problems_.push_back({name, w});
    }
    bool any = false;
    for (const auto& p : table.partitions) {
      if (skip && p.index == *skip) continue;
      auto first = image->read(p.offset, 512);
      if (!first || filesystem_name(*first) != "NTFS") continue;
      char wanted = 0;
      auto id = identity_of(table, p);
      if (letter != 0 && !any) {
        wanted = letter;
      } else if (id && mounted_) {
        for (const auto& m : *mounted_) {
          if (same_partition(m, *id)) wanted = m.letter;
        }
      }
      any = true;
      std::string what = partition_text(path, p);
      if (wanted == 0) {
        if (quiet) continue;
        std::string where = id ? " (" + describe_location(*id) + ")" : " (no partition table)";
        problems_.push_back(
            {name, "partition " + std::to_string(p.index) + where +
                       (mounted_ ? " has no drive letter in the server's MountedDevices"
                                 : " cannot be matched: the server's MountedDevices was not read") +
                       ": not read (name its letter: --disk D:=" + name + ")"});
        continue;
      }
      auto volume = NtfsVolume::open(image, p);
      if (!volume) {
        problems_.push_back({name, volume.error().message});
        continue;
      }
      attach(wanted, std::move(volume).value(), what, name);
    }
    if (!any && !quiet) {
      problems_.push_back({name, "no NTFS partition: nothing of this disk was read"});
    }
  }

 private:
  void attach(char letter, std::unique_ptr<Volume> volume, const std::string& what,
              const std::string& name) {
    std::string drive = std::string(1, letter) + ":";
    if (letter == 'C' || server_.has_drive(letter)) {
      problems_.push_back({name, what + " would be " + drive + ", which is " +
                                     (letter == 'C' ? "the system drive" : "already given") +
                                     ": not read"});
      return;
    }
    attached_.push_back(drive + " " + what);
    server_.add_drive(letter, std::move(volume), what);
    if (letters_ != nullptr) letters_->push_back(letter);
  }

  ServerVolume& server_;
  std::vector<char>* letters_ = nullptr;
  std::optional<std::vector<MountedDrive>> mounted_;
  std::vector<Problem>& problems_;
  std::vector<std::string>& attached_;
};

}  // namespace

Result<DataDisk> parse_data_disk(const std::string& text) {
  DataDisk disk;
  if (text.size() >= 3 && text[1] == ':' && text[2] == '=') {
    char c = text[0];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return make_error(printable(text) + ": the drive letter must be A-Z");
    if (c == 'C') {
      return make_error(printable(text) +
                        ": C: is the system drive (the server PATH); give a data disk's letter");
    }
    disk.letter = c;
    disk.path = text.substr(3);
  } else {
    disk.path = text;
  }
  if (disk.path.empty()) return make_error(printable(text) + ": no path after the letter");
  return disk;
}

Result<OpenedSource> open_server(const fs::path& system_path, std::optional<int> partition,
                                 const std::vector<DataDisk>& disks,
                                 std::vector<Problem>& problems) {
  auto opened = open_source(system_path, partition, problems);
  if (!opened) return opened;
  opened->system_hive = system_hive(*opened->volume, problems);
  std::optional<std::vector<MountedDrive>> mounted;
  if (opened->system_hive) mounted = read_mounted_devices(*opened->system_hive);
  auto server = std::make_unique<ServerVolume>(std::move(opened->volume));
  Attacher attach(*server, mounted, problems, opened->drives);
  if (opened->partition && opened->image) {
    // Other partitions of the system disk may be drives too (D: next to C:),
    // read through the image already open.
    attach.image(system_path, opened->image, 0, opened->partition->index, /*quiet=*/true);
  }
  opened->disk_letters.resize(disks.size());
  opened->disk_read_stats.resize(disks.size());
  for (std::size_t i = 0; i < disks.size(); ++i) {
    const DataDisk& disk = disks[i];
    attach.begin_disk(&opened->disk_letters[i]);
    auto probe = probe_source(disk.path);
    std::string name = printable(disk.path.string());
    if (!probe.exists) {
      problems.push_back({name, probe.error});
    } else if (probe.is_directory) {
      attach.folder(disk.path, disk.letter);
    } else if (probe.kind == SourceKind::kDiskImage) {
      if (auto image = attach.open_image(disk.path)) {
        opened->disk_read_stats[i] = image->stats();
        attach.image(disk.path, image, disk.letter, std::nullopt, /*quiet=*/false);
      }
    } else {
      problems.push_back({name, "neither a folder nor a disk image: not read"});
    }
  }
  attach.begin_disk(nullptr);
  opened->volume = std::move(server);
  return opened;
}

}  // namespace liftshift
