// Facts about Windows Server versions, image tags and host compatibility
// (../shared/FACTS.md): which tag exists for which version, which host runs
// which container. Pure lookups, no decisions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

std::optional<WindowsVersion> parse_windows_version(std::string_view text);
std::optional<Isolation> parse_isolation(std::string_view text);
std::optional<Orchestrator> parse_orchestrator(std::string_view text);

std::string server_name(WindowsVersion v);    // "Windows Server 2022"
std::string windows_build(WindowsVersion v);  // "10.0.20348"

// Image tags; "" when no such image exists for the version.
std::string servercore_tag(WindowsVersion v);  // "ltsc2022"
std::string nanoserver_tag(WindowsVersion v);  // "ltsc2022", "1809" for 2019
std::string netfx_tag(WindowsVersion v);       // "4.8.1-windowsservercore-ltsc2022"
std::string dotnet_tag(int major, WindowsVersion v, bool nano);  // "8.0-nanoserver-ltsc2022"
std::string iis_tag(WindowsVersion v);                           // "windowsservercore-ltsc2022"
std::string full_server_image(WindowsVersion v);  // "mcr.microsoft.com/windows/server:ltsc2022"

// Every Microsoft image reference ("mcr.microsoft.com/REPO:TAG") the planner
// uses, for version v, in the same order for every version ("" where the image
// doesn't exist for v): a reference for one version maps to the same index of
// another's. What exists for v is what FACTS.md lists.
std::vector<std::string> known_images(WindowsVersion v);

// Hosts that run a container of version v with the given isolation.
std::vector<std::string> compatible_hosts(WindowsVersion v, Isolation isolation);

// The NetFx3 (.NET Framework 3.5) install command for Server Core of version v.
std::string netfx3_command(WindowsVersion v);

}  // namespace liftshift
