// Masking of secrets in free text and command lines, and the test for a key
// that names a secret. Core, because every layer that prints or stores text
// read from a source (formats, collect, the CLI's store messages) masks with
// the same rules. Linear-time; no input can make it loop or recurse without bound.
#pragma once

#include <string>
#include <string_view>

namespace liftshift {

// The replacement for every masked secret value.
inline constexpr std::string_view kMask = "***";

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

}  // namespace liftshift
