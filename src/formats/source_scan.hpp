// A fast lexical scan of C# and Visual Basic source text for APIs and literals
// that matter when a Windows application moves into a container. It is not a
// parser: it skips comments, reads string literals, and matches tokens. It is
// linear in the input, needs no valid UTF-8 and never fails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// SourceHit::category values are SourceCategory (core/categories.hpp).

// Maximum length of SourceHit::text (bytes, cut on a UTF-8 boundary).
inline constexpr std::size_t kMaxHitText = 200;

// Scans one source file. The language comes from the path: ".vb" is Visual
// Basic (comments ' and REM, "" escapes, case-insensitive tokens), anything
// else C# (// and /* */ comments; regular, verbatim @"", interpolated $"" and
// raw """ strings; case-sensitive tokens). At most one hit per (category,
// line); hits are ordered by line, then by category as declared in SourceCategory. Lines are
// 1-based. SourceHit::text is the matched token, or the literal's value with
// C# escapes resolved (".\\private$\\orders" -> .\private$\orders), secrets
// masked, made printable, at most kMaxHitText bytes.
std::vector<SourceHit> scan_source(std::string_view text, const std::string& path);

}  // namespace liftshift
