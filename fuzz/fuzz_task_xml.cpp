// Fuzzes the Task Scheduler XML parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/task_xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = liftshift::parse_task_xml(text, "\\\\Fuzz\\\\Task");
  (void)facts;
  return 0;
}
