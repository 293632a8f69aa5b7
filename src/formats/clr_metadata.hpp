// CLR metadata (ECMA-335 partition II, 24 and 22): the metadata root
// ("BSJB"), its streams, and the tables stream. Fills the CLR fields of
// BinaryFacts; problems become warnings and whatever could be read is kept.
#pragma once

#include <functional>

#include "core/byte_reader.hpp"
#include "core/facts.hpp"

namespace liftshift {

inline constexpr std::uint32_t kClrMetadataSignature = 0x424A5342;  // "BSJB"
inline constexpr std::size_t kMaxMemberRefs = 5000;
inline constexpr std::size_t kMaxTypeRefs = 5000;
inline constexpr std::size_t kMaxUserStrings = 500;
inline constexpr std::size_t kMaxUserStringBytes = 512;

// Decodes the metadata root that starts at the first byte of `metadata` (the
// range the COR20 header's MetaData directory names) into facts.clr_version,
// assembly_*, type_refs, member_refs, user_strings (secrets masked) and
// target_framework.
void parse_clr_metadata(Bytes metadata, BinaryFacts& facts);

// The entry point named by the COR20 header, and a way to reach method
// bodies: body_at(rva) gives the bytes from a method's RVA to the end of its
// section (empty when unmapped). With it, parse_clr_metadata also fills
// facts.entry_calls (see formats/clr_entry_point).
struct ClrEntryPoint {
  std::uint32_t token = 0;  // a MethodDef token (0x06xxxxxx); 0: none
  std::function<Bytes(std::uint32_t rva)> body_at;
};
void parse_clr_metadata(Bytes metadata, BinaryFacts& facts, const ClrEntryPoint& entry);

// True for #US literals worth reporting: paths, UNC shares, queue names, LDAP
// and net.msmq URLs.
bool interesting_user_string(std::string_view s);

}  // namespace liftshift
