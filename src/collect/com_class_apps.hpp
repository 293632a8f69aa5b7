// Which application a COM class registered on the server belongs to: the one
// whose folder holds its server file (the deepest such folder), and every one
// whose ASP pages, scripts or code create it by ProgID or CLSID. Each gets its own copy of the
// class (Application::com_classes) with the file's place on the volume and the
// machine of its PE header, which decides the regsvr32 that registers it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

void attach_com_classes(const Volume& volume, const MachineFacts& machine,
                        std::vector<Application>& apps);

// The same one application at a time, as the server collector finishes them:
// attach(apps, i) gives apps[i] its classes, the folders of apps (the
// server's applications made so far) deciding which holds a class's file.
// Each class's file is looked up once, its PE machine read once.
class ComClassAttacher {
 public:
  ComClassAttacher(const Volume& volume, const MachineFacts& machine);
  void attach(std::vector<Application>& apps, std::size_t i);

 private:
  struct Registered {
    ComClassInfo info;  // path and machine filled from the volume
    std::optional<FileEntry> found;
    std::string place;  // where its file is, or would be, on the volume
    bool machine_read = false;
  };
  const Volume& volume_;
  std::vector<Registered> classes_;
};

}  // namespace liftshift
