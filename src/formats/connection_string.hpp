// ADO.NET / OLE DB / ODBC connection strings: parsing into facts and masking
// of secrets (the free-text masker they build on is core/secret_mask.hpp).
// Everything here is linear-time and allocation-light; no input can make it
// loop or recurse without bound.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/secret_mask.hpp"

namespace liftshift {

// Parses one connection string (as found in <connectionStrings><add .../>).
// Syntax: key=value pairs separated by ';'; keys are case-insensitive and may
// contain spaces ("==" in a key is a literal '='); values may be quoted with
// '...' or "..." (a doubled quote inside is a literal quote) or, ODBC style,
// {braced} ("}}" is a literal '}'). Entity Framework strings
// (metadata=...;provider connection string="...") are read through: the inner
// string supplies server / security / local file facts and is masked too.
ConnectionStringFacts parse_connection_string(std::string_view name, std::string_view provider,
                                              std::string_view value);

// The connection string with the value of every secret key (Password, Pwd,
// Account Key, SharedAccessKey, Client Secret, Token, ...) replaced by "***".
// Everything else is kept byte for byte. Free-text secrets the structured pass
// cannot see (URL user:password@, key=value inside a value) are masked by
// mask_secret_text as a second pass.
std::string mask_secrets(std::string_view connection_string);

// True when a setting's value is shaped like a secret: a connection string
// with a password, or a long run of key characters (hex, base64, token
// alphabets) mixing letters and digits. A key's name says nothing here
// ("UseShortcutKeys" = "false" is no secret).
bool secret_shaped_value(std::string_view value);

}  // namespace liftshift
