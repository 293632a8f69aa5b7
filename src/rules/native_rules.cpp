// Rules for native code and COM: the Visual C++ runtime a native program
// needs in the image, and the COM and COM+ components the image must register
// (the seed's "Windows components/features": what the server had installed or
// registered that an image built from the files lacks).
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/app_queries.hpp"
#include "core/native_projects.hpp"
#include "core/text.hpp"
#include "core/vc_redist.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

// The redistributable's architecture for a binary's machine ("" when none exists).
std::string redist_arch(const BinaryFacts& b, const std::string& release) {
  if (b.machine == "x64" || b.machine == "x86") return b.machine;
  if (b.machine == "arm64" && release == "2015-2022") return b.machine;
  return "";
}

// The DLLs the program ships itself (app-local deployment): the file names
// of the app's own binaries, lower-cased, computed once per app.
std::set<std::string> shipped_dlls(const Application& app) {
  std::set<std::string> out;
  for (const auto& b : app.binaries) {
    std::string_view path = b.path;
    out.insert(to_lower(path.substr(path.find_last_of('/') + 1)));
  }
  return out;
}

// Evidence lines that many binaries say alike ("X.dll: imports msvcr120.dll:
// ..."): one line per fact, at its first binary, with the count of the others.
class FactLines {
 public:
  void add(const std::string& binary, const std::string& fact) {
    auto [it, added] = index_.try_emplace(fact, lines_.size());
    if (added)
      lines_.push_back({binary + ": " + fact, 0});
    else
      ++lines_[it->second].more;
  }
  Evidence take() {
    Evidence out;
    for (auto& l : lines_) {
      out.push_back(std::move(l.text) + and_more(l.more, "binary", "binaries"));
    }
    return out;
  }

 private:
  struct Line {
    std::string text;
    std::size_t more;
  };
  std::vector<Line> lines_;
  std::map<std::string, std::size_t> index_;
};

// The runtime of a source tree's native projects, from their toolset and
// runtime library: the program the image gets is built from them. A static
// library is linked into the program that uses it and says nothing alone.
void vc_runtime_of_projects(const Application& app, RuleResults& results, FactLines& lines) {
  for (const auto& p : app.projects) {
    const NativeProjectFacts& n = p.native;
    if (!is_native_project(p) || iequals(n.configuration_type, "StaticLibrary") ||
        !needs_runtime_dlls(n))
      continue;
    const std::string how =
        std::string(n.runtime_library.empty() ? "the C runtime as a DLL (RuntimeLibrary not set)"
                                              : "RuntimeLibrary " + printable(n.runtime_library)) +
        (iequals(n.use_of_mfc, "Dynamic") ? ", MFC as a DLL" : "");
    if (debug_runtime(n)) {
      lines.add(p.path, how +
                            ": a debug runtime, not redistributable: build the Release "
                            "configuration");
      continue;
    }
    auto release = vc_release_for_toolset(n.platform_toolset);
    if (!release) {
      lines.add(p.path, how +
                            (n.platform_toolset.empty()
                                 ? ", no PlatformToolset"
                                 : ", PlatformToolset " + printable(n.platform_toolset)) +
                            ": the Visual C++ release is not known: install the "
                            "redistributable of the toolset it is built with");
      continue;
    }
    std::string arch = native_arch(n);
    if (arch == "arm64" && *release != "2015-2022") arch.clear();
    if (arch.empty()) {
      lines.add(p.path,
                how + " (Visual C++ " + *release + "), but no redistributable exists for " +
                    (n.platform.empty() ? std::string("its platform") : printable(n.platform)));
      continue;
    }
    auto same = [&](const VcRuntimeUse& u) { return u.release == *release && u.arch == arch; };
    auto it = std::find_if(results.vc_runtimes.begin(), results.vc_runtimes.end(), same);
    if (it == results.vc_runtimes.end()) {
      results.vc_runtimes.push_back({*release,
                                     arch,
                                     vc_redist_installer(*release, arch),
                                     vc_redist_arguments(*release),
                                     {},
                                     {}});
      it = results.vc_runtimes.end() - 1;
    }
    const std::string fact = "PlatformToolset " + printable(n.platform_toolset) + ", " + how;
    it->projects.push_back(p.path + ": " + fact);
    lines.add(p.path, fact + ": Visual C++ " + *release + " Redistributable (" + arch + ")");
  }
}

}  // namespace

