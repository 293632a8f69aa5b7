#include "cli/source_list.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/numbers.hpp"
#include "core/source_list.hpp"

namespace liftshift {

Result<std::vector<std::string>> read_source_list(const std::string& file) {
  std::ostringstream text;
  if (file == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error("cannot read the source list " + file);
    text << in.rdbuf();
    if (in.bad()) return make_error("cannot read the source list " + file);
  }
  auto list = parse_source_list(text.str());
  if (!list) return make_error("the source list " + file + ": " + list.error().message);
  return std::move(list->sources);
}

Result<Shard> parse_shard(const std::string& text) {
  std::size_t slash = text.find('/');
  auto index = parse_number<std::size_t>(std::string_view(text).substr(0, slash));
  auto count = slash == std::string::npos
                   ? std::nullopt
                   : parse_number<std::size_t>(std::string_view(text).substr(slash + 1));
  if (!index || !count) return make_error("--shard takes I/N, e.g. 0/8 (I is 0-based)");
  Shard shard{*index, *count};
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
