#include "core/native_projects.hpp"

#include <array>
#include <string_view>

#include "core/text.hpp"

namespace liftshift {

namespace {

std::string linkage(std::string_view use) {
  return iequals(use, "Dynamic")  ? "as a DLL"
         : iequals(use, "Static") ? "linked in"
                                  : std::string(use);
}

}  // namespace

bool is_native_project(const ProjectFacts& p) { return p.language == "cpp"; }

bool is_native_source(std::string_view path) {
  return iends_with(path, ".c") || iends_with(path, ".cpp") || iends_with(path, ".cc") ||
         iends_with(path, ".cxx");
}

std::string native_arch(const NativeProjectFacts& n) {
  if (iequals(n.platform, "Win32") || iequals(n.platform, "x86")) return "x86";
  if (iequals(n.platform, "x64")) return "x64";
  if (iequals(n.platform, "ARM64")) return "arm64";
  return "";
}

bool debug_runtime(const NativeProjectFacts& n) { return icontains(n.runtime_library, "Debug"); }

bool needs_runtime_dlls(const NativeProjectFacts& n) {
  const bool crt_dll = n.runtime_library.empty() || iends_with(n.runtime_library, "DLL");
  return crt_dll || iequals(n.use_of_mfc, "Dynamic");
}

std::string native_project_summary(const ProjectFacts& p) {
  const NativeProjectFacts& n = p.native;
  std::string line = p.path;
  if (!n.configuration.empty()) line += " (" + printable(n.configuration) + ")";
  line += ": " + (n.configuration_type.empty() ? std::string("no ConfigurationType")
                                               : printable(n.configuration_type));
  if (!n.subsystem.empty()) line += ", SubSystem " + printable(n.subsystem);
  if (!n.platform_toolset.empty()) line += ", PlatformToolset " + printable(n.platform_toolset);
  if (!n.character_set.empty()) line += ", CharacterSet " + printable(n.character_set);
  line += n.runtime_library.empty() ? ", the C runtime as a DLL (RuntimeLibrary not set)"
                                    : ", RuntimeLibrary " + printable(n.runtime_library);
  if (!n.use_of_mfc.empty()) line += ", MFC " + linkage(n.use_of_mfc);
  if (!n.use_of_atl.empty()) line += ", ATL " + linkage(n.use_of_atl);
  return line;
}

Evidence native_gui_evidence(const Application& app) {
  // Libraries of windows, dialogs and drawing. The project templates list
  // user32 and gdi32 for console programs too: only a GUI-subsystem project's count.
  static constexpr std::array<std::string_view, 8> kUiLibraries{
      "user32.lib",  "gdi32.lib",   "comctl32.lib", "comdlg32.lib",
      "uxtheme.lib", "gdiplus.lib", "d2d1.lib",     "dwmapi.lib"};
  Evidence out;
  bool gui_project = false;
  for (const auto& p : app.projects) {
    // A DLL's subsystem says nothing: the program that loads it decides.
    if (!is_native_project(p) || !iequals(p.native.configuration_type, "Application") ||
        !iequals(p.native.subsystem, "Windows"))
      continue;
    gui_project = true;
    if (!p.native.use_of_mfc.empty())
      out.push_back(p.path + ": UseOfMfc " + printable(p.native.use_of_mfc) +
                    ": an MFC program (windows, dialogs, document views)");
    std::string libs;
    for (const auto& l : p.native.link_libraries) {
      for (auto ui : kUiLibraries) {
        if (iequals(l, ui)) libs += (libs.empty() ? "" : ", ") + l;
      }
    }
    if (!libs.empty()) out.push_back(p.path + ": links " + libs);
  }
  if (!gui_project) return out;
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kEntryGui && is_native_source(h.file))
      out.push_back(h.file + ":" + std::to_string(h.line) + ": " + h.text);
  }
  return out;
}

}  // namespace liftshift