Evidence check_vc_runtime(const Application& app, RuleResults& results) {
  const std::set<std::string> shipped = shipped_dlls(app);
  FactLines lines;
  for (const auto& b : app.binaries) {
    std::set<std::string> seen;  // a DLL both imported and delay-loaded is one use
    for (const auto* table : {&b.imports, &b.delay_imports}) {
      for (const auto& imp : *table) {
        auto redist = vc_redist_for_dll(imp.dll);
        const std::string dll = to_lower(imp.dll);
        if (!redist || shipped.contains(dll) || !seen.insert(dll).second) continue;
        if (redist->debug) {
          lines.add(b.path, "imports " + imp.dll + ", a debug runtime of Visual C++ " +
                                redist->release +
                                ": not redistributable, rebuild the program in Release");
          continue;
        }
        std::string arch = redist_arch(b, redist->release);
        if (arch.empty()) {
          lines.add(b.path, "imports " + imp.dll + " (Visual C++ " + redist->release +
                                "), but no redistributable exists for " + b.machine);
          continue;
        }
        auto same = [&](const VcRuntimeUse& u) {
          return u.release == redist->release && u.arch == arch;
        };
        auto it = std::find_if(results.vc_runtimes.begin(), results.vc_runtimes.end(), same);
        if (it == results.vc_runtimes.end()) {
          results.vc_runtimes.push_back({redist->release,
                                         arch,
                                         vc_redist_installer(redist->release, arch),
                                         vc_redist_arguments(redist->release),
                                         {},
                                         {}});
          it = results.vc_runtimes.end() - 1;
        }
        auto same_dll = [&](const std::string& d) { return iequals(d, imp.dll); };
        if (std::none_of(it->dlls.begin(), it->dlls.end(), same_dll)) it->dlls.push_back(imp.dll);
        lines.add(b.path, "imports " + imp.dll + ": Visual C++ " + redist->release +
                              " Redistributable (" + arch + ")");
      }
    }
  }
  vc_runtime_of_projects(app, results, lines);
  return lines.take();
}

namespace {

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 5) out += ", ...";
  return out;
}

// The .NET Framework folder whose RegSvcs/RegAsm registers the assembly.
std::string clr_folder(const BinaryFacts& b) {
  return istarts_with(b.clr_version, "v2.") ? "v2.0.50727" : "v4.0.30319";
}

// The .NET Framework folder of a regasm-registered class's RuntimeVersion:
// 1.x and 2.0 assemblies run on CLR 2.0, the rest on 4.0.
std::string clr_folder(const ComClassInfo& c) {
  return istarts_with(c.runtime_version, "v1.") || istarts_with(c.runtime_version, "v2.")
             ? "v2.0.50727"
             : "v4.0.30319";
}

// "HKLM\...\{..}\InprocServer32 = D:\App\bin\Foo.dll (ProgID Foo.Bar)"; a .NET
// class with its Class, Assembly and CodeBase (or GAC).
std::string registration(const ComClassInfo& c) {
  std::string line = c.registry_key + " = " + c.server;
  if (!c.clr_class.empty()) {
    line += " (.NET class " + c.clr_class + " of " + c.assembly;
    if (!c.runtime_version.empty()) line += ", RuntimeVersion " + c.runtime_version;
    line += c.code_base.empty() ? ", no CodeBase: the GAC" : ", CodeBase " + c.code_base;
    line += ")";
  }
  if (!c.prog_ids.empty()) line += " (ProgID " + listed(c.prog_ids) + ")";
  if (!c.threading_model.empty()) line += ", ThreadingModel " + c.threading_model;
  if (!c.named_by.empty()) line += "; " + c.named_by;
  return line;
}

// A .NET class regasm registered: registered again by the RegAsm of its
// registry view (Framework for WOW6432Node, Framework64 for the 64-bit view)
// and RuntimeVersion, with /codebase on the application's copy, once per
// assembly and view. Serviced components are regsvcs' (it registers them).
void clr_registration(const ComClassInfo& c, const std::string& line, RuleResults& results,
                      Evidence& out) {
  auto same = [&](const ComRegistration& r) {
    return iequals(r.path, c.path) &&
           (r.tool == "regsvcs" || (r.tool == "regasm" && r.x86 == c.wow64));
  };
  if (std::any_of(results.com_servers.begin(), results.com_servers.end(), same)) return;
  std::string clr = clr_folder(c);
  std::string tool =
      std::string(c.wow64 ? "Framework" : "Framework64") + "\\" + clr + "\\RegAsm.exe";
  std::string how = c.by_assembly_name ? " (the server had it in the GAC; the application's " +
                                             c.path + " is that assembly)"
                                       : "";
  out.push_back(line + ": registered in the image with " + tool + " /codebase" + how);
  results.com_servers.push_back(
      {c.path, "regasm", clr, c.server_key + " " + c.clsid + " (" + c.clr_class + ")", c.wow64});
}

