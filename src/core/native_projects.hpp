// Questions the rules and the planner ask of an application's native C++
// projects (.vcxproj, ProjectFacts::native): which are native, whether one
// shows windows, whether it needs the Visual C++ runtime as DLLs.
#pragma once

#include <string>
#include <string_view>

#include "core/app_queries.hpp"
#include "core/model.hpp"

namespace liftshift {

bool is_native_project(const ProjectFacts& p);  // language "cpp"

// A C or C++ source file (.c, .cpp, .cc, .cxx): its entry-point hits count
// only for a native application, never for a .NET one whose folder holds it.
bool is_native_source(std::string_view path);

// The redistributable's architecture for a project's Platform: Win32 "x86",
// x64 "x64", ARM64 "arm64"; "" for any other.
std::string native_arch(const NativeProjectFacts& n);

// The C runtime is linked as DLLs (RuntimeLibrary MultiThreadedDLL, the
// default when not set), or MFC is used as a DLL: the program needs its
// Visual C++ release's runtime in the image. A static CRT and static MFC need none.
bool needs_runtime_dlls(const NativeProjectFacts& n);

// A debug runtime (RuntimeLibrary MultiThreadedDebug[DLL]): not redistributable.
bool debug_runtime(const NativeProjectFacts& n);

// One line that says what the project builds: "Tool/Tool.vcxproj (Release|x64):
// Application, SubSystem Windows, PlatformToolset v143, CharacterSet Unicode, MFC as a DLL".
std::string native_project_summary(const ProjectFacts& p);

// What shows a native GUI-subsystem project's windows: MFC, the UI libraries
// it links (user32, gdi32, comctl32...), and the window calls of its sources
// (CreateWindowEx, DialogBox, the GetMessage loop). Empty for other projects.
Evidence native_gui_evidence(const Application& app);

}  // namespace liftshift
