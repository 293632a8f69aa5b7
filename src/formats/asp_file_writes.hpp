// Classic ASP pages that write files, which is local state in a container:
// Scripting.FileSystemObject's CreateTextFile, OpenTextFile and
// OpenAsTextStream for writing or appending (2, 8, ForWriting, ForAppending),
// CopyFile, MoveFile, CopyFolder, MoveFolder and CreateFolder, and
// ADODB.Stream's SaveToFile. A lexical scan of the server code only (<% %>
// and <script runat="server">): HTML, comments (' and REM in VBScript, // and
// /* */ in JScript) and string literals never count, and reading a file is no
// write. Linear in the input, never fails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// SourceCategory::kFileWrite hits, one per call, text: the call as written
// (printable, at most 160 characters, secrets masked) and what it does;
// lines are 1-based, at most 1000 hits.
std::vector<SourceHit> scan_asp_file_writes(std::string_view text, const std::string& path);

}  // namespace liftshift
