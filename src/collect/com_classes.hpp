// COM classes registered on a server: the SOFTWARE hive's Classes\CLSID keys
// (and their 32-bit view Classes\WOW6432Node\CLSID), each class's
// InprocServer32 / LocalServer32 server, ThreadingModel and ProgIDs, and the
// ProgID keys (Classes\<ProgID>\CLSID) that name them; for a .NET class
// regasm registered (mscoree.dll), its Class, Assembly, RuntimeVersion and
// CodeBase. Only the classes whose
// server is not Windows' own are kept: those are what an application may have
// installed and an image built from its files lacks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "formats/hive.hpp"

namespace liftshift {

// At most this many classes are kept; a problem says when more were registered.
inline constexpr std::size_t kMaxComClasses = 5'000;

// Adds the non-Windows COM classes of `software` (the SOFTWARE hive, whose
// root is HKLM\SOFTWARE) to m.com_classes. A damaged key is a problem, never
// a failure; values that are no path (too long, not a string) are left out.
void read_com_classes(const Hive& software, MachineFacts& m, std::vector<Problem>& problems,
                      std::size_t max_classes = kMaxComClasses);

// The file of a server value: an InprocServer32 DLL path without its quotes,
// a LocalServer32 command line's program; %SystemRoot%, %ProgramFiles% and
// the like expanded as on drive C:, %SystemRoot% to system_root.
std::string com_server_file(std::string_view server, bool local_server,
                            std::string_view system_root = "C:\\Windows");

// True when the server file is part of Windows: a bare name (found through the
// DLL search path, System32), the Windows folder (system_root), any System32 or
// SysWOW64 folder, Common Files\Microsoft Shared, Common Files\System (ADO,
// OLE DB) and Windows' own program folders.
bool windows_com_server(std::string_view file, std::string_view system_root = "C:\\Windows");

// The Windows path of a regasm CodeBase: "file:///C:/App/Foo.DLL" ->
// "C:\App\Foo.DLL" (%XX escapes decoded), "file://host/share/Foo.dll" -> a UNC
// path; "" for anything else (another scheme, no drive, a bad escape, a
// control character).
std::string code_base_file(std::string_view url);

// The simple name of an assembly's display name: "Foo.Bar, Version=1.0.0.0,
// ..." -> "Foo.Bar"; "" when it is no file name.
std::string assembly_simple_name(std::string_view display_name);

// True for an assembly signed with one of Microsoft's keys (the Framework's,
// Office's and SQL Server's PublicKeyTokens): Windows' or a product's, never
// an application's own.
bool microsoft_assembly(std::string_view display_name);

}  // namespace liftshift
