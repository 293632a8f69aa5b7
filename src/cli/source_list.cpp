#include "cli/source_list.hpp"

#include <charconv>
#include <fstream>
#include <iostream>

namespace liftshift {

namespace {

std::string trim_blanks(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool parse_count(std::string_view text, std::size_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::vector<std::string> parse_source_list(std::istream& in) {
  std::vector<std::string> out;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    // A list saved by Windows Notepad starts with a UTF-8 byte order mark.
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    first = false;
    std::string entry = trim_blanks(line);
    if (entry.empty() || entry.front() == '#') continue;
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::vector<std::string>> read_source_list(const std::string& file) {
  if (file == "-") return parse_source_list(std::cin);
  std::ifstream in(file);
  if (!in) return make_error("cannot read the source list " + file);
  auto list = parse_source_list(in);
  if (in.bad()) return make_error("cannot read the source list " + file);
  return list;
}

Result<Shard> parse_shard(const std::string& text) {
  std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos ||
      !parse_count(std::string_view(text).substr(0, slash), shard.index) ||
      !parse_count(std::string_view(text).substr(slash + 1), shard.count)) {
    return make_error("--shard takes I/N, e.g. 0/8 (I is 0-based)");
  }
  if (shard.count == 0) return make_error("--shard " + text + ": N must be at least 1");
  if (shard.index >= shard.count) {
    return make_error("--shard " + text + ": I is 0-based, so it must be less than N (0.." +
                      std::to_string(shard.count - 1) + ")");
  }
  return shard;
}

std::vector<std::string> select_shard(const std::vector<std::string>& sources, Shard shard) {
  std::vector<std::string> out;
  for (std::size_t k = shard.index; k < sources.size(); k += shard.count) {
    out.push_back(sources[k]);
  }
  return out;
}

}  // namespace liftshift
