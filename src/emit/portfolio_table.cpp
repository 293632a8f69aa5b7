// `liftshift portfolio` on a terminal: the ranked applications as a table,
// then the totals and the most common blocker sets.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxColumn = 40;

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // count UTF-8 lead bytes
  }
  return n;
}

// Printable, at most kMaxColumn characters (cut on a character boundary).
std::string cell_text(std::string_view raw) {
  std::string s = printable(raw);
  if (display_width(s) <= kMaxColumn) return s;
  std::size_t chars = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars == kMaxColumn) break;
  }
  return s.substr(0, i) + "\xE2\x80\xA6";  // an ellipsis
}

std::string pad(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string blocker_rules(const ReportApp& app) {
  std::set<std::string> rules;
  for (const auto& f : app.findings) {
    if (f.severity == Severity::kBlocker) rules.insert(f.rule);
  }
  std::string out;
  for (const auto& r : rules) out += (out.empty() ? "" : ",") + r;
  return out;
}

std::string tally_lines(const std::string& heading, const std::vector<Tally>& tallies) {
  std::string out = "\n" + heading + "\n";
  if (tallies.empty()) return out + "  none\n";
  for (const auto& t : tallies) {
    out += fmt::format("  {:>5}  {}", t.apps, printable(t.key));
    if (t.label != t.key) out += "  (" + printable(t.label) + ")";
    out += "\n";
  }
  return out;
}

// The sources that could not be read, each named, then how many problems
// the readable ones met (each is in --format json/html).
std::string problem_lines(const Report& report) {
  constexpr int kMaxListed = 20;
  std::string out = "\nProblems met while reading\n";
  int listed = 0;
  for (const auto& p : report.problems) {
    if (!p.source_unreadable) continue;
    if (listed++ == kMaxListed) {
      out += "  ... more sources could not be read (see --format json)\n";
      break;
    }
    out += "  " + printable(problem_text(p)) + "\n";
  }
  std::size_t other =
      report.problems.size() - static_cast<std::size_t>(count_unreadable_sources(report));
  if (other > 0) {
    out += fmt::format(
        "  {} {} in files or registry keys of readable sources (see --format json or html)\n",
        other, other == 1 ? "problem" : "problems");
  }
  return out;
}

}  // namespace

std::string portfolio_to_table(const Report& report, const ReportContext& context) {
  const std::vector<std::string> header{"RANK", "VERDICT",   "EFFORT", "MACHINE", "APPLICATION",
                                        "KIND", "FRAMEWORK", "TAGS",   "BLOCKERS"};
  std::vector<std::vector<std::string>> rows;
  int rank = 0;
  for (const auto& app : report.apps) {
    rows.push_back({std::to_string(++rank), to_string(app.verdict), std::to_string(app.effort),
                    cell_text(app.machine), cell_text(app.name), app.kind,
                    cell_text(framework_label(app)), cell_text(tags_label(app)),
                    cell_text(blocker_rules(app))});
  }
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = display_width(header[c]);
    for (const auto& row : rows) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      out += c + 1 == cells.size() ? cells[c] : pad(cells[c], widths[c]) + "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  const ReportSummary& s = context.summary;
  std::string out = fmt::format("{}: {} {}, {} {}", printable(report.title), s.apps,
                                s.apps == 1 ? "application" : "applications", report.sources.size(),
                                report.sources.size() == 1 ? "source" : "sources");
  if (int unreadable = count_unreadable_sources(report); unreadable > 0) {
    out += fmt::format(" ({} more could not be read)", unreadable);
  }
  out += "\n\n";
  out += line(header);
  for (const auto& row : rows) out += line(row);
  out += fmt::format(
      "\nVerdicts\n  {:>5}  ready\n  {:>5}  ready-with-changes\n  {:>5}  not-a-candidate\n"
      "  {:>5}  unknown (not assessed)\n  ({} findings, {} effort points)\n",
      s.ready, s.ready_with_changes, s.not_a_candidate, s.unknown, s.findings, s.effort);
  out += tally_lines("Applications blocked, by rule", s.blocker_rules);
  out += tally_lines("Frameworks", s.frameworks);
  out += tally_lines("OS versions", s.os_versions);
  out += "\nMost common blockers\n";
  if (s.blocker_sets.empty()) out += "  none\n";
  for (const auto& set : s.blocker_sets) out += "  " + printable(set.sentence) + "\n";
  if (!report.problems.empty()) out += problem_lines(report);
  return out;
}

}  // namespace liftshift
