// Tells platform agents from applications among a server's services:
// hypervisor guest tools, antivirus/EDR, backup, monitoring, update,
// configuration-management and licensing agents, from a curated table
// (platform_agents.cpp, one documented entry per product) matched on the
// service's registry name, its program's name and folder, and its version
// resource (CompanyName, ProductName, FileDescription). The version resource
// also tells Microsoft's own services wherever they are installed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/facts.hpp"
#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

// The agent `service` is, if any; `version` is its program's facts (only
// the version resource is looked at), nullptr when the program was not read.
std::optional<PlatformAgent> platform_agent(const ServiceInfo& service, const BinaryFacts* version);

// True when the program's version resource says Microsoft made it.
bool microsoft_by_version(const BinaryFacts& version);

// Reads the version resource of every service program outside the Windows
// folder, marks Microsoft's (by that resource) as microsoft, and moves the
// platform agents into m.agents (their ServiceInfo marked agent). A program
// that cannot be read is judged by its name and folder alone.
void classify_platform_services(const Volume& volume, MachineFacts& m,
                                std::vector<Problem>& problems);

}  // namespace liftshift
