#include "context/secret_screen.hpp"

#include <algorithm>

#include "core/command_line.hpp"
#include "core/secret_mask.hpp"
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
        ".props", ".targets", ".sln",  ".resx", ".ps1",  ".psm1"}) {
    if (iends_with(name, ext)) return true;
  }
  return false;
}

bool harmless(std::string_view value) {
  std::string v = trim(value);
  for (const char* h : {"", "null", "nothing", "string.empty", "true", "false", "none"}) {
    if (iequals(v, h)) return true;
  }
  return false;
}

// What a line's masking hid, when it hid exactly one value: the value and
// the text before it; nullopt when it hid several.
bool one_masked_value(std::string_view line, std::string_view masked, std::string_view& before,
                      std::string_view& value) {
  std::size_t i = 0;
  while (i < line.size() && i < masked.size() && line[i] == masked[i]) ++i;
  if (masked.substr(i, kMask.size()) != kMask) return false;
  std::string_view rest = masked.substr(i + kMask.size());
  if (rest.size() > line.size() - i || line.substr(line.size() - rest.size()) != rest) return false;
  before = line.substr(0, i);
  value = line.substr(i, line.size() - rest.size() - i);
  return true;
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
    if (!key.empty() && is_secret_key(key) && !harmless(attr_value(element, "value"))) return true;
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
    std::string_view before;
    std::string_view value;
    if (!one_masked_value(line, masked, before, value)) return "values that read as secrets";
    std::string key = to_lower(trim(before));
    // Inside a string literal: an odd number of double quotes before it.
    bool quoted = std::count(before.begin(), before.end(), '"') % 2 == 1 ||
                  (!before.empty() && before.back() == '\'');
    if (harmless(value) || key.ends_with("publickeytoken=") || (code && !quoted)) continue;
    return "a value that reads as a secret (password=, token:, a URL's password...)";
  }
  return "";
}

}  // namespace liftshift
