#include "context/secret_screen.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "core/command_line.hpp"
#include "core/secret_mask.hpp"
#include "core/secret_values.hpp"
#include "core/text.hpp"

namespace liftshift {

bool secret_by_name(std::string_view file_name) {
  return iends_with(file_name, ".pfx") || iends_with(file_name, ".p12");
}

bool screened_as_text(std::string_view head) {
  if (head.starts_with("MZ")) return false;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0xFF &&
      static_cast<unsigned char>(head[1]) == 0xFE)
    return true;
  return head.substr(0, 8192).find('\0') == std::string_view::npos;
}

namespace {

// Files of code: a secret there is a string literal; an assignment from a
// variable or of null ("installer.Password = null;") is not one.
bool code_file(std::string_view name) {
  for (const char* ext :
       {".cs",    ".vb",      ".fs",   ".js",   ".ts",   ".cshtml", ".vbhtml", ".aspx",
        ".ascx",  ".master",  ".asax", ".ashx", ".asmx", ".csproj", ".vbproj", ".fsproj",
        ".props", ".targets", ".sln",  ".resx", ".ps1",  ".psm1",   ".css",    ".less",
        ".scss",  ".xaml",    ".jsx",  ".tsx",  ".mjs"}) {
    if (iends_with(name, ext)) return true;
  }
  return false;
}

// A page's server-side expression in place of a value (Razor's '@Html...',
// '@(...)', WebForms' '<%= ... %>'): the page computes it, it holds no secret.
bool page_expression(std::string_view value) {
  std::string_view v = value;
  while (!v.empty() && (v.front() == '\'' || v.front() == '"')) v.remove_prefix(1);
  if (v.starts_with("<%")) return true;
  return v.size() > 1 && v.front() == '@' &&
         (std::isalpha(static_cast<unsigned char>(v[1])) != 0 || v[1] == '(');
}

std::string_view unquoted(std::string_view v) {
  while (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
  return v;
}

// The identifier the value is assigned to: the last one before it.
std::string_view key_name(std::string_view before) {
  std::string_view k = before;
  while (!k.empty() && !std::isalnum(static_cast<unsigned char>(k.back()))) k.remove_suffix(1);
  std::size_t start = k.size();
  while (start > 0 &&
         (std::isalnum(static_cast<unsigned char>(k[start - 1])) != 0 || k[start - 1] == '_'))
    --start;
  return k.substr(start);
}

// A constant that names the setting rather than holding it: the value is the
// key's own name ("LostPassword" = "LostPassword").
bool names_itself(std::string_view before, std::string_view value) {
  const std::string_view v = unquoted(value);
  return !v.empty() && iequals(key_name(before), v);
}

// An UPPER_SNAKE constant holding a word of its key ("LostPassword" =
// "ORCHARD_USERS_RESETPASSWORD"): a message or resource name.
bool snake_constant_of_key(std::string_view key, std::string_view v) {
  if (v.empty() || v.find('_') == std::string_view::npos ||
      !std::isupper(static_cast<unsigned char>(v[0])))
    return false;
  for (char c : v) {
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '_')
      return false;
  }
  for (const char* word : {"password", "secret", "token", "apikey"}) {
    if (icontains(key, word) && icontains(v, word)) return true;
  }
  return false;
}

// What code writes in place of a secret's value when it marks a thing: a
// CSS class or event namespace (".data-api"), markup ("<input name=...",
// "<$beacon />"), a character escape ("\\f21b").
bool selector_markup_or_escape(std::string_view v) {
  auto all = [](std::string_view s, auto pred) {
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
  };
  if (v.front() == '.')
    return all(v.substr(1), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
  if (v.front() == '<')
    return v.size() > 1 && (std::isalpha(static_cast<unsigned char>(v[1])) != 0 || v[1] == '$') &&
           v.find_first_of(" >") != std::string_view::npos;
  if (v.front() == '\\') {
    std::string_view hex = v.substr(1);
    if (!hex.empty() && (hex.front() == 'u' || hex.front() == 'x')) hex.remove_prefix(1);
    return hex.size() <= 8 &&
           all(hex, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
  }
  return false;
}

// A value whose shape says it names or marks something rather than holding a
// secret: in a code literal, a selector, markup or escape, or an UPPER_SNAKE
// constant of the key's word; anywhere, a mask-character placeholder.
bool names_or_placeholder(std::string_view before, std::string_view value, bool code_literal) {
  const std::string_view v = unquoted(value);
  if (v.empty()) return false;
  if (code_literal && (selector_markup_or_escape(v) || snake_constant_of_key(key_name(before), v)))
    return true;
  return repeated_placeholder(v);
}

// In code whose masked values can't be told apart (a minified line), a
// secret is still one inside a string literal: a literal that masks by itself.
bool literal_masks(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char q = line[i];
    if (q != '"' && q != '\'') continue;
    const std::size_t close = line.find(q, i + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view literal = line.substr(i + 1, close - i - 1);
    if (mask_secret_text(literal) != literal) return true;
    i = close;
  }
  return false;
}

// The value of attr="..." inside the element text, "" when absent.
std::string_view attr_value(std::string_view element, std::string_view attr) {
  for (std::size_t at = element.find(attr); at != std::string_view::npos;
       at = element.find(attr, at + 1)) {
    if (at > 0 && element[at - 1] != ' ' && element[at - 1] != '\t') continue;
    std::size_t q = at + attr.size();
    if (q + 1 >= element.size() || element[q] != '=' || element[q + 1] != '"') continue;
    std::size_t close = element.find('"', q + 2);
    if (close == std::string_view::npos) return {};
    return element.substr(q + 2, close - q - 2);
  }
  return {};
}

// <add key="SmtpPassword" value="..." />: an appSettings-style secret, which
// the key=value masking does not see.
bool secret_setting(std::string_view text) {
  for (std::size_t at = text.find("<add "); at != std::string_view::npos;
       at = text.find("<add ", at + 1)) {
    std::size_t end = text.find('>', at);
    std::string_view element = text.substr(at, end == std::string_view::npos ? end : end - at);
    std::string_view key = attr_value(element, "key");
    if (!key.empty() && is_secret_key(key) && !harmless_value(attr_value(element, "value")))
      return true;
  }
  return false;
}

// A line of a script that runs schtasks (the switches may sit on a continued
// line) giving /rp PASSWORD (also /p, for a remote system) written out; "*"
// (prompt), "" and a %variable% or $variable are no secret in the file.
bool schtasks_password(std::string_view line) {
  const std::vector<std::string> args = split_arguments(line);
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    const std::string a = to_lower(args[i]);
    if (a != "/rp" && a != "-rp" && a != "/p" && a != "-p") continue;
    const std::string& v = args[i + 1];
    if (!v.empty() && v != "*" && v.front() != '%' && v.front() != '$' && v.front() != '/')
      return true;
  }
  return false;
}

}  // namespace

std::string secret_in_text(std::string_view bytes, std::string_view file_name) {
  std::string decoded;
  std::string_view text = bytes;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    decoded = utf16le_to_utf8(Bytes(p + 2, bytes.size() - 2));
    text = decoded;
  }
  auto begin = text.find("-----BEGIN ");
  if (begin != std::string_view::npos &&
      text.find("PRIVATE KEY-----", begin) != std::string_view::npos)
    return "a PEM private key";
  if (secret_setting(text)) return "a setting whose key names a secret";
  const bool code = code_file(file_name);
  const bool schtasks = icontains(text, "schtasks");
  // Only a line running schtasks, and the lines it continues onto (cmd's ^,
  // PowerShell's `), is read for /rp or -p: `mkdir -p logs` elsewhere is not.
  bool schtasks_goes_on = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (schtasks) {
      const bool schtasks_line = schtasks_goes_on || icontains(line, "schtasks");
      const std::string right = trim(line);  // without a CRLF file's \r
      if (schtasks_line && schtasks_password(right)) return "a password given to schtasks (/rp)";
      schtasks_goes_on =
          schtasks_line && !right.empty() && (right.back() == '^' || right.back() == '`');
    }
    std::string masked = mask_secret_text(line);
    if (masked == line) continue;
    std::vector<std::pair<std::string_view, std::string_view>> values;
    if (!masked_values(line, masked, values)) {
      if (code && !literal_masks(line)) continue;
      return "values that read as secrets";
    }
    for (const auto& [before, value] : values) {
      std::string key = to_lower(trim(before));
      while (!key.empty() && (key.back() == '"' || key.back() == '\'')) key.pop_back();
      // Inside a string literal: an odd number of double quotes before it.
      bool quoted = std::count(before.begin(), before.end(), '"') % 2 == 1 ||
                    (!before.empty() && before.back() == '\'');
      if (harmless_value(value) || key.ends_with("publickeytoken=") || (code && !quoted) ||
          names_itself(before, value) || names_or_placeholder(before, value, code && quoted) ||
          (code && (page_expression(value) || filled_in_later(before, value))))
        continue;
      return "a value that reads as a secret (password=, token:, a URL's password...)";
    }
  }
  return "";
}

}  // namespace liftshift
