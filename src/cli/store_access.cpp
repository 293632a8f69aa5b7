#include "cli/store_access.hpp"

#include <iostream>

#include "core/secret_mask.hpp"

namespace liftshift {

namespace {

constexpr int kExitStore = 2;

}  // namespace

std::string masked_store(const std::string& url) { return mask_secret_text(mask_store_url(url)); }

int report_store_error(const Error& error) {
  // The store's messages never carry a password; mask_secret_text is a second
  // guard for text a database library echoed.
  std::cerr << "liftshift: results store: " << mask_secret_text(error.message) << "\n";
  return kExitStore;
}

Result<std::unique_ptr<ResultStore>> open_store_or_report(const std::string& url) {
  auto store = open_store(url);
  if (!store) report_store_error(store.error());
  return store;
}

}  // namespace liftshift
