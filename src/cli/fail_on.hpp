// `assess --fail-on LEVEL`: whether an assessment fails a pipeline.
#pragma once

#include <string>

#include "core/model.hpp"

namespace liftshift {

// "blocker": an application is not-a-candidate. "change": an application is
// not ready (changes, blockers, or unknown: an app that was not assessed
// never passes). Any other level fails nothing.
bool fails_on(const Assessment& assessment, const std::string& level);

}  // namespace liftshift
