// Store URLs: which backend a --store value names, how to show it without
// its password, and where the default SQLite file lives.
#pragma once

#include <string>

namespace liftshift {

// "postgresql://..." or "postgres://...".
bool is_postgres_url(const std::string& url);

// mask_store_url (the URL with its password replaced by "***") is declared
// in store/store.hpp, with the rest of the store's public interface.

// text with every occurrence of the URL's password (as written and decoded)
// replaced by "***": for messages from libraries that may echo the URL.
std::string scrub_password(const std::string& text, const std::string& url);

// "PostgreSQL liftshift@db.example.com:5432" (database@host[:port], never the password).
std::string describe_postgres_url(const std::string& url);

}  // namespace liftshift
