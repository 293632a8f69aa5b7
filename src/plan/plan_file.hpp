// The plan file (`liftshift plan -o plan.yaml`): every decision of a Plan as
// YAML, with the reasons as comments and the placeholders a user must fill
// listed at the top; read back (validated, with errors naming the line) by
// `liftshift containerize --plan`, which writes the artifacts from it alone.
// Writer, reader and JSON Schema walk the same field lists (plan_fields.hpp),
// so writing then reading gives back the same Plan.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

// The plan file's format version (the `liftshift_plan` key).
inline constexpr int kPlanFileVersion = 1;

// A Plan and what the run that made it was given besides the options.
struct PlanDocument {
  Plan plan;
  int partition = 0;  // disk images: the partition read (0 = the one holding Windows)
};

// One value a user must fill before deploying (a placeholder in the artifacts).
struct Placeholder {
  std::string app_id;
  std::string key;   // "registry", "gmsa_account"
  std::string what;  // what to put there
};

// The placeholders of an application.
std::vector<Placeholder> plan_placeholders(const AppPlan& app);

std::string write_plan_file(const PlanDocument& document);

struct PlanReadResult {
  std::optional<PlanDocument> document;  // nullopt when there is any error
  std::vector<std::string> errors;       // "plan.yaml:12: unknown key 'replica' in apps[0]"
};

// Reads and checks a plan file; `name` prefixes the messages. check_edits
// false: read only, no check of the values (for tests of the reader itself).
PlanReadResult read_plan_file(std::string_view text, std::string_view name,
                              bool check_edits = true);

// The plan file's JSON Schema (draft-07), from the same field lists.
std::string plan_schema();

}  // namespace liftshift
