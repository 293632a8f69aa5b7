#include "emit/assessment_text.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "emit/assessment_json.hpp"

namespace liftshift {

namespace {

struct Paint {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : std::string(s);
  }
  [[nodiscard]] std::string verdict(Verdict v, std::string_view s) const {
    return wrap(v == Verdict::kReady              ? "32"
                : v == Verdict::kReadyWithChanges ? "33"
                : v == Verdict::kUnknown          ? "35"
                                                  : "31",
                s);
  }
  [[nodiscard]] std::string severity(Severity sev, std::string_view s) const {
    return wrap(sev == Severity::kBlocker ? "1;31" : sev == Severity::kChange ? "33" : "36", s);
  }
  [[nodiscard]] std::string dim(std::string_view s) const { return wrap("2", s); }
  [[nodiscard]] std::string bold(std::string_view s) const { return wrap("1", s); }
};

std::string framework_label(const Framework& f) {
  std::string name = f.kind == FrameworkKind::kNetFx        ? ".NET Framework"
                     : f.kind == FrameworkKind::kDotnet     ? ".NET"
                     : f.kind == FrameworkKind::kNative     ? "native"
                     : f.kind == FrameworkKind::kJava       ? "Java"
                     : f.kind == FrameworkKind::kNode       ? "Node.js"
                     : f.kind == FrameworkKind::kPython     ? "Python"
                     : f.kind == FrameworkKind::kPhp        ? "PHP"
                     : f.kind == FrameworkKind::kClassicAsp ? "classic ASP"
                     : f.kind == FrameworkKind::kStatic     ? "static content"
                                                            : "unknown";
  return f.version.empty() ? name : name + " " + f.version;
}

std::size_t count(const AppAssessment& a, Severity s) {
  std::size_t n = 0;
  for (const auto& f : a.findings) n += f.severity == s ? 1 : 0;
  return n;
}

std::string human_bytes(std::uint64_t n) {
  if (n >= (1ull << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(n) / (1ull << 30));
  if (n >= (1ull << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1ull << 20));
  if (n >= 1024) return fmt::format("{:.0f} KiB", static_cast<double>(n) / 1024);
  return fmt::format("{} bytes", n);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "none" : out;
}

std::string machine_summary(const MachineFacts& m) {
  std::vector<std::string> roles;
  for (const auto& r : m.roles) roles.push_back(r.name);
  std::string os = printable(m.os_name.empty() ? "Windows" : m.os_name);
  if (!m.build.empty()) os += " build " + m.build + (m.ubr.empty() ? "" : "." + m.ubr);
  if (!m.installation_type.empty()) os += ", " + m.installation_type;
  std::string out = fmt::format("    server {}{}: {}\n",
                                printable(m.computer_name.empty() ? "?" : m.computer_name),
                                m.domain.empty() ? "" : "." + printable(m.domain), os);
  out += fmt::format("    roles: {}; .NET Framework: {}{}{}\n", join(roles),
                     join(m.dotnet_runtimes), m.iis_version.empty() ? "" : "; IIS " + m.iis_version,
                     m.time_zone.empty() ? "" : "; time zone " + m.time_zone);
  // Platform agents: not applications (a container gets none of them), one line each.
  for (const auto& a : m.agents) {
    out += fmt::format("    platform agent {}: {} ({}), not an application\n", printable(a.service),
                       printable(a.product), printable(a.category));
  }
  return out;
}

std::string machine_findings(const MachineAssessment& m, const TextOptions& options,
                             const Paint& paint) {
  std::string out;
  for (const auto& f : m.findings) {
    out += "    " + paint.severity(f.severity, "[" + to_string(f.severity) + "]") + " " +
           paint.bold(f.rule) + ": " + f.title + "\n";
    if (options.verbose) {
      for (const auto& e : f.evidence) out += "        - " + printable(e) + "\n";
      out += "        fix: " + f.remediation + "\n";
    }
  }
  return out;
}

// "dir/App.exe: truncated PE" rather than "dir/App.exe: App.exe: truncated PE":
// parsers name their file in the message, and the problem names it too.
std::string problem_line(const Problem& p) {
  std::string_view message = p.message;
  auto colon = message.find(": ");
  if (colon != std::string_view::npos) {
    std::string_view named = message.substr(0, colon);
    std::string_view path = p.path;
    bool same = path.size() >= named.size() && path.substr(path.size() - named.size()) == named &&
                (path.size() == named.size() || path[path.size() - named.size() - 1] == '/' ||
                 path[path.size() - named.size() - 1] == ' ');
    if (same && !named.empty()) message.remove_prefix(colon + 2);
  }
  return printable(p.path) + ": " + printable(message);
}

}  // namespace

std::string assessment_to_text(const Assessment& assessment, const TextOptions& options) {
  Paint paint{options.colour};
  std::string out;
  out +=
      paint.bold(fmt::format("liftshift assessment: {} application{} in {} source{}\n",
                             assessment.apps.size(), assessment.apps.size() == 1 ? "" : "s",
                             assessment.sources.size(), assessment.sources.size() == 1 ? "" : "s"));
  for (std::size_t i = 0; i < assessment.sources.size(); ++i) {
    const Source& s = assessment.sources[i];
    out += fmt::format("  source {} ({}){}\n", printable(s.path), to_string(s.kind),
                       s.handled ? "" : ": " + s.note);
    if (!s.image_format.empty() && s.disks.empty()) {
      out += fmt::format("    {} image, {}; read {} of {}\n", s.image_format, s.partition,
                         human_bytes(s.bytes_read), human_bytes(s.image_size));
    } else if (!s.image_format.empty()) {
      // bytes_read counts every disk read, the data disks too.
      out += fmt::format("    {} image of {}, {}; read {} from it and its data disks\n",
                         s.image_format, human_bytes(s.image_size), s.partition,
                         human_bytes(s.bytes_read));
    }
    for (const auto& d : s.drives) out += fmt::format("    drive {}\n", printable(d));
    if (s.machine) {
      // The server's disk drives that were not given: what to add with --disk.
      for (const auto& [letter, location] : s.machine->drives) {
        bool given = iequals(letter, "C:");
        for (const auto& d : s.drives) given = given || istarts_with(d, letter + " ");
        if (!given && (istarts_with(location, "MBR ") || istarts_with(location, "GPT ")))
          out +=
              fmt::format("    drive {} not given ({})\n", printable(letter), printable(location));
      }
      out += machine_summary(*s.machine);
    }
    for (const auto& m : assessment.machines) {
      if (m.source != i || m.findings.empty()) continue;
      out += machine_findings(m, options, paint);
    }
  }

  if (!assessment.apps.empty()) {
    out += "\n" + paint.dim(fmt::format("  {:<19} {:<8} {:<22} {:>7} {:>6} {:>4}  {}\n", "VERDICT",
                                        "KIND", "FRAMEWORK", "BLOCKER", "CHANGE", "INFO", "APP"));
  }
  for (const auto& a : assessment.apps) {
    std::string verdict = fmt::format("{:<19}", to_string(a.verdict));
    out += fmt::format("  {} {:<8} {:<22} {:>7} {:>6} {:>4}  {}\n",
                       paint.verdict(a.verdict, verdict), to_string(a.app.kind),
                       framework_label(a.app.framework), count(a, Severity::kBlocker),
                       count(a, Severity::kChange), count(a, Severity::kInfo), printable(a.app.id));
  }
  if (options.verbose) {
    for (const auto& a : assessment.apps) {
      out += "\n" + paint.bold(printable(a.app.id)) +
             fmt::format(" ({}, {}) ", to_string(a.app.kind), framework_label(a.app.framework)) +
             paint.verdict(a.verdict, to_string(a.verdict)) + "\n";
      if (!a.app.framework.evidence.empty()) {
        out += paint.dim("  framework from " + printable(a.app.framework.evidence)) + "\n";
      }
      if (a.findings.empty()) out += "  no findings\n";
      for (const auto& f : a.findings) {
        out += "  " + paint.severity(f.severity, "[" + to_string(f.severity) + "]") + " " +
               paint.bold(f.rule) + ": " + f.title + "\n";
        for (const auto& e : f.evidence) out += "      - " + printable(e) + "\n";
        out += "      fix: " + f.remediation + "\n";
      }
    }
  }
  VerdictCounts s = count_verdicts(assessment);
  out += fmt::format("\nSummary: {} ready, {} ready with changes, {} not a candidate", s.ready,
                     s.ready_with_changes, s.not_a_candidate);
  out += s.unknown > 0 ? fmt::format(", {} not assessed.", s.unknown) : std::string(".");
  if (!assessment.problems.empty()) {
    out += fmt::format(" {} problem{} while reading", assessment.problems.size(),
                       assessment.problems.size() == 1 ? "" : "s");
    out += options.verbose ? ":" : " (-v lists them).";
  }
  out += "\n";
  if (options.verbose) {
    for (const auto& p : assessment.problems) out += "  " + problem_line(p) + "\n";
  }
  if (!options.verbose && !assessment.apps.empty()) {
    out +=
        paint.dim("Use -v for every finding with its evidence and fix, --format json for tools.") +
        "\n";
  }
  return out;
}

}  // namespace liftshift
