// Reads the plan file back into a Plan (yaml-cpp), walking the same field
// lists as the writer: a key the lists don't have, a value of the wrong type
// or an unknown enum text is an error naming its line. The edits are then
// checked (plan_file_check.cpp).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <set>

#include "plan/plan_fields.hpp"
#include "plan/plan_file.hpp"
#include "plan/plan_file_check.hpp"

namespace liftshift {

namespace {

using plan_fields::enum_from;
using plan_fields::enum_text;
using plan_fields::EnumValues;
using plan_fields::fields;
using plan_fields::HasFields;

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

template <class E>
std::string choices() {
  std::string out;
  for (E e : EnumValues<E>::values) out += (out.empty() ? "" : ", ") + enum_text(e);
  return out;
}

class Reader {
 public:
  Reader(std::string name, PlanLines& lines, std::vector<std::string>& errors)
      : name_(std::move(name)), lines_(lines), errors_(errors) {}

  void topics(std::initializer_list<const char*>) {}

  void error(int line, const std::string& message) {
    errors_.push_back(name_ + ":" + std::to_string(line) + ": " + message);
  }

  // Reads the members of `value` from the map `node`.
  template <class T>
  void map(const YAML::Node& node, const std::string& path, T& value) {
    if (!node.IsMap()) {
      error(line_of(node), (path.empty() ? std::string("the plan") : path) + " must be a map");
      return;
    }
    // A pointer: assigning a YAML::Node writes into the node it refers to.
    auto saved = std::tuple(node_, path_, seen_);
    node_ = &node;
    path_ = path;
    seen_.clear();
    fields(*this, value);
    for (const auto& kv : node) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
      if (!seen_.contains(key) && !(path.empty() && top_level_.contains(key)))
        error(line_of(kv.first),
              "unknown key '" + key + "'" + (path.empty() ? std::string("") : " in " + path));
    }
    std::tie(node_, path_, seen_) = saved;
  }

  template <class T>
  void operator()(const char* key, T& member) {
    seen_.insert(key);
    const YAML::Node n = (*node_)[key];
    std::string path = path_ + (path_.empty() ? "" : ".") + key;
    if (!n.IsDefined()) return;  // left out: the default
    lines_[path] = line_of(n);
    read(n, path, member);
  }

  std::set<std::string> top_level_ = {"liftshift_plan", "partition"};

 private:
  std::string name_;
  PlanLines& lines_;
  std::vector<std::string>& errors_;
  const YAML::Node* node_ = nullptr;
  std::string path_;
  std::set<std::string> seen_;

  bool scalar(const YAML::Node& n, const std::string& path, std::string& text) {
    if (n.IsNull()) {
      text.clear();
      return true;
    }
    if (!n.IsScalar()) {
      error(line_of(n), path + " must be a single value");
      return false;
    }
    text = n.Scalar();
    return true;
  }

  template <class T>
  void read(const YAML::Node& n, const std::string& path, T& member) {
    if constexpr (std::is_same_v<T, std::string>) {
      scalar(n, path, member);
    } else if constexpr (std::is_same_v<T, bool>) {
      std::string t;
      if (!scalar(n, path, t)) return;
      if (t == "true" || t == "false") {
        member = t == "true";
      } else {
        error(line_of(n), path + " must be true or false, not '" + t + "'");
      }
    } else if constexpr (std::is_same_v<T, int>) {
      std::string t;
      if (!scalar(n, path, t)) return;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), member);
      if (ec != std::errc() || end != t.data() + t.size())
        error(line_of(n), path + " must be a whole number, not '" + t + "'");
    } else if constexpr (std::is_enum_v<T>) {
      std::string t;
      if (!scalar(n, path, t)) return;
      if (auto e = enum_from<T>(t)) {
        member = *e;
      } else {
        error(line_of(n), path + ": '" + t + "' is not one of " + choices<T>());
      }
    } else if constexpr (requires { member.has_value(); }) {
      if (n.IsNull()) {
        member.reset();
        return;
      }
      typename T::value_type v{};
      read(n, path, v);
      member = std::move(v);
    } else if constexpr (requires { member.push_back(*member.begin()); }) {
      member.clear();
      if (n.IsNull()) return;
      if (!n.IsSequence()) {
        error(line_of(n), path + " must be a list");
        return;
      }
      std::size_t i = 0;
      for (const auto& item : n) {
        std::string item_path = path + "[" + std::to_string(i++) + "]";
        lines_[item_path] = line_of(item);
        typename T::value_type v{};
        read(item, item_path, v);
        member.push_back(std::move(v));
      }
    } else {
      static_assert(HasFields<T>);
      map(n, path, member);
    }
  }
};

}  // namespace

namespace {

// The values in their first order, each once.
template <class T>
void drop_repeated(std::vector<T>& values) {
  std::vector<T> kept;
  for (const T& v : values) {
    if (std::find(kept.begin(), kept.end(), v) == kept.end()) kept.push_back(v);
  }
  values = std::move(kept);
}

}  // namespace

PlanReadResult read_plan_file(std::string_view text, std::string_view name, bool check_edits) {
  PlanReadResult result;
  std::string file(name);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    result.errors.push_back(file + ":" + std::to_string(e.mark.line + 1) + ": not YAML: " + e.msg);
    return result;
  }
  const YAML::Node& top = root;  // const: reading never adds a key
  PlanLines lines;
  Reader reader(file, lines, result.errors);
  if (!top.IsMap()) {
    result.errors.push_back(file + ":1: not a liftshift plan (a YAML map with liftshift_plan: " +
                            std::to_string(kPlanFileVersion) + ")");
    return result;
  }
  PlanDocument document;
  const YAML::Node version = top["liftshift_plan"];
  if (!version.IsDefined() || !version.IsScalar() ||
      version.Scalar() != std::to_string(kPlanFileVersion)) {
    result.errors.push_back(
        file + ":" + std::to_string(version.IsDefined() ? line_of(version) : 1) +
        ": not a liftshift plan of format " + std::to_string(kPlanFileVersion) +
        " (liftshift_plan: " + std::to_string(kPlanFileVersion) + " is missing)");
    return result;
  }
  reader.map(top, "", document.plan);
  // An edited plan may list a pipeline twice: each is written (and described
  // in MIGRATION.md and BACKUP.md) once.
  drop_repeated(document.plan.options.pipelines);
  for (auto& app : document.plan.apps) drop_repeated(app.pipelines);
  const YAML::Node partition = top["partition"];
  if (partition.IsDefined()) {
    std::string t = partition.IsScalar() ? partition.Scalar() : "";
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), document.partition);
    if (ec != std::errc() || end != t.data() + t.size() || document.partition < 0)
      reader.error(line_of(partition),
                   "partition must be a whole number (0 = the one holding "
                   "Windows)");
  }
  if (check_edits && result.errors.empty())
    apply_plan_edits(document.plan, lines, file, result.errors);
  // In the order of the file, as an editor shows them.
  auto line_in = [&](const std::string& e) {
    return std::atoi(e.c_str() + std::min(e.size(), file.size() + 1));
  };
  std::stable_sort(
      result.errors.begin(), result.errors.end(),
      [&](const std::string& a, const std::string& b) { return line_in(a) < line_in(b); });
  if (result.errors.empty()) result.document = std::move(document);
  return result;
}

}  // namespace liftshift
