// Rules from the seed's "Applications requiring a desktop" and "Applications
// using RDP" sections.
#include "core/text.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

Evidence gui_desktop(const Application& app) {
  // A service that happens to reference WinForms still runs without a desktop.
  if (app.kind == AppKind::kService) return {};
  Evidence why;
  const BinaryFacts* entry = entry_binary(app);
  if (entry != nullptr && !entry->is_dll && entry->subsystem == 2) {
    why.push_back(entry->path + ": subsystem Windows GUI");
  }
  for (const auto& p : app.projects) {
    if (iequals(p.output_type, "WinExe"))
      why.push_back(p.path + ": <OutputType>WinExe</OutputType>");
  }
  if (why.empty()) return {};
  if (app.kind == AppKind::kDesktop) append(why, app.kind_evidence);
  Evidence gui = gui_evidence(app);
  if (gui.empty()) return {};
  append(why, std::move(gui));
  return why;
}

Evidence gui_installer(const Application& app) { return markers(app, "installer"); }

Evidence gui_api(const Application& app) {
  if (!gui_desktop(app).empty()) return {};  // the desktop blocker already says it
  Evidence out = refs_assembly(app, "System.Drawing");
  append(out, project_refs(app, "System.Drawing"));
  append(out, project_packages(app, "System.Drawing.Common"));
  append(out, imports_dll(app, "gdiplus.dll"));
  append(out, imports_function(app, "gdi32.dll", "CreateFont"));
  append(out, imports_function(app, "gdi32.dll", "AddFontResource"));
  append(out, source_hits(app, "gdi"));
  return out;
}

Evidence rdp(const Application& app) {
  Evidence out = imports_dll(app, "wtsapi32.dll");
  append(out, uses_assembly(app, "Cassia"));
  append(out, source_hits(app, "wts"));
  append(out, markers(app, "rdp-file"));
  return out;
}

}  // namespace

void register_desktop_rules(RuleRegistry& registry) {
  registry["gui-desktop"] = gui_desktop;
  registry["gui-installer"] = gui_installer;
  registry["gui-api"] = gui_api;
  registry["rdp"] = rdp;
}

}  // namespace liftshift
