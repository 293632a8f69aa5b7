#include "rules/effort.hpp"

namespace liftshift {

int severity_points(Severity severity) {
  switch (severity) {
    case Severity::kBlocker:
      return 8;
    case Severity::kChange:
      return 2;
    case Severity::kInfo:
      return 0;
  }
  return 0;
}

}  // namespace liftshift
