#include "formats/clr_metadata.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/secret_mask.hpp"
#include "core/secret_values.hpp"
#include "core/text.hpp"
#include "formats/clr_entry_point.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxStreams = 64;
constexpr std::size_t kMaxVersionLength = 255;  // ECMA-335 II.24.2.1
constexpr int kMaxNesting = 16;

// ---- table schema (ECMA-335 II.22) ----

enum class Heap : std::uint8_t { String, Guid, Blob };

enum class Coded : std::uint8_t {
  TypeDefOrRef,
  HasConstant,
  HasCustomAttribute,
  HasFieldMarshal,
  HasDeclSecurity,
  MemberRefParent,
  HasSemantics,
  MethodDefOrRef,
  MemberForwarded,
  Implementation,
  CustomAttributeType,
  ResolutionScope,
  TypeOrMethodDef,
  Count
};

enum Table : std::uint8_t {
  kModule = 0x00,
  kTypeRef = 0x01,
  kTypeDef = 0x02,
  kFieldPtr = 0x03,
  kField = 0x04,
  kMethodPtr = 0x05,
  kMethodDef = 0x06,
  kParamPtr = 0x07,
  kParam = 0x08,
  kInterfaceImpl = 0x09,
  kMemberRef = 0x0a,
  kConstant = 0x0b,
  kCustomAttribute = 0x0c,
  kFieldMarshal = 0x0d,
  kDeclSecurity = 0x0e,
  kClassLayout = 0x0f,
  kFieldLayout = 0x10,
  kStandAloneSig = 0x11,
  kEventMap = 0x12,
  kEventPtr = 0x13,
  kEvent = 0x14,
  kPropertyMap = 0x15,
  kPropertyPtr = 0x16,
  kProperty = 0x17,
  kMethodSemantics = 0x18,
  kMethodImpl = 0x19,
  kModuleRef = 0x1a,
  kTypeSpec = 0x1b,
  kImplMap = 0x1c,
  kFieldRva = 0x1d,
  kEncLog = 0x1e,
  kEncMap = 0x1f,
  kAssembly = 0x20,
  kAssemblyProcessor = 0x21,
  kAssemblyOs = 0x22,
  kAssemblyRef = 0x23,
  kAssemblyRefProcessor = 0x24,
  kAssemblyRefOs = 0x25,
  kFile = 0x26,
  kExportedType = 0x27,
  kManifestResource = 0x28,
  kNestedClass = 0x29,
  kGenericParam = 0x2a,
  kMethodSpec = 0x2b,
  kGenericParamConstraint = 0x2c,
  kKnownTables = 0x2d,
  kNoTable = 0xff,  // an unused tag in a coded index
};

// clang-format off
constexpr std::array<const char*, kKnownTables> kTableNames = {
    "Module", "TypeRef", "TypeDef", "FieldPtr", "Field", "MethodPtr", "MethodDef", "ParamPtr",
    "Param", "InterfaceImpl", "MemberRef", "Constant", "CustomAttribute", "FieldMarshal",
    "DeclSecurity", "ClassLayout", "FieldLayout", "StandAloneSig", "EventMap", "EventPtr", "Event",
    "PropertyMap", "PropertyPtr", "Property", "MethodSemantics", "MethodImpl", "ModuleRef",
    "TypeSpec", "ImplMap", "FieldRVA", "EncLog", "EncMap", "Assembly", "AssemblyProcessor",
    "AssemblyOS", "AssemblyRef", "AssemblyRefProcessor", "AssemblyRefOS", "File", "ExportedType",
    "ManifestResource", "NestedClass", "GenericParam", "MethodSpec", "GenericParamConstraint"};
// clang-format on

struct CodedInfo {
  int tag_bits;
  std::vector<Table> tables;  // indexed by tag
};

const std::array<CodedInfo, static_cast<std::size_t>(Coded::Count)>& coded_infos() {
  static const std::array<CodedInfo, static_cast<std::size_t>(Coded::Count)> infos = {{
      {2, {kTypeDef, kTypeRef, kTypeSpec}},  // TypeDefOrRef
      {2, {kField, kParam, kProperty}},      // HasConstant
      {5, {kMethodDef,        kField,        kTypeRef,
           kTypeDef,          kParam,        kInterfaceImpl,
           kMemberRef,        kModule,       kDeclSecurity,
           kProperty,         kEvent,        kStandAloneSig,
           kModuleRef,        kTypeSpec,     kAssembly,
           kAssemblyRef,      kFile,         kExportedType,
           kManifestResource, kGenericParam, kGenericParamConstraint,
           kMethodSpec}},                                            // HasCustomAttribute
      {1, {kField, kParam}},                                         // HasFieldMarshal
      {2, {kTypeDef, kMethodDef, kAssembly}},                        // HasDeclSecurity
      {3, {kTypeDef, kTypeRef, kModuleRef, kMethodDef, kTypeSpec}},  // MemberRefParent
      {1, {kEvent, kProperty}},                                      // HasSemantics
      {1, {kMethodDef, kMemberRef}},                                 // MethodDefOrRef
      {1, {kField, kMethodDef}},                                     // MemberForwarded
      {2, {kFile, kAssemblyRef, kExportedType}},                     // Implementation
      {3, {kNoTable, kNoTable, kMethodDef, kMemberRef, kNoTable}},   // CustomAttributeType
      {2, {kModule, kModuleRef, kAssemblyRef, kTypeRef}},            // ResolutionScope
      {1, {kTypeDef, kMethodDef}},                                   // TypeOrMethodDef
  }};
  return infos;
}

