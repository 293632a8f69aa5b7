// BLOCKED.md: why a not-a-candidate application gets no container artifacts,
// each blocker with its evidence and the seed's workaround.
#include <sstream>

#include "emit/artifacts.hpp"
#include "emit/markdown.hpp"

namespace liftshift {

namespace {

std::string render_not_assessed(const AppPlan& plan) {
  std::ostringstream md;
  md << "# " << md_text(plan.app_name) << " was not assessed\n\n";
  md << md_app_line(plan)
     << ": verdict **unknown**. Its content is not on the source that was read, so liftshift\n"
     << "wrote no Dockerfile or manifests for it.\n";
  for (const auto& b : plan.blockers) {
    md << "\n## " << b.rule << ": " << md_text(b.title) << "\n\nEvidence:\n\n";
    for (const auto& e : b.evidence) md << "- " << md_code(e) << "\n";
    md << "\nNext step: " << b.workaround << "\n";
  }
  return md.str();
}

}  // namespace

std::string render_blocked(const AppPlan& plan) {
  if (plan.verdict == Verdict::kUnknown) return render_not_assessed(plan);
  std::ostringstream md;
  md << "# " << md_text(plan.app_name) << " is not a candidate for Windows containers\n\n";
  md << md_app_line(plan)
     << ": verdict **not-a-candidate**. liftshift wrote no Dockerfile or manifests for it:\n"
     << "the seed lists applications like this one among those that can't be moved to Windows "
        "containers as\n"
     << "they are. Each blocker below comes with the workaround the guidance gives.\n";
  md << "\n## Blockers\n";
  for (const auto& b : plan.blockers) {
    md << "\n### " << b.rule << ": " << md_text(b.title) << "\n\nEvidence:\n\n";
    for (const auto& e : b.evidence) md << "- " << md_code(e) << "\n";
    md << "\nWorkaround: " << b.workaround << "\n";
  }
  if (!plan.to_fix.empty()) {
    md << "\n## Other findings\n\nThese matter once the blockers are gone (for example, for a part "
          "split off into a\n"
       << "console program, service or web API), and `liftshift containerize` can plan that "
          "part.\n\n";
    for (const auto& f : plan.to_fix) {
      md << "- [" << to_string(f.finding.severity) << "] " << f.finding.rule << ": "
         << md_text(f.finding.title) << "\n";
    }
  }
  return md.str();
}

}  // namespace liftshift
