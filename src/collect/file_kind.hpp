// Classifies a file or folder of an application by its name alone, so the
// collector reads only the files a parser or rule needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/categories.hpp"

namespace liftshift {

enum class FileKind {
  kIgnore,
  kBinary,   // .exe / .dll: parsed as PE
  kConfig,   // web.config, app.config, *.exe.config, *.dll.config, log4net/NLog, appsettings*.json
  kProject,  // .csproj / .vbproj / .vcxproj
  kBuildProps,      // Directory.Build.props / Directory.Build.targets (imported by projects)
  kRuntimeConfig,   // App.runtimeconfig.json of a published .NET app
  kPackagesConfig,  // packages.config
  kSolution,        // .sln
  kSource,          // .cs / .vb (also App_Code in web sites)
  kNativeSource,    // .c / .cpp / .cc / .cxx: read for a native program's entry point
  kAspPage,         // classic ASP: .asp pages, global.asa, .inc include files; and
                    // the scripts and pages of is_com_script, scanned alike for the COM
                    // objects they create
  kMarker,          // matters by name alone (see marker_for)
  kScript,          // .cmd / .bat / .ps1: read for the scheduled tasks they register
  kTaskXml,         // .xml: read when it is an exported Task Scheduler task
};

FileKind classify_file(std::string_view path);

// Scripts and pages read for the COM objects they create (ProgIDs of
// CreateObject and new ActiveXObject, <object classid>), not as classic ASP:
// .vbs/.wsf/.hta (Windows Script Host, HTML applications), .js, .htm/.html
// and ASP.NET's .aspx pages.
bool is_com_script(std::string_view path);

// For kMarker files and for folders: the marker category and detail, or
// no category when the name means nothing to the rules.
struct MarkerInfo {
  std::optional<MarkerCategory> category;
  std::string detail;
};
MarkerInfo marker_for_file(std::string_view path);
MarkerInfo marker_for_folder(std::string_view path);

// Code by its name: assemblies, pages, views, handlers, scripts and sources.
// A folder that ships these is part of the program (an editor's "media"
// plugin, a module's Views/Media), never a place for users' data.
bool is_code_file(std::string_view path);

// Folders never worth walking into for an application assessment
// (VCS metadata, build intermediates, package caches).
bool skip_folder(std::string_view path, bool source_tree);

std::string_view file_name(std::string_view path);
std::string_view parent_dir(std::string_view path);  // "" for top-level entries

}  // namespace liftshift