// One column: a fixed-width integer, a heap index, a table index or a coded index.
struct Col {
  enum Kind : std::uint8_t { U16, U32, HeapIdx, TableIdx, CodedIdx } kind;
  std::uint8_t arg = 0;
};

constexpr Col u16c{Col::U16, 0};
constexpr Col u32c{Col::U32, 0};
constexpr Col str{Col::HeapIdx, static_cast<std::uint8_t>(Heap::String)};
constexpr Col guid{Col::HeapIdx, static_cast<std::uint8_t>(Heap::Guid)};
constexpr Col blob{Col::HeapIdx, static_cast<std::uint8_t>(Heap::Blob)};
constexpr Col tbl(Table t) { return Col{Col::TableIdx, t}; }
constexpr Col cod(Coded c) { return Col{Col::CodedIdx, static_cast<std::uint8_t>(c)}; }

constexpr std::size_t kMaxCols = 9;

const std::array<std::vector<Col>, kKnownTables>& schema() {
  using C = Coded;
  static const std::array<std::vector<Col>, kKnownTables> s = {{
      {u16c, str, guid, guid, guid},                                         // Module
      {cod(C::ResolutionScope), str, str},                                   // TypeRef
      {u32c, str, str, cod(C::TypeDefOrRef), tbl(kField), tbl(kMethodDef)},  // TypeDef
      {tbl(kField)},                                                         // FieldPtr
      {u16c, str, blob},                                                     // Field
      {tbl(kMethodDef)},                                                     // MethodPtr
      {u32c, u16c, u16c, str, blob, tbl(kParam)},                            // MethodDef
      {tbl(kParam)},                                                         // ParamPtr
      {u16c, u16c, str},                                                     // Param
      {tbl(kTypeDef), cod(C::TypeDefOrRef)},                                 // InterfaceImpl
      {cod(C::MemberRefParent), str, blob},                                  // MemberRef
      {u16c, cod(C::HasConstant), blob},  // Constant (Type u8 + padding u8 read as one u16)
      {cod(C::HasCustomAttribute), cod(C::CustomAttributeType), blob},  // CustomAttribute
      {cod(C::HasFieldMarshal), blob},                                  // FieldMarshal
      {u16c, cod(C::HasDeclSecurity), blob},                            // DeclSecurity
      {u16c, u32c, tbl(kTypeDef)},                                      // ClassLayout
      {u32c, tbl(kField)},                                              // FieldLayout
      {blob},                                                           // StandAloneSig
      {tbl(kTypeDef), tbl(kEvent)},                                     // EventMap
      {tbl(kEvent)},                                                    // EventPtr
      {u16c, str, cod(C::TypeDefOrRef)},                                // Event
      {tbl(kTypeDef), tbl(kProperty)},                                  // PropertyMap
      {tbl(kProperty)},                                                 // PropertyPtr
      {u16c, str, blob},                                                // Property
      {u16c, tbl(kMethodDef), cod(C::HasSemantics)},                    // MethodSemantics
      {tbl(kTypeDef), cod(C::MethodDefOrRef), cod(C::MethodDefOrRef)},  // MethodImpl
      {str},                                                            // ModuleRef
      {blob},                                                           // TypeSpec
      {u16c, cod(C::MemberForwarded), str, tbl(kModuleRef)},            // ImplMap
      {u32c, tbl(kField)},                                              // FieldRVA
      {u32c, u32c},                                                     // EncLog
      {u32c},                                                           // EncMap
      {u32c, u16c, u16c, u16c, u16c, u32c, blob, str, str},             // Assembly
      {u32c},                                                           // AssemblyProcessor
      {u32c, u32c, u32c},                                               // AssemblyOS
      {u16c, u16c, u16c, u16c, u32c, blob, str, str, blob},             // AssemblyRef
      {u32c, tbl(kAssemblyRef)},                                        // AssemblyRefProcessor
      {u32c, u32c, u32c, tbl(kAssemblyRef)},                            // AssemblyRefOS
      {u32c, str, blob},                                                // File
      {u32c, u32c, str, str, cod(C::Implementation)},                   // ExportedType
      {u32c, u32c, str, cod(C::Implementation)},                        // ManifestResource
      {tbl(kTypeDef), tbl(kTypeDef)},                                   // NestedClass
      {u16c, u16c, cod(C::TypeOrMethodDef), str},                       // GenericParam
      {cod(C::MethodDefOrRef), blob},                                   // MethodSpec
      {tbl(kGenericParam), cod(C::TypeDefOrRef)},                       // GenericParamConstraint
  }};
  return s;
}

