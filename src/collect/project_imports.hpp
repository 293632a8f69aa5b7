// Namespaces a project imports for every file: C#'s csproj <Using Include>
// and `global using NS;` in any of its files, VB's vbproj <Import Include>.
// A source hit that names a framework type unqualified in a file without its
// own import (SourceHit::needs_import) counts only when the project imports
// the namespace so.
#pragma once

#include "core/model.hpp"

namespace liftshift {

// Keeps the waiting hits whose namespace the app's projects import for every
// file (their needs_import cleared) and drops the others. Idempotent.
void settle_project_imports(Application& app);

}  // namespace liftshift
