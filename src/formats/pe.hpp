// PE/COFF images: headers, import and delay-import tables, and (for .NET
// assemblies) the CLR header whose metadata clr_metadata.hpp decodes.
// Every read goes through ByteReader; RVAs are mapped through the section
// table. Damage to the headers is an Error; damage below them (an import
// table, the metadata) becomes a warning in BinaryFacts::warnings.
#pragma once

#include <string>

#include "core/byte_reader.hpp"
#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// True when the first bytes are an MZ header whose e_lfanew points at "PE\0\0"
// (probe: "not mine" otherwise). `head` may be a prefix of the file; when
// e_lfanew lies beyond it the answer is false.
bool looks_like_pe(Bytes head);

// Parses a whole PE file already in memory. `path` is only used in messages
// and copied into BinaryFacts::path.
Result<BinaryFacts> parse_pe(Bytes data, const std::string& path);

// "x86", "x64", "arm64", "arm", "ia64" or "0x%04x".
std::string pe_machine_name(std::uint16_t machine);

}  // namespace liftshift
