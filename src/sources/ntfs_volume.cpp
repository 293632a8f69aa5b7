#include "sources/ntfs_volume.hpp"

#include <libfsntfs.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>

#include "core/run_stats.hpp"
#include "core/text.hpp"
#include "sources/image_backend.hpp"
#include "sources/image_range_bfio.hpp"

namespace liftshift {

namespace {

constexpr std::uint32_t kReparsePoint = 0x400;  // FILE_ATTRIBUTE_REPARSE_POINT
constexpr std::uint64_t kFirstUserEntry = 16;   // MFT entries 0-15: $MFT, $LogFile, "."...
constexpr std::uint64_t kRootEntry = 5;
constexpr std::uint64_t kMftIndexMask = 0x0000FFFFFFFFFFFFULL;
constexpr std::size_t kMaxNameBytes = 4096;

// A libfsntfs error slot that frees what it holds.
struct FsError {
  libfsntfs_error_t* ptr = nullptr;
  FsError() = default;
  FsError(const FsError&) = delete;
  FsError& operator=(const FsError&) = delete;
  ~FsError() { clear(); }
  libfsntfs_error_t** operator&() { return &ptr; }  // NOLINT(google-runtime-operator)
  void clear() {
    if (ptr != nullptr) libfsntfs_error_free(&ptr);
  }
  std::string text() {
    std::array<char, 2048> buf{};
    std::string out;
    if (ptr != nullptr && libfsntfs_error_sprint(ptr, buf.data(), buf.size()) > 0) out = buf.data();
    clear();
    return libyal_message("libfsntfs", out);
  }
};

struct EntryDeleter {
  void operator()(libfsntfs_file_entry_t* e) const { libfsntfs_file_entry_free(&e, nullptr); }
};
using EntryPtr = std::unique_ptr<libfsntfs_file_entry_t, EntryDeleter>;

std::string join(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

// The key of a path in the walk's index: '/' separated, empty and "." parts
// dropped, ASCII lower case (as iequals matches); "" when a part is "..".
std::string path_key(const std::string& path) {
  std::string key;
  key.reserve(path.size());
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find_first_of("/\\", start);
    if (end == std::string::npos) end = path.size();
    std::string_view part(path.data() + start, end - start);
    if (part == "..") return {};
    if (!part.empty() && part != ".") {
      if (!key.empty()) key += '/';
      key += to_lower(part);
    }
    start = end + 1;
  }
  return key;
}

// One open libfsntfs volume over the partition, with its own I/O handle: a
// libfsntfs volume is not thread-safe, so each reading thread takes one.
struct FsHandle {
  libbfio_handle_t* io = nullptr;
  libfsntfs_volume_t* volume = nullptr;
  FsHandle() = default;
  FsHandle(const FsHandle&) = delete;
  FsHandle& operator=(const FsHandle&) = delete;
  ~FsHandle() {
    if (volume != nullptr) {
      libfsntfs_volume_close(volume, nullptr);
      libfsntfs_volume_free(&volume, nullptr);
    }
    if (io != nullptr) libbfio_handle_free(&io, nullptr);
  }
};

}  // namespace

struct NtfsVolume::Impl {
  std::shared_ptr<const DiskImage> image;
  Partition partition;
  FsHandle primary;                      // walks and finds, under mutex
  libfsntfs_volume_t* volume = nullptr;  // primary.volume
  mutable std::recursive_mutex mutex;

  // Readers' handles not in use (see read()); at most one per thread reading
  // at once, and at most kMaxHandles in all (each holds libfsntfs's caches):
  // readers beyond that use the primary handle, one at a time.
  static constexpr std::size_t kMaxHandles = 8;
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<FsHandle>> idle;
  mutable std::size_t handles = 0;  // opened for readers, idle or in use

  // What the walks saw: path_key -> MFT file reference, so a read opens the
  // file's MFT entry at once instead of looking each folder up again.
  // kAmbiguous: two names differing only in case (resolve() decides).
  static constexpr std::uint64_t kAmbiguous = ~std::uint64_t{0};
  mutable std::mutex files_mutex;
  mutable std::unordered_map<std::string, std::uint64_t> files;

