// The real public projects of ../shared/realworld (unpacked at build time into
// build/realworld), assessed the way a user would: `liftshift assess PROJECT
// --format json --no-store`. Tests assert what an experienced engineer
// concludes from each project (../shared/realworld/README.md).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace liftshift::test {

// The unpacked corpus; the test fails when it is absent.
std::filesystem::path realworld_dir();

// The assessment JSON of one project folder (a directory of the corpus, or a
// sub-folder of one: "quartznet-2.x/tools/NAnt/bin"). Cached per process.
const nlohmann::json& realworld_assessment(const std::string& project);

// The application called `name` in an assessment; fails the test when it is
// not there exactly once.
const nlohmann::json& app_named(const nlohmann::json& assessment, const std::string& name);

// Application names, and the rule ids of an app's findings (any severity, or
// those of at least `min_severity`: "info", "change", "blocker").
std::vector<std::string> app_names(const nlohmann::json& assessment);
std::vector<std::string> rules_of(const nlohmann::json& app,
                                  const std::string& min_severity = "info");
bool has_rule(const nlohmann::json& app, const std::string& rule);

// The finding of `rule` on `app` (null when absent), and its evidence lines.
const nlohmann::json* finding_of(const nlohmann::json& app, const std::string& rule);
std::vector<std::string> evidence_of(const nlohmann::json& app, const std::string& rule);

}  // namespace liftshift::test
