// Writes the plan file: block-style YAML written here line by line (so the
// reasons sit as comments right above the values they explain), strings
// quoted whenever a YAML reader could take them for anything but a string.
#include <set>
#include <sstream>

#include "core/environments.hpp"
#include "plan/plan_fields.hpp"
#include "plan/plan_file.hpp"

namespace liftshift {

namespace {

using plan_fields::enum_text;
using plan_fields::fields;
using plan_fields::HasFields;

bool plain_safe(const std::string& s) {
  if (s.empty() || s.size() > 200) return false;
  char first = s.front();
  bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  if (!letter && first != '/' && first != '\\' && first != '_') return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              std::string_view(" _./\\:()@,+=-").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  if (s.back() == ' ' || s.back() == ':' || s.find(": ") != std::string::npos) return false;
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  static const std::set<std::string> words = {"y",    "n",     "yes",  "no",  "on", "off",
                                              "true", "false", "null", "nan", "inf"};
  return !words.contains(lower);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string scalar(const std::string& s) { return plain_safe(s) ? s : quoted(s); }

// Words of `text` in lines of at most `width` characters.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// One comment line's text: no line breaks, no control characters.
std::string comment_text(const std::string& s) {
  std::string out;
  for (char c : s) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  return out;
}

class Writer {
 public:
  std::ostringstream out;
  int line = 0;  // lines written so far
  std::vector<std::pair<int, std::string>> placeholder_lines;

  void topics(std::initializer_list<const char*> topics) {
    pending_.assign(topics.begin(), topics.end());
  }

  template <class T>
  void operator()(const char* key, const T& value) {
    comments();
    std::string path = path_ + (path_.empty() ? "" : ".") + key;
    if constexpr (std::is_same_v<T, std::string>) {
      put(key, scalar(value), placeholder_note(path, key, value));
    } else if constexpr (std::is_same_v<T, bool>) {
      put(key, value ? "true" : "false");
    } else if constexpr (std::is_same_v<T, int>) {
      put(key, std::to_string(value));
    } else if constexpr (std::is_enum_v<T>) {
      put(key, scalar(enum_text(value)));
    } else if constexpr (requires { value.has_value(); }) {
      if (!value) {
        put(key, "null");
      } else if constexpr (std::is_enum_v<typename T::value_type>) {
        put(key, scalar(enum_text(*value)));
      } else {
        put(key, scalar(*value));
      }
    } else if constexpr (requires { value.begin(); }) {
      if (value.empty()) {
        put(key, "[]");
        return;
      }
      put(key, "");
      std::size_t i = 0;
      for (const auto& item : value) {
        std::string item_path = path + "[" + std::to_string(i++) + "]";
        using Item = std::decay_t<decltype(item)>;
        if constexpr (HasFields<Item>) {
          nested(item_path, indent_ + 2, true, item);
        } else if constexpr (std::is_enum_v<Item>) {
          line_out(std::string(indent_ + 2, ' ') + "- " + scalar(enum_text(item)));
        } else {
          line_out(std::string(indent_ + 2, ' ') + "- " + scalar(item));
        }
      }
    } else {
      static_assert(HasFields<T>);
      put(key, "");
      nested(path, indent_ + 2, false, value);
    }
  }

  template <class T>
  void nested(const std::string& path, std::size_t indent, bool item, const T& value) {
    auto saved = std::tuple(path_, indent_, dash_, app_);
    path_ = path;
    indent_ = indent;
    dash_ = item;
    // An AppPlan never holds another: its placeholders are computed once, for
    // all its fields.
    if constexpr (std::is_same_v<T, AppPlan>) {
      app_ = &value;
      placeholders_ = plan_placeholders(value);
    }
    fields(*this, value);
    std::tie(path_, indent_, dash_, app_) = saved;
    if constexpr (std::is_same_v<T, AppPlan>) placeholders_.clear();
  }

  void line_out(const std::string& text) {
    out << text << "\n";
    ++line;
  }

 private:
  std::string path_;
  std::size_t indent_ = 0;
  bool dash_ = false;  // the next key opens a sequence item ("- key: ...")
  const AppPlan* app_ = nullptr;
  std::vector<Placeholder> placeholders_;  // plan_placeholders(*app_)
  std::vector<std::string> pending_;

  void put(const char* key, const std::string& value, const std::string& note = "") {
    std::string lead(indent_, ' ');
    if (dash_) {
      lead = std::string(indent_, ' ') + "- ";
      dash_ = false;
      indent_ += 2;
    }
    line_out(lead + key + ":" + (value.empty() ? "" : " " + value) +
             (note.empty() ? "" : "  # " + note));
  }

  // The reasons of the pending topics' decisions, above the next key.
  void comments() {
    if (pending_.empty() || app_ == nullptr) return;
    std::string lead(indent_ + (dash_ ? 2 : 0), ' ');
    for (const auto& topic : pending_) {
      for (const auto& d : app_->decisions) {
        if (d.topic != topic) continue;
        line_out(lead + "# " + comment_text(d.topic + ": " + d.choice));
        for (const auto& l : wrap(comment_text(d.reason), 96 - lead.size()))
          line_out(lead + "#   " + l);
      }
    }
    pending_.clear();
  }

  std::string placeholder_note(const std::string& path, const char* key, const std::string& value) {
    if (app_ == nullptr) return "";
    for (const auto& p : placeholders_) {
      // "ingress_host", or a nested key's path ("environments.dev.ingress_host").
      bool named = p.key == key || p.key.ends_with("." + std::string(key));
      if (named && path.ends_with("]." + p.key)) {
        placeholder_lines.emplace_back(line + 1, path + " (" + p.app_id + "): " + p.what);
        return "PLACEHOLDER: " + p.what + (value.empty() ? "" : " (" + value + " is made up)");
      }
    }
    return "";
  }
};

}  // namespace

std::vector<Placeholder> plan_placeholders(const AppPlan& app) {
  std::vector<Placeholder> out;
  if (app.blocked || !app.refusals.empty()) return out;
  if (app.registry.empty())
    out.push_back(
        {app.app_id, "registry",
         "the image repository, HOST/REPO (the artifacts say registry.example.com/apps)"});
  if (app.gmsa && app.domain.empty())
    out.push_back({app.app_id, "domain",
                   "the gMSA's Active Directory domain, its DNS name (corp.contoso.com)"});
  if (app.web && app.orchestrator == Orchestrator::kKubernetes && app.ingress_host.empty())
    out.push_back({app.app_id, "ingress_host",
                   "the Ingress host name (the artifacts say " + app.k8s_name + ".example.com)"});
  if (has_ingress(app)) {
    for (const auto& [name, env, key] : environments_of(app)) {
      if (!env->ingress_host.empty() && is_placeholder_host(env->ingress_host))
        out.push_back({app.app_id, key + ".ingress_host", "the Ingress host name in " + name});
    }
  }
  if (app.gmsa) {
    std::string made_up = "'" + app.gmsa_account + "' is a placeholder";
    for (const auto& w : app.warnings) {
      if (w.find(made_up) != std::string::npos) {
        out.push_back({app.app_id, "gmsa_account", "the gMSA's name in Active Directory"});
        break;
      }
    }
  }
  return out;
}

std::string write_plan_file(const PlanDocument& document) {
  Writer body;
  body.line_out("liftshift_plan: " + std::to_string(kPlanFileVersion));
  body.line_out("partition: " + std::to_string(document.partition));
  fields(body, document.plan);

  std::vector<std::string> header = {
      "liftshift plan: every decision `liftshift containerize` takes for each application, and "
      "why (the comments).",
      "Edit the values, then write the artifacts from this file alone:",
      "  liftshift containerize --plan plan.yaml -o OUT",
      "The schema: liftshift plan --schema. Keys not in it are refused, with their line.",
  };
  if (body.placeholder_lines.empty()) {
    header.push_back("No placeholders to fill.");
  } else {
    header.push_back("Placeholders to fill before deploying (marked PLACEHOLDER below):");
  }
  int offset = static_cast<int>(header.size() + body.placeholder_lines.size());
  for (const auto& [line, what] : body.placeholder_lines)
    header.push_back("  line " + std::to_string(line + offset) + ": " + comment_text(what));
  std::string out;
  for (const auto& h : header) out += "# " + h + "\n";
  return out + body.out.str();
}

}  // namespace liftshift
