#include "formats/clr_entry_point.hpp"

#include <array>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr std::uint8_t kOpCall = 0x28;
constexpr std::uint8_t kOpCallvirt = 0x6F;
constexpr std::uint8_t kOpNewobj = 0x73;
constexpr std::uint8_t kOpSwitch = 0x45;
constexpr int kUnknown = -1;

// Operand bytes of each one-byte opcode (ECMA-335 III); kUnknown for the
// unassigned ones. 0xFE (two-byte opcodes) and 0x45 (switch) are handled apart.
constexpr std::array<int, 256> one_byte_operands() {
  std::array<int, 256> n{};
  for (auto& v : n) v = kUnknown;
  for (int op = 0x00; op <= 0x0D; ++op) n[op] = 0;  // nop, break, ldarg.N, ldloc.N, stloc.N
  for (int op = 0x0E; op <= 0x13; ++op) n[op] = 1;  // ldarg.s ... stloc.s
  n[0x14] = 0;                                      // ldnull
  for (int op = 0x15; op <= 0x1E; ++op) n[op] = 0;  // ldc.i4.m1 ... ldc.i4.8
  n[0x1F] = 1;                                      // ldc.i4.s
  n[0x20] = 4;                                      // ldc.i4
  n[0x21] = 8;                                      // ldc.i8
  n[0x22] = 4;                                      // ldc.r4
  n[0x23] = 8;                                      // ldc.r8
  n[0x25] = 0;                                      // dup
  n[0x26] = 0;                                      // pop
  n[0x27] = 4;                                      // jmp
  n[0x28] = 4;                                      // call
  n[0x29] = 4;                                      // calli
  n[0x2A] = 0;                                      // ret
  for (int op = 0x2B; op <= 0x37; ++op) n[op] = 1;  // short branches
  for (int op = 0x38; op <= 0x44; ++op) n[op] = 4;  // branches
  for (int op = 0x46; op <= 0x6E; ++op) n[op] = 0;  // ldind, stind, arithmetic, conv
  for (int op = 0x6F; op <= 0x75; ++op) n[op] = 4;  // callvirt, cpobj, ldobj, ldstr, newobj...
  n[0x76] = 0;                                      // conv.r.un
  n[0x79] = 4;                                      // unbox
  n[0x7A] = 0;                                      // throw
  for (int op = 0x7B; op <= 0x81; ++op) n[op] = 4;  // field access, stobj
  for (int op = 0x82; op <= 0x8B; ++op) n[op] = 0;  // conv.ovf.*.un
  n[0x8C] = 4;                                      // box
  n[0x8D] = 4;                                      // newarr
  n[0x8E] = 0;                                      // ldlen
  n[0x8F] = 4;                                      // ldelema
  for (int op = 0x90; op <= 0xA2; ++op) n[op] = 0;  // ldelem.*, stelem.*
  n[0xA3] = 4;                                      // ldelem
  n[0xA4] = 4;                                      // stelem
  n[0xA5] = 4;                                      // unbox.any
  for (int op = 0xB3; op <= 0xBA; ++op) n[op] = 0;  // conv.ovf.*
  n[0xC2] = 4;                                      // refanyval
  n[0xC3] = 0;                                      // ckfinite
  n[0xC6] = 4;                                      // mkrefany
  n[0xD0] = 4;                                      // ldtoken
  for (int op = 0xD1; op <= 0xDC; ++op) n[op] = 0;  // conv, add.ovf..., endfinally
  n[0xDD] = 4;                                      // leave
  n[0xDE] = 1;                                      // leave.s
  n[0xDF] = 0;                                      // stind.i
  n[0xE0] = 0;                                      // conv.u
  return n;
}

// Operand bytes of the two-byte opcodes 0xFE 0x00..0x1E.
constexpr std::array<int, 0x1F> two_byte_operands() {
  std::array<int, 0x1F> n{};
  for (auto& v : n) v = 0;
  n[0x06] = 4;  // ldftn
  n[0x07] = 4;  // ldvirtftn
  n[0x08] = kUnknown;
  for (int op = 0x09; op <= 0x0E; ++op) n[op] = 2;  // ldarg ... stloc
  n[0x10] = kUnknown;
  n[0x12] = 1;  // unaligned.
  n[0x15] = 4;  // initobj
  n[0x16] = 4;  // constrained.
  n[0x19] = 1;  // no.
  n[0x1B] = kUnknown;
  n[0x1C] = 4;  // sizeof
  return n;
}

}  // namespace

