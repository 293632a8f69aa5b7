// Executes the ConfigRewrite of an appsettings*.json (ConfigRewrite::json):
// each change blanks the string at its JSON path (section:key, matched
// without regard to case, as .NET's configuration does), and the blanked
// values come back with the variables that supply them, for the secret store
// only. The rest of the file keeps its order; comments are dropped (the JSON
// is written again).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/plan.hpp"
#include "core/result.hpp"

namespace liftshift {

struct RewrittenJson {
  std::string bytes;  // the JSON to copy (UTF-8, no secret value)
  std::vector<std::pair<std::string, std::string>> values;  // variable, secret value
  std::vector<std::string> warnings;                        // a change that was not found
};

// shown: the file's path for messages. An error when the file is not JSON.
Result<RewrittenJson> rewrite_json_config(std::string_view bytes, const ConfigRewrite& rewrite,
                                          const std::string& shown);

// One NAME=VALUE line per variable for compose's env_file and kubectl's
// --from-env-file; a value either would read differently ($ interpolation,
// quotes, '#' comments, surrounding blanks, line breaks) is left out and its
// variable named in `left_out`.
std::string env_file_text(const std::vector<std::pair<std::string, std::string>>& values,
                          std::vector<std::string>& left_out);

}  // namespace liftshift