using Row = std::array<std::uint32_t, kMaxCols>;

// ---- heaps ----

// ECMA-335 II.23.2 compressed unsigned integer.
std::optional<std::uint32_t> compressed_u32(ByteReader& r) {
  auto b0 = r.u8();
  if (!b0) return std::nullopt;
  if ((*b0 & 0x80) == 0) return *b0;
  if ((*b0 & 0xc0) == 0x80) {
    auto b1 = r.u8();
    if (!b1) return std::nullopt;
    return (std::uint32_t{*b0 & 0x3fu} << 8) | *b1;
  }
  if ((*b0 & 0xe0) == 0xc0) {
    auto rest = r.bytes(3);
    if (!rest) return std::nullopt;
    return (std::uint32_t{*b0 & 0x1fu} << 24) | (std::uint32_t{(*rest)[0]} << 16) |
           (std::uint32_t{(*rest)[1]} << 8) | (*rest)[2];
  }
  return std::nullopt;
}

// Cuts a UTF-8 string to at most max bytes without splitting a character.
std::string cut_utf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xc0) == 0x80) --n;
  s.resize(n);
  return s;
}

// True when every byte is printable ASCII: printable() would return it as is.
bool plain_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// A name the facts keep: a copy, through printable() only when it needs it.
std::string keep(std::string_view s) { return plain_ascii(s) ? std::string(s) : printable(s); }

// True when UTF-16LE text holds ':', '\\', '$' or '=' (a credential's key
// and its '=': "Password=", "AccountKey=", "Password = ").
bool has_marker_unit(Bytes utf16) {
  for (std::size_t i = 0; i + 1 < utf16.size(); i += 2) {
    if (utf16[i + 1] != 0) continue;
    if (utf16[i] == ':' || utf16[i] == '\\' || utf16[i] == '$' || utf16[i] == '=') return true;
  }
  return false;
}

class Metadata {
 public:
  Metadata(Bytes metadata, BinaryFacts& facts, const ClrEntryPoint* entry = nullptr)
      : md_(metadata), facts_(facts), entry_(entry) {}

  void run() {
    if (!read_root()) return;
    read_user_strings();
    if (!tables_found_) {
      warn("CLR metadata: no #~ or #- tables stream");
      return;
    }
    if (!read_table_header()) return;
    read_assembly();
    read_assembly_refs();
    read_type_refs();
    read_member_refs();
    read_pinvokes();
    read_target_framework();
    read_serviced_components();
    read_com_attributes();
    if (entry_ != nullptr) read_entry_calls();
  }

 private:
  void warn(std::string message) { facts_.warnings.push_back(std::move(message)); }

  bool read_root() {
    ByteReader r(md_);
    auto sig = r.u32();
    if (!sig) {
      warn(fmt::format("CLR metadata: {} bytes, too short for a metadata root", md_.size()));
      return false;
    }
    if (*sig != kClrMetadataSignature) {
      warn(fmt::format("CLR metadata: bad signature 0x{:08x} (expected BSJB 0x{:08x})", *sig,
                       kClrMetadataSignature));
      return false;
    }
    r.skip(8);  // major, minor, reserved
    auto length = r.u32();
    if (!length || *length > kMaxVersionLength || *length > r.remaining()) {
      warn(fmt::format("CLR metadata: version string length {} is invalid ({} bytes left)",
                       length.value_or(0), r.remaining()));
      return false;
    }
    auto version = r.bytes(*length).value_or(Bytes{});
    std::string v(version.begin(), version.end());
    facts_.clr_version = printable(v.substr(0, v.find('\0')));
    r.skip(2);  // flags
    auto count = r.u16();
    if (!count) {
      warn("CLR metadata: truncated before the stream headers");
      return false;
    }
    std::size_t streams = *count;
    if (streams > kMaxStreams) {
      warn(fmt::format("CLR metadata: {} streams declared, reading the first {}", streams,
                       kMaxStreams));
      streams = kMaxStreams;
    }
    for (std::size_t i = 0; i < streams; ++i) {
      auto offset = r.u32();
      auto size = r.u32();
      auto name = r.cstring(32);
      if (!offset || !size || !name) {
        warn(fmt::format("CLR metadata: stream header {} of {} is truncated", i + 1, streams));
        return true;  // keep the streams already found
      }
      // names are NUL-padded to a 4-byte boundary
      std::size_t pad = (4 - (name->size() + 1) % 4) % 4;
      r.skip(std::min(pad, r.remaining()));
      auto stream = ByteReader(md_).sub(*offset, *size);
      if (!stream) {
        warn(
            fmt::format("CLR metadata: stream {} ({} bytes at offset 0x{:x}) lies outside the "
                        "metadata ({} bytes)",
                        printable(*name), *size, *offset, md_.size()));
        continue;
      }
      Bytes bytes = stream->data();
      if (*name == "#~" || *name == "#-") {
        if (!tables_found_) tables_ = bytes;
        tables_found_ = true;
      } else if (*name == "#Strings") {
        if (strings_.empty()) strings_ = bytes;
      } else if (*name == "#US") {
        if (us_.empty()) us_ = bytes;
      } else if (*name == "#Blob") {
        if (blobs_.empty()) blobs_ = bytes;
      }
      // #GUID is not needed: no fact comes from it.
    }
    return true;
  }

