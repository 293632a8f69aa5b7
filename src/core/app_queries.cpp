#include "core/app_queries.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/native_projects.hpp"
#include "core/text.hpp"

namespace liftshift {

void append(Evidence& to, Evidence from) {
  for (auto& e : from) {
    if (std::find(to.begin(), to.end(), e) == to.end()) to.push_back(std::move(e));
  }
}

const BinaryFacts* entry_binary(const Application& app) {
  if (app.binaries.empty()) return nullptr;
  return &app.binaries.front();
}

Evidence refs_assembly(const Application& app, std::string_view assembly) {
  Evidence out;
  for (const auto& b : app.binaries) {
    for (const auto& r : b.assembly_refs) {
      if (iequals(r.name, assembly)) {
        out.push_back(b.path + ": references " + r.name + " " + r.version);
        break;
      }
    }
  }
  return out;
}

Evidence refs_type(const Application& app, std::string_view prefix,
                   std::initializer_list<std::string_view> assemblies) {
  Evidence out;
  for (const auto& b : app.binaries) {
    const bool scoped = b.type_ref_assemblies.size() == b.type_refs.size();
    for (std::size_t i = 0; i < b.type_refs.size(); ++i) {
      const std::string& t = b.type_refs[i];
      if (!istarts_with(t, prefix)) continue;
      if (scoped && assemblies.size() > 0 &&
          std::none_of(assemblies.begin(), assemblies.end(),
                       [&](std::string_view a) { return iequals(a, b.type_ref_assemblies[i]); }))
        continue;
      out.push_back(b.path + ": uses type " + t);
      break;
    }
  }
  return out;
}

Evidence refs_member(const Application& app, std::string_view needle) {
  Evidence out;
  for (const auto& b : app.binaries) {
    for (const auto& m : b.member_refs) {
      if (icontains(m, needle)) {
        out.push_back(b.path + ": calls " + m);
        break;
      }
    }
  }
  return out;
}

namespace {
// Imports and delay-load imports: both are the program's use of a DLL.
std::vector<const PeImport*> all_imports(const BinaryFacts& b) {
  std::vector<const PeImport*> out;
  for (const auto& i : b.imports) out.push_back(&i);
  for (const auto& i : b.delay_imports) out.push_back(&i);
  for (const auto& i : b.pinvoke_imports) out.push_back(&i);
  return out;
}

// A Win32 export named after a function: the function itself, its ANSI and
// wide forms, and its Ex variant (GetMessageW, RegSetValueExW), but not a
// different function that shares the prefix (GetMessagePos, GetMessageTime).
bool win32_function_is(std::string_view export_name, std::string_view function) {
  if (!istarts_with(export_name, function)) return false;
  std::string_view rest = export_name.substr(function.size());
  if (rest.starts_with("Ex")) rest.remove_prefix(2);
  return rest.empty() || rest == "A" || rest == "W";
}

}  // namespace

Evidence imports_dll(const Application& app, std::string_view dll) {
  Evidence out;
  for (const auto& b : app.binaries) {
    for (const PeImport* ip : all_imports(b)) {
      const PeImport& imp = *ip;
      if (iequals(imp.dll, dll)) {
        std::string funcs;
        for (std::size_t i = 0; i < imp.functions.size() && i < 3; ++i) {
          funcs += (i ? ", " : " (") + imp.functions[i];
        }
        if (!funcs.empty()) funcs += imp.functions.size() > 3 ? ", ...)" : ")";
        out.push_back(b.path + ": imports " + imp.dll + funcs);
        break;
      }
    }
  }
  return out;
}

Evidence imports_function(const Application& app, std::string_view dll, std::string_view function) {
  // One line per binary: a DLL both imported and delay-loaded (or declared
  // for P/Invoke too) is one use of the function.
  Evidence out;
  for (const auto& b : app.binaries) {
    bool found = false;
    for (const PeImport* imp : all_imports(b)) {
      if (found || !iequals(imp->dll, dll)) continue;
      for (const auto& f : imp->functions) {
        if (win32_function_is(f, function)) {
          out.push_back(b.path + ": imports " + imp->dll + "!" + f);
          found = true;
          break;
        }
      }
    }
  }
  return out;
}

// Visual Studio's project templates reference these whether or not the code
// uses them (every ASP.NET project references System.EnterpriseServices and
// System.Drawing), so a bare <Reference> to them proves nothing.
bool template_default(std::string_view assembly) {
  return iequals(assembly, "System.EnterpriseServices") || iequals(assembly, "System.Drawing") ||
         iequals(assembly, "System.Web.Services") || iequals(assembly, "System.Configuration");
}

Evidence project_refs(const Application& app, std::string_view assembly) {
  Evidence out;
  if (template_default(assembly)) return out;
  for (const auto& p : app.projects) {
    for (const auto& r : p.references) {
      if (iequals(r.name, assembly)) {
        out.push_back(p.path + ": <Reference Include=\"" + r.name + "\">");
        break;
      }
    }
  }
  return out;
}

Evidence project_packages(const Application& app, std::string_view id_prefix) {
  Evidence out;
  for (const auto& p : app.projects) {
    for (const auto& pkg : p.packages) {
      if (istarts_with(pkg.id, id_prefix)) {
        out.push_back(p.path + ": package " + pkg.id +
                      (pkg.version.empty() ? "" : " " + pkg.version));
      }
    }
  }
  return out;
}

std::string and_more(std::size_t others, std::string_view one, std::string_view many) {
  if (others == 0) return "";
  return " (and " + std::to_string(others) + " more " + std::string(others == 1 ? one : many) + ")";
}

std::vector<SourceFact> source_facts(const Application& app, SourceCategory category) {
  // One line per distinct fact (the matched text), at its first place, with
  // the count of other files that say the same: 450 files that all `using
  // Quartz` are one fact, not 450.
  struct Fact {
    const SourceHit* first = nullptr;
    std::set<std::string> files;
  };
  std::vector<Fact> facts;
  std::map<std::string, std::size_t> by_text;
  for (const auto& h : app.source_hits) {
    if (h.category != category) continue;
    auto [it, added] = by_text.emplace(h.text, facts.size());
    if (added) facts.push_back({&h, {}});
    facts[it->second].files.insert(h.file);
  }
  std::vector<SourceFact> out;
  for (const Fact& f : facts) {
    std::string line = f.first->file + ":" + std::to_string(f.first->line) + ": " + f.first->text +
                       and_more(f.files.size() - 1, "file", "files");
    out.push_back({f.first, std::move(line), f.files.size() - 1});
  }
  return out;
}

Evidence source_hits(const Application& app, SourceCategory category) {
  Evidence out;
  for (auto& f : source_facts(app, category)) out.push_back(std::move(f.line));
  return out;
}

Evidence markers(const Application& app, MarkerCategory category, std::string_view detail) {
  Evidence out;
  for (const auto& m : app.markers) {
    if (m.category == category && (detail.empty() || m.detail == detail)) {
      out.push_back(m.path + ": " + m.detail);
    }
  }
  return out;
}

Evidence uses_assembly(const Application& app, std::string_view assembly) {
  Evidence out = refs_assembly(app, assembly);
  append(out, project_refs(app, assembly));
  append(out, project_packages(app, assembly));
  return out;
}

std::vector<IisModuleUse> iis_module_uses(const Application& app) {
  std::vector<IisModuleUse> out;
  std::set<std::string> seen;
  auto add = [&](const std::vector<IisModuleUse>& uses) {
    for (const auto& m : uses) {
      if (seen.insert(m.module + "|" + to_lower(m.program)).second) out.push_back(m);
    }
  };
  if (app.iis) add(app.iis->modules);
  for (const auto& c : app.configs) add(c.iis_modules);
  return out;
}

Evidence gui_evidence(const Application& app) {
  Evidence out;
  for (const auto& p : app.projects) {
    if (p.use_windows_forms) out.push_back(p.path + ": <UseWindowsForms>true");
    if (p.use_wpf) {
      // Say what the file holds: the property, or the WPF project-type GUID.
      const bool by_guid =
          std::find(p.project_type_guids.begin(), p.project_type_guids.end(),
                    "60dc8134-eba5-43b8-bcc9-bb4bc16c2548") != p.project_type_guids.end();
      out.push_back(p.path + (by_guid ? ": WPF project type {60dc8134-eba5-43b8-bcc9-bb4bc16c2548}"
                                      : ": <UseWPF>true"));
    }
  }
  append(out, refs_type(app, "System.Windows.Forms.Form", {"System.Windows.Forms"}));
  append(out, refs_type(app, "System.Windows.Forms.Application", {"System.Windows.Forms"}));
  append(out, refs_type(app, "System.Windows.Window", {"PresentationFramework"}));
  append(out, refs_type(app, "System.Windows.Application", {"PresentationFramework"}));
  append(out, imports_function(app, "user32.dll", "CreateWindowEx"));
  append(out, imports_function(app, "user32.dll", "DialogBoxParam"));
  append(out, imports_function(app, "user32.dll", "DialogBoxIndirectParam"));
  append(out, imports_function(app, "user32.dll", "MessageBox"));
  append(out, imports_function(app, "user32.dll", "MessageBoxIndirect"));
  // The message loop that keeps a native window program running.
  append(out, imports_function(app, "user32.dll", "GetMessage"));
  append(out, imports_function(app, "user32.dll", "DispatchMessage"));
  append(out, source_hits(app, SourceCategory::kWinForms));
  append(out, source_hits(app, SourceCategory::kWpf));
  append(out, native_gui_evidence(app));
  if (out.empty()) {
    // A project that only references the assembly still says it is a GUI app.
    append(out, project_refs(app, "System.Windows.Forms"));
    append(out, project_refs(app, "PresentationFramework"));
  }
  return out;
}

Evidence service_evidence(const Application& app) {
  Evidence out = refs_type(app, "System.ServiceProcess.ServiceBase",
                           {"System.ServiceProcess", "System.ServiceProcess.ServiceController"});
  append(out, imports_function(app, "advapi32.dll", "StartServiceCtrlDispatcher"));
  // The System.ServiceProcess namespace also holds ServiceController, which
  // manages a service: only ServiceBase itself shows the program is one.
  std::set<std::string> files;
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kServiceBase && iends_with(h.text, "ServiceBase") &&
        files.insert(h.file).second)
      out.push_back(h.file + ":" + std::to_string(h.line) + ": " + h.text);
  }
  for (const auto& p : app.projects) {
    if (iequals(p.sdk, "Microsoft.NET.Sdk.Worker"))
      out.push_back(p.path + ": Sdk=\"" + p.sdk + "\"");
  }
  return out;
}

