// PowerShell quoting, the one place both the planner (whose build steps are
// PowerShell commands) and the emitters (src/emit/quoting.hpp, which
// includes this) quote a value for PowerShell. In core because src/plan may
// use nothing but core.
#pragma once

#include <string>
#include <string_view>

namespace liftshift {

// A single-quoted literal that reads back as s: `'` and the typographic single
// quotes U+2018-U+201B (PowerShell treats them as `'`) are doubled. Control
// characters cannot appear raw on a Dockerfile RUN line: a string holding them
// becomes a parenthesised concatenation ('a' + [char]10 + 'b'), which is one
// value in both argument and expression mode. Invalid UTF-8 becomes U+FFFD.
std::string ps_literal(std::string_view s);

// True when PowerShell's argument mode reads s as that one word: letters,
// digits, `\ / . _ : -`, not starting with `-`.
bool ps_plain_word(std::string_view s);

// s bare when it is a plain word, ps_literal(s) otherwise.
std::string ps_argument(std::string_view s);

}  // namespace liftshift