  // The #Strings entry at index, as stored (a view into the heap; printable()
  // is applied only to the names kept, see keep()); empty when unterminated
  // within kMaxString bytes or out of range.
  std::string_view string_at(std::uint32_t index) const {
    if (index >= strings_.size()) return {};
    const auto* start = reinterpret_cast<const char*>(strings_.data()) + index;
    std::size_t limit = std::min(strings_.size() - index, kMaxString + 1);
    const void* nul = std::memchr(start, 0, limit);
    if (nul == nullptr) return {};
    return {start, static_cast<std::size_t>(static_cast<const char*>(nul) - start)};
  }

  std::optional<Bytes> blob_at(std::uint32_t index) const {
    ByteReader r(blobs_);
    if (!r.seek(index)) return std::nullopt;
    auto len = compressed_u32(r);
    if (!len) return std::nullopt;
    return r.bytes(*len);
  }

  void read_user_strings() {
    ByteReader r(us_);
    if (!r.skip(1)) return;  // offset 0 is the empty string
    std::unordered_set<std::string> seen;
    while (r.remaining() > 0) {
      std::size_t at = r.pos();
      auto len = compressed_u32(r);
      if (!len) {
        warn(fmt::format("#US: bad length at offset 0x{:x}", at));
        return;
      }
      auto bytes = r.bytes(*len);
      if (!bytes) {
        warn(fmt::format("#US: string at offset 0x{:x} claims {} bytes, {} left in the heap", at,
                         *len, r.remaining()));
        return;
      }
      if (*len < 2) continue;
      // Every interesting string holds ':', '\\', '$' or '=' (interesting_user_string):
      // look for them in the UTF-16 code units before decoding anything.
      if (!has_marker_unit(bytes->first(*len & ~std::size_t{1}))) continue;
      // UTF-16LE text followed by one flag byte.
      std::string text = utf16le_to_utf8(bytes->first(*len & ~std::size_t{1}));
      if (!interesting_user_string(text)) continue;
      // Masked before the cut: a cut through a secret would keep its start.
      text = cut_utf8(mask_secret_text(printable(text)), kMaxUserStringBytes);
      if (!seen.insert(text).second) continue;
      if (facts_.user_strings.size() >= kMaxUserStrings) {
        warn(fmt::format("#US: more than {} interesting strings; the rest are skipped",
                         kMaxUserStrings));
        return;
      }
      facts_.user_strings.push_back(std::move(text));
    }
  }

  // ---- tables ----

  std::size_t heap_index_size(Heap h) const {
    std::uint8_t bit = h == Heap::String ? 0x01 : h == Heap::Guid ? 0x02 : 0x04;
    return (heap_sizes_ & bit) ? 4 : 2;
  }

  std::size_t column_size(Col c) const {
    switch (c.kind) {
      case Col::U16:
        return 2;
      case Col::U32:
        return 4;
      case Col::HeapIdx:
        return heap_index_size(static_cast<Heap>(c.arg));
      case Col::TableIdx:
        return rows_[c.arg] > 0xffff ? 4 : 2;
      case Col::CodedIdx: {
        const CodedInfo& info = coded_infos()[c.arg];
        std::uint32_t max_rows = 0;
        for (Table t : info.tables) {
          if (t != kNoTable) max_rows = std::max(max_rows, rows_[t]);
        }
        return max_rows < (std::uint32_t{1} << (16 - info.tag_bits)) ? 2 : 4;
      }
    }
    return 4;
  }

  bool read_table_header() {
    ByteReader r(tables_);
    if (!r.skip(4)) {  // reserved
      warn("#~: stream too short for its header");
      return false;
    }
    r.skip(2);  // major, minor
    auto heap_sizes = r.u8();
    r.skip(1);  // reserved
    auto valid = r.u64();
    auto sorted = r.u64();
    if (!heap_sizes || !valid || !sorted) {
      warn("#~: stream too short for its header");
      return false;
    }
    heap_sizes_ = *heap_sizes;
    for (int bit = 0; bit < 64; ++bit) {
      if (((*valid >> bit) & 1) == 0) continue;
      auto n = r.u32();
      if (!n) {
        warn(fmt::format("#~: row counts truncated at table 0x{:02x}", bit));
        return false;
      }
      // Tables past GenericParamConstraint come after every table read here.
      if (bit < kKnownTables) rows_[bit] = *n;
    }
    if (heap_sizes_ & 0x40) r.skip(4);  // extra data
    std::size_t offset = r.pos();
    for (std::size_t t = 0; t < kKnownTables; ++t) {
      std::size_t size = 0;
      const auto& cols = schema()[t];
      columns_[t] = static_cast<std::uint8_t>(cols.size());
      for (std::size_t i = 0; i < cols.size(); ++i) {
        col_size_[t][i] = static_cast<std::uint8_t>(column_size(cols[i]));
        size += col_size_[t][i];
      }
      row_size_[t] = size;
      table_offset_[t] = offset;
      if (rows_[t] == 0) continue;
      std::size_t left = tables_.size() - offset;
      auto bytes = checked_mul(rows_[t], size);
      if (!bytes || *bytes > left) {
        warn(
            fmt::format("#~: table {} declares {} rows of {} bytes, more than the {} bytes left "
                        "in the stream; tables from {} on are not read",
                        kTableNames[t], rows_[t], size, left, kTableNames[t]));
        return true;  // readable_ stays 0 from t on
      }
      readable_[t] = rows_[t];
      offset += *bytes;
    }
    return true;
  }

