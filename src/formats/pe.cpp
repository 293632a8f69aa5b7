#include "formats/pe.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

#include "core/text.hpp"
#include "formats/clr_metadata.hpp"
#include "formats/pe_version.hpp"

namespace liftshift {

namespace {

// On-disk sizes (PE/COFF specification). Structures are read field by field
// through ByteReader, never overlaid, so these are the only layout facts.
constexpr std::size_t kDosHeaderSize = 64;
constexpr std::size_t kLfanewOffset = 0x3c;
constexpr std::size_t kCoffHeaderSize = 20;
constexpr std::size_t kSectionHeaderSize = 40;
constexpr std::size_t kImportDescriptorSize = 20;
constexpr std::size_t kDelayDescriptorSize = 32;
constexpr std::size_t kCor20HeaderSize = 72;
constexpr std::size_t kPe32MinOptional = 96;  // fields before the data directories
constexpr std::size_t kPe32PlusMinOptional = 112;
constexpr std::size_t kMaxDirectories = 16;

constexpr std::size_t kMaxImportDlls = 4096;
constexpr std::size_t kMaxImportFunctions = 65536;  // over all DLLs, normal + delay
constexpr std::size_t kMaxName = 4096;

constexpr std::size_t kDirImport = 1;
constexpr std::size_t kDirResource = 2;
constexpr std::uint32_t kRtVersion = 16;
constexpr std::uint32_t kResourceSubdir = 0x80000000u;
constexpr std::size_t kMaxResourceEntries = 4096;  // per directory level
constexpr std::size_t kDirDelayImport = 13;
constexpr std::size_t kDirClr = 14;

constexpr std::uint16_t kImageFileDll = 0x2000;

struct Section {
  std::string name;
  std::uint32_t virtual_address = 0;
  std::uint32_t virtual_size = 0;
  std::uint32_t raw_size = 0;
  std::uint32_t raw_pointer = 0;
};

struct Directory {
  std::uint32_t rva = 0;
  std::uint32_t size = 0;
};

std::string hex(std::size_t v) { return fmt::format("0x{:x}", v); }

// Maps RVAs to file ranges through the validated section table.
class Image {
 public:
  Image(Bytes data, std::vector<Section> sections, std::uint32_t size_of_headers)
      : data_(data), sections_(std::move(sections)), size_of_headers_(size_of_headers) {}

  // A reader from rva's file offset to the end of the bytes its section maps
  // from the file; nullopt (with `why` set) when rva is unmapped or truncated.
  std::optional<ByteReader> at(std::uint32_t rva, std::string& why) const {
    for (const Section& s : sections_) {
      if (rva < s.virtual_address) continue;
      std::size_t delta = rva - s.virtual_address;
      std::size_t mapped =
          s.virtual_size != 0 ? std::min(s.virtual_size, s.raw_size) : std::size_t{s.raw_size};
      if (delta >= mapped) {
        if (delta < s.virtual_size) {
          why = fmt::format("RVA {} lies in the part of section {} that is not stored in the file",
                            hex(rva), s.name);
          return std::nullopt;
        }
        continue;
      }
      auto offset = checked_add(s.raw_pointer, delta);
      auto end = checked_add(s.raw_pointer, mapped);
      if (!offset || !end || *offset >= data_.size()) {
        why = fmt::format("RVA {} (file offset {}) lies beyond the end of the file ({} bytes)",
                          hex(rva), hex(offset.value_or(0)), data_.size());
        return std::nullopt;
      }
      std::size_t stop = std::min(*end, data_.size());
      return ByteReader(data_).sub(*offset, stop - *offset);
    }
    if (rva < size_of_headers_ && rva < data_.size()) {
      std::size_t stop = std::min<std::size_t>(size_of_headers_, data_.size());
      return ByteReader(data_).sub(rva, stop - rva);
    }
    why = fmt::format("RVA {} is not inside any section", hex(rva));
    return std::nullopt;
  }

  // Exactly `size` bytes at rva, or nullopt with `why`.
  std::optional<ByteReader> range(std::uint32_t rva, std::size_t size, std::string& why) const {
    auto r = at(rva, why);
    if (!r) return std::nullopt;
    if (r->size() < size) {
      why = fmt::format("{} bytes at RVA {} run past the end of the section or file ({} available)",
                        size, hex(rva), r->size());
      return std::nullopt;
    }
    return r->sub(0, size);
  }