  // Opens the partition's NTFS through a new I/O handle; the error says why.
  Result<std::unique_ptr<FsHandle>> open_handle() const {
    auto handle = std::make_unique<FsHandle>();
    auto io = make_image_range_handle(*image, partition.offset, partition.size);
    if (!io) return io.error();
    handle->io = *io;
    FsError error;
    if (libfsntfs_volume_initialize(&handle->volume, &error) != 1) return make_error(error.text());
    if (libfsntfs_volume_open_file_io_handle(handle->volume, handle->io, LIBFSNTFS_OPEN_READ,
                                             &error) != 1) {
      libfsntfs_volume_free(&handle->volume, nullptr);
      return make_error("not a readable NTFS file system: " + why(error));
    }
    return handle;
  }

  void remember(const std::string& path, std::uint64_t ref) const {
    std::string key = path_key(path);
    std::lock_guard lock(files_mutex);
    auto [it, inserted] = files.emplace(std::move(key), ref);
    if (!inserted && it->second != ref) it->second = kAmbiguous;
  }

  std::optional<std::uint64_t> known(const std::string& path) const {
    std::string key = path_key(path);
    if (key.empty()) return std::nullopt;
    std::lock_guard lock(files_mutex);
    auto it = files.find(key);
    if (it == files.end() || it->second == kAmbiguous) return std::nullopt;
    return it->second;
  }

  // "libfsntfs: ...", plus what the image reader said when it failed under it.
  [[nodiscard]] std::string why(FsError& error) const {
    std::string text = error.text();
    std::string io_error = image->take_last_error();
    if (!io_error.empty()) text += " (" + io_error + ")";
    return text;
  }

  std::optional<std::string> name_of(libfsntfs_file_entry_t* entry, FsError& error) const {
    std::size_t size = 0;
    if (libfsntfs_file_entry_get_utf8_name_size(entry, &size, &error) != 1 || size == 0 ||
        size > kMaxNameBytes) {
      return std::nullopt;
    }
    std::string name(size, '\0');
    if (libfsntfs_file_entry_get_utf8_name(entry, reinterpret_cast<std::uint8_t*>(name.data()),
                                           size, &error) != 1) {
      return std::nullopt;
    }
    name.resize(size - 1);
    return name;
  }

  std::uint32_t flags_of(libfsntfs_file_entry_t* entry) const {
    FsError error;
    std::uint32_t flags = 0;
    if (libfsntfs_file_entry_get_file_attribute_flags(entry, &flags, &error) != 1) return 0;
    return flags;
  }

  std::string link_target(libfsntfs_file_entry_t* entry) const {
    FsError error;
    std::size_t size = 0;
    if (libfsntfs_file_entry_get_utf8_symbolic_link_target_size(entry, &size, &error) != 1 ||
        size == 0 || size > kMaxNameBytes) {
      return {};
    }
    std::string target(size, '\0');
    if (libfsntfs_file_entry_get_utf8_symbolic_link_target(
            entry, reinterpret_cast<std::uint8_t*>(target.data()), size, &error) != 1) {
      return {};
    }
    target.resize(size - 1);
    if (target.rfind("\\\?\?\\", 0) == 0) target.erase(0, 4);  // NT namespace prefix
    return target;
  }

  std::string reparse_message(libfsntfs_file_entry_t* entry) const {
    std::string target = link_target(entry);
    return target.empty() ? "reparse point (junction, symbolic link or placeholder) not followed"
                          : "reparse point not followed (points to " + printable(target) + ")";
  }

  bool is_dir(libfsntfs_file_entry_t* entry) const {
    FsError error;
    return libfsntfs_file_entry_has_directory_entries_index(entry, &error) == 1;
  }

  std::uint64_t size_of(libfsntfs_file_entry_t* entry) const {
    FsError error;
    size64_t size = 0;
    if (libfsntfs_file_entry_get_size(entry, &size, &error) != 1) return 0;
    return size;
  }

