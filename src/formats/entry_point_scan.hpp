// What a program does at its entry point, read from C#/VB source: the
// `static ... Main(` method (C#) or `Sub Main` (VB), and the hosting calls in
// its body (Application.Run, ServiceBase.Run, HostFactory.Run, new
// ServiceHost, WebHost...). Works on source text whose comments and string
// literals are already blanked (see source_scan), so a commented-out call or a
// call inside a string is not seen.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "core/categories.hpp"

namespace liftshift {

// Reports (category, offset, matched token) for the Main declaration
// (SourceCategory::kEntryMain) and for every hosting call
// (kEntryGui, kEntryService, kEntryWcfHost, kEntryWebHost). Calls are searched
// in Main's body; when the body has none (Main delegates to a helper such as
// CreateHostBuilder), in the rest of the file that declares Main. A file
// without Main reports its hosting calls as kHostingCall ("Class: token"), and
// a Main that makes none, or one that runs a Windows service, reports the
// types its body uses (kMainUses), so the app's entry point can be followed
// one level into another file (a service class that opens a server). Bounded: a
// body is at most kMaxEntryBody bytes.
using EntrySink =
    std::function<void(SourceCategory category, std::size_t pos, std::string_view token)>;
void scan_entry_point(std::string_view code, bool vb, const EntrySink& sink);

// The role of a hosting call's token as scan_entry_point reported it
// (kEntryGui, kEntryService, kEntryWcfHost or kEntryWebHost; kEntryMain when
// the token is none of them).
SourceCategory hosting_call_role(std::string_view token);

inline constexpr std::size_t kMaxEntryBody = std::size_t{256} << 10;

}  // namespace liftshift
