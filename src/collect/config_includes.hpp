// Configuration kept in other files: the sections a config reads from a file
// of their own (<connectionStrings configSource="...">, <appSettings
// file="...">, <log4net configSource>, NLog's <include file>) and the
// release transform beside a config (Web.Release.config). The files are read
// like the config itself, so what they hold is judged as if it were inline,
// and the evidence names the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

// Where an include written in `config` (a path relative to the volume) points:
// relative to the config's folder, '/' separators. nullopt for what is no
// relative file path (a drive, a UNC or rooted path, a URL, a variable,
// wildcards, control characters) and for a path that climbs above the volume.
// NLog's ${basedir} at the start is the config's folder.
std::optional<std::string> include_path(std::string_view config, std::string_view file);

// Reads the files the configs of `parsed` include (at most a few levels deep
// and a few hundred files), into parsed.included_configs with included_by
// set; marks release transforms (transform_of). What cannot be followed is a
// problem of the config that names it.
void follow_config_includes(const Volume& volume, ParsedSource& parsed, std::uint64_t max_text);

// Adds to each application the files its configs include (inside its root
// only; one outside is a problem) and the release transforms of its configs.
// A connection string or setting the release transform replaces is judged by
// its release value: the base config's copy drops it.
void attach_config_includes(ParsedSource& parsed, std::vector<Application>& apps);

}  // namespace liftshift
