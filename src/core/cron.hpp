// Cron schedules as a Kubernetes CronJob reads them (the standard five
// fields of robfig/cron: minute, hour, day of month, month, day of week),
// written and checked here so that no schedule the tool emits is one the
// cluster refuses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liftshift {

// Why `cron` is not a valid five-field schedule, or "" when it is. Accepts
// what the tool writes: numbers, "*", ranges "a-b", steps "*/n" and "a-b/n",
// and comma lists, every value in its field's range (0-59, 0-23, 1-31, 1-12,
// 0-6). Names (MON), "L", "W", "#" and macros (@daily) are refused: Kubernetes
// does not read the last three, and the tool never writes them.
std::string cron_problem(std::string_view cron);

// A field for the sorted, distinct `values` in [lo, hi]: "*" when all, "*/s"
// or "a-b/s" when they step evenly (three or more), otherwise a comma list
// whose runs of three or more are ranges ("1-5,9").
std::string cron_field(const std::vector<int>& values, int lo, int hi);

}  // namespace liftshift
