// Windows command lines (a service's ImagePath, a task's Command): where the
// program ends and its arguments begin, as CreateProcess decides it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace liftshift {

struct CommandLine {
  std::string program;    // without quotes: "C:\\Program Files\\Contoso\\tool.exe"
  std::string arguments;  // the rest, as written (leading blanks removed)
};

// True when a program of that Windows path exists (on the server's volume).
using ProgramExists = std::function<bool(const std::string& windows_path)>;

// A quoted program runs to its closing quote. An unquoted one is cut as
// CreateProcess cuts it: at each blank in turn, shortest first
// ("C:\\Program.exe", then "C:\\Program Files\\Contoso\\tool.exe"), the first
// candidate that `exists` (".exe" added when it has no extension) is the
// program. Without `exists`, or when no candidate exists, the program ends
// after the first ".exe" that a blank or the end follows, else at the end of
// the line when `whole_when_unsure` (a task's Command is a path of its own),
// else at the first blank.
CommandLine split_command_line(std::string_view line, const ProgramExists& exists = {},
                               bool whole_when_unsure = false);

// The arguments as the program's C runtime splits them (CommandLineToArgvW):
// blanks separate, double quotes group, a backslash escapes a quote only
// when it precedes one (2n backslashes + quote: n backslashes and a quote
// that toggles; 2n+1: n backslashes and a literal quote).
std::vector<std::string> split_arguments(std::string_view arguments);

}  // namespace liftshift
