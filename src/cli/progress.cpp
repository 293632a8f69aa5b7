#include "cli/progress.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "core/text.hpp"

namespace liftshift {

namespace {

// Carriage return, then erase to the end of the line: the line is redrawn in place.
constexpr const char* kRedraw = "\r\x1b[K";
constexpr std::size_t kMaxSourceChars = 60;

std::string rate_text(double per_second) {
  if (per_second >= 1.0 || per_second == 0.0) return fmt::format("{:.2f}/s", per_second);
  return fmt::format("{:.1f}/min", per_second * 60.0);
}

// The end of a long path, which says more than its beginning.
std::string shortened(const std::string& source) {
  std::string p = printable(source);
  if (p.size() <= kMaxSourceChars) return p;
  return "..." + p.substr(p.size() - (kMaxSourceChars - 3));
}

}  // namespace

std::string format_duration(double seconds) {
  auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m {:02}s", s / 60, s % 60);
  return fmt::format("{}h {:02}m", s / 3600, (s % 3600) / 60);
}

ProgressReporter::ProgressReporter(std::ostream& out, std::size_t total, bool enabled, Clock clock)
    : out_(out), total_(total), enabled_(enabled), clock_(std::move(clock)), started_(clock_()) {}

ProgressReporter::Clock ProgressReporter::steady_clock() {
  return [] {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  };
}

std::string ProgressReporter::line(const std::string& source) const {
  double elapsed = clock_() - started_;
  std::string out = std::to_string(done_) + "/" + std::to_string(total_) + " sources";
  if (done_ > 0 && elapsed > 0) {
    double rate = static_cast<double>(done_) / elapsed;
    out += ", " + rate_text(rate) + ", ETA " +
           format_duration(static_cast<double>(total_ - done_) / rate);
  }
  if (!source.empty()) out += ": " + shortened(source);
  return out;
}

void ProgressReporter::start(const std::string& source) {
  if (!enabled_) return;
  out_ << kRedraw << "liftshift: " << line(source) << std::flush;
}

void ProgressReporter::done() {
  if (done_ < total_) ++done_;
}

void ProgressReporter::finish() {
  if (!enabled_) return;
  out_ << kRedraw << "liftshift: " << done_ << "/" << total_ << " sources in "
       << format_duration(clock_() - started_) << "\n"
       << std::flush;
}

}  // namespace liftshift
