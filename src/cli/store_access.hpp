// Opening the results store for a CLI verb (assess, tag, portfolio): one
// message for every store failure, never the password of a store URL.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "store/store.hpp"

namespace liftshift {

// The help of every verb's --store option.
inline constexpr const char* kStoreOptionHelp =
    "Results store: a SQLite file PATH or postgresql://... (default: $LIFTSHIFT_STORE when set, "
    "else $XDG_DATA_HOME/liftshift/results.db)";

// Opens the store named by --store ("" = the default SQLite file); on failure
// prints "liftshift: results store: ..." to stderr and returns the error.
Result<std::unique_ptr<ResultStore>> open_store_or_report(const std::string& url);

// Prints a store failure (masked) and returns exit code 2.
int report_store_error(const Error& error);

// The --store value fit to print.
std::string masked_store(const std::string& url);

}  // namespace liftshift
