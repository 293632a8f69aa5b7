#include "context/exclude_match.hpp"

#include <cctype>

#include "core/text.hpp"

namespace liftshift {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::vector<std::string> parts_of(std::string_view path) {
  std::vector<std::string> out;
  for (auto& p : split(path, '/')) {
    if (!p.empty() && p != ".") out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

bool name_matches(std::string_view name, std::string_view pattern) {
  // Iterative wildcard match with one backtracking point: linear in practice,
  // never exponential on hostile names.
  std::size_t n = 0;
  std::size_t p = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && lower(pattern[p]) == lower(name[n])) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

ExcludeSet::ExcludeSet(const std::vector<std::string>& patterns) {
  for (const auto& raw : patterns) {
    Pattern pat;
    std::string_view s = raw;
    if (s.starts_with("**/")) {
      pat.any_depth = true;
      s.remove_prefix(3);
    }
    pat.parts = parts_of(s);
    if (!pat.parts.empty()) patterns_.push_back(std::move(pat));
  }
}

bool ExcludeSet::excluded(std::string_view rel) const {
  auto parts = parts_of(rel);
  for (const auto& pat : patterns_) {
    if (pat.parts.size() > parts.size()) continue;
    if (!pat.any_depth && pat.parts.size() != parts.size()) continue;
    std::size_t start = parts.size() - pat.parts.size();
    bool all = true;
    for (std::size_t i = 0; i < pat.parts.size() && all; ++i)
      all = name_matches(parts[start + i], pat.parts[i]);
    if (all) return true;
  }
  return false;
}

}  // namespace liftshift
