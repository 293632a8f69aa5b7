// The Visual C++ runtime DLLs and the redistributable that installs each:
// which release a DLL name belongs to (msvcr120.dll -> 2013, vcruntime140.dll
// -> 2015-2022), the installer's file name for an architecture, and its
// silent-install arguments. msvcrt.dll, mfc42.dll and the Universal CRT
// (api-ms-win-crt-*, ucrtbase.dll) are part of Windows and need none.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liftshift {

struct VcRedist {
  std::string release;  // "2015-2022", "2013", ..., "2005"
  bool debug = false;   // a debug runtime (msvcr120d.dll): not redistributable at all
};

// The release `dll` ("MSVCR120.dll", "mfc140u.dll") belongs to; nullopt for
// any other DLL, and for the Store apps' variants (vcruntime140_app.dll).
std::optional<VcRedist> vc_redist_for_dll(std::string_view dll);

// The release a Visual C++ project's PlatformToolset builds against: v140 to
// v145 (and ClangCL, which links the same runtime) "2015-2022", v120 "2013",
// v110 "2012", v100 "2010", v90 "2008", v80 "2005"; the _xp variants alike.
// nullopt for an unknown or empty toolset.
std::optional<std::string> vc_release_for_toolset(std::string_view toolset);

// The redistributable's file for an architecture ("x64", "x86", "arm64"):
// "vc_redist.x64.exe" (2015 and later), "vcredist_x64.exe" (2005-2013).
std::string vc_redist_installer(std::string_view release, std::string_view arch);

// Its silent, no-reboot install arguments: "/install /quiet /norestart"
// (2012 and later, the Burn installers), "/q /norestart" (2010), "/q" (2005, 2008).
std::string vc_redist_arguments(std::string_view release);

}  // namespace liftshift
