// The terminal report: one line per application, and with verbose every
// finding with its evidence and remediation. Colour is the caller's choice.
#pragma once

#include <string>

#include "core/model.hpp"

namespace liftshift {

struct TextOptions {
  bool verbose = false;
  bool colour = false;
};

std::string assessment_to_text(const Assessment& assessment, const TextOptions& options);

}  // namespace liftshift