  // Row `row` (1-based) of table t, or nullopt when out of range/unreadable.
  std::optional<Row> row(Table t, std::uint32_t index) const {
    if (t >= kKnownTables || index == 0 || index > readable_[t]) return std::nullopt;
    // Bounds: read_table_header made readable_[t] rows of row_size_[t] bytes
    // from table_offset_[t] fit in the stream; the row is read without re-checking.
    const std::uint8_t* p =
        tables_.data() + table_offset_[t] + std::size_t{index - 1} * row_size_[t];
    Row out{};
    for (std::size_t i = 0; i < columns_[t]; ++i) {
      if (col_size_[t][i] == 2) {
        out[i] = static_cast<std::uint32_t>(p[0] | (p[1] << 8));
        p += 2;
      } else {
        out[i] = static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
                 (static_cast<std::uint32_t>(p[2]) << 16) |
                 (static_cast<std::uint32_t>(p[3]) << 24);
        p += 4;
      }
    }
    return out;
  }

  // Splits a coded index into (table, row).
  std::pair<Table, std::uint32_t> decode(Coded c, std::uint32_t value) const {
    const CodedInfo& info = coded_infos()[static_cast<std::size_t>(c)];
    std::uint32_t tag = value & ((1u << info.tag_bits) - 1);
    if (tag >= info.tables.size()) return {kNoTable, 0};
    return {info.tables[tag], value >> info.tag_bits};
  }

  // Appends "Ns.Name" (or "Name") to out.
  static void append_dotted(std::string& out, std::string_view ns, std::string_view name) {
    if (!ns.empty()) {
      out += ns;
      out += '.';
    }
    out += name;
  }

  // Appends the TypeRef's full name ("Ns.Outer/Inner") to out; false when the
  // row is unreadable (out unchanged).
  bool append_type_ref_name(std::uint32_t index, std::string& out, int depth = 0) const {
    auto tr = row(kTypeRef, index);
    if (!tr) return false;
    auto [scope, scope_row] = decode(Coded::ResolutionScope, (*tr)[0]);
    if (scope == kTypeRef && depth < kMaxNesting && scope_row != index) {
      std::size_t mark = out.size();
      if (append_type_ref_name(scope_row, out, depth + 1) && out.size() > mark) {
        out += '/';
      } else {
        out.resize(mark);
      }
    }
    append_dotted(out, string_at((*tr)[2]), string_at((*tr)[1]));
    return true;
  }

  // The assembly a TypeRef resolves to: the AssemblyRef its resolution scope
  // names (through the enclosing TypeRef of a nested type); "" for a type of
  // this module or one that names no assembly.
  // The view is raw metadata: keep() it before storing it.
  std::string_view type_ref_assembly(std::uint32_t index, int depth = 0) const {
    auto tr = row(kTypeRef, index);
    if (!tr) return {};
    auto [scope, scope_row] = decode(Coded::ResolutionScope, (*tr)[0]);
    if (scope == kTypeRef && depth < kMaxNesting && scope_row != index)
      return type_ref_assembly(scope_row, depth + 1);
    if (scope != kAssemblyRef) return {};
    auto a = row(kAssemblyRef, scope_row);
    return a ? string_at((*a)[6]) : std::string_view{};
  }

  // True when the TypeRef's full name is ns + "." + name. Its own name and
  // namespace columns are compared first, so that the full name (through any
  // enclosing TypeRef) is built only for the rare row that could match.
  bool type_ref_is(std::uint32_t index, std::string_view ns, std::string_view name) {
    auto tr = row(kTypeRef, index);
    if (!tr || string_at((*tr)[1]) != name || string_at((*tr)[2]) != ns) return false;
    scratch_.clear();
    append_type_ref_name(index, scratch_);
    return scratch_.size() == ns.size() + 1 + name.size();  // not nested in another type
  }

  // A TypeDef's full name as a string ("" when unreadable).
  std::string type_def_name(std::uint32_t index) const {
    std::string out;
    append_type_def_name(index, out);
    return out;
  }

  bool append_type_def_name(std::uint32_t index, std::string& out) const {
    auto td = row(kTypeDef, index);
    if (!td) return false;
    append_dotted(out, string_at((*td)[2]), string_at((*td)[1]));
    return true;
  }

