#include "core/slim_app.hpp"

#include <utility>
#include <vector>

namespace liftshift {

void slim_binaries(Application& app) {
  if (app.binaries.empty()) return;
  // A new list, not edit(): the full one may still be shared with the
  // collector's copy of the folder, and copying it to slim it would double it.
  std::vector<BinaryFacts> slim;
  slim.reserve(app.binaries.size());
  for (const BinaryFacts& b : app.binaries) {
    BinaryFacts s;
    s.path = b.path;
    s.machine = b.machine;
    s.is64 = b.is64;
    s.is_dll = b.is_dll;
    s.subsystem = b.subsystem;
    s.dll_characteristics = b.dll_characteristics;
    s.is_clr = b.is_clr;
    s.clr_version = b.clr_version;
    s.assembly_name = b.assembly_name;
    s.assembly_version = b.assembly_version;
    s.target_framework = b.target_framework;
    s.com_visible = b.com_visible;
    s.complus_activation = b.complus_activation;
    s.complus_name = b.complus_name;
    s.company_name = b.company_name;
    s.product_name = b.product_name;
    s.file_description = b.file_description;
    s.file_version = b.file_version;
    slim.push_back(std::move(s));
  }
  app.binaries = SharedList<BinaryFacts>(std::move(slim));
}

}  // namespace liftshift
