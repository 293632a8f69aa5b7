// The HTML report: one self-contained file. Inline style, script and SVG
// charts, no URL of any kind, and a Content-Security-Policy that forbids
// every fetch and allows only the page's own script and style (by hash).
// Every value from the Report is HTML-escaped.
#include <fmt/format.h>

#include "core/sha256.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

namespace {

std::string csp_hash(std::string_view text) {
  auto digest = sha256(text);
  return "'sha256-" + base64(digest.data(), digest.size()) + "'";
}

std::string content_security_policy() {
  return "default-src 'none'; script-src " + csp_hash(report_html_script()) + "; style-src " +
         csp_hash(report_html_style()) +
         "; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
}

std::string summary_tile(const std::string& key, const std::string& label, int value,
                         const std::string& css_class) {
  return fmt::format("<div class=\"tile {}\"><dt>{}</dt><dd data-summary=\"{}\">{}</dd></div>\n",
                     css_class, label, key, value);
}

std::string summary_section(const Report& report, const ReportContext& context) {
  const ReportSummary& s = context.summary;
  std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"tiles\">\n";
  out += summary_tile("apps", "Applications", s.apps, "");
  out += summary_tile("ready", "Ready", s.ready, "ready");
  out += summary_tile("ready-with-changes", "Ready with changes", s.ready_with_changes, "changes");
  out += summary_tile("not-a-candidate", "Not a candidate", s.not_a_candidate, "blocker");
  out += summary_tile("unknown", "Not assessed", s.unknown, "neutral");
  out += summary_tile("findings", "Findings", s.findings, "");
  out += summary_tile("effort", "Effort points", s.effort, "");
  out += "</dl>\n";
  out += fmt::format("<p class=\"muted\">{} {}", report.sources.size(),
                     report.sources.size() == 1 ? "source" : "sources");
  // A source that could not be read is counted once, not again as a problem.
  int unreadable = count_unreadable_sources(report);
  int other = static_cast<int>(report.problems.size()) - unreadable;
  if (unreadable > 0) {
    out += fmt::format(", <a href=\"#problems\">{} could not be read</a>", unreadable);
  }
  if (other > 0) {
    out += fmt::format(", <a href=\"#problems\">{} {}</a> met while reading", other,
                       other == 1 ? "problem" : "problems");
  }
  out += ".</p>\n<h3>Most common blockers</h3>\n";
  if (s.blocker_sets.empty()) {
    out += "<p>No application is blocked.</p>\n";
  } else {
    out += "<ul class=\"sets\">\n";
    for (const auto& set : s.blocker_sets) {
      out += "<li data-apps=\"" + std::to_string(set.apps) + "\">" + html_escape(set.sentence) +
             "</li>\n";
    }
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::vector<ChartBar> tally_bars(const std::vector<Tally>& tallies, const std::string& css_class) {
  std::vector<ChartBar> bars;
  bars.reserve(tallies.size());
  for (const auto& t : tallies) bars.push_back({t.label, t.apps, css_class});
  return bars;
}

std::string chart_figure(const std::string& id, const std::string& caption,
                         const std::vector<ChartBar>& bars) {
  std::string svg = svg_bar_chart(caption, bars);
  return fmt::format("<figure id=\"{}\"><figcaption>{}</figcaption>{}</figure>\n", id, caption,
                     svg.empty() ? "<p class=\"muted\">None.</p>" : svg);
}

std::string charts_section(const ReportContext& context) {
  const ReportSummary& s = context.summary;
  std::string out = "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n";
  out += chart_figure("chart-verdicts", "Verdicts",
                      {{"ready", s.ready, "ready"},
                       {"ready-with-changes", s.ready_with_changes, "changes"},
                       {"not-a-candidate", s.not_a_candidate, "blocker"},
                       {"unknown", s.unknown, "neutral"}});
  out += chart_figure("chart-blockers", "Applications blocked, by rule",
                      tally_bars(s.blocker_rules, "blocker"));
  out += chart_figure("chart-frameworks", "Frameworks", tally_bars(s.frameworks, "neutral"));
  out += chart_figure("chart-os", "OS versions", tally_bars(s.os_versions, "neutral"));
  return out + "</div>\n</section>\n";
}

// numeric: the column sorts by number (each cell's data-value), and is
// right-aligned unless it is the verdict (sorted by rank, shown as a word).
std::string header_cell(const std::string& label, bool numeric, bool right_aligned = true) {
  std::string attributes;
  if (numeric && right_aligned) attributes += " class=\"num\"";
  if (numeric) attributes += " data-type=\"number\"";
  return fmt::format("<th scope=\"col\"{}><button type=\"button\">{}</button></th>", attributes,
                     label);
}

std::string cell(const std::string& label, const std::string& text) {
  return "<td data-label=\"" + label + "\">" + html_escape(text) + "</td>";
}

std::string number_cell(const std::string& label, int value) {
  return fmt::format("<td class=\"num\" data-label=\"{}\" data-value=\"{}\">{}</td>", label, value,
                     value);
}

// What the filter box searches: names, places, kinds, rules and tags.
std::string search_text(const ReportApp& app) {
  std::string text = app.name + " " + app.id + " " + app.machine + " " + app.source_path + " " +
                     app.kind + " " + framework_label(app) + " " + to_string(app.verdict) + " " +
                     tags_label(app);
  for (const auto& f : app.findings) text += " " + f.rule;
  return text;
}

std::string app_row(const ReportApp& app, int rank) {
  std::string verdict = to_string(app.verdict);
  std::string row = fmt::format("<tr data-verdict=\"{}\" data-search=\"{}\">", verdict,
                                html_escape(search_text(app)));
  row += number_cell("#", rank);
  row += fmt::format("<td data-label=\"Application\"><a href=\"#app-{}\">{}</a></td>", rank,
                     html_escape(app.name));
  row += cell("Machine", app.machine);
  row += cell("Kind", app.kind);
  row += cell("Framework", framework_label(app));
  row += fmt::format("<td data-label=\"Verdict\" class=\"verdict {}\" data-value=\"{}\">{}</td>",
                     verdict, static_cast<int>(app.verdict), verdict);
  row += number_cell("Effort", app.effort);
  row += number_cell("Blockers", count_severity(app, Severity::kBlocker));
  row += number_cell("Changes", count_severity(app, Severity::kChange));
  row += number_cell("Info", count_severity(app, Severity::kInfo));
  row += cell("Tags", tags_label(app));
  return row + "</tr>\n";
}

std::string apps_section(const Report& report) {
  std::string out =
      "<section id=\"applications\">\n<h2>Applications</h2>\n"
      "<div class=\"controls\">"
      "<label>Filter <input id=\"filter\" type=\"search\" "
      "placeholder=\"name, machine, rule, tag\" autocomplete=\"off\"></label>"
      "<label>Verdict <select id=\"verdict-filter\"><option value=\"\">all</option>"
      "<option value=\"ready\">ready</option>"
      "<option value=\"ready-with-changes\">ready-with-changes</option>"
      "<option value=\"not-a-candidate\">not-a-candidate</option>"
      "<option value=\"unknown\">unknown</option></select></label>";
  out += fmt::format("<span id=\"shown\" aria-live=\"polite\">{0} of {0} shown</span></div>\n",
                     report.apps.size());
  out += "<div class=\"table-wrap\"><table id=\"apps\">\n<thead><tr>";
  out += header_cell("#", true) + header_cell("Application", false) +
         header_cell("Machine", false) + header_cell("Kind", false) +
         header_cell("Framework", false) + header_cell("Verdict", true, false) +
         header_cell("Effort", true) + header_cell("Blockers", true) +
         header_cell("Changes", true) + header_cell("Info", true) + header_cell("Tags", false);
  out += "</tr></thead>\n<tbody>\n";
  int rank = 0;
  for (const auto& app : report.apps) out += app_row(app, ++rank);
  return out + "</tbody>\n</table></div>\n</section>\n";
}

std::string findings_list(const std::vector<Finding>& findings,
                          const ReportContext& context) {
  if (findings.empty()) return "<p class=\"muted\">No findings.</p>\n";
  std::string out = "<ol class=\"findings\">\n";
  for (const auto& f : findings) {
    std::string severity = to_string(f.severity);
    out += fmt::format(
        "<li class=\"finding\" data-rule=\"{}\"><span class=\"sev {}\">{}</span> "
        "<strong>{}</strong> <code>{}</code> <span class=\"points\">{} points</span>\n",
        html_escape(f.rule), severity, severity, html_escape(f.title), html_escape(f.rule),
        finding_points(context, f));
    if (!f.evidence.empty()) {
      out += "<ul class=\"evidence\">";
      for (const auto& e : f.evidence) out += "<li>" + html_escape(e) + "</li>";
      out += "</ul>\n";
    }
    out += "<p class=\"fix\"><strong>Fix:</strong> " + html_escape(f.remediation) + "</p></li>\n";
  }
  return out + "</ol>\n";
}

std::string details_section(const Report& report, const ReportContext& context) {
  std::string out = "<section id=\"details\">\n<h2>Findings per application</h2>\n";
  int rank = 0;
  for (const auto& app : report.apps) {
    ++rank;
    std::string verdict = to_string(app.verdict);
    out += fmt::format(
        "<article class=\"app\" id=\"app-{}\">\n<h3>{}. {} <span class=\"verdict "
        "{}\">{}</span></h3>\n",
        rank, rank, html_escape(app.name), verdict, verdict);
    out += "<p class=\"muted\"><code>" + html_escape(app.id) + "</code>";
    if (!app.machine.empty()) out += " on " + html_escape(app.machine);
    out += " · " + html_escape(app.kind);
    if (!app.framework_kind.empty()) out += " · " + html_escape(framework_label(app));
    out += fmt::format(" · effort {}", app.effort);
    if (!app.tags.empty()) out += " · " + html_escape(tags_label(app));
    out += "<br>source " + html_escape(app.source_path);
    if (!app.os.empty()) out += " · " + html_escape(app.os);
    out += "</p>\n" + findings_list(app.findings, context) + "</article>\n";
  }
  return out + "</section>\n";
}

std::string machines_section(const Report& report, const ReportContext& context) {
  std::string out;
  for (const auto& s : report.sources) {
    if (s.machine.empty() && s.machine_findings.empty()) continue;
    out += "<article class=\"app machine\">\n<h3>" +
           html_escape(s.machine.empty() ? s.path : s.machine) + "</h3>\n";
    out += "<p class=\"muted\">" + html_escape(s.kind) + " " + html_escape(s.path);
    if (!s.os.empty()) out += " · " + html_escape(s.os);
    out += "</p>\n" + findings_list(s.machine_findings, context) + "</article>\n";
  }
  if (out.empty()) return "";
  return "<section id=\"machines\">\n<h2>Machines</h2>\n" + out + "</section>\n";
}

std::string problems_section(const Report& report) {
  if (report.problems.empty()) return "";
  std::string out = "<section id=\"problems\">\n<h2>Problems met while reading</h2>\n<ul>\n";
  for (const auto& p : report.problems) {
    std::string text = problem_text(p);
    std::string head = text.substr(0, text.size() - p.message.size());
    out += std::string(p.source_unreadable ? "<li class=\"unreadable\">" : "<li>") + "<code>" +
           html_escape(head) + "</code>" + html_escape(p.message) + "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string report_to_html(const Report& report, const ReportContext& context) {
  std::string title = report.title.empty() ? "liftshift report" : report.title;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
      content_security_policy() +
      "\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" +
      html_escape(title) + "</title>\n<style>" + std::string(report_html_style()) +
      "</style>\n</head>\n<body>\n<header>\n<h1>" + html_escape(title) + "</h1>\n";
  out += "<p class=\"meta\">Generated " + html_escape(report.generated_at) + " by liftshift " +
         html_escape(context.tool_version) + ".</p>\n</header>\n<main>\n";
  out += summary_section(report, context);
  out += charts_section(context);
  out += apps_section(report);
  out += details_section(report, context);
  out += machines_section(report, context);
  out += problems_section(report);
  out += "</main>\n<script>" + std::string(report_html_script()) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace liftshift
