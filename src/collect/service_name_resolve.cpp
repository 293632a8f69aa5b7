#include "collect/service_name_resolve.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "collect/parsed_files.hpp"
#include "core/text.hpp"
#include "formats/string_member.hpp"

namespace liftshift {

namespace {

constexpr int kMaxDepth = 6;           // identifiers followed from the assignment
constexpr int kMaxFollows = 64;        // definitions followed for one reference, in all
constexpr std::size_t kMaxName = 256;  // a service name's length at most
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{1} << 20;

bool is_code(std::string_view path) { return iends_with(path, ".cs") || iends_with(path, ".vb"); }

std::string_view stem(std::string_view path) {
  std::string_view name = file_name(path);
  const std::size_t dot = name.find('.');
  return dot == std::string_view::npos ? name : name.substr(0, dot);
}

std::string last_segment(std::string_view chain) {
  const std::size_t dot = chain.rfind('.');
  return std::string(dot == std::string_view::npos ? chain : chain.substr(dot + 1));
}

class Resolver {
 public:
  Resolver(const Volume& volume, const Application& app, std::vector<std::string> code_files)
      : volume_(volume), app_(app), code_files_(std::move(code_files)) {}

  // The literal the identifier stands for, read from a file that can define
  // it; context is the file it appears in. The file named after the type and
  // the context come first; other files are read only when those lack it.
  std::optional<std::string> value_of(const std::string& chain, const std::string& context,
                                      int depth) {
    if (depth > kMaxDepth) return {};
    const std::size_t dot = chain.rfind('.');
    const std::string member = last_segment(chain);
    const std::string type = dot == std::string::npos ? "" : last_segment(chain.substr(0, dot));
    std::vector<std::string> first;
    if (!type.empty()) {
      for (const auto& p : code_files_)
        if (iequals(stem(p), type)) first.push_back(p);
    }
    if (std::find(first.begin(), first.end(), context) == first.end()) first.push_back(context);
    for (const std::string& path : first) {
      const LexedSource* file = lexed(path);
      if (!file) continue;
      if (auto found = find_string_member(*file, member))
        return follow(*found, member, path, depth);
    }
    if (type.empty()) return {};
    for (const std::string& path : code_files_) {
      if (std::find(first.begin(), first.end(), path) != first.end()) continue;
      const LexedSource* file = lexed(path);
      if (!file || !declares_type(*file, type)) continue;
      if (auto found = find_string_member(*file, member))
        return follow(*found, member, path, depth);
    }
    return {};
  }

  // The trail and setting of the last reference followed; the next starts anew
  // (the files lexed stay).
  std::vector<std::string> take_trail() {
    follows_ = 0;
    setting_used_ = std::move(setting_);
    setting_.clear();
    return std::move(trail_);
  }
  std::string setting() const { return setting_used_; }

 private:
  std::optional<std::string> operand(const StringOperand& o, const std::string& context,
                                     int depth) {
    if (o.literal) return o.text;
    return value_of(o.text, context, depth + 1);
  }

  // The app's own appSettings value for key.
  std::optional<std::string> configured(const std::string& key) {
    for (const auto& config : app_.configs) {
      for (const auto& kv : config.app_settings) {
        if (!iequals(kv.key, key) || kv.secret_value) continue;
        trail_.push_back(config.path + " appSettings " + kv.key);
        return kv.value;
      }
    }
    return {};
  }

  std::optional<std::string> evaluate(const StringTerm& term, const std::string& context,
                                      int depth) {
    switch (term.kind) {
      case StringTerm::Kind::kValue:
        return operand(term.value, context, depth);
      case StringTerm::Kind::kSetting:
        return configured(term.key.text);
      case StringTerm::Kind::kDefaulted: {
        const auto key = operand(term.key, context, depth);
        if (key) {
          if (auto set = configured(*key)) return set;
        }
        auto fallback = operand(term.value, context, depth);
        if (fallback && key && setting_.empty()) setting_ = *key;
        return fallback;
      }
    }
    return {};
  }

  // The member's value: its terms, each evaluated, concatenated.
  // Bounded by kMaxFollows in all: hostile definitions that branch at every
  // level (A = B + B + ..., each B = C + C + ...) stop early.
  std::optional<std::string> follow(const StringMember& found, const std::string& member,
                                    const std::string& path, int depth) {
    if (++follows_ > kMaxFollows) return {};
    trail_.push_back(path + ":" + std::to_string(found.line) + " " + member);
    std::string value;
    for (const StringTerm& term : found.terms) {
      auto part = evaluate(term, path, depth);
      if (!part) return {};
      value += *part;
      if (value.size() > kMaxName) return {};
    }
    return value;
  }

  // The file lexed once; nullptr past the budget or when unreadable.
  const LexedSource* lexed(const std::string& path) {
    if (auto it = files_.find(path); it != files_.end()) return it->second ? &*it->second : nullptr;
    std::optional<LexedSource>& slot = files_[path];
    if (files_.size() > kMaxResolveFiles || bytes_ >= kMaxResolveBytes) return nullptr;
    auto bytes = volume_.read(path, 0, static_cast<std::size_t>(kMaxFileBytes));
    if (!bytes) return nullptr;
    bytes_ += bytes->size();
    slot = lex_source_file(decode_text(*bytes), iends_with(path, ".vb"));
    return &*slot;
  }

  const Volume& volume_;
  const Application& app_;
  std::vector<std::string> code_files_;
  std::map<std::string, std::optional<LexedSource>> files_;
  std::uint64_t bytes_ = 0;
  std::vector<std::string> trail_;
  std::string setting_;
  std::string setting_used_;
  int follows_ = 0;
};

void resolve_one(const Volume& volume, const std::vector<std::string>& code_files,
                 Application& app) {
  Resolver resolver(volume, app, code_files);
  for (const auto& hit : app.source_hits) {
    if (hit.category != SourceCategory::kServiceNameRef || !is_under(hit.file, app.root)) continue;
    const auto name = resolver.value_of(hit.text, hit.file, 0);
    std::vector<std::string> trail = resolver.take_trail();
    trail.insert(trail.begin(), hit.file + ":" + std::to_string(hit.line) + " " + hit.text);
    // A service name is at most 256 characters, without slashes.
    if (name && !name->empty() && name->size() <= kMaxName && printable(*name) == *name &&
        name->find_first_of("/\\") == std::string::npos) {
      app.service_name = *name;
      app.service_name_trail = std::move(trail);
      app.service_name_setting = resolver.setting();
      return;
    }
    if (app.service_name_trail.empty()) app.service_name_trail = std::move(trail);
  }
}

}  // namespace

void resolve_service_names(const Volume& volume, const std::vector<FileEntry>& files,
                           std::vector<Application>& apps) {
  for (auto& app : apps) {
    if (app.kind != AppKind::kService || app.projects.empty() || !app.service_name.empty())
      continue;
    std::vector<std::string> code_files;
    for (const auto& f : files)
      if (!f.is_dir && is_code(f.path) && is_under(f.path, app.root)) code_files.push_back(f.path);
    resolve_one(volume, code_files, app);
  }
}

}  // namespace liftshift
