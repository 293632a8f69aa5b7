#include "formats/pe_version.hpp"

#include <string_view>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxBlob = 64 * 1024;
constexpr std::size_t kMaxKeyChars = 64;
constexpr std::size_t kMaxValueChars = 256;
constexpr std::size_t kMaxNodes = 512;  // over the whole blob

// One node of the version tree: wLength, wValueLength, wType, a UTF-16 key,
// padding to 4 bytes, the value, padding, then children up to wLength.
// Offsets are absolute within the blob (alignment is relative to its start).
struct Node {
  std::string key;
  std::size_t value_at = 0, value_bytes = 0;
  std::size_t children_at = 0, end = 0;
};

std::size_t align4(std::size_t v) { return (v + 3) & ~std::size_t{3}; }

// The node at `at`, which must end by `limit`.
std::optional<Node> node_at(Bytes blob, std::size_t at, std::size_t limit) {
  ByteReader r(blob);
  if (!r.seek(at)) return std::nullopt;
  auto length = r.u16(), value_length = r.u16(), type = r.u16();
  if (!length || !value_length || !type || *length < 6) return std::nullopt;
  auto end = checked_add(at, *length);
  if (!end || *end > limit) return std::nullopt;
  Node n;
  n.end = *end;
  std::string key;
  for (std::size_t i = 0;; ++i) {
    auto c = r.u16();
    if (!c || r.pos() > n.end || i > kMaxKeyChars) return std::nullopt;
    if (*c == 0) break;
    key.push_back(*c < 0x80 ? static_cast<char>(*c) : '?');
  }
  n.key = std::move(key);
  n.value_at = align4(r.pos());
  // Text values count WCHARs, binary ones bytes.
  n.value_bytes = *type == 1 ? std::size_t{*value_length} * 2 : *value_length;
  auto value_end = checked_add(n.value_at, n.value_bytes);
  if (!value_end || *value_end > n.end) {
    // A value longer than its node: keep the key, drop the value.
    n.value_bytes = 0;
    value_end = n.value_at;
  }
  n.children_at = std::min(align4(*value_end), n.end);
  return n;
}

std::string text_value(Bytes blob, const Node& n) {
  std::size_t bytes = std::min(n.value_bytes, kMaxValueChars * 2);
  std::string s = utf16le_to_utf8(blob.subspan(n.value_at, bytes));
  if (auto nul = s.find('\0'); nul != std::string::npos) s.resize(nul);
  return printable(trim(s));
}

}  // namespace

void parse_version_info(Bytes blob, BinaryFacts& facts) {
  if (blob.size() > kMaxBlob) blob = blob.first(kMaxBlob);
  auto root = node_at(blob, 0, blob.size());
  if (!root || root->key != "VS_VERSION_INFO") {
    facts.warnings.push_back("version resource: not a VS_VERSIONINFO");
    return;
  }
  std::size_t nodes = 0;
  // Root children: StringFileInfo, VarFileInfo. StringFileInfo's children:
  // string tables (one per language); theirs: the strings.
  for (std::size_t at = root->children_at; at < root->end; ++nodes) {
    auto info = node_at(blob, at, root->end);
    if (!info || nodes > kMaxNodes) break;
    at = align4(info->end);
    if (info->key != "StringFileInfo") continue;
    for (std::size_t t = info->children_at; t < info->end; ++nodes) {
      auto table = node_at(blob, t, info->end);
      if (!table || nodes > kMaxNodes) break;
      t = align4(table->end);
      for (std::size_t s = table->children_at; s < table->end; ++nodes) {
        auto str = node_at(blob, s, table->end);
        if (!str || nodes > kMaxNodes) break;
        s = align4(str->end);
        std::string* slot = str->key == "CompanyName"       ? &facts.company_name
                            : str->key == "ProductName"     ? &facts.product_name
                            : str->key == "FileDescription" ? &facts.file_description
                            : str->key == "FileVersion"     ? &facts.file_version
                                                            : nullptr;
        if (slot != nullptr && slot->empty()) *slot = text_value(blob, *str);
      }
    }
  }
  if (nodes > kMaxNodes) facts.warnings.push_back("version resource: too many entries, cut");
}

}  // namespace liftshift
