#include "collect/binary_parse_cache.hpp"

#include <string_view>
#include <vector>

#include "core/run_stats.hpp"
#include "core/sha256.hpp"
#include "formats/pe.hpp"

namespace liftshift {

namespace {

std::uint64_t bytes_of(const std::string& s) { return sizeof s + (s.size() > 15 ? s.size() : 0); }

std::uint64_t bytes_of(const std::vector<std::string>& v) {
  std::uint64_t n = sizeof v;
  for (const auto& s : v) n += bytes_of(s);
  return n;
}

std::uint64_t bytes_of(const std::vector<PeImport>& v) {
  std::uint64_t n = sizeof v;
  for (const auto& i : v) n += bytes_of(i.dll) + bytes_of(i.functions);
  return n;
}

}  // namespace

std::uint64_t approximate_bytes(const BinaryFacts& f) {
  std::uint64_t n =
      sizeof f + bytes_of(f.imports) + bytes_of(f.pinvoke_imports) + bytes_of(f.delay_imports) +
      bytes_of(f.type_refs) + bytes_of(f.type_ref_assemblies) + bytes_of(f.member_refs) +
      bytes_of(f.user_strings) + bytes_of(f.entry_calls) + bytes_of(f.serviced_components) +
      bytes_of(f.com_visible_types) + bytes_of(f.warnings);
  for (const auto& r : f.assembly_refs) n += bytes_of(r.name) + bytes_of(r.version);
  return n;
}

Result<BinaryFacts> BinaryParseCache::parse(Bytes data, const std::string& path) {
  const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
  const Key key{data.size(), sha256(text)};
  std::promise<Parsed> promise;
  std::shared_future<Parsed> twin;
  bool keep = false;
  {
    std::lock_guard lock(mutex_);
    auto it = parsed_.find(key);
    if (it != parsed_.end()) {
      twin = it->second;
    } else if (kept_bytes_ < max_bytes_) {
      parsed_.emplace(key, promise.get_future().share());
      keep = true;
    }
  }
  if (twin.valid()) {
    const Parsed& first = twin.get();
    if (*first) {
      BinaryFacts facts = first->value();
      facts.path = path;
      return facts;
    }
    // A damaged file is parsed again, so that its error names this copy.
  }
  if (!keep) {
    count_pe_parse();
    return parse_pe(data, path);
  }
  try {
    count_pe_parse();
    Result<BinaryFacts> result = parse_pe(data, path);
    {
      std::lock_guard lock(mutex_);
      kept_bytes_ += result ? approximate_bytes(*result) : sizeof result;
    }
    promise.set_value(std::make_shared<const Result<BinaryFacts>>(result));
    return result;
  } catch (...) {
    // Out of memory: the copies waiting for this parse fail the same way.
    promise.set_exception(std::current_exception());
    throw;
  }
}

}  // namespace liftshift
