#include "core/cron.hpp"

#include <array>

#include "core/numbers.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

struct FieldRange {
  const char* name;
  int lo;
  int hi;
};

constexpr std::array<FieldRange, 5> kFields{{{"minute", 0, 59},
                                             {"hour", 0, 23},
                                             {"day of month", 1, 31},
                                             {"month", 1, 12},
                                             {"day of week", 0, 6}}};

std::string value_problem(std::string_view text, const FieldRange& f, int& out) {
  auto n = parse_number<int>(text);
  if (!n) return "'" + std::string(text) + "' is not a number";
  if (*n < f.lo || *n > f.hi)
    return std::to_string(*n) + " is outside " + std::to_string(f.lo) + "-" + std::to_string(f.hi);
  out = *n;
  return "";
}

std::string part_problem(std::string_view part, const FieldRange& f) {
  std::string_view range = part;
  if (auto slash = part.find('/'); slash != std::string_view::npos) {
    range = part.substr(0, slash);
    auto step = parse_number<int>(part.substr(slash + 1));
    if (!step || *step < 1 || *step > f.hi - f.lo + 1)
      return "step '" + std::string(part.substr(slash + 1)) + "' is not in 1-" +
             std::to_string(f.hi - f.lo + 1);
    if (range.find('-') == std::string_view::npos && range != "*")
      return "a step needs '*' or a range before it ('" + std::string(part) + "')";
  }
  if (range == "*") return "";
  int lo = 0;
  int hi = 0;
  if (auto dash = range.find('-'); dash != std::string_view::npos) {
    if (auto why = value_problem(range.substr(0, dash), f, lo); !why.empty()) return why;
    if (auto why = value_problem(range.substr(dash + 1), f, hi); !why.empty()) return why;
    if (lo > hi) return "range '" + std::string(range) + "' runs backwards";
    return "";
  }
  return value_problem(range, f, lo);
}

}  // namespace

std::string cron_problem(std::string_view cron) {
  std::vector<std::string> fields;
  for (auto& f : split(cron, ' ')) {
    if (!f.empty()) fields.push_back(f);
  }
  if (cron.find_first_of("\t\r\n") != std::string_view::npos) return "holds a tab or a line break";
  if (fields.size() != 5)
    return "has " + std::to_string(fields.size()) +
           " fields, not 5 (minute hour day month weekday)";
  for (std::size_t i = 0; i < 5; ++i) {
    for (const auto& part : split(fields[i], ',')) {
      std::string why = part.empty() ? "an empty list item" : part_problem(part, kFields[i]);
      if (!why.empty()) return std::string(kFields[i].name) + " field '" + fields[i] + "': " + why;
    }
  }
  return "";
}

std::string cron_field(const std::vector<int>& values, int lo, int hi) {
  if (values.empty()) return "*";
  if (static_cast<int>(values.size()) == hi - lo + 1) return "*";
  if (values.size() >= 3) {
    int step = values[1] - values[0];
    bool even = step > 1;
    for (std::size_t i = 2; even && i < values.size(); ++i)
      even = values[i] - values[i - 1] == step;
    if (even) {
      // "*/s" only when it means exactly these values.
      if (values.front() == lo && values.back() + step > hi) return "*/" + std::to_string(step);
      return std::to_string(values.front()) + "-" + std::to_string(values.back()) + "/" +
             std::to_string(step);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j + 1 < values.size() && values[j + 1] == values[j] + 1) ++j;
    out += out.empty() ? "" : ",";
    if (j - i >= 2) {
      out += std::to_string(values[i]) + "-" + std::to_string(values[j]);
      i = j + 1;
    } else {
      out += std::to_string(values[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace liftshift