  // Appends the name of the type a MemberRef's class names (TypeRef, TypeDef,
  // or a generic instantiation TypeSpec over one of those); false when none.
  bool append_member_parent(std::uint32_t coded, std::string& out) const {
    auto [t, index] = decode(Coded::MemberRefParent, coded);
    if (t == kTypeRef) return append_type_ref_name(index, out);
    if (t != kTypeSpec) return false;
    auto spec = row(kTypeSpec, index);
    if (!spec) return false;
    auto sig = blob_at((*spec)[0]);
    if (!sig) return false;
    ByteReader r(*sig);
    if (r.u8() != 0x15) return false;  // ELEMENT_TYPE_GENERICINST
    auto kind = r.u8();
    if (kind != 0x12 && kind != 0x11) return false;  // CLASS / VALUETYPE
    auto encoded = compressed_u32(r);
    if (!encoded) return false;
    auto [target, target_row] = decode(Coded::TypeDefOrRef, *encoded);
    if (target == kTypeRef) return append_type_ref_name(target_row, out);
    if (target == kTypeDef) return append_type_def_name(target_row, out);
    return false;
  }

  // "Parent::Member" of a MemberRef row into scratch_; false when its parent has no name.
  bool member_ref_name(const Row& m) {
    scratch_.clear();
    if (!append_member_parent(m[0], scratch_) || scratch_.empty()) return false;
    scratch_ += "::";
    scratch_ += string_at(m[1]);
    return true;
  }

  enum class Added { kNew, kSeen, kFull };
  // Keeps name (printable) in list unless it is there already; kFull when list
  // holds cap names. seen views list's strings: list must not reallocate
  // (reserved by the caller), so only kept names allocate.
  static Added add_unique(std::string_view name, std::vector<std::string>& list,
                          std::unordered_set<std::string_view>& seen, std::size_t cap) {
    std::string cleaned;
    if (!plain_ascii(name)) {
      cleaned = printable(name);
      name = cleaned;
    }
    if (seen.contains(name)) return Added::kSeen;
    if (list.size() >= cap) return Added::kFull;
    list.emplace_back(name);
    seen.insert(list.back());
    return Added::kNew;
  }

  static std::string version(const Row& r) {
    return fmt::format("{}.{}.{}.{}", r[0], r[1], r[2], r[3]);
  }

  void read_assembly() {
    auto a = row(kAssembly, 1);
    if (!a) return;
    facts_.assembly_name = keep(string_at((*a)[7]));
    facts_.assembly_version = version({(*a)[1], (*a)[2], (*a)[3], (*a)[4]});
  }

  void read_assembly_refs() {
    for (std::uint32_t i = 1; i <= readable_[kAssemblyRef]; ++i) {
      auto a = row(kAssemblyRef, i);
      if (!a) break;
      facts_.assembly_refs.push_back(AssemblyRef{keep(string_at((*a)[6])), version(*a)});
    }
  }

  void read_type_refs() {
    auto& list = facts_.type_refs;
    list.reserve(list.size() + std::min<std::size_t>(readable_[kTypeRef], kMaxTypeRefs));
    std::unordered_set<std::string_view> seen;
    for (std::uint32_t i = 1; i <= readable_[kTypeRef]; ++i) {
      scratch_.clear();
      append_type_ref_name(i, scratch_);
      if (scratch_.empty()) continue;
      const Added added = add_unique(scratch_, list, seen, kMaxTypeRefs);
      if (added == Added::kFull) {
        warn(fmt::format("#~: more than {} TypeRefs; the rest are skipped", kMaxTypeRefs));
        return;
      }
      // Parallel to type_refs: the scope of the first TypeRef of each name.
      if (added == Added::kNew) facts_.type_ref_assemblies.push_back(keep(type_ref_assembly(i)));
    }
  }

  void read_member_refs() {
    auto& list = facts_.member_refs;
    list.reserve(list.size() + std::min<std::size_t>(readable_[kMemberRef], kMaxMemberRefs));
    std::unordered_set<std::string_view> seen;
    for (std::uint32_t i = 1; i <= readable_[kMemberRef]; ++i) {
      auto m = row(kMemberRef, i);
      if (!m) break;
      if (!member_ref_name(*m)) continue;
      if (add_unique(scratch_, list, seen, kMaxMemberRefs) == Added::kFull) {
        warn(fmt::format("#~: more than {} MemberRefs; the rest are skipped", kMaxMemberRefs));
        return;
      }
    }
  }

