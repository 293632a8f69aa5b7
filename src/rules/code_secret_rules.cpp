// The seed's "Database connection strings" for a credential written into the
// code itself: a string literal of the application's sources or of its
// compiled assemblies. No configuration rewrite moves it out of the image.
#include <set>
#include <string>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

// The assemblies' literals were masked when read (collect/read_source),
// after the parser kept those holding a credential: a mask after a key's '='
// or a URL's user name is where one was.
bool masked_credential(std::string_view s) {
  for (std::size_t at = s.find(kMask); at != std::string_view::npos;
       at = s.find(kMask, at + kMask.size())) {
    // "Password=***", "Password = ***", "Password='***'".
    std::size_t k = at;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\'' || s[k - 1] == '"')) --k;
    if (k > 0 && s[k - 1] == '=') return true;
    // A URL's password: "user:***@host".
    if (at > 0 && s[at - 1] == ':' && s.substr(at + kMask.size(), 1) == "@") return true;
  }
  return false;
}

}  // namespace

Evidence check_code_secret(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  // The sources first: the application's own files.
  for (const auto& f : source_facts(app, SourceCategory::kCodeSecret)) {
    const SourceHit& h = *f.first;
    out.push_back(h.file + ":" + std::to_string(h.line) + ": a credential in the string literal '" +
                  h.text + "'" + and_more(f.other_files, "file", "files"));
  }
  // Then the assemblies, Microsoft's aside.
  std::set<std::string> seen;
  for (const auto& b : app.binaries) {
    if (istarts_with(b.company_name, "Microsoft")) continue;
    for (const auto& s : b.user_strings) {
      if (!masked_credential(s) || !seen.insert(s).second) continue;
      out.push_back(b.path + ": a credential compiled into the string literal '" + s + "'");
    }
  }
  return out;
}

}  // namespace liftshift