  // A NUL-terminated name at rva.
  std::optional<std::string> name(std::uint32_t rva, std::string& why) const {
    auto r = at(rva, why);
    if (!r) return std::nullopt;
    auto s = r->cstring(kMaxName);
    if (!s) {
      why = fmt::format("name at RVA {} is not terminated within {} bytes", hex(rva), kMaxName);
      return std::nullopt;
    }
    return printable(*s);
  }

 private:
  Bytes data_;
  std::vector<Section> sections_;
  std::uint32_t size_of_headers_;
};

struct ImportContext {
  const Image& image;
  bool is64;
  std::uint64_t image_base;
  std::size_t functions = 0;  // total read so far, against kMaxImportFunctions
  std::vector<std::string>& warnings;
};

// Reads one thunk array (import lookup table) into dll.functions.
void read_thunks(ImportContext& ctx, std::uint32_t table_rva, const char* what, PeImport& dll) {
  std::string why;
  auto r = ctx.image.at(table_rva, why);
  if (!r) {
    ctx.warnings.push_back(fmt::format("{}: function table of {}: {}", what, dll.dll, why));
    return;
  }
  const std::uint64_t ordinal_flag = ctx.is64 ? (std::uint64_t{1} << 63) : 0x80000000u;
  while (true) {
    if (ctx.functions >= kMaxImportFunctions) {
      ctx.warnings.push_back(fmt::format(
          "{}: more than {} imported functions; the rest are skipped", what, kMaxImportFunctions));
      return;
    }
    std::optional<std::uint64_t> thunk;
    if (ctx.is64) {
      thunk = r->u64();
    } else if (auto t32 = r->u32()) {
      thunk = *t32;
    }
    if (!thunk) {
      ctx.warnings.push_back(fmt::format("{}: function table of {} at RVA {} runs past its section",
                                         what, dll.dll, hex(table_rva)));
      return;
    }
    if (*thunk == 0) return;
    ++ctx.functions;
    if (*thunk & ordinal_flag) {
      dll.functions.push_back(fmt::format("#{}", *thunk & 0xffff));
      continue;
    }
    auto hint_name_rva = static_cast<std::uint32_t>(*thunk & 0x7fffffff);
    auto hn = ctx.image.at(hint_name_rva, why);
    if (!hn || !hn->skip(2)) {
      ctx.warnings.push_back(fmt::format("{}: function name of {}: {}", what, dll.dll,
                                         hn ? "hint/name entry is truncated" : why));
      continue;
    }
    auto fn = hn->cstring(kMaxName);
    if (!fn) {
      ctx.warnings.push_back(fmt::format("{}: function name of {} at RVA {} is not terminated",
                                         what, dll.dll, hex(hint_name_rva)));
      continue;
    }
    dll.functions.push_back(printable(*fn));
  }
}

// What one import descriptor says: the end of the table, a descriptor to
// skip (its warning already given), or a DLL with its name and thunk table.
enum class Descriptor { kEnd, kSkip, kDll };
struct DllRef {
  std::uint32_t name_rva = 0;
  std::optional<std::uint32_t> thunks_rva;  // none: the DLL lists no functions
};
using DescriptorDecoder = std::function<Descriptor(ByteReader&, std::size_t, DllRef&)>;

// Walks a table of fixed-size descriptors (the import and the delay-import
// directories differ only in how one descriptor is laid out).
void read_descriptor_table(ImportContext& ctx, Directory dir, const char* what,
                           std::size_t descriptor_size, const DescriptorDecoder& decode,
                           std::vector<PeImport>& out) {
  std::string why;
  auto r = ctx.image.at(dir.rva, why);
  if (!r) {
    ctx.warnings.push_back(fmt::format("{}: {}", what, why));
    return;
  }
  for (std::size_t i = 0;; ++i) {
    if (i >= kMaxImportDlls) {
      ctx.warnings.push_back(
          fmt::format("{}: more than {} DLLs; the rest are skipped", what, kMaxImportDlls));
      return;
    }
    auto desc = r->bytes(descriptor_size);
    if (!desc) {
      ctx.warnings.push_back(fmt::format("{}: descriptor {} runs past its section", what, i));
      return;
    }
    ByteReader d(*desc);
    DllRef ref;
    Descriptor step = decode(d, i, ref);
    if (step == Descriptor::kEnd) return;
    if (step == Descriptor::kSkip) continue;
    auto name = ctx.image.name(ref.name_rva, why);
    if (!name) {
      ctx.warnings.push_back(fmt::format("{}: DLL name of descriptor {}: {}", what, i, why));
      continue;
    }
    PeImport dll;
    dll.dll = *name;
    if (ref.thunks_rva) read_thunks(ctx, *ref.thunks_rva, what, dll);
    out.push_back(std::move(dll));
  }
}

void read_imports(ImportContext& ctx, Directory dir, std::vector<PeImport>& out) {
  auto decode = [](ByteReader& d, std::size_t, DllRef& ref) {
    std::uint32_t lookup = d.u32().value_or(0);
    d.skip(8);  // TimeDateStamp, ForwarderChain
    ref.name_rva = d.u32().value_or(0);
    std::uint32_t iat = d.u32().value_or(0);
    if (lookup == 0 && ref.name_rva == 0 && iat == 0) return Descriptor::kEnd;
    ref.thunks_rva = lookup != 0 ? lookup : iat;
    return Descriptor::kDll;
  };
  read_descriptor_table(ctx, dir, "import directory", kImportDescriptorSize, decode, out);
}

void read_delay_imports(ImportContext& ctx, Directory dir, std::vector<PeImport>& out) {
  const char* what = "delay-import directory";
  auto decode = [&](ByteReader& d, std::size_t i, DllRef& ref) {
    std::uint32_t attributes = d.u32().value_or(0);
    std::uint32_t name_ref = d.u32().value_or(0);
    d.skip(8);  // module handle, IAT
    std::uint32_t names_ref = d.u32().value_or(0);
    if (name_ref == 0) return Descriptor::kEnd;
    // Attribute bit 0 clear: an old (VC6) descriptor holding VAs instead of RVAs.
    auto to_rva = [&](std::uint32_t v) -> std::optional<std::uint32_t> {
      if (attributes & 1) return v;
      if (v < ctx.image_base || v - ctx.image_base > 0xffffffffu) return std::nullopt;
      return static_cast<std::uint32_t>(v - ctx.image_base);
    };
    auto name_rva = to_rva(name_ref);
    auto names_rva = to_rva(names_ref);
    if (!name_rva || !names_rva) {
      ctx.warnings.push_back(
          fmt::format("{}: descriptor {} holds addresses below the image base", what, i));
      return Descriptor::kSkip;
    }
    ref.name_rva = *name_rva;
    if (*names_rva != 0) ref.thunks_rva = *names_rva;
    return Descriptor::kDll;
  };
  read_descriptor_table(ctx, dir, what, kDelayDescriptorSize, decode, out);
}

// The offset (within the resource directory) that entry `id` of the
// directory at `at` points to; the first entry when id is nullopt. Sets
// `subdir` from the entry's high bit.
std::optional<std::uint32_t> resource_entry(ByteReader tree, std::uint32_t at,
                                            std::optional<std::uint32_t> id, bool& subdir) {
  if (!tree.seek(at) || !tree.skip(12)) return std::nullopt;
  auto named = tree.u16(), ids = tree.u16();
  if (!named || !ids) return std::nullopt;
  std::size_t count = std::min<std::size_t>(std::size_t{*named} + *ids, kMaxResourceEntries);
  for (std::size_t i = 0; i < count; ++i) {
    auto name = tree.u32(), offset = tree.u32();
    if (!name || !offset) return std::nullopt;
    if (id && (i < *named || *name != *id)) continue;
    subdir = (*offset & kResourceSubdir) != 0;
    return *offset & ~kResourceSubdir;
  }
  return std::nullopt;
}

// RT_VERSION -> first name -> first language -> its data: VS_VERSIONINFO.
void read_version_resource(const Image& image, Directory dir, BinaryFacts& facts) {
  std::string why;
  auto tree = image.at(dir.rva, why);
  if (!tree) {
    facts.warnings.push_back("resource directory: " + why);
    return;
  }
  bool subdir = false;
  auto names = resource_entry(*tree, 0, kRtVersion, subdir);
  if (!names || !subdir) return;  // no version resource
  auto languages = resource_entry(*tree, *names, std::nullopt, subdir);
  if (!languages || !subdir) return;
  auto leaf = resource_entry(*tree, *languages, std::nullopt, subdir);
  ByteReader entry = *tree;
  if (!leaf || subdir || !entry.seek(*leaf)) {
    facts.warnings.push_back("resource directory: the version resource has no data entry");
    return;
  }
  auto data_rva = entry.u32(), size = entry.u32();
  if (!data_rva || !size) {
    facts.warnings.push_back("resource directory: truncated version data entry");
    return;
  }
  auto blob = image.range(*data_rva, std::min<std::size_t>(*size, 64 * 1024), why);
  if (!blob) {
    facts.warnings.push_back("version resource: " + why);
    return;
  }
  parse_version_info(blob->data(), facts);
}

void read_clr(const Image& image, Directory dir, BinaryFacts& facts) {
  facts.is_clr = true;
  std::string why;
  auto header = image.range(dir.rva, kCor20HeaderSize, why);
  if (!header) {
    facts.warnings.push_back(fmt::format("CLR header: {}", why));
    return;
  }
  header->skip(8);  // cb, MajorRuntimeVersion, MinorRuntimeVersion
  std::uint32_t md_rva = header->u32().value_or(0);
  std::uint32_t md_size = header->u32().value_or(0);
  if (md_rva == 0 || md_size == 0) {
    facts.warnings.push_back("CLR header: no metadata directory");
    return;
  }
  auto md = image.at(md_rva, why);
  if (!md) {
    facts.warnings.push_back(fmt::format("CLR metadata: {}", why));
    return;
  }
  Bytes bytes = md->data();
  if (bytes.size() < md_size) {
    facts.warnings.push_back(
        fmt::format("CLR metadata: truncated: {} bytes at RVA {}, only {} present in the file",
                    md_size, hex(md_rva), bytes.size()));
  } else {
    bytes = bytes.first(md_size);
  }
  std::uint32_t flags = header->u32().value_or(0);
  constexpr std::uint32_t kNativeEntryPoint = 0x10;  // the token is an RVA of native code
  ClrEntryPoint entry;
  entry.token = header->u32().value_or(0);
  if (flags & kNativeEntryPoint) entry.token = 0;
  entry.body_at = [&image](std::uint32_t rva) {
    std::string unused;
    auto body = image.at(rva, unused);
    return body ? body->data() : Bytes{};
  };
  parse_clr_metadata(bytes, facts, entry);
}

std::string truncated(const std::string& path, const char* what, std::size_t need,
                      std::size_t offset, std::size_t have) {
  return fmt::format("{}: truncated PE: {} needs {} bytes at offset {}, file has {}", path, what,
                     need, hex(offset), have);
}

}  // namespace

std::string pe_machine_name(std::uint16_t machine) {
  switch (machine) {
    case 0x014c:
      return "x86";
    case 0x8664:
      return "x64";
    case 0xaa64:
      return "arm64";
    case 0x01c0:
    case 0x01c4:
      return "arm";
    case 0x0200:
      return "ia64";
    default:
      return fmt::format("0x{:04x}", machine);
  }
}

bool looks_like_pe(Bytes head) {
  ByteReader r(head);
  if (r.u16() != 0x5a4d) return false;  // "MZ"
  if (!r.seek(kLfanewOffset)) return false;
  auto lfanew = r.u32();
  if (!lfanew || !r.seek(*lfanew)) return false;
  return r.u32() == 0x00004550;  // "PE\0\0"
}

Result<BinaryFacts> parse_pe(Bytes data, const std::string& path) {
  ByteReader r(data);
  if (r.u16() != 0x5a4d) return make_error(path + ": not a PE file: no MZ signature");
  if (data.size() < kDosHeaderSize) {
    return make_error(truncated(path, "DOS header", kDosHeaderSize, 0, data.size()));
  }
  r.seek(kLfanewOffset);
  std::uint32_t lfanew = r.u32().value_or(0);
  if (!r.seek(lfanew)) {
    return make_error(fmt::format("{}: e_lfanew {} points beyond the end of the file ({} bytes)",
                                  path, hex(lfanew), data.size()));
  }
  if (r.remaining() < 4) return make_error(truncated(path, "PE signature", 4, lfanew, data.size()));
  if (r.u32() != 0x00004550) {
    return make_error(fmt::format("{}: no PE signature at offset {}", path, hex(lfanew)));
  }
  std::size_t coff_offset = r.pos();
  if (r.remaining() < kCoffHeaderSize) {
    return make_error(truncated(path, "COFF header", kCoffHeaderSize, coff_offset, data.size()));
  }
  BinaryFacts facts;
  facts.path = path;
  std::uint16_t machine = r.u16().value_or(0);
  std::uint16_t section_count = r.u16().value_or(0);
  r.skip(12);  // TimeDateStamp, PointerToSymbolTable, NumberOfSymbols
  std::uint16_t optional_size = r.u16().value_or(0);
  std::uint16_t characteristics = r.u16().value_or(0);
  facts.machine = pe_machine_name(machine);
  facts.is_dll = (characteristics & kImageFileDll) != 0;

  // Optional header.
  std::size_t opt_offset = r.pos();
  if (optional_size == 0) {
    return make_error(path + ": no optional header (a COFF object, not an image)");
  }
  auto opt = r.sub(opt_offset, optional_size);
  if (!opt) {
    return make_error(truncated(path, "optional header", optional_size, opt_offset, data.size()));
  }
  std::uint16_t magic = opt->u16().value_or(0);
  if (magic != 0x10b && magic != 0x20b) {
    return make_error(fmt::format("{}: unknown optional header magic {} at offset {}", path,
                                  hex(magic), hex(opt_offset)));
  }
  facts.is64 = magic == 0x20b;
  std::size_t min_optional = facts.is64 ? kPe32PlusMinOptional : kPe32MinOptional;
  if (optional_size < min_optional) {
    return make_error(fmt::format("{}: optional header is {} bytes, {} needs at least {}", path,
                                  optional_size, facts.is64 ? "PE32+" : "PE32", min_optional));
  }
  std::uint64_t image_base = 0;
  if (facts.is64) {
    opt->seek(24);
    image_base = opt->u64().value_or(0);
  } else {
    opt->seek(28);
    image_base = opt->u32().value_or(0);
  }
  opt->seek(60);
  std::uint32_t size_of_headers = opt->u32().value_or(0);
  opt->seek(68);
  facts.subsystem = opt->u16().value_or(0);
  facts.dll_characteristics = opt->u16().value_or(0);
  opt->seek(min_optional - 4);
  std::uint32_t rva_count = opt->u32().value_or(0);
  std::size_t dir_count =
      std::min({std::size_t{rva_count}, kMaxDirectories, (optional_size - min_optional) / 8});
  std::vector<Directory> dirs(kMaxDirectories);
  for (std::size_t i = 0; i < dir_count; ++i) {
    dirs[i].rva = opt->u32().value_or(0);
    dirs[i].size = opt->u32().value_or(0);
  }

  // Section table.
  std::size_t table_offset = opt_offset + optional_size;
  std::size_t table_size = std::size_t{section_count} * kSectionHeaderSize;
  auto table = ByteReader(data).sub(table_offset, table_size);
  if (!table) {
    return make_error(
        fmt::format("{}: truncated PE: section table needs {} bytes ({} sections) "
                    "at offset {}, file has {}",
                    path, table_size, section_count, hex(table_offset), data.size()));
  }
  std::vector<Section> sections;
  sections.reserve(section_count);
  for (std::size_t i = 0; i < section_count; ++i) {
    Section s;
    auto raw_name = table->bytes(8).value_or(Bytes{});
    std::string name(raw_name.begin(), raw_name.end());
    s.name = printable(name.substr(0, name.find('\0')));
    s.virtual_size = table->u32().value_or(0);
    s.virtual_address = table->u32().value_or(0);
    s.raw_size = table->u32().value_or(0);
    s.raw_pointer = table->u32().value_or(0);
    table->skip(16);  // relocations, line numbers, their counts, characteristics
    sections.push_back(std::move(s));
  }
  Image image(data, std::move(sections), size_of_headers);

  ImportContext ctx{image, facts.is64, image_base, 0, facts.warnings};
  if (dirs[kDirImport].rva != 0) read_imports(ctx, dirs[kDirImport], facts.imports);
  if (dirs[kDirDelayImport].rva != 0) {
    read_delay_imports(ctx, dirs[kDirDelayImport], facts.delay_imports);
  }
  if (dirs[kDirClr].rva != 0 && dirs[kDirClr].size != 0) read_clr(image, dirs[kDirClr], facts);
  if (dirs[kDirResource].rva != 0 && dirs[kDirResource].size != 0)
    read_version_resource(image, dirs[kDirResource], facts);
  return facts;
}

}  // namespace liftshift
