#include "context/config_rewrite.hpp"

#include <pugixml.hpp>
#include <sstream>

#include "core/text.hpp"

namespace liftshift {

namespace {

enum class Form { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

Form detect(std::string_view b) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return Form::kUtf8Bom;
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return Form::kUtf16Le;
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return Form::kUtf16Be;
  return Form::kUtf8;
}

// The text the DOM is built from: UTF-16 is converted to UTF-8; anything else
// is taken byte for byte (pugixml passes bytes it does not interpret through
// unchanged, so a file in windows-1252 keeps its bytes).
std::string to_work_text(std::string_view b, Form form) {
  if (form == Form::kUtf8Bom) return std::string(b.substr(3));
  if (form == Form::kUtf8) return std::string(b);
  std::string le(b.substr(2));
  if (form == Form::kUtf16Be) {
    for (std::size_t i = 0; i + 1 < le.size(); i += 2) std::swap(le[i], le[i + 1]);
  }
  const auto* p = reinterpret_cast<const std::uint8_t*>(le.data());
  return utf16le_to_utf8(Bytes(p, le.size()));
}

void put16(std::string& out, std::uint32_t unit, bool big) {
  char lo = static_cast<char>(unit & 0xFF);
  char hi = static_cast<char>((unit >> 8) & 0xFF);
  out.push_back(big ? hi : lo);
  out.push_back(big ? lo : hi);
}

std::string utf8_to_utf16(std::string_view s, bool big) {
  std::string out;
  out.reserve(s.size() * 2 + 2);
  put16(out, 0xFEFF, big);
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0xFFFD;
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 1) {
      cp = c;
    } else if (len > 1) {
      cp = c & (0xFF >> (len + 1));
      for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    } else {
      len = 1;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put16(out, 0xD800 + (cp >> 10), big);
      put16(out, 0xDC00 + (cp & 0x3FF), big);
    } else {
      put16(out, cp, big);
    }
    i += len;
  }
  return out;
}

std::string from_work_text(const std::string& text, Form form) {
  switch (form) {
    case Form::kUtf8Bom:
      return "\xEF\xBB\xBF" + text;
    case Form::kUtf16Le:
      return utf8_to_utf16(text, false);
    case Form::kUtf16Be:
      return utf8_to_utf16(text, true);
    case Form::kUtf8:
      break;
  }
  return text;
}

// The element at a section path ("system.web/machineKey") below
// <configuration>, or from the root element of a file that is a section of
// its own (log4net.config: "log4net", NLog.config: "nlog/targets").
pugi::xml_node section_at(const pugi::xml_document& doc, const std::string& section) {
  pugi::xml_node node = doc.document_element();
  bool at_root = std::string_view(node.name()) == "configuration";
  for (const auto& part : split(section, '/')) {
    if (part.empty()) continue;
    if (!at_root) {
      if (part != node.name()) return {};
      at_root = true;
      continue;
    }
    node = node.child(part.c_str());
    if (!node) return {};
  }
  return at_root ? node : pugi::xml_node();
}

std::string_view local_of(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool named(const pugi::xml_node& n, std::string_view local) {
  return n.type() == pugi::node_element && iequals(local_of(n.name()), local);
}

pugi::xml_node child_named(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (named(c, local)) return c;
  }
  return {};
}

pugi::xml_attribute attribute_named(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    if (iequals(local_of(a.name()), local)) return a;
  }
  return {};
}

bool blank(const pugi::xml_node& n) {
  if (n.type() != pugi::node_pcdata) return false;
  for (const char* c = n.value(); *c != 0; ++c) {
    if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n') return false;
  }
  return true;
}

// The whitespace before a removed element goes with it (no blank lines left).
void remove_with_indent(pugi::xml_node n) {
  pugi::xml_node prev = n.previous_sibling();
  if (prev && blank(prev)) n.parent().remove_child(prev);
  n.parent().remove_child(n);
}

std::string line_end(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

class StringWriter : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string out;
};

std::string save(const pugi::xml_node& node) {
  StringWriter w;
  node.print(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return w.out;
}

std::string moved_file(const pugi::xml_node& element, const std::string& eol) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  doc.append_child(pugi::node_pcdata).set_value(eol.c_str());
  doc.append_copy(element);
  doc.append_child(pugi::node_pcdata).set_value(eol.c_str());
  return save(doc);
}

pugi::xml_node find_add(const pugi::xml_node& section, const std::string& key) {
  for (int pass = 0; pass < 2; ++pass) {
    for (pugi::xml_node c : section.children("add")) {
      for (const char* attr : {"key", "name"}) {
        std::string_view v = c.attribute(attr).value();
        if (pass == 0 ? v == key : iequals(v, key)) return c;
      }
    }
  }
  return {};
}

