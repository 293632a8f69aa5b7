#include "cli/fail_on.hpp"

namespace liftshift {

bool fails_on(const Assessment& assessment, const std::string& level) {
  for (const auto& a : assessment.apps) {
    if (level == "blocker" && a.verdict == Verdict::kNotACandidate) return true;
    if (level == "change" && a.verdict != Verdict::kReady) return true;
  }
  return false;
}

}  // namespace liftshift
