// The excludes of a ContextCopy: paths relative to the copy's `from`,
// '/'-separated, matched case-insensitively as Windows names are. A part may
// hold '*' (any run of characters within one name); a pattern that starts
// with "**/" matches at any depth ("**/obj" is every obj folder).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liftshift {

class ExcludeSet {
 public:
  explicit ExcludeSet(const std::vector<std::string>& patterns);

  // True when the entry at rel (relative to `from`) is left out; a folder
  // left out takes everything below it along.
  [[nodiscard]] bool excluded(std::string_view rel) const;

 private:
  struct Pattern {
    bool any_depth = false;
    std::vector<std::string> parts;
  };
  std::vector<Pattern> patterns_;
};

// One name against one part of a pattern ('*' = any run of characters), ignoring case.
bool name_matches(std::string_view name, std::string_view pattern);

}  // namespace liftshift
