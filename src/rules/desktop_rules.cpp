// Rules from the seed's "Applications requiring a desktop" and "Applications
// using RDP" sections.
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

Evidence check_gui_desktop(const Application& app, RuleResults& /*results*/) {
  // A service that happens to reference WinForms still runs without a desktop.
  if (app.kind == AppKind::kService) return {};
  Evidence why;
  const BinaryFacts* entry = entry_binary(app);
  if (entry != nullptr && !entry->is_dll && entry->subsystem == 2) {
    why.push_back(entry->path + ": subsystem Windows GUI");
  }
  for (const auto& p : app.projects) {
    if (iequals(p.output_type, "WinExe"))
      why.push_back(p.path + (p.language == "cpp" ? ": <SubSystem>Windows</SubSystem>"
                                                  : ": <OutputType>WinExe</OutputType>"));
  }
  if (why.empty()) return {};
  if (app.kind == AppKind::kDesktop) append(why, app.kind_evidence);
  Evidence gui = gui_evidence(app);
  if (gui.empty()) return {};
  append(why, std::move(gui));
  return why;
}

Evidence check_gui_installer(const Application& app, RuleResults& /*results*/) {
  return markers(app, MarkerCategory::kInstaller);
}

Evidence check_gui_api(const Application& app, RuleResults& results) {
  if (!check_gui_desktop(app, results).empty()) return {};  // the desktop blocker already says it
  Evidence out = refs_assembly(app, "System.Drawing");
  append(out, project_refs(app, "System.Drawing"));
  append(out, project_packages(app, "System.Drawing.Common"));
  append(out, imports_dll(app, "gdiplus.dll"));
  append(out, imports_function(app, "gdi32.dll", "CreateFont"));
  append(out, imports_function(app, "gdi32.dll", "CreateFontIndirect"));
  append(out, imports_function(app, "gdi32.dll", "AddFontResource"));
  append(out, source_hits(app, SourceCategory::kGdi));
  return out;
}

Evidence check_rdp(const Application& app, RuleResults& /*results*/) {
  Evidence out = imports_dll(app, "wtsapi32.dll");
  append(out, uses_assembly(app, "Cassia"));
  append(out, source_hits(app, SourceCategory::kWts));
  append(out, markers(app, MarkerCategory::kRdpFile));
  return out;
}

}  // namespace liftshift
