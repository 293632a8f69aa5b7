#include "collect/com_class_apps.hpp"

#include <algorithm>
#include <cstddef>

#include "collect/com_classes.hpp"
#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "collect/server_apps.hpp"
#include "core/text.hpp"
#include "formats/pe.hpp"

namespace liftshift {

namespace {

// The headers are at the start of the file: the machine is read from a prefix.
constexpr std::size_t kPeHead = std::size_t{1} << 20;

// An application folder that holds files of its own: not a drive's root.
bool own_folder(const Application& app) {
  return app.not_assessed.empty() && !app.root.empty() &&
         !(app.root.size() == 2 && app.root[1] == ':');
}

std::string pe_machine(const Volume& volume, const FileEntry& file) {
  auto bytes = volume.read(file.path, 0,
                           static_cast<std::size_t>(std::min<std::uint64_t>(file.size, kPeHead)));
  if (!bytes || !looks_like_pe(*bytes)) return {};
  auto pe = parse_pe(*bytes, file.path);
  return pe ? pe->machine : std::string();
}

// "upload.asp:5 creates Persits.Upload" for the first page, script or
// source file of the app that creates the class by one of its ProgIDs or its
// CLSID, "" when none does.
std::string named_by(const Application& app, const ComClassInfo& c) {
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kAspComObject && h.category != SourceCategory::kComObject)
      continue;
    if (iequals(h.text, c.clsid))
      return h.file + ":" + std::to_string(h.line) + " creates " + c.clsid;
    for (const auto& p : c.prog_ids) {
      if (iequals(h.text, p))
        return h.file + ":" + std::to_string(h.line) + " creates " + printable(h.text);
    }
  }
  return {};
}

// A GAC class (no CodeBase): the application's DLL named as the class's
// assembly, among its binaries or in its folder or bin\, "" when it has none.
std::string own_assembly(const Volume& volume, const Application& app, const ComClassInfo& c) {
  std::string name = assembly_simple_name(c.assembly);
  if (name.empty() || !own_folder(app)) return {};
  const std::string dll = name + ".dll";
  for (const auto& b : app.binaries) {
    if (iequals(file_name(b.path), dll)) return b.path;
  }
  for (const std::string& folder : {app.root, app.root + "/bin"}) {
    auto found = volume.find(folder + "/" + dll);
    if (found && !found->is_dir) return found->path;
  }
  return {};
}

}  // namespace

ComClassAttacher::ComClassAttacher(const Volume& volume, const MachineFacts& machine)
    : volume_(volume) {
  for (const auto& registered : machine.com_classes) {
    Registered r;
    r.info = registered;
    auto rel = volume_path(r.info.file);
    r.found = rel ? volume.find(*rel) : std::nullopt;
    if (r.found && !r.found->is_dir) r.info.path = r.found->path;
    // The deepest application folder that holds the file owns it, also when
    // the file is gone (a stale registration the application still needs).
    r.place = !r.info.path.empty() ? r.info.path : rel.value_or("");
    // A .NET class is registered by regasm from its registry view, whatever
    // its PE header says (an AnyCPU assembly's is i386).
    r.machine_read = !r.info.clr_class.empty();
    classes_.push_back(std::move(r));
  }
}

void ComClassAttacher::attach(std::vector<Application>& apps, std::size_t i) {
  Application& app = apps[i];
  for (auto& r : classes_) {
    const ComClassInfo& c = r.info;
    std::size_t deepest = 0;
    if (!r.place.empty()) {
      for (const auto& other : apps) {
        if (own_folder(other) && is_under(r.place, other.root) && other.root.size() > deepest)
          deepest = other.root.size();
      }
    }
    const bool in_gac = !c.clr_class.empty() && c.file.empty();
    ComClassInfo mine = c;
    mine.in_app_folder =
        deepest > 0 && own_folder(app) && app.root.size() == deepest && is_under(r.place, app.root);
    if (in_gac) {
      mine.path = own_assembly(volume_, app, c);
      mine.in_app_folder = mine.by_assembly_name = !mine.path.empty();
    }
    mine.named_by = named_by(app, c);
    if (!mine.in_app_folder && mine.named_by.empty()) continue;
    if (!r.machine_read && r.found && !r.found->is_dir) {
      r.info.machine = pe_machine(volume_, *r.found);
      r.machine_read = true;
    }
    mine.machine = r.info.machine;
    app.com_classes.push_back(std::move(mine));
  }
}

void attach_com_classes(const Volume& volume, const MachineFacts& machine,
                        std::vector<Application>& apps) {
  ComClassAttacher attacher(volume, machine);
  for (std::size_t i = 0; i < apps.size(); ++i) attacher.attach(apps, i);
}

}  // namespace liftshift