  // P/Invoke declarations ([DllImport("wtsapi32.dll")]): ImplMap rows name the
  // function and a ModuleRef naming the DLL. They are the managed program's
  // native imports, so they go where the rules look for imports.
  void read_pinvokes() {
    std::size_t functions = 0;
    for (std::uint32_t i = 1; i <= readable_[kImplMap]; ++i) {
      auto m = row(kImplMap, i);
      if (!m) break;
      auto module = row(kModuleRef, (*m)[3]);
      if (!module) continue;
      std::string_view dll = string_at((*module)[0]);
      std::string_view function = string_at((*m)[2]);
      if (dll.empty() || function.empty()) continue;
      if (++functions > kMaxMemberRefs) {
        warn(fmt::format("#~: more than {} P/Invoke declarations; the rest are skipped",
                         kMaxMemberRefs));
        return;
      }
      std::string dll_name = keep(dll);
      std::string function_name = keep(function);
      auto& imports = facts_.pinvoke_imports;
      auto it = std::find_if(imports.begin(), imports.end(),
                             [&](const PeImport& p) { return p.dll == dll_name; });
      if (it == imports.end()) {
        imports.push_back(PeImport{std::move(dll_name), {}});
        it = imports.end() - 1;
      }
      if (std::find(it->functions.begin(), it->functions.end(), function_name) ==
          it->functions.end()) {
        it->functions.push_back(std::move(function_name));
      }
    }
  }

  // The entry method's calls, and those of the program's own methods it
  // calls directly (Main often delegates to CreateHostBuilder or Run).
  void read_entry_calls() {
    constexpr std::uint32_t kTableShift = 24;
    if ((entry_->token >> kTableShift) != kMethodDef || !entry_->body_at) return;
    std::vector<std::uint32_t> methods{entry_->token & 0xFFFFFF};
    std::unordered_set<std::uint32_t> visited;
    std::unordered_set<std::string> seen;
    for (std::size_t m = 0; m < methods.size() && visited.size() < kMaxEntryMethods; ++m) {
      if (!visited.insert(methods[m]).second) continue;
      auto def = row(kMethodDef, methods[m]);
      if (!def || (*def)[0] == 0) continue;
      auto code = il_method_code(entry_->body_at((*def)[0]));
      if (!code) {
        if (m == 0) warn("CLR entry point: the method body could not be read");
        continue;
      }
      for (std::uint32_t token : il_call_tokens(*code)) {
        std::uint32_t table = token >> kTableShift;
        std::uint32_t index = token & 0xFFFFFF;
        if (table == kMethodSpec) {
          auto spec = row(kMethodSpec, index);
          if (!spec) continue;
          auto [t, r] = decode(Coded::MethodDefOrRef, (*spec)[0]);
          table = t;
          index = r;
        }
        if (table == kMethodDef && m == 0) {
          methods.push_back(index);  // one level: Main's own helpers
          continue;
        }
        if (table != kMemberRef) continue;
        auto ref = row(kMemberRef, index);
        if (!ref || !member_ref_name(*ref)) continue;
        std::string name = keep(scratch_);
        if (facts_.entry_calls.size() < kMaxEntryCalls && seen.insert(name).second)
          facts_.entry_calls.push_back(std::move(name));
      }
    }
  }

  // Classes that derive from System.EnterpriseServices.ServicedComponent,
  // directly or through the assembly's own classes: the base TypeRef must
  // resolve to the System.EnterpriseServices assembly (an application's own
  // class of that name is not COM+).
  void read_serviced_components() {
    constexpr int kMaxBases = 16;
    for (std::uint32_t i = 1; i <= readable_[kTypeDef]; ++i) {
      std::uint32_t at = i;
      for (int depth = 0; depth < kMaxBases; ++depth) {
        auto td = row(kTypeDef, at);
        if (!td) break;
        auto [base, base_row] = decode(Coded::TypeDefOrRef, (*td)[3]);
        if (base == kTypeDef && base_row != at) {
          at = base_row;
          continue;
        }
        if (base == kTypeRef &&
            type_ref_is(base_row, "System.EnterpriseServices", "ServicedComponent") &&
            iequals(type_ref_assembly(base_row), "System.EnterpriseServices")) {
          if (facts_.serviced_components.size() < kMaxTypeRefs)
            facts_.serviced_components.push_back(type_def_name(i));
        }
        break;
      }
    }
  }

  // The TypeRef row of a custom attribute's type when its constructor is a
  // MemberRef of a TypeRef (an attribute of another assembly); 0 otherwise.
  template <class Row>
  std::uint32_t attribute_type_ref(const Row& ca) const {
    auto [ctor_table, ctor_row] = decode(Coded::CustomAttributeType, ca[1]);
    if (ctor_table != kMemberRef) return 0;
    auto ctor = row(kMemberRef, ctor_row);
    if (!ctor) return 0;
    auto [parent_table, parent_row] = decode(Coded::MemberRefParent, (*ctor)[0]);
    return parent_table == kTypeRef ? parent_row : 0;
  }

