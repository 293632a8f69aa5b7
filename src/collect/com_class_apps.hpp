// Which application a COM class registered on the server belongs to: the one
// whose folder holds its server file (the deepest such folder), and every one
// whose ASP pages, scripts or code create it by ProgID or CLSID. Each gets its own copy of the
// class (Application::com_classes) with the file's place on the volume and the
// machine of its PE header, which decides the regsvr32 that registers it.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

void attach_com_classes(const Volume& volume, const MachineFacts& machine,
                        std::vector<Application>& apps);

}  // namespace liftshift
