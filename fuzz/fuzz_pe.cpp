// Fuzzes the PE/COFF parser; for .NET files it goes on into the CLR metadata.
#include <cstddef>
#include <cstdint>

#include "formats/pe.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  liftshift::Bytes bytes(data, size);
  if (!liftshift::looks_like_pe(bytes)) return 0;
  auto facts = liftshift::parse_pe(bytes, "fuzz.exe");
  (void)facts;
  return 0;
}
