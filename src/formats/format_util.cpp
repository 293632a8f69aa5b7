#include "formats/format_util.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

#include "core/text.hpp"

namespace liftshift::fmt_util {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_host_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

// Where a path embedded in a value ends.
bool ends_path(char c) {
  return c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '|' || c == ',' ||
         c == '\r' || c == '\n' || c == '\t' || c == '\0' || c == '*' || c == '?';
}

std::size_t path_end(std::string_view s, std::size_t from) {
  std::size_t e = from;
  while (e < s.size() && !ends_path(s[e])) ++e;
  return e;
}

std::string trimmed_path(std::string_view s, std::size_t b, std::size_t e) {
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '.')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

void add_unique(std::vector<std::string>& v, std::string s, std::size_t cap) {
  if (s.empty() || v.size() >= cap) return;
  if (std::find(v.begin(), v.end(), s) != v.end()) return;
  v.push_back(std::move(s));
}

Result<std::unique_ptr<pugi::xml_document>> load_xml(std::string_view text,
                                                     const std::string& path) {
  if (text.size() > kMaxXmlBytes) {
    return make_error(path + ": file too large for an XML document (" +
                      std::to_string(text.size()) + " bytes, limit 64 MiB)");
  }
  std::string converted;
  pugi::xml_encoding encoding = pugi::encoding_auto;
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xFF &&
      static_cast<unsigned char>(text[1]) == 0xFE) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    converted = utf16le_to_utf8(Bytes(bytes + 2, text.size() - 2));
    text = converted;
    encoding = pugi::encoding_utf8;
  }
  if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '<')) > kMaxXmlTags) {
    return make_error(path + ": too much markup for a configuration file (more than " +
                      std::to_string(kMaxXmlTags) + " tags)");
  }
  auto doc = std::make_unique<pugi::xml_document>();
  // parse_default: escapes, CDATA, EOL normalisation; no parse_doctype, so a
  // DOCTYPE (and any entity declaration in it) is skipped, not interpreted.
  const pugi::xml_parse_result r =
      doc->load_buffer(text.data(), text.size(), pugi::parse_default, encoding);
  if (!r) {
    const std::size_t off =
        r.offset < 0 ? 0 : std::min(static_cast<std::size_t>(r.offset), text.size());
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(off), '\n');
    return make_error(path + ": XML error at line " + std::to_string(line) + ": " +
                      r.description());
  }
  return doc;
}

std::string_view local_name(const char* qualified) {
  std::string_view n(qualified ? qualified : "");
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool name_is(const pugi::xml_node& node, std::string_view local) {
  return iequals(local_name(node.name()), local);
}

pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (iequals(local_name(a.name()), local)) return a;
  }
  return {};
}

std::string attr_value(const pugi::xml_node& node, std::string_view local) {
  return trim(attr(node, local).value());
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && name_is(c, local)) return c;
  }
  return {};
}

void find_foreign_paths(std::string_view s, std::vector<std::string>& out, std::size_t cap) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n && out.size() < cap) {
    const char c = s[i];
    if (is_alpha(c) && i + 2 < n && s[i + 1] == ':' && (s[i + 2] == '\\' || s[i + 2] == '/') &&
        (i == 0 || !is_word(s[i - 1])) && c != 'c' && c != 'C' &&
        !(i + 3 < n && s[i + 2] == '/' && s[i + 3] == '/')) {  // "x://" is a URL scheme
      const std::size_t e = path_end(s, i);
      add_unique(out, trimmed_path(s, i, e), cap);
      i = e;
      continue;
    }
    if (c == '\\' && i + 1 < n && s[i + 1] == '\\' && (i == 0 || s[i - 1] != '\\')) {
      std::size_t h = i + 2;
      while (h < n && is_host_char(s[h])) ++h;
      const std::string_view host = s.substr(i + 2, h - i - 2);
      if (!host.empty() && host != "." && h < n && s[h] == '\\') {
        std::size_t sh = h + 1;
        while (sh < n && (is_host_char(s[sh]) || s[sh] == '$' || s[sh] == ' ')) ++sh;
        if (sh > h + 1) {
          const std::size_t e = path_end(s, i);
          add_unique(out, trimmed_path(s, i, e), cap);
          i = e;
          continue;
        }
      }
      i = h;
      continue;
    }
    ++i;
  }
}

void find_ldap_urls(std::string_view s, std::vector<std::string>& out, std::size_t cap) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n && out.size() < cap) {
    const char c = s[i];
    if ((c == 'l' || c == 'L' || c == 'g' || c == 'G') && (i == 0 || !is_word(s[i - 1]))) {
      std::size_t skip = 0;
      const std::string_view rest = s.substr(i);
      if (istarts_with(rest, "ldap://"))
        skip = 7;
      else if (istarts_with(rest, "ldaps://"))
        skip = 8;
      else if (istarts_with(rest, "gc://"))
        skip = 5;
      if (skip != 0) {
        std::size_t e = i + skip;
        while (e < n && s[e] != '"' && s[e] != '\'' && s[e] != ';' && s[e] != '<' && s[e] != '>' &&
               s[e] != '\r' && s[e] != '\n' && s[e] != '\t')
          ++e;
        std::size_t t = e;
        while (t > i && s[t - 1] == ' ') --t;
        add_unique(out, std::string(s.substr(i, t - i)), cap);
        i = e;
        continue;
      }
    }
    ++i;
  }
}

std::string file_stem(const std::string& path) {
  std::string_view p(path);
  const auto slash = p.find_last_of("/\\");
  if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
  const auto dot = p.rfind('.');
  if (dot != std::string_view::npos && dot > 0) p = p.substr(0, dot);
  return std::string(p);
}

}  // namespace liftshift::fmt_util
