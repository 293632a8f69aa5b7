// Fuzzes the scheduled-task script reader (schtasks /create in cmd,
// Register-ScheduledTask in PowerShell), both syntaxes on every input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/script_tasks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cmd = liftshift::find_script_tasks(text, "install.cmd");
  auto ps = liftshift::find_script_tasks(text, "install.ps1");
  (void)cmd;
  (void)ps;
  return 0;
}
