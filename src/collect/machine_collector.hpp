// Reads what a whole Windows server is from its system drive: the SYSTEM and
// SOFTWARE hives (OS, services, roles, programs, .NET, IIS, MSMQ, MSDTC) and
// the MSMQ queue files. Works on any Volume: a copied drive or a disk image.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "formats/hive.hpp"
#include "sources/volume.hpp"

namespace liftshift {

// nullopt (with problems saying why) when the SYSTEM hive cannot be read.
// `system`: the volume's SYSTEM hive when the caller has read it already
// (open_server does, for the drive letters), so it is not read twice.
std::optional<MachineFacts> collect_machine(const Volume& volume, std::vector<Problem>& problems,
                                            const Hive* system = nullptr);

// ".NET Framework 4.x" Release DWORD -> "4.8" (FACTS.md's table); "" below 4.5.
std::string netfx_version_from_release(std::uint32_t release);

// True for services that belong to Windows or to a Microsoft product.
bool is_microsoft_service(const ServiceInfo& service);

// "\"C:\\Apps\\svc.exe\" -k x" -> "C:\\Apps\\svc.exe" (also %SystemRoot%, \??\ forms).
std::string executable_of(std::string_view command_line);

}  // namespace liftshift
