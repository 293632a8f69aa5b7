#include "emit/yaml_out.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

#include "core/text.hpp"

namespace liftshift {

bool yaml_needs_quotes(const std::string& text) {
  if (text.empty()) return true;
  // YAML 1.1's bool, null, int (binary, octal, hex, base 60), float, merge key,
  // value key and timestamp forms; yaml-cpp quotes what is not a plain scalar.
  static const std::regex special(
      "^(y|n|yes|no|true|false|on|off|null|~|<<|=|"
      "[-+]?(0b[01_]+|0x[0-9a-f_]+|[0-9][0-9_.:eE+-]*|\\.[0-9][0-9_eE+-]*|\\.(inf|nan))|"
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t ].*)?)$",
      std::regex::icase);
  return std::regex_match(text, special);
}

namespace {

// A literal block (|, clip) reads back as exactly this text: lines end with one
// newline and no blank, tab or control character that a block would change.
bool literal_block_keeps(const std::string& s) {
  if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n' || s.front() == ' ') return false;
  if (s.find(" \n") != std::string::npos) return false;
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x20; });
}

void emit(YAML::Emitter& out, const YamlValue& v) {
  switch (v.type()) {
    case YamlValue::value_t::object:
      if (v.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (const auto& [key, value] : v.items()) {
        out << YAML::Key;
        if (yaml_needs_quotes(key)) out << YAML::DoubleQuoted;
        out << key << YAML::Value;
        emit(out, value);
      }
      out << YAML::EndMap;
      return;
    case YamlValue::value_t::array:
      if (v.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const auto& item : v) emit(out, item);
      out << YAML::EndSeq;
      return;
    case YamlValue::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      // A file's content (a moved config section) reads best as a literal block.
      if (literal_block_keeps(s)) {
        out << YAML::Literal << s;
        return;
      }
      if (yaml_needs_quotes(s)) out << YAML::DoubleQuoted;
      out << s;
      return;
    }
    case YamlValue::value_t::boolean:
      out << v.get<bool>();
      return;
    case YamlValue::value_t::number_integer:
      out << v.get<long long>();
      return;
    case YamlValue::value_t::number_unsigned:
      out << v.get<unsigned long long>();
      return;
    case YamlValue::value_t::number_float:
      out << v.get<double>();
      return;
    default:
      out << YAML::Null;
      return;
  }
}

}  // namespace

std::string yaml_document(const YamlValue& value, const std::vector<std::string>& header) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetBoolFormat(YAML::TrueFalseBool);
  emit(out, value);
  std::string text = "---\n";
  for (const auto& line : header) text += line.empty() ? "#\n" : "# " + printable(line) + "\n";
  text += out.c_str();
  if (text.back() != '\n') text += "\n";
  return text;
}

YamlValue yaml_map(std::initializer_list<std::pair<const char*, YamlValue>> items) {
  YamlValue n = YamlValue::object();
  for (const auto& [k, v] : items) n[k] = v;
  return n;
}

}  // namespace liftshift
