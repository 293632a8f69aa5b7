// Questions asked of an Application's facts by both the collector (to decide
// an app's kind and framework) and the rules (to find evidence). Each query
// returns evidence lines "path: what was found", empty when nothing matched.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

using Evidence = std::vector<std::string>;

// Binaries whose AssemblyRef table names the assembly (exact, case-insensitive).
Evidence refs_assembly(const Application& app, std::string_view assembly);
// Binaries with a TypeRef starting with prefix ("System.Messaging." or an exact type).
// With assemblies, only a TypeRef whose resolution scope is one of them counts
// (an application's own System.ServiceProcess.ServiceBase in its own library
// is not Microsoft's); binaries that do not say a TypeRef's scope count.
Evidence refs_type(const Application& app, std::string_view prefix,
                   std::initializer_list<std::string_view> assemblies = {});
// Binaries with a MemberRef containing needle: give the type's full name
// ("System.Diagnostics.EventLog::WriteEntry"), not its short name.
Evidence refs_member(const Application& app, std::string_view needle);
// Native imports of a DLL (any function) or of a function of it.
Evidence imports_dll(const Application& app, std::string_view dll);
Evidence imports_function(const Application& app, std::string_view dll, std::string_view function);
// Project <Reference> items and package references (id prefix match).
Evidence project_refs(const Application& app, std::string_view assembly);
Evidence project_packages(const Application& app, std::string_view id_prefix);
// " (and 3 more files)": the tail of an evidence line that stands for more
// places than its own ("" for none).
std::string and_more(std::size_t others, std::string_view one, std::string_view many);
// Source scan hits of a category: one line per distinct text, at its first
// place, with the count of other files that say the same.
Evidence source_hits(const Application& app, SourceCategory category);
// The same facts with the hit each line stands for, for callers that sort
// hits by their text (no need to parse the line again).
struct SourceFact {
  const SourceHit* first = nullptr;
  std::string line;
  std::size_t other_files = 0;  // other files with the same text
};
std::vector<SourceFact> source_facts(const Application& app, SourceCategory category);
// Markers of a category (optionally with a detail).
Evidence markers(const Application& app, MarkerCategory category, std::string_view detail = {});
// Assembly use from any angle: binary AssemblyRef, project Reference, or package.
Evidence uses_assembly(const Application& app, std::string_view assembly);

// Where a COM ProgID's component comes from. Windows' own (ADO, the Scripting
// runtime, MSXML, WScript, VBScript's RegExp, WinHTTP) are in a Windows Server
// Core image. CDO, the shell's automation and the IIS 4 MSWC components are
// Windows' too, but nothing here verifies that Server Core keeps them. Any
// other is not known to be there: it is checked, and installed and registered
// when missing.
enum class ComOrigin { kWindows, kWindowsNotInCoreVerified, kThirdParty };
ComOrigin com_component_origin(std::string_view prog_id);
// Classic ASP pages' COM components (SourceCategory::kAspComObject) of one
// origin, one line per ProgID with where it is created first:
// "Shop/global.asa:4: ADODB.Connection".
Evidence asp_com_components(const Application& app, ComOrigin origin);

// Every IIS module use of the app: its server site's (app.iis->modules) and
// each of its configs' (ConfigFacts::iis_modules), once per module and
// program, the site's first.
std::vector<IisModuleUse> iis_module_uses(const Application& app);

// Evidence that the application shows its own windows (WinForms, WPF, native windows).
Evidence gui_evidence(const Application& app);
// Evidence that the application is a Windows service.
Evidence service_evidence(const Application& app);
// Evidence that the application hosts WCF services itself.
Evidence wcf_host_evidence(const Application& app);

// The entry binary (first binary) when the app has one.
const BinaryFacts* entry_binary(const Application& app);

void append(Evidence& to, Evidence from);

}  // namespace liftshift
