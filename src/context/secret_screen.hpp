// The last guard before a file enters a build context: a text file that
// still holds something that reads as a secret (a "password=" or "token:"
// value, URL user info, a PEM private key) or a certificate file with its
// private key is left out, whatever the plan says. It uses the masking rules
// every other output of liftshift uses (core/secret_mask), so what a report
// would mask never reaches an image either.
#pragma once

#include <string>
#include <string_view>

namespace liftshift {

// Text files up to this size are read whole and screened; larger ones (and
// binaries) are streamed as they are.
inline constexpr std::size_t kMaxScreenedFile = std::size_t{16} << 20;

// A file whose name alone says it holds a private key (.pfx, .p12).
bool secret_by_name(std::string_view file_name);

// Whether the bytes are text to screen: not a PE image, no NUL in the first
// 8 KiB unless the text is UTF-16 with a BOM.
bool screened_as_text(std::string_view head);

// "" when the text holds nothing that reads as a secret; otherwise what was
// seen ("a PEM private key"), never the value. Not a secret: a public key
// token, null/empty/true/false, and in code files (file_name's extension:
// .cs, .csproj, .aspx...) anything but a string literal.
std::string secret_in_text(std::string_view bytes, std::string_view file_name);

}  // namespace liftshift