// The entry named `key` below a section: an <add> (appSettings,
// connectionStrings, listeners), a <setting> (applicationSettings), a log4net
// <appender> or an NLog <target> (also inside a wrapper target).
pugi::xml_node find_entry(const pugi::xml_node& section, const std::string& key) {
  if (pugi::xml_node add = find_add(section, key)) return add;
  struct Finder : pugi::xml_tree_walker {
    const std::string& key;
    bool exact;
    pugi::xml_node found;
    Finder(const std::string& k, bool e) : key(k), exact(e) {}
    bool for_each(pugi::xml_node& n) override {
      if (!named(n, "setting") && !named(n, "appender") && !named(n, "target")) return true;
      std::string_view v = n.attribute("name").value();
      if (exact ? v == key : iequals(v, key)) {
        found = n;
        return false;
      }
      return true;
    }
  };
  for (bool exact : {true, false}) {
    Finder f(key, exact);
    pugi::xml_node s = section;
    s.traverse(f);
    if (f.found) return f.found;
  }
  return {};
}

// Where a change's value is held: an attribute, or the text of a <setting>'s
// <value>. Created when absent only for a change that names no `from`.
struct ValueSlot {
  pugi::xml_attribute attribute;
  pugi::xml_node element;  // the <value> of a <setting>
  [[nodiscard]] bool found() const { return attribute || element; }
  [[nodiscard]] std::string get() const {
    return attribute ? attribute.value() : element.child_value();
  }
  void set(const std::string& v) {
    if (attribute) {
      attribute.set_value(v.c_str());
      return;
    }
    pugi::xml_node text = element.first_child();
    if (!text) text = element.append_child(pugi::node_pcdata);
    text.set_value(v.c_str());
  }
};

ValueSlot value_slot(pugi::xml_node target, const ConfigValueChange& change) {
  const bool create = change.from.empty();
  if (named(target, "setting") && change.attribute == "value") {
    pugi::xml_node v = child_named(target, "value");
    if (!v && create) v = target.append_child("value");
    pugi::xml_node text = v.first_child();
    if (v && (!text || (text.type() == pugi::node_pcdata && !text.next_sibling()))) return {{}, v};
    return {};
  }
  if (named(target, "appender") && change.attribute == "file") {
    if (pugi::xml_node f = child_named(target, "file")) return {attribute_named(f, "value"), {}};
    for (pugi::xml_node p = target.first_child(); p; p = p.next_sibling()) {
      if (named(p, "param") && iequals(trim(attribute_named(p, "name").value()), "File"))
        return {attribute_named(p, "value"), {}};
    }
    return {};
  }
  pugi::xml_attribute a = target.attribute(change.attribute.c_str());
  if (!a) a = attribute_named(target, change.attribute);
  if (!a && create) a = target.append_attribute(change.attribute.c_str());
  return {a, {}};
}

void apply_change(pugi::xml_document& doc, const ConfigValueChange& change, RewrittenConfig& out) {
  pugi::xml_node section = section_at(doc, change.section);
  pugi::xml_node target =
      change.key.empty() || !section ? section : find_entry(section, change.key);
  const std::string where =
      change.section + (change.key.empty() ? "" : " '" + change.key + "'") + " " + change.attribute;
  ValueSlot slot = target ? value_slot(target, change) : ValueSlot{};
  if (!slot.found()) {
    out.warnings.push_back(where + ": not found, not changed");
    return;
  }
  if (!change.from.empty() && slot.get() != change.from) {
    // What it holds now is not shown: it was not read by the assessment.
    out.warnings.push_back(where + ": no longer " + change.from + ", not changed to " + change.to);
    return;
  }
  if (change.to.empty() && !change.variable.empty())
    out.values.emplace_back(change.variable, slot.get());
  slot.set(change.to);
  ++out.changed;
}