  // The child of dir named name, matched case-insensitively.
  EntryPtr child(libfsntfs_file_entry_t* dir, const std::string& name) const {
    FsError error;
    libfsntfs_file_entry_t* sub = nullptr;
    if (libfsntfs_file_entry_get_sub_file_entry_by_utf8_name(
            dir, reinterpret_cast<const std::uint8_t*>(name.data()), name.size(), &sub, &error) ==
        1) {
      return EntryPtr(sub);
    }
    error.clear();
    // libfsntfs matches the exact case only: look through the folder.
    int count = 0;
    if (libfsntfs_file_entry_get_number_of_sub_file_entries(dir, &count, &error) != 1) return {};
    for (int i = 0; i < count && static_cast<std::uint64_t>(i) < kMaxEntries; ++i) {
      if (libfsntfs_file_entry_get_sub_file_entry_by_index(dir, i, &sub, &error) != 1) {
        error.clear();
        continue;
      }
      EntryPtr candidate(sub);
      auto stored = name_of(candidate.get(), error);
      error.clear();
      if (stored && iequals(*stored, name)) return candidate;
    }
    return {};
  }

  struct Resolved {
    EntryPtr entry;
    std::string path;
  };

  // Follows path from the root; nullopt when a part is missing, "..", or
  // goes through a reparse point.
  std::optional<Resolved> resolve(const std::string& path) const {
    FsError error;
    libfsntfs_file_entry_t* root = nullptr;
    if (libfsntfs_volume_get_root_directory(volume, &root, &error) != 1) return std::nullopt;
    Resolved out{EntryPtr(root), {}};
    std::string normal = path;
    std::replace(normal.begin(), normal.end(), '\\', '/');
    for (const auto& part : split(normal, '/')) {
      if (part.empty() || part == ".") continue;
      if (part == "..") return std::nullopt;
      if (!is_dir(out.entry.get())) return std::nullopt;
      EntryPtr next = child(out.entry.get(), part);
      if (!next) return std::nullopt;
      if (out.path.empty()) {
        FsError ref_error;
        std::uint64_t ref = 0;
        if (libfsntfs_file_entry_get_file_reference(next.get(), &ref, &ref_error) == 1 &&
            (ref & kMftIndexMask) < kFirstUserEntry) {
          return std::nullopt;  // $MFT and the other metadata files are not files of the volume
        }
      }
      if ((flags_of(next.get()) & kReparsePoint) != 0) return std::nullopt;
      auto name = name_of(next.get(), error);
      if (!name) return std::nullopt;
      out.path = join(out.path, *name);
      out.entry = std::move(next);
    }
    return out;
  }
};

NtfsVolume::NtfsVolume(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NtfsVolume::~NtfsVolume() = default;

Result<std::unique_ptr<NtfsVolume>> NtfsVolume::open(std::shared_ptr<const DiskImage> image,
                                                     const Partition& partition) {
  auto impl = std::make_unique<Impl>();
  impl->image = std::move(image);
  impl->partition = partition;
  std::string where = printable(impl->image->path().filename().string()) + ": partition " +
                      std::to_string(partition.index);
  auto primary = impl->open_handle();
  if (!primary) return make_error(where + ": " + primary.error().message);
  impl->primary.io = std::exchange((*primary)->io, nullptr);
  impl->primary.volume = std::exchange((*primary)->volume, nullptr);
  impl->volume = impl->primary.volume;
  FsError bitlocker_error;
  if (libfsntfs_volume_has_bitlocker_drive_encryption(impl->volume, &bitlocker_error) == 1) {
    return make_error(where + ": the NTFS volume is BitLocker-encrypted: cannot be read");
  }
  return std::unique_ptr<NtfsVolume>(new NtfsVolume(std::move(impl)));
}

const DiskImage& NtfsVolume::image() const { return *impl_->image; }
const Partition& NtfsVolume::partition() const { return impl_->partition; }

std::string NtfsVolume::describe() const {
  return "partition " + std::to_string(impl_->partition.index) + " (NTFS, " +
         human_size(impl_->partition.size) + ") of " + impl_->image->format() + " image " +
         impl_->image->path().string();
}

void NtfsVolume::walk(const std::function<bool(const FileEntry&)>& visit,
                      std::vector<Problem>& problems) const {
  std::lock_guard lock(impl_->mutex);
  struct Pending {
    std::uint64_t mft_index;
    std::string rel;
    int depth;
  };
  std::vector<Pending> stack{{kRootEntry, {}, 0}};
  std::unordered_set<std::uint64_t> seen_dirs{kRootEntry};
  std::uint64_t visited = 0;
  while (!stack.empty()) {
    Pending dir = std::move(stack.back());
    stack.pop_back();
    FsError error;
    libfsntfs_file_entry_t* raw = nullptr;
    int rc =
        dir.mft_index == kRootEntry
            ? libfsntfs_volume_get_root_directory(impl_->volume, &raw, &error)
            : libfsntfs_volume_get_file_entry_by_index(impl_->volume, dir.mft_index, &raw, &error);
    if (rc != 1) {
      problems.push_back({printable(dir.rel), "cannot list folder: " + impl_->why(error)});
      continue;
    }
    EntryPtr entry(raw);
    int count = 0;
    if (libfsntfs_file_entry_get_number_of_sub_file_entries(entry.get(), &count, &error) != 1) {
      problems.push_back({printable(dir.rel), "cannot list folder: " + impl_->why(error)});
      continue;
    }
    std::vector<Pending> children;
    for (int i = 0; i < count; ++i) {
      if (++visited > kMaxEntries) {
        problems.push_back({printable(dir.rel), "more than " + std::to_string(kMaxEntries) +
                                                    " entries: the walk stopped here"});
        return;
      }
      libfsntfs_file_entry_t* sub_raw = nullptr;
      if (libfsntfs_file_entry_get_sub_file_entry_by_index(entry.get(), i, &sub_raw, &error) != 1) {
        problems.push_back({printable(dir.rel), "cannot read entry " + std::to_string(i + 1) +
                                                    " of the folder: " + impl_->why(error)});
        continue;
      }
      EntryPtr sub(sub_raw);
      std::uint64_t ref = 0;
      if (libfsntfs_file_entry_get_file_reference(sub.get(), &ref, &error) != 1) {
        problems.push_back({printable(dir.rel), "cannot read entry " + std::to_string(i + 1) +
                                                    " of the folder: " + impl_->why(error)});
        continue;
      }
      std::uint64_t index = ref & kMftIndexMask;
      if (dir.depth == 0 && index < kFirstUserEntry) continue;  // $MFT, $Extend, "."...
      auto name = impl_->name_of(sub.get(), error);
      if (!name) {
        problems.push_back({printable(dir.rel), "cannot read the name of entry " +
                                                    std::to_string(i + 1) +
                                                    " of the folder: " + impl_->why(error)});
        continue;
      }
      std::string path = join(dir.rel, *name);
      if (name->empty() || *name == "." || *name == ".." || name->find('/') != std::string::npos) {
        problems.push_back({printable(path), "invalid file name in the NTFS index: skipped"});
        continue;
      }
      FsError corrupt_error;
      if (libfsntfs_file_entry_is_corrupted(sub.get(), &corrupt_error) == 1) {
        problems.push_back({printable(path), "MFT entry is marked corrupted: skipped"});
        continue;
      }
      if ((impl_->flags_of(sub.get()) & kReparsePoint) != 0) {
        problems.push_back({printable(path), impl_->reparse_message(sub.get())});
        continue;
      }
      if (impl_->is_dir(sub.get())) {
        if (!visit(FileEntry{path, 0, true})) continue;
        if (!seen_dirs.insert(index).second) {
          problems.push_back(
              {printable(path),
               "folder already walked (a loop in the NTFS index): not walked again"});
        } else if (dir.depth + 1 >= kMaxDepth) {
          problems.push_back({printable(path), "folder nesting deeper than " +
                                                   std::to_string(kMaxDepth) +
                                                   " levels: not walked further"});
        } else {
          children.push_back({index, path, dir.depth + 1});
        }
      } else {
        impl_->remember(path, ref);
        visit(FileEntry{path, impl_->size_of(sub.get()), false});
      }
    }
    // Reverse so that children are walked in listing order.
    stack.insert(stack.end(), std::make_move_iterator(children.rbegin()),
                 std::make_move_iterator(children.rend()));
  }
}

namespace {

// Reads at most max_bytes at offset of a file's $DATA.
Result<std::vector<std::uint8_t>> read_entry(const NtfsVolume::Impl& impl,
                                             libfsntfs_file_entry_t* entry, const std::string& path,
                                             std::uint64_t offset, std::size_t max_bytes) {
  if (impl.is_dir(entry)) return make_error(printable(path) + ": not a regular file");
  std::uint64_t size = impl.size_of(entry);
  std::vector<std::uint8_t> out;
  if (offset >= size) return out;
  out.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size - offset, max_bytes)));
  std::size_t done = 0;
  while (done < out.size()) {
    FsError error;
    ssize_t n = libfsntfs_file_entry_read_buffer_at_offset(
        entry, out.data() + done, out.size() - done, static_cast<off64_t>(offset + done), &error);
    if (n < 0) {
      return make_error(printable(path) + ": read failed at byte " + std::to_string(offset + done) +
                        ": " + impl.why(error));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  count_file_read(out.size());
  return out;
}

}  // namespace

// Files the walk listed are read in parallel by MFT reference, each reader on
// a libfsntfs handle of its own (taken from a pool, opened when none is free,
// up to Impl::kMaxHandles): libfsntfs is not thread-safe per handle, and the
// DiskImage below serialises only its block reads (most of them cache hits).
// Other paths are resolved from the root on the primary handle, one at a time.
Result<std::vector<std::uint8_t>> NtfsVolume::read(const std::string& path, std::uint64_t offset,
                                                   std::size_t max_bytes) const {
  if (auto ref = impl_->known(path)) {
    std::unique_ptr<FsHandle> handle;
    bool open_new = false;
    {
      std::lock_guard lock(impl_->pool_mutex);
      if (!impl_->idle.empty()) {
        handle = std::move(impl_->idle.back());
        impl_->idle.pop_back();
      } else if (impl_->handles < Impl::kMaxHandles) {
        ++impl_->handles;
        open_new = true;
      }
    }
    if (open_new) {
      if (auto opened = impl_->open_handle()) {
        handle = std::move(opened).value();
      } else {
        std::lock_guard lock(impl_->pool_mutex);
        --impl_->handles;
      }
    }
    if (handle) {
      FsError error;
      libfsntfs_file_entry_t* raw = nullptr;
      std::optional<Result<std::vector<std::uint8_t>>> out;
      if (libfsntfs_volume_get_file_entry_by_index(handle->volume, *ref & kMftIndexMask, &raw,
                                                   &error) == 1) {
        EntryPtr entry(raw);
        out = read_entry(*impl_, entry.get(), path, offset, max_bytes);
      }
      {
        std::lock_guard lock(impl_->pool_mutex);
        impl_->idle.push_back(std::move(handle));
      }
      if (out) return std::move(*out);
    }
  }
  std::lock_guard lock(impl_->mutex);
  auto found = impl_->resolve(path);
  if (!found) return make_error(printable(path) + ": cannot open: no such file");
  return read_entry(*impl_, found->entry.get(), path, offset, max_bytes);
}

std::optional<FileEntry> NtfsVolume::find(const std::string& path) const {
  std::lock_guard lock(impl_->mutex);
  auto found = impl_->resolve(path);
  if (!found) return std::nullopt;
  bool dir = impl_->is_dir(found->entry.get());
  return FileEntry{found->path, dir ? 0 : impl_->size_of(found->entry.get()), dir};
}

}  // namespace liftshift