  // [ComVisible(bool)] (on the assembly or a class), and COM+'s
  // [assembly: ApplicationActivation(ActivationOption)] and
  // [assembly: ApplicationName(string)], each by its TypeRef's assembly.
  void read_com_attributes() {
    for (std::uint32_t i = 1; i <= readable_[kCustomAttribute]; ++i) {
      auto ca = row(kCustomAttribute, i);
      if (!ca) break;
      const std::uint32_t parent_row = attribute_type_ref(*ca);
      if (parent_row == 0) continue;
      // The TypeRef's own name column first: most attributes are none of these.
      auto parent = row(kTypeRef, parent_row);
      if (!parent) continue;
      const std::string_view name = string_at((*parent)[1]);
      if (name != "ComVisibleAttribute" && name != "ApplicationActivationAttribute" &&
          name != "ApplicationNameAttribute")
        continue;
      bool com_visible = false;
      bool activation = false;
      bool app_name = false;
      if (type_ref_is(parent_row, "System.Runtime.InteropServices", "ComVisibleAttribute")) {
        const std::string_view assembly = type_ref_assembly(parent_row);
        com_visible = iequals(assembly, "mscorlib") || iequals(assembly, "System.Runtime") ||
                      iequals(assembly, "netstandard") ||
                      iequals(assembly, "System.Runtime.InteropServices");
      } else if (type_ref_is(parent_row, "System.EnterpriseServices", name) &&
                 iequals(type_ref_assembly(parent_row), "System.EnterpriseServices")) {
        activation = name == "ApplicationActivationAttribute";
        app_name = !activation;
      }
      if (!com_visible && !activation && !app_name) continue;
      auto value = blob_at((*ca)[2]);
      if (!value) continue;
      ByteReader r(*value);
      if (r.u16() != 0x0001) continue;  // no prolog: not a custom attribute value
      auto [target, target_row] = decode(Coded::HasCustomAttribute, (*ca)[0]);
      if (com_visible) {
        bool visible = r.u8().value_or(0) != 0;
        if (target == kAssembly) facts_.com_visible = visible;
        if (target == kTypeDef && visible && facts_.com_visible_types.size() < kMaxTypeRefs)
          facts_.com_visible_types.push_back(type_def_name(target_row));
      } else if (activation) {
        auto option = r.u32();
        if (option) facts_.complus_activation = *option == 1 ? "server" : "library";
      } else {
        ByteReader peek = r;
        if (peek.u8() == 0xff) continue;  // null string
        auto len = compressed_u32(r);
        auto text = len && *len <= kMaxString ? r.bytes(*len) : std::nullopt;
        if (text) facts_.complus_name = printable(std::string(text->begin(), text->end()));
      }
    }
  }

  void read_target_framework() {
    for (std::uint32_t i = 1; i <= readable_[kCustomAttribute]; ++i) {
      auto ca = row(kCustomAttribute, i);
      if (!ca) break;
      const std::uint32_t parent_row = attribute_type_ref(*ca);
      if (parent_row == 0) continue;
      // The full name is built only for TypeRefs whose own name could end it.
      auto parent = row(kTypeRef, parent_row);
      if (!parent || !string_at((*parent)[1]).ends_with("TargetFrameworkAttribute")) continue;
      scratch_.clear();
      append_type_ref_name(parent_row, scratch_);
      if (scratch_ != "System.Runtime.Versioning.TargetFrameworkAttribute") continue;
      auto value = blob_at((*ca)[2]);
      if (!value) {
        warn("#~: TargetFrameworkAttribute value blob is unreadable");
        return;
      }
      ByteReader r(*value);
      if (r.u16() != 0x0001) {
        warn("#~: TargetFrameworkAttribute value has no 0x0001 prolog");
        return;
      }
      ByteReader peek = r;
      if (peek.u8() == 0xff) return;  // null string
      auto len = compressed_u32(r);
      auto text = len && *len <= kMaxString ? r.bytes(*len) : std::nullopt;
      if (!text) {
        warn("#~: TargetFrameworkAttribute value string is truncated");
        return;
      }
      facts_.target_framework = printable(std::string(text->begin(), text->end()));
      return;
    }
  }

  Bytes md_;
  BinaryFacts& facts_;
  const ClrEntryPoint* entry_;
  Bytes tables_, strings_, us_, blobs_;
  bool tables_found_ = false;
  std::uint8_t heap_sizes_ = 0;
  std::array<std::uint32_t, kKnownTables> rows_{};      // as declared
  std::array<std::uint32_t, kKnownTables> readable_{};  // rows that fit in the stream
  std::array<std::size_t, kKnownTables> row_size_{};
  std::array<std::size_t, kKnownTables> table_offset_{};
  std::array<std::array<std::uint8_t, kMaxCols>, kKnownTables> col_size_{};
  std::array<std::uint8_t, kKnownTables> columns_{};
  std::string scratch_;  // the name being built; its capacity is reused row after row
};

}  // namespace

bool interesting_user_string(std::string_view s) {
  return icontains(s, ":\\") || s.starts_with("\\\\") || icontains(s, "private$") ||
         icontains(s, "FormatName:") || icontains(s, "LDAP://") || icontains(s, "LDAPS://") ||
         icontains(s, "GC://") || icontains(s, "IIS://") || icontains(s, "net.msmq://") ||
         literal_holds_credential(s);
}

void parse_clr_metadata(Bytes metadata, BinaryFacts& facts) { Metadata(metadata, facts).run(); }

void parse_clr_metadata(Bytes metadata, BinaryFacts& facts, const ClrEntryPoint& entry) {
  Metadata(metadata, facts, &entry).run();
}

}  // namespace liftshift
