#include "emit/markdown.hpp"

namespace liftshift {

std::string md_framework(const Framework& f) {
  if (f.kind == FrameworkKind::kUnknown) return "framework unknown";  // not assessed
  std::string name = f.kind == FrameworkKind::kNetFx    ? ".NET Framework"
                     : f.kind == FrameworkKind::kDotnet ? ".NET"
                                                        : to_string(f.kind);
  return f.version.empty() ? name : name + " " + f.version;
}

std::string md_app_line(const AppPlan& plan) {
  return md_text(plan.app_id) + " (" + to_string(plan.kind) + ", " + md_framework(plan.framework) +
         ")";
}

std::string md_app_source(const AppPlan& plan) {
  if (plan.build.from_source || plan.root.empty()) return plan.source;
  return plan.source + "/" + plan.root;
}

}  // namespace liftshift
