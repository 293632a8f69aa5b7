// COM classes registered on a server: the SOFTWARE hive's Classes\CLSID keys
// (and their 32-bit view Classes\WOW6432Node\CLSID), each class's
// InprocServer32 / LocalServer32 server, ThreadingModel and ProgIDs, and the
// ProgID keys (Classes\<ProgID>\CLSID) that name them. Only the classes whose
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

}  // namespace liftshift
