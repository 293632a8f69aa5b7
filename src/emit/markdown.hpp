// Small helpers shared by the Markdown emitters (MIGRATION.md, BACKUP.md,
// BLOCKED.md).
#pragma once

#include <string>

#include "core/plan.hpp"

namespace liftshift {

// "published/ContosoWeb (web, .NET Framework 4.5.2)"
std::string md_app_line(const AppPlan& plan);
std::string md_framework(const Framework& f);
// Text safe inside Markdown inline code: backticks replaced.
std::string md_code(std::string_view text);
// The folder the application's files are copied from, as given.
std::string md_app_source(const AppPlan& plan);

}  // namespace liftshift
