// Classic ASP pages (.asp), global.asa and their include files (.inc): the
// COM components they create and the ADO connection strings they open. A
// lexical scan, not a VBScript parser: linear in the input, never fails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// Hits of SourceCategory::kAspComObject (text: the ProgID of
// Server.CreateObject("...") / CreateObject("...") or of an
// <object ... progid="..."> tag) and kAspConnection (text: a string literal
// that is an OLE DB / ODBC connection string, secrets masked). VBScript
// comment lines (' and REM) are skipped. One hit per (category, line, text),
// at most 1000 per file; lines are 1-based.
// Also kComObject hits (text: "{CLSID}") for <object classid="clsid:...">,
// and JScript's new ActiveXObject("...") as a ProgID, and the files pages
// write (kFileWrite, formats/asp_file_writes).
std::vector<SourceHit> scan_asp(std::string_view text, const std::string& path);

// Windows Script Host scripts and HTML applications (.vbs, .wsf, .hta): the
// same scan, every ProgID and CLSID a kComObject hit ('//' comments skipped
// too); no connection strings.
std::vector<SourceHit> scan_com_script(std::string_view text, const std::string& path);

}  // namespace liftshift
