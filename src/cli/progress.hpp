// Progress of a long `assess` on stderr: sources done / total, the current
// source, the rate and the time left. The caller decides whether to show it
// (only when stderr is a terminal); the clock is injected so tests can drive it.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace liftshift {

class ProgressReporter {
 public:
  using Clock = std::function<double()>;  // seconds, monotonic

  ProgressReporter(std::ostream& out, std::size_t total, bool enabled, Clock clock);
  // The real monotonic clock.
  static Clock steady_clock();

  // A source starts: redraws the line with what is done so far.
  void start(const std::string& source);
  // The current source is finished.
  void done();
  // Clears the line and prints the total time (nothing when disabled).
  void finish();

  // "3/10 sources, 0.50/s, ETA 14s: /srv/apps/Orders" without terminal codes.
  [[nodiscard]] std::string line(const std::string& source) const;

 private:
  std::ostream& out_;
  std::size_t total_;
  bool enabled_;
  Clock clock_;
  double started_;
  std::size_t done_ = 0;
};

// "45s", "6m 05s", "2h 03m".
std::string format_duration(double seconds);

}  // namespace liftshift
