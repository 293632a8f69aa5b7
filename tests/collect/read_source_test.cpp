// read_source's size limits per kind of file: scripts and task XML files have
// caps of their own and are never "larger than the limit".
#include <gtest/gtest.h>

#include <algorithm>

#include "collect/parsed_files.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::string problems(const ParsedSource& parsed) {
  std::string out;
  for (const auto& p : parsed.problems) out += p.path + ": " + p.message + "\n";
  return out;
}

constexpr const char* kTask = R"(<Task version="1.4"
    xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><URI>\Nightly</URI></RegistrationInfo>
  <Actions Context="Author"><Exec><Command>C:\Jobs\Nightly.exe</Command></Exec></Actions>
</Task>)";

TEST(ReadSource, ScriptsAndTaskXmlOverTheTextLimitAreNoProblem) {
  test::TempDir dir;
  const std::string filler(8192, ' ');
  dir.write("deploy/install.cmd",
            "schtasks /create /tn Poll /tr C:\\Jobs\\poll.exe /sc minute /mo 10\r\nrem" + filler);
  dir.write("docs/manual.xml", "<manual>" + filler + "</manual>");
  dir.write("Big.exe.config", "<configuration>" + filler + "</configuration>");
  // The markers come after the first 4 KiB: the whole file is what is checked.
  dir.write("deploy/Nightly.xml",
            "<?xml version=\"1.0\"?>\n<!--" + std::string(5000, ' ') + "-->\n" + kTask);
  ReadLimits limits;
  limits.max_text = 6000;
  DirectoryVolume volume{dir.path()};
  ParsedSource parsed = read_source(volume, limits);
  const std::string all = problems(parsed);
  EXPECT_EQ(all.find("install.cmd"), std::string::npos) << all;
  EXPECT_EQ(all.find("manual.xml"), std::string::npos) << all;
  EXPECT_EQ(all.find("Nightly.xml"), std::string::npos) << all;
  EXPECT_NE(all.find("Big.exe.config: skipped: 0 MiB is larger than the 0 MiB limit"),
            std::string::npos)
      << all;
  std::vector<std::string> commands;
  for (const auto& t : parsed.script_tasks) commands.push_back(t.info.command);
  std::sort(commands.begin(), commands.end());
  EXPECT_EQ(commands, (std::vector<std::string>{"C:\\Jobs\\Nightly.exe", "C:\\Jobs\\poll.exe"}));
}

}  // namespace
}  // namespace liftshift
