// Helpers shared by the text/XML format parsers (dotnet_config, msbuild_project,
// packages_config, source_scan): safe XML loading with caps and precise errors,
// namespace-blind element/attribute lookup, and extraction of paths and LDAP
// URLs from values. No file system access.
#pragma once

#include <cstddef>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace liftshift::fmt_util {

inline constexpr std::size_t kMaxXmlBytes = std::size_t{64} << 20;  // 64 MiB
inline constexpr std::size_t kMaxXmlTags = 2'000'000;  // '<' characters; bounds the DOM size

// Parses XML text into a DOM. DOCTYPE is skipped, never interpreted: no entity
// is declared, expanded or fetched (unknown references such as "&xxe;" stay as
// written). UTF-8 (with or without BOM) and UTF-16LE with BOM are accepted.
// Errors: "<path>: XML error at line N: <pugixml description>", or a size cap.
Result<std::unique_ptr<pugi::xml_document>> load_xml(std::string_view text,
                                                     const std::string& path);

// The element or attribute name without a namespace prefix: "x:add" -> "add".
std::string_view local_name(const char* qualified);

// Case-insensitive lookup by local name.
bool name_is(const pugi::xml_node& node, std::string_view local);
pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view local);
std::string attr_value(const pugi::xml_node& node, std::string_view local);  // trimmed
pugi::xml_node child(const pugi::xml_node& node, std::string_view local);

// Pre-order visit of every element under root (root included), iterative:
// no recursion on hostile nesting.
template <typename Visit>
void walk_elements(const pugi::xml_node& root, Visit visit) {
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) {
      visit(n);
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

// The file name without folder and last extension: "src/App.csproj" -> "App".
std::string file_stem(const std::string& path);

// Appends (deduplicated, at most `cap` entries) every absolute path on a drive
// other than C: ("D:\Data", "e:/logs") and every UNC path ("\\server\share\x")
// found in text. Device paths (\\.\, \\?\) are not UNC shares.
void find_foreign_paths(std::string_view text, std::vector<std::string>& out,
                        std::size_t cap = 1000);

// Appends (deduplicated, capped) every LDAP://, LDAPS:// and GC:// URL in text.
void find_ldap_urls(std::string_view text, std::vector<std::string>& out, std::size_t cap = 1000);

// Adds s to v unless present or v holds cap entries.
void add_unique(std::vector<std::string>& v, std::string s, std::size_t cap = 1000);

}  // namespace liftshift::fmt_util
