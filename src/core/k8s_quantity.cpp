#include "core/k8s_quantity.hpp"

#include <array>
#include <numeric>
#include <utility>

namespace liftshift {

namespace {

// A decimal number "123" or "1.25": its whole part and its fraction digits
// (at most 18 of each, so nothing overflows below).
struct Decimal {
  std::int64_t whole = 0;
  std::int64_t fraction = 0;  // the digits after the point as a number
  int fraction_digits = 0;
};

std::optional<Decimal> decimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  int whole_digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
    if (whole_digits == 18) return std::nullopt;
    d.whole = d.whole * 10 + (text[i] - '0');
  }
  if (whole_digits == 0) return std::nullopt;
  if (i == text.size()) return d;
  if (text[i] != '.' || i + 1 == text.size()) return std::nullopt;
  for (++i; i < text.size(); ++i, ++d.fraction_digits) {
    if (text[i] < '0' || text[i] > '9' || d.fraction_digits == 18) return std::nullopt;
    d.fraction = d.fraction * 10 + (text[i] - '0');
  }
  return d;
}

std::int64_t power10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// d * unit when it is a whole number within 2^62, else nullopt.
std::optional<std::int64_t> scaled(const Decimal& d, std::int64_t unit) {
  constexpr std::int64_t kMax = std::int64_t{1} << 62;
  if (d.whole > kMax / unit) return std::nullopt;
  std::int64_t out = d.whole * unit;
  if (d.fraction_digits > 0) {
    // fraction * unit / 10^digits, exactly, without overflow: divide out
    // what unit and 10^digits share first.
    std::int64_t div = power10(d.fraction_digits);
    std::int64_t g = std::gcd(unit, div);
    std::int64_t step = div / g;  // the fraction must be a multiple of it
    if (d.fraction % step != 0) return std::nullopt;
    std::int64_t q = d.fraction / step;
    std::int64_t u = unit / g;
    if (q > (kMax - out) / u) return std::nullopt;
    std::int64_t part = q * u;
    out += part;
  }
  return out;
}

}  // namespace

std::optional<std::int64_t> cpu_millicores(std::string_view text) {
  bool milli = !text.empty() && text.back() == 'm';
  if (milli) text.remove_suffix(1);
  auto d = decimal(text);
  if (!d || (milli && d->fraction_digits > 0)) return std::nullopt;
  auto m = scaled(*d, milli ? 1 : 1000);
  if (!m || *m == 0) return std::nullopt;
  return m;
}

std::optional<std::int64_t> memory_bytes(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 12> kUnits{{
      {"Ki", std::int64_t{1} << 10},
      {"Mi", std::int64_t{1} << 20},
      {"Gi", std::int64_t{1} << 30},
      {"Ti", std::int64_t{1} << 40},
      {"Pi", std::int64_t{1} << 50},
      {"Ei", std::int64_t{1} << 60},
      {"k", 1000},
      {"M", 1000 * 1000},
      {"G", 1000 * 1000 * 1000},
      {"T", std::int64_t{1000} * 1000 * 1000 * 1000},
      {"P", std::int64_t{1000} * 1000 * 1000 * 1000 * 1000},
      {"E", std::int64_t{1000} * 1000 * 1000 * 1000 * 1000 * 1000},
  }};
  std::int64_t unit = 1;
  for (const auto& [suffix, size] : kUnits) {
    if (text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      unit = size;
      break;
    }
  }
  auto d = decimal(text);
  if (!d) return std::nullopt;
  auto b = scaled(*d, unit);
  if (!b || *b == 0) return std::nullopt;
  return b;
}

std::string compose_cpus(std::int64_t millicores) {
  std::string out = std::to_string(millicores / 1000);
  std::int64_t rest = millicores % 1000;
  if (rest == 0) return out;
  std::string digits = std::to_string(1000 + rest).substr(1);  // "050" for 50
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

std::string compose_memory(std::int64_t bytes) {
  for (auto [shift, suffix] : {std::pair{30, "g"}, std::pair{20, "m"}, std::pair{10, "k"}}) {
    std::int64_t unit = std::int64_t{1} << shift;
    if (bytes % unit == 0) return std::to_string(bytes / unit) + suffix;
  }
  return std::to_string(bytes) + "b";
}

std::string k8s_cpu(std::int64_t millicores) {
  if (millicores % 1000 == 0) return std::to_string(millicores / 1000);
  return std::to_string(millicores) + "m";
}

std::string k8s_memory(std::int64_t bytes) {
  for (auto [shift, suffix] : {std::pair{30, "Gi"}, std::pair{20, "Mi"}, std::pair{10, "Ki"}}) {
    std::int64_t unit = std::int64_t{1} << shift;
    if (bytes % unit == 0) return std::to_string(bytes / unit) + suffix;
  }
  return std::to_string(bytes);
}

}  // namespace liftshift
