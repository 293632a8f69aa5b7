// What mask_secret_text hid in a piece of text, and the values that hold no
// secret though a secret's key names them: the build context's screen and the
// search for credentials written in code judge a masked value the same way.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace liftshift {

// Each value the masking of `text` hid, with the text before it: `text` and
// `masked` (mask_secret_text(text)) agree up to a mask, and the masked text
// after it (up to the next mask) shows where the value ends. False when that
// can't be told (two masks with nothing between them).
bool masked_values(std::string_view text, std::string_view masked,
                   std::vector<std::pair<std::string_view, std::string_view>>& out);

// "", null, Nothing, String.Empty, true, false, none (any case, blanks around).
bool harmless_value(std::string_view value);

// A placeholder of one or two mask characters repeated ("xXxXxXxX",
// "********", "x-xXxX"): no real secret is shaped so.
bool repeated_placeholder(std::string_view value);

// A hole the program fills in: a composite-format item ("Token={2}"), an
// interpolation ("Password={password}", "pwd=${pwd}", "%PASSWORD%",
// "$(DbPassword)"); `before` is the text up to the value.
bool filled_in_later(std::string_view before, std::string_view value);

// A string literal of code holding a credential's value: a password, token or
// key after its key ("...;Password=s3cret"), or a URL's password, and not a
// hole the program fills in or a placeholder.
bool literal_holds_credential(std::string_view literal);

}  // namespace liftshift
