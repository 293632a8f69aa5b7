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

void attach_com_classes(const Volume& volume, const MachineFacts& machine,
                        std::vector<Application>& apps) {
  for (const auto& registered : machine.com_classes) {
    ComClassInfo c = registered;
    auto rel = volume_path(c.file);
    auto found = rel ? volume.find(*rel) : std::nullopt;
    if (found && !found->is_dir) c.path = found->path;
    // The deepest application folder that holds the file owns it, also when
    // the file is gone (a stale registration the application still needs).
    const std::string place = !c.path.empty() ? c.path : rel.value_or("");
    std::size_t deepest = 0;
    if (!place.empty()) {
      for (const auto& app : apps) {
        if (own_folder(app) && is_under(place, app.root) && app.root.size() > deepest)
          deepest = app.root.size();
      }
    }
    // A .NET class is registered by regasm from its registry view, whatever
    // its PE header says (an AnyCPU assembly's is i386).
    bool machine_read = !c.clr_class.empty();
    const bool in_gac = !c.clr_class.empty() && c.file.empty();
    for (auto& app : apps) {
      ComClassInfo mine = c;
      mine.in_app_folder =
          deepest > 0 && own_folder(app) && app.root.size() == deepest && is_under(place, app.root);
      if (in_gac) {
        mine.path = own_assembly(volume, app, c);
        mine.in_app_folder = mine.by_assembly_name = !mine.path.empty();
      }
      mine.named_by = named_by(app, c);
      if (!mine.in_app_folder && mine.named_by.empty()) continue;
      if (!machine_read && found && !found->is_dir) {
        c.machine = pe_machine(volume, *found);
        machine_read = true;
      }
      mine.machine = c.machine;
      app.com_classes.push_back(std::move(mine));
    }
  }
}

}  // namespace liftshift