// Native COM servers the server had registered for the application
// (collect/com_class_apps): one registration per file, however many classes
// it serves; a file outside the application's folder is the product that
// installed it, which the image needs as a whole.
void registered_com_classes(const Application& app, RuleResults& results, Evidence& out) {
  for (const auto& c : app.com_classes) {
    std::string line = registration(c);
    if (c.path.empty() && !c.clr_class.empty() && c.code_base.empty()) {
      out.push_back(line + ": the application holds no " +
                    trim(std::string_view(c.assembly).substr(0, c.assembly.find(','))) +
                    ".dll: install the assembly in the image's GAC (gacutil /i) and register "
                    "it with regasm");
      continue;
    }
    if (c.path.empty()) {
      out.push_back(line +
                    ": its file is not on this server (a stale registration, or a drive "
                    "not given): install the component in the image and register it");
      continue;
    }
    if (!c.in_app_folder) {
      out.push_back(line +
                    ": its file lies outside the application's folder: install the product "
                    "that provides it in the image (its installer registers it)");
      continue;
    }
    if (!c.clr_class.empty()) {
      clr_registration(c, line, results, out);
      continue;
    }
    auto same_file = [&](const ComRegistration& r) { return iequals(r.path, c.path); };
    if (std::any_of(results.com_servers.begin(), results.com_servers.end(), same_file)) continue;
    bool exe = c.server_key == "LocalServer32";
    // The PE header decides; the registry's 32-bit view when it could not be read.
    bool x86 = !exe && (c.machine.empty() ? c.wow64 : c.machine == "x86");
    std::string how =
        exe   ? "by running the program with /RegServer"
        : x86 ? "with SysWOW64\\regsvr32 /s (a 32-bit DLL: PE machine " +
                    (c.machine.empty() ? std::string("unread, 32-bit registry view") : c.machine) +
                    ")"
              : "with regsvr32 /s";
    out.push_back(line + ": registered in the image " + how);
    results.com_servers.push_back(
        {c.path, exe ? "regserver" : "regsvr32", "", c.server_key + " " + c.clsid, x86});
  }
}

}  // namespace

Evidence check_native_project(const Application& app, RuleResults& /*results*/) {
  // Libraries of a program that talks on the network, and what each means for its ports.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kNetwork{{
      {"ws2_32.lib", "Windows Sockets"},
      {"wsock32.lib", "Windows Sockets 1.1"},
      {"mswsock.lib", "Windows Sockets extensions"},
      {"httpapi.lib", "an HTTP server of its own through HTTP.sys"},
      {"rpcrt4.lib", "RPC"},
  }};
  Evidence out;
  for (const auto& p : app.projects) {
    if (!is_native_project(p)) continue;
    out.push_back(native_project_summary(p));
    for (const auto& lib : p.native.link_libraries) {
      for (const auto& [name, what] : kNetwork) {
        if (iequals(lib, name))
          out.push_back(p.path + ": links " + lib + " (" + std::string(what) +
                        "): the ports it listens on are not in the project: name them in the plan");
      }
    }
    if (!p.native.use_of_atl.empty())
      out.push_back(p.path + ": UseOfAtl " + printable(p.native.use_of_atl) +
                    ": an ATL project, most often a COM server: the image registers the DLL it "
                    "builds as the server had it registered (regsvr32 /s)");
  }
  return out;
}

Evidence check_com_registration(const Application& app, RuleResults& results) {
  Evidence out;
  for (const auto& b : app.binaries) {
    if (!b.is_clr) continue;
    if (!b.serviced_components.empty()) {
      std::string app_kind = b.complus_activation == "server"
                                 ? "a COM+ server application (its own dllhost.exe process)"
                             : b.complus_activation == "library" ? "a COM+ library application"
                                                                 : "a COM+ application";
      std::string name = b.complus_name.empty() ? "" : " '" + b.complus_name + "'";
      std::string reason =
          "serviced components " + listed(b.serviced_components) + ": " + app_kind + name;
      out.push_back(b.path + ": " + reason + ", registered with regsvcs");
      results.com_servers.push_back({b.path, "regsvcs", clr_folder(b), reason});
      continue;
    }
    // Registered on the server: its registry view says which RegAsm (below).
    auto registered = [&](const ComClassInfo& c) {
      return !c.clr_class.empty() && iequals(c.path, b.path);
    };
    if (std::any_of(app.com_classes.begin(), app.com_classes.end(), registered)) continue;
    if (b.com_visible || !b.com_visible_types.empty()) {
      std::string reason = b.com_visible_types.empty()
                               ? std::string("[assembly: ComVisible(true)]")
                               : "[ComVisible(true)] " + listed(b.com_visible_types);
      out.push_back(b.path + ": " + reason + ", registered with regasm");
      results.com_servers.push_back({b.path, "regasm", clr_folder(b), reason});
    }
  }
  registered_com_classes(app, results, out);
  return out;
}

}  // namespace liftshift
