// Fuzzes the CLR metadata reader directly on a metadata root ("BSJB"), so
// the fuzzer does not have to get through a PE header first.
#include <cstddef>
#include <cstdint>

#include "formats/clr_metadata.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  liftshift::BinaryFacts facts;
  liftshift::parse_clr_metadata(liftshift::Bytes(data, size), facts);
  return 0;
}
