// Small helpers shared by the Markdown emitters (MIGRATION.md, BACKUP.md,
// BLOCKED.md).
#pragma once

#include <string>

#include "core/plan.hpp"
#include "emit/quoting.hpp"  // md_code, md_text

namespace liftshift {

// "published/ContosoWeb (web, .NET Framework 4.5.2)"
std::string md_app_line(const AppPlan& plan);
std::string md_framework(const Framework& f);
// The folder the application's files are copied from, as given.
std::string md_app_source(const AppPlan& plan);

}  // namespace liftshift
