// Bar charts for the HTML report, drawn as inline SVG: no script, no image
// file, nothing fetched. Each row is a label line and a bar with its value.
#include <fmt/format.h>

#include <algorithm>

#include "emit/report_formats.hpp"

namespace liftshift {

namespace {

constexpr int kWidth = 360;  // about the width it is shown at: text stays ~12px
constexpr int kRowHeight = 34;
constexpr int kBarHeight = 12;
constexpr int kValueRoom = 40;  // right of the longest bar, for its number

constexpr std::size_t kMaxLabel = 56;  // characters that fit the width at 12px

// The label cut to kMaxLabel characters (on a UTF-8 boundary), with an ellipsis.
std::string short_label(const std::string& label) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
    if (++chars > kMaxLabel) return label.substr(0, i) + "\xE2\x80\xA6";
  }
  return label;
}

}  // namespace

std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars) {
  if (bars.empty()) return "";
  int max_value = 1;
  for (const auto& b : bars) max_value = std::max(max_value, b.value);
  const int height = static_cast<int>(bars.size()) * kRowHeight + 4;
  std::string out = fmt::format(
      "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {} {}\" width=\"100%\" "
      "preserveAspectRatio=\"xMinYMin meet\">"
      "<title>{}</title>",
      kWidth, height, html_escape(title));
  int y = 0;
  for (const auto& b : bars) {
    const int bar_width =
        b.value <= 0 ? 0 : std::max(2, b.value * (kWidth - kValueRoom) / max_value);
    out += fmt::format(
        "<g class=\"bar {}\"><title>{}: {}</title>"
        "<text class=\"label\" x=\"0\" y=\"{}\">{}</text>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"></rect>"
        "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text></g>",
        html_escape(b.css_class), html_escape(b.label), b.value, y + 13,
        html_escape(short_label(b.label)), y + 17, bar_width, kBarHeight, bar_width + 5, y + 27,
        b.value);
    y += kRowHeight;
  }
  out += "</svg>";
  return out;
}

}  // namespace liftshift
