// Task Scheduler task definitions (Windows\System32\Tasks\..., XML in UTF-16
// with a BOM): what runs, as whom, and when.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/result.hpp"

namespace liftshift {

struct TaskFacts {
  TaskInfo info;
  std::string author;
  bool enabled = true;
  bool hidden = false;
};

// `task_path` is the task's path under the Tasks folder ("\\Contoso\\Export"),
// used when the XML has no URI.
Result<TaskFacts> parse_task_xml(std::string_view xml_text, const std::string& task_path);

}  // namespace liftshift
