#include "sources/server_volume.hpp"

namespace liftshift {

std::optional<char> drive_folder_letter(std::string_view path) {
  if (path.size() < 2 || path[1] != ':' || (path.size() > 2 && path[2] != '/')) {
    return std::nullopt;
  }
  char c = path[0];
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c < 'A' || c > 'Z') return std::nullopt;
  return c;
}

ServerVolume::ServerVolume(std::unique_ptr<Volume> system) : system_(std::move(system)) {}

void ServerVolume::add_drive(char letter, std::unique_ptr<Volume> volume, std::string what) {
  drives_.push_back({letter, std::move(volume), std::move(what)});
}

bool ServerVolume::has_drive(char letter) const {
  for (const auto& d : drives_) {
    if (d.letter == letter) return true;
  }
  return false;
}

std::string ServerVolume::describe() const {
  std::string out = system_->describe();
  for (const auto& d : drives_) out += std::string(", ") + d.letter + ": " + d.what;
  return out;
}

std::optional<ServerVolume::Route> ServerVolume::route(const std::string& path) const {
  auto letter = drive_folder_letter(path);
  if (!letter) return std::nullopt;
  Route r;
  r.inner = path.size() > 3 ? path.substr(3) : "";
  for (const auto& d : drives_) {
    if (d.letter == *letter) r.drive = &d;
  }
  return r;
}

void ServerVolume::walk(const std::function<bool(const FileEntry&)>& visit,
                        std::vector<Problem>& problems) const {
  system_->walk(
      [&](const FileEntry& e) {
        if (drive_folder_letter(e.path)) return false;  // hidden: the name is a drive's
        return visit(e);
      },
      problems);
  for (const auto& d : drives_) {
    const std::string root = std::string(1, d.letter) + ":";
    if (!visit({root, 0, true})) continue;
    std::vector<Problem> inner;
    d.volume->walk(
        [&](const FileEntry& e) {
          FileEntry outer = e;
          outer.path = root + "/" + e.path;
          return visit(outer);
        },
        inner);
    for (auto& p : inner) {
      p.path = p.path.empty() ? root : root + "/" + p.path;
      problems.push_back(std::move(p));
    }
  }
}

Result<std::vector<std::uint8_t>> ServerVolume::read(const std::string& path, std::uint64_t offset,
                                                     std::size_t max_bytes) const {
  auto r = route(path);
  if (!r) return system_->read(path, offset, max_bytes);
  if (r->drive == nullptr) {
    return make_error(path + ": drive " + path.substr(0, 2) + " is not on any disk given");
  }
  return r->drive->volume->read(r->inner, offset, max_bytes);
}

std::optional<FileEntry> ServerVolume::find(const std::string& path) const {
  auto r = route(path);
  if (!r) return system_->find(path);
  if (r->drive == nullptr) return std::nullopt;
  const std::string root = std::string(1, r->drive->letter) + ":";
  if (r->inner.empty()) return FileEntry{root, 0, true};
  auto e = r->drive->volume->find(r->inner);
  if (!e) return std::nullopt;
  e->path = root + "/" + e->path;
  return e;
}

}  // namespace liftshift
