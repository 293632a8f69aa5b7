// The IL of a CLR program's entry method (ECMA-335 II.25.4): the method body
// header, the call/callvirt/newobj tokens of its instructions, and what those
// calls say about the program (a GUI, a service host, a WCF or web host).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/byte_reader.hpp"

namespace liftshift {

// At most this many IL bytes of one method are read, and this many methods
// (the entry method and the program's own methods it calls directly).
inline constexpr std::size_t kMaxEntryIl = std::size_t{64} << 10;
inline constexpr std::size_t kMaxEntryMethods = 16;
inline constexpr std::size_t kMaxEntryCalls = 200;

// The IL code of the method body starting at body[0] (tiny or fat header),
// cut to kMaxEntryIl; nullopt when the header is not a method body header or
// the code runs past the bytes given.
std::optional<Bytes> il_method_code(Bytes body);

// The metadata tokens of the call, callvirt and newobj instructions of `code`,
// in order, walking instruction by instruction; stops at an unknown opcode
// or at truncated operands.
std::vector<std::uint32_t> il_call_tokens(Bytes code);

enum class EntryCallRole { kNone, kGui, kService, kWcfHost, kWebHost };

// What a call made from the entry point ("Type::Method", as in
// BinaryFacts::entry_calls) shows: System.Windows.Forms.Application::Run is a
// GUI, System.ServiceProcess.ServiceBase::Run and Topshelf.HostFactory::Run a
// service, System.ServiceModel.ServiceHost::.ctor a self-hosted WCF program,
// Microsoft.AspNetCore.* hosting and OWIN WebApp::Start a self-hosted web app.
EntryCallRole entry_call_role(std::string_view call);

}  // namespace liftshift
