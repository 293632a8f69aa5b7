// Input for the layers.relative_include_rejected test: an emitter reaching
// into the planner by a relative path, which the per-layer include roots
// cannot stop on their own (the path is found next to this file).
#include "../plan/windows_facts.hpp"
#include "core/plan.hpp"