std::optional<Bytes> il_method_code(Bytes body) {
  ByteReader r(body);
  auto first = r.u8();
  if (!first) return std::nullopt;
  std::size_t size = 0;
  std::size_t header = 0;
  if ((*first & 0x3) == 0x2) {  // tiny: size in the upper 6 bits
    size = static_cast<std::size_t>(*first >> 2);
    header = 1;
  } else if ((*first & 0x3) == 0x3) {  // fat: 12 bytes, flags and size in dwords
    r.seek(0);
    auto flags = r.u16();
    r.skip(2);  // MaxStack
    auto code_size = r.u32();
    if (!flags || !code_size || (*flags >> 12) != 3) return std::nullopt;
    size = *code_size;
    header = 12;
  } else {
    return std::nullopt;
  }
  if (header > body.size() || size > body.size() - header) return std::nullopt;
  return body.subspan(header, size < kMaxEntryIl ? size : kMaxEntryIl);
}

std::vector<std::uint32_t> il_call_tokens(Bytes code) {
  static constexpr auto kOne = one_byte_operands();
  static constexpr auto kTwo = two_byte_operands();
  std::vector<std::uint32_t> tokens;
  ByteReader r(code);
  while (r.remaining() > 0 && tokens.size() < kMaxEntryCalls) {
    std::uint8_t op = *r.u8();
    int operand = 0;
    if (op == 0xFE) {
      auto second = r.u8();
      if (!second || *second >= kTwo.size()) break;
      operand = kTwo[*second];
    } else if (op == kOpSwitch) {
      auto targets = r.u32();
      if (!targets || *targets > r.remaining() / 4) break;
      operand = static_cast<int>(*targets * 4);
    } else {
      operand = kOne[op];
    }
    if (operand == kUnknown) break;
    if (op == kOpCall || op == kOpCallvirt || op == kOpNewobj) {
      auto token = r.u32();
      if (!token) break;
      tokens.push_back(*token);
      continue;
    }
    if (!r.skip(static_cast<std::size_t>(operand))) break;
  }
  return tokens;
}

EntryCallRole entry_call_role(std::string_view call) {
  struct Known {
    std::string_view call;  // prefix of "Type::Method"
    EntryCallRole role;
  };
  static constexpr Known kKnown[] = {
      {"System.Windows.Forms.Application::Run", EntryCallRole::kGui},
      {"System.Windows.Application::Run", EntryCallRole::kGui},
      {"System.Windows.Application::.ctor", EntryCallRole::kGui},
      {"System.ServiceProcess.ServiceBase::Run", EntryCallRole::kService},
      {"Topshelf.HostFactory::Run", EntryCallRole::kService},
      {"Topshelf.HostFactory::New", EntryCallRole::kService},
      {"Microsoft.Extensions.Hosting.WindowsServiceLifetimeHostBuilderExtensions::"
       "UseWindowsService",
       EntryCallRole::kService},
      {"System.ServiceModel.ServiceHost::.ctor", EntryCallRole::kWcfHost},
      {"System.ServiceModel.Web.WebServiceHost::.ctor", EntryCallRole::kWcfHost},
      {"Microsoft.AspNetCore.WebHost::", EntryCallRole::kWebHost},
      {"Microsoft.AspNetCore.Builder.WebApplication::Create", EntryCallRole::kWebHost},
      {"Microsoft.Extensions.Hosting.GenericHostBuilderExtensions::ConfigureWebHostDefaults",
       EntryCallRole::kWebHost},
      {"Microsoft.AspNetCore.Hosting.WebHostBuilderKestrelExtensions::UseKestrel",
       EntryCallRole::kWebHost},
      {"Microsoft.Owin.Hosting.WebApp::Start", EntryCallRole::kWebHost},
      {"System.Web.Http.SelfHost.HttpSelfHostServer::.ctor", EntryCallRole::kWebHost},
  };
  for (const Known& k : kKnown) {
    if (istarts_with(call, k.call)) return k.role;
  }
  return EntryCallRole::kNone;
}

}  // namespace liftshift