Evidence wcf_host_evidence(const Application& app) {
  Evidence out = refs_type(app, "System.ServiceModel.ServiceHost", {"System.ServiceModel"});
  append(out, source_hits(app, SourceCategory::kWcfHost));
  return out;
}

ComOrigin com_component_origin(std::string_view prog_id) {
  static constexpr std::array<std::string_view, 9> kWindows{"adodb.",
                                                            "adox.",
                                                            "scripting.",
                                                            "msxml2.",
                                                            "microsoft.xmlhttp",
                                                            "microsoft.xmldom",
                                                            "wscript.",
                                                            "vbscript.regexp",
                                                            "winhttp.winhttprequest"};
  static constexpr std::array<std::string_view, 3> kUnverified{"cdo.", "shell.application",
                                                               "mswc."};
  std::string id = to_lower(prog_id);
  auto starts = [&](std::string_view p) { return id.starts_with(p); };
  if (std::any_of(kWindows.begin(), kWindows.end(), starts)) return ComOrigin::kWindows;
  if (std::any_of(kUnverified.begin(), kUnverified.end(), starts))
    return ComOrigin::kWindowsNotInCoreVerified;
  return ComOrigin::kThirdParty;
}

Evidence asp_com_components(const Application& app, ComOrigin origin) {
  Evidence out;
  std::set<std::string> seen;
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kAspComObject) continue;
    if (com_component_origin(h.text) != origin) continue;
    if (!seen.insert(to_lower(h.text)).second) continue;
    out.push_back(h.file + ":" + std::to_string(h.line) + ": " + h.text);
  }
  return out;
}

}  // namespace liftshift
