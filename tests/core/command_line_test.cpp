#include "core/command_line.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/text.hpp"

namespace liftshift {
namespace {

using Args = std::vector<std::string>;

TEST(CommandLine, QuotedProgramEndsAtItsQuote) {
  auto c = split_command_line(R"("C:\Program Files\Contoso\svc.exe" -k "a b")");
  EXPECT_EQ(c.program, "C:\\Program Files\\Contoso\\svc.exe");
  EXPECT_EQ(c.arguments, "-k \"a b\"");
}

TEST(CommandLine, UnquotedProgramKeepsItsSpacesUpToDotExe) {
  // It became C:\app\Program before.
  auto c = split_command_line(R"(C:\Program Files\Contoso\Export Tool.exe /full /to D:\x)");
  EXPECT_EQ(c.program, "C:\\Program Files\\Contoso\\Export Tool.exe");
  EXPECT_EQ(c.arguments, "/full /to D:\\x");
  // ".exe" inside a folder name is not the end of the program.
  EXPECT_EQ(split_command_line(R"(C:\Tools\my.exed\run.exe now)").program,
            "C:\\Tools\\my.exed\\run.exe");
}

TEST(CommandLine, WithTheVolumeTheFirstExistingCandidateWinsAsInWindows) {
  std::set<std::string> files{"C:\\Program Files\\Contoso\\run.exe"};
  auto exists = [&](const std::string& p) { return files.count(p) > 0; };
  auto c = split_command_line(R"(C:\Program Files\Contoso\run -x)", exists);
  EXPECT_EQ(c.program, "C:\\Program Files\\Contoso\\run.exe");  // ".exe" added, as Windows does
  EXPECT_EQ(c.arguments, "-x");
  // An unquoted service path that C:\Program.exe would hijack on Windows.
  files.insert("C:\\Program.exe");
  EXPECT_EQ(split_command_line(R"(C:\Program Files\Contoso\run.exe)", exists).program,
            "C:\\Program.exe");
}

TEST(CommandLine, ATaskCommandWithoutExeIsOnePath) {
  auto c = split_command_line(R"(C:\Program Files\Jobs\nightly run.cmd)", {}, true);
  EXPECT_EQ(c.program, "C:\\Program Files\\Jobs\\nightly run.cmd");
  EXPECT_EQ(c.arguments, "");
  EXPECT_EQ(split_command_line(R"(C:\Jobs\run.cmd x)").program, "C:\\Jobs\\run.cmd");
}

TEST(CommandLine, HostileLines) {
  EXPECT_EQ(split_command_line("").program, "");
  EXPECT_EQ(split_command_line("\"unterminated").program, "unterminated");
  EXPECT_EQ(split_command_line("   ").program, "");
}

TEST(CommandLine, ArgumentsSplitAsTheCRuntimeSplitsThem) {
  EXPECT_EQ(split_arguments(R"(/a "b c" d)"), (Args{"/a", "b c", "d"}));
  EXPECT_EQ(split_arguments(R"("C:\Path\" x)"), (Args{"C:\\Path\" x"}));  // \" is a quote
  EXPECT_EQ(split_arguments(R"("C:\Path\\" x)"), (Args{"C:\\Path\\", "x"}));
  EXPECT_EQ(split_arguments(R"(a\\b "")"), (Args{"a\\\\b", ""}));
  EXPECT_EQ(split_arguments("  "), Args{});
}

}  // namespace
}  // namespace liftshift