std::optional<Error> move_keys(pugi::xml_node section, const ConfigSectionMove& move,
                               const std::string& eol, const std::string& shown,
                               RewrittenConfig& out) {
  if (section.attribute("file") || section.attribute("configSource")) {
    return make_error(shown + ": " + move.section +
                      " already reads another file (file= or configSource=): its keys cannot "
                      "move to " +
                      move.file + "; the config is not copied");
  }
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  doc.append_child(pugi::node_pcdata).set_value(eol.c_str());
  pugi::xml_node moved = doc.append_child(section.name());
  std::size_t n = 0;
  for (const auto& key : move.keys) {
    pugi::xml_node add = find_add(section, key);
    if (!add) {
      out.warnings.push_back(move.section + " key '" + key + "': not found, nothing moved");
      continue;
    }
    moved.append_child(pugi::node_pcdata).set_value((eol + "  ").c_str());
    moved.append_copy(add);
    remove_with_indent(add);
    ++n;
  }
  if (n == 0) return std::nullopt;
  moved.append_child(pugi::node_pcdata).set_value(eol.c_str());
  doc.append_child(pugi::node_pcdata).set_value(eol.c_str());
  section.append_attribute("file") = move.file.c_str();
  out.moved.push_back({move.file, save(doc)});
  return std::nullopt;
}

// The whitespace before the root's first child element ("\r\n  "): new
// elements are indented like the others.
std::string child_indent(const pugi::xml_node& root, const std::string& eol) {
  pugi::xml_node first = root.first_child();
  if (first && blank(first)) return first.value();
  return eol + "  ";
}

// Inserts a new element `name` as the first child element of parent (or
// after `after`), indented like its siblings.
pugi::xml_node insert_element(pugi::xml_node parent, const char* name, const std::string& indent,
                              pugi::xml_node after) {
  pugi::xml_node el = after ? parent.insert_child_after(name, after)
                            : parent.insert_child_before(name, parent.first_child());
  if (!el) el = parent.append_child(name);
  parent.insert_child_before(pugi::node_pcdata, el).set_value(indent.c_str());
  return el;
}

pugi::xml_node add_line(pugi::xml_node parent, const char* name, const std::string& indent) {
  pugi::xml_node last = parent.last_child();
  std::string closing = last && blank(last) ? last.value() : std::string();
  if (last && blank(last)) parent.remove_child(last);
  parent.append_child(pugi::node_pcdata).set_value(indent.c_str());
  pugi::xml_node el = parent.append_child(name);
  if (closing.empty()) closing = indent.substr(0, indent.size() >= 2 ? indent.size() - 2 : 0);
  parent.append_child(pugi::node_pcdata).set_value(closing.c_str());
  return el;
}

// configBuilders="A" on a section; a builder the section already names stays first.
void mark_section(pugi::xml_node section, const char* builder) {
  pugi::xml_attribute a = section.attribute("configBuilders");
  if (!a) {
    section.append_attribute("configBuilders") = builder;
    return;
  }
  for (const auto& name : split(a.value(), ',')) {
    if (trim(name) == builder) return;
  }
  std::string v = a.value();
  a.set_value((v.empty() ? std::string(builder) : v + "," + builder).c_str());
}

// --config env: the Environment config builders, declared (configSections,
// then <configBuilders> right after it, both first as the schema wants) and
// named by appSettings and connectionStrings.
std::optional<Error> add_builders(pugi::xml_document& doc, const std::string& eol,
                                  BuilderDeclaration declaration, const std::string& shown) {
  pugi::xml_node root = doc.document_element();
  struct Use {
    const char* section;
    const char* builder;
    const char* prefix;
  };
  std::vector<Use> uses;
  for (Use u : {Use{"appSettings", kAppSettingsBuilder, kAppSettingsPrefix},
                Use{"connectionStrings", kConnectionStringsBuilder, kConnectionStringsPrefix}}) {
    if (root.child(u.section)) uses.push_back(u);
  }
  if (uses.empty()) return std::nullopt;
  if (declaration == BuilderDeclaration::kDeclare) {
    const std::string indent = child_indent(root, eol);
    const std::string inner = indent + "  ";
    pugi::xml_node sections = root.child("configSections");
    if (!sections) sections = insert_element(root, "configSections", indent, {});
    pugi::xml_node declared = sections.find_child_by_attribute("section", "name", "configBuilders");
    if (!declared) {
      pugi::xml_node s = add_line(sections, "section", inner);
      s.append_attribute("name") = "configBuilders";
      s.append_attribute("type") =
          "System.Configuration.ConfigurationBuildersSection, System.Configuration, "
          "Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
      s.append_attribute("restartOnExternalChanges") = "false";
      s.append_attribute("requirePermission") = "false";
    }
    pugi::xml_node builders_section = root.child("configBuilders");
    if (!builders_section)
      builders_section = insert_element(root, "configBuilders", indent, sections);
    pugi::xml_node builders = builders_section.child("builders");
    if (!builders) builders = add_line(builders_section, "builders", inner);
    const std::string assembly = std::string(kBuildersVersion) + ".0";
    for (const Use& u : uses) {
      if (builders.find_child_by_attribute("add", "name", u.builder)) {
        return make_error(shown + ": already declares a config builder named " + u.builder +
                          "; the config is not copied");
      }
      pugi::xml_node add = add_line(builders, "add", inner + "  ");
      add.append_attribute("name") = u.builder;
      add.append_attribute("mode") = "Strict";
      add.append_attribute("prefix") = u.prefix;
      add.append_attribute("stripPrefix") = "true";
      add.append_attribute("type") =
          ("Microsoft.Configuration.ConfigurationBuilders.EnvironmentConfigBuilder, "
           "Microsoft.Configuration.ConfigurationBuilders.Environment, Version=" +
           assembly + ", Culture=neutral")
              .c_str();
    }
  }
  for (const Use& u : uses) mark_section(root.child(u.section), u.builder);
  return std::nullopt;
}

}  // namespace

