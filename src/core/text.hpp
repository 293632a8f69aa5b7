// Small text helpers shared by parsers: case folding, UTF-16 decoding,
// path normalisation. ASCII-only case folding is deliberate: Windows names
// that matter to the rules (DLLs, assemblies, config keys) are ASCII.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_reader.hpp"

namespace liftshift {

std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
bool icontains(std::string_view haystack, std::string_view needle);
std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);

// Decodes UTF-16LE to UTF-8; unpaired surrogates become U+FFFD.
std::string utf16le_to_utf8(Bytes data);

// Strict UTF-8 (RFC 3629): the length of the well-formed sequence that starts
// at s[i], or 0 when there is none there (a stray continuation byte, an
// overlong form, a surrogate U+D800-U+DFFF, a code point past U+10FFFF or a
// sequence cut short). NUL is well-formed: callers that refuse it say so.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// True when the whole of s is strict UTF-8 (see utf8_sequence_length).
bool is_valid_utf8(std::string_view s);

// s with every byte that does not start a strict UTF-8 sequence replaced by
// U+FFFD (one per byte, as a decoder that resynchronises would).
std::string to_valid_utf8(std::string_view s);

// Replaces control characters (C0, DEL and C1) with "?" and invalid UTF-8
// (strict, as above) with U+FFFD, so a string is safe to print on a terminal.
std::string printable(std::string_view s);

// True for C0 controls, DEL and the C1 controls (U+0080-U+009F) at s[i];
// *len is the length of that sequence (1, or 2 for C1).
bool control_at(std::string_view s, std::size_t i, std::size_t* len);

// Windows path -> forward slashes, no trailing slash.
std::string to_forward_slashes(std::string_view path);

// & < > " ' as entities (valid in XML attributes and HTML alike), after
// printable(): invalid UTF-8 and control characters replaced.
std::string markup_escape(std::string_view text);

// A '/'- or '\\'-separated relative path with "." and ".." resolved by name,
// '/' separators, no empty parts; nullopt when ".." climbs above its start.
std::optional<std::string> resolve_dot_segments(std::string_view path);

}  // namespace liftshift
