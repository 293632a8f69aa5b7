// ADO.NET / OLE DB / ODBC connection strings: parsing into facts and masking
// of secrets. Also a generic masker for secrets in free text (LDAP URLs, app
// settings, source lines). Everything here is linear-time and allocation-light;
// no input can make it loop or recurse without bound.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"

namespace liftshift {

// The replacement for every masked secret value.
inline constexpr std::string_view kMask = "***";

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

// Masks secrets in arbitrary text: the value after "password=", "pwd:",
// "secret=", "token=", "AccountKey=", "sig=" ... (case-insensitive, key may be
// quoted, separator '=' or ':'), and the password of URL user info
// ("ldap://user:pass@host" -> "ldap://user:***@host").
std::string mask_secret_text(std::string_view any_text);

// Masks secrets in a command line (a service's ImagePath, a task's
// arguments): what mask_secret_text masks, and the value after a switch that
// names a secret and a space ("-Password x", "--api-key x", "/pwd x").
std::string mask_command_line(std::string_view command_line);

// True when a key name (of a connection string pair, app setting, attribute)
// names a secret: password, pwd, passwd, secret, token, account key, shared
// access key/signature, api key, access key. Spaces, '_' and '-' are ignored.
bool is_secret_key(std::string_view key);

// True when a setting's value is shaped like a secret: a connection string
// with a password, or a long run of key characters (hex, base64, token
// alphabets) mixing letters and digits. A key's name says nothing here
// ("UseShortcutKeys" = "false" is no secret).
bool secret_shaped_value(std::string_view value);

}  // namespace liftshift
