// Numbers read from text with std::from_chars: no exceptions, no locale, no
// leading blanks or '+'; a '-' only for signed types. Out of range is no
// number (std::nullopt), never a wrapped or clamped one.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>
#include <type_traits>

namespace liftshift {

// A number at the start of a text, and what follows it.
template <typename T>
struct LeadingNumber {
  T value;
  std::string_view rest;
};

// The number text starts with ("15M" -> {15, "M"}, "4.7.2" -> {4, ".7.2"}).
template <typename T>
std::optional<LeadingNumber<T>> split_leading_number(std::string_view text) {
  static_assert(std::is_integral_v<T>);
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc()) return std::nullopt;
  return LeadingNumber<T>{value, text.substr(static_cast<std::size_t>(end - text.data()))};
}

// The number text starts with, whatever follows ("4.7.2" -> 4): a version's
// major, a port before a colon.
template <typename T>
std::optional<T> leading_number(std::string_view text) {
  auto n = split_leading_number<T>(text);
  if (!n) return std::nullopt;
  return n->value;
}

// The whole of text as a number ("8" but not "8x", " 8" or "").
template <typename T>
std::optional<T> parse_number(std::string_view text) {
  auto n = split_leading_number<T>(text);
  if (!n || !n->rest.empty()) return std::nullopt;
  return n->value;
}

}  // namespace liftshift