Result<RewrittenConfig> rewrite_config(std::string_view bytes, const ConfigRewrite& rewrite,
                                       const std::string& shown, BuilderDeclaration declaration) {
  if (bytes.size() > kMaxRewrittenConfig) {
    return make_error(shown + ": " + std::to_string(bytes.size() >> 20) +
                      " MiB is too large for a configuration file to rewrite");
  }
  Form form = detect(bytes);
  std::string text = to_work_text(bytes, form);
  pugi::xml_document doc;
  // Everything is kept (comments, declaration, DOCTYPE, whitespace, CR LF);
  // no entity is ever expanded beyond XML's own. Written back raw, the only
  // change to untouched markup is that an empty element loses the space
  // before its "/>".
  unsigned flags = (pugi::parse_full | pugi::parse_ws_pcdata) & ~pugi::parse_eol;
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
  if (!r) return make_error(shown + ": not a readable XML configuration: " + r.description());
  pugi::xml_node root = doc.document_element();
  // A file that is one section of its own (log4net.config, NLog.config) takes
  // value changes only.
  const bool changes_only = rewrite.moves.empty() && !rewrite.builders;
  if (!root || (std::string_view(root.name()) != "configuration" && !changes_only))
    return make_error(shown + ": no <configuration> element");
  // What lies before the root element (declaration, comments, and the line
  // breaks between them, which the DOM does not keep) is kept as it was.
  std::ptrdiff_t at = root.offset_debug();
  if (at <= 0 || static_cast<std::size_t>(at) > text.size() ||
      text[static_cast<std::size_t>(at) - 1] != '<')
    return make_error(shown + ": cannot locate the root element");
  std::string prolog = text.substr(0, static_cast<std::size_t>(at) - 1);
  RewrittenConfig out;
  std::string eol = line_end(text);
  for (const auto& change : rewrite.changes) apply_change(doc, change, out);
  for (const auto& move : rewrite.moves) {
    if (move.file.empty() || move.section.empty()) {
      return make_error(shown + ": a moved section without a section or file name");
    }
    pugi::xml_node section = section_at(doc, move.section);
    if (!section) {
      out.warnings.push_back(move.section + ": not in the file, nothing moved");
      continue;
    }
    if (!move.from_file.empty()) {
      // The section's own file moves whole (the caller reads it): only the
      // attribute naming it changes.
      pugi::xml_attribute a = section.attribute(move.from_attribute.c_str());
      if (!a) {
        return make_error(shown + ": " + move.section + " no longer reads a file through " +
                          move.from_attribute + "=; the config is not copied");
      }
      a.set_value(move.file.c_str());
      continue;
    }
    if (!move.keys.empty()) {
      if (auto e = move_keys(section, move, eol, shown, out)) return *e;
      continue;
    }
    if (section.attribute("configSource")) {
      out.warnings.push_back(move.section + " is already read from " +
                             printable(section.attribute("configSource").value()) + ": not moved");
      continue;
    }
    out.moved.push_back({move.file, moved_file(section, eol)});
    pugi::xml_node stub = section.parent().insert_child_before(section.name(), section);
    stub.append_attribute("configSource") = move.file.c_str();
    section.parent().remove_child(section);
  }
  if (rewrite.builders) {
    if (auto e = add_builders(doc, eol, declaration, shown)) return *e;
  }
  std::string body = prolog;
  for (pugi::xml_node n = root; n; n = n.next_sibling()) body += save(n);
  std::size_t tail = text.find_last_not_of(" \t\r\n");
  if (tail != std::string::npos) body += text.substr(tail + 1);
  out.bytes = from_work_text(body, form);
  return out;
}

}  // namespace liftshift
