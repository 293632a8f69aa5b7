// Effort points, the unit of the portfolio ranking: a finding costs its
// severity's points (here) plus its rule's own (RuleInfo::effort, from
// rules/catalogue.json). The ranking itself is src/portfolio.
#pragma once

#include "core/model.hpp"

namespace liftshift {

// Points for a finding's severity: blocker 8, change 2, info 0.
int severity_points(Severity severity);

}  // namespace liftshift
