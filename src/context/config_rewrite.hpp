// Executes a ConfigRewrite of the Plan on the bytes of a .NET configuration
// file: each value change is made in place, each moved section is replaced by
// an empty element that reads it back (configSource="FILE"; for appSettings
// with keys, <appSettings file="FILE"> and only those keys move; a section
// already in a file of its own gets its configSource=/file= pointed at FILE),
// and the rest of the file stays as it was: declaration, comments,
// whitespace, BOM and encoding. The moved sections come back separately: they
// hold the secret values, so the caller never writes them into the build
// context. A file that is one section of its own (log4net.config,
// NLog.config) takes value changes only.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/plan.hpp"
#include "core/result.hpp"

namespace liftshift {

struct MovedConfigFile {
  std::string file;  // as the move names it, Windows separators: "config\\connectionStrings.config"
  std::string content;  // a configuration file of its own (UTF-8), holding secret values
};

struct RewrittenConfig {
  std::string bytes;                   // the configuration to copy, in its original encoding
  std::vector<MovedConfigFile> moved;  // in the order of the moves (not a from_file move)
  std::vector<std::string> warnings;   // a change or section that was not found
  // The values blanked by changes that name a variable (--config env): the
  // variable and its secret value, for the secret store only.
  std::vector<std::pair<std::string, std::string>> values;
  std::size_t changed = 0;  // changes made
};

inline constexpr std::size_t kMaxRewrittenConfig = std::size_t{16} << 20;

// The two Environment config builders --config env adds: appSettings read
// from AppSettings__KEY, connectionStrings from ConnectionStrings__NAME
// variables (Strict mode: only keys the file has; the prefix is stripped).
inline constexpr const char* kAppSettingsBuilder = "EnvironmentAppSettings";
inline constexpr const char* kConnectionStringsBuilder = "EnvironmentConnectionStrings";

// How a rewrite with ConfigRewrite::builders declares them: kDeclare writes
// the configBuilders section declaration and the <builders> entries; kInherit
// (a web.config below another rewritten web.config of the same app, which
// inherits both and may not declare them again) only marks its sections.
enum class BuilderDeclaration { kDeclare, kInherit };

// shown: the config's path for messages. An error when the file is not XML,
// too large, or a move cannot be done without leaving its secrets inline.
Result<RewrittenConfig> rewrite_config(
    std::string_view bytes, const ConfigRewrite& rewrite, const std::string& shown,
    BuilderDeclaration declaration = BuilderDeclaration::kDeclare);

}  // namespace liftshift
