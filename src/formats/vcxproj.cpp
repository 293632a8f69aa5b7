#include "formats/vcxproj.hpp"

#include <vector>

#include "core/text.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::add_unique;
using fmt_util::attr_value;
using fmt_util::local_name;
using fmt_util::name_is;

struct Configuration {
  std::string name;      // "Release"
  std::string platform;  // "x64"
};

// "Release|x64" -> {Release, x64}.
Configuration split_configuration(std::string_view include) {
  const auto bar = include.find('|');
  if (bar == std::string_view::npos) return {trim(include), ""};
  return {trim(include.substr(0, bar)), trim(include.substr(bar + 1))};
}

// The configuration a container would ship: Release, on x64 before Win32
// before any other platform; the first listed when none is Release.
Configuration choose(const std::vector<Configuration>& all) {
  auto platform_rank = [](const Configuration& c) {
    return iequals(c.platform, "x64") ? 0 : iequals(c.platform, "Win32") ? 1 : 2;
  };
  const Configuration* best = nullptr;
  for (const auto& c : all) {
    if (!iequals(c.name, "Release")) continue;
    if (best == nullptr || platform_rank(c) < platform_rank(*best)) best = &c;
  }
  if (best != nullptr) return *best;
  return all.empty() ? Configuration{} : all.front();
}

// Whether a Condition holds for the configuration: its single-quoted values
// that are not macros ('Release|x64', 'Release', 'x64') name it. A condition
// not about $(Configuration) or $(Platform) ("Exists(...)") holds.
bool holds(std::string_view condition, const Configuration& c) {
  if (!icontains(condition, "$(Configuration)") && !icontains(condition, "$(Platform)"))
    return true;
  bool any = false;
  bool named = false;
  for (std::size_t at = condition.find('\''); at != std::string_view::npos;) {
    const auto end = condition.find('\'', at + 1);
    if (end == std::string_view::npos) break;
    const std::string value = trim(condition.substr(at + 1, end - at - 1));
    at = condition.find('\'', end + 1);
    if (value.find("$(") != std::string::npos) continue;
    any = true;
    const bool pair = value.find('|') != std::string::npos;
    if ((pair && iequals(value, c.name + "|" + c.platform)) ||
        (!pair && (iequals(value, c.name) || iequals(value, c.platform))))
      named = true;
  }
  if (!any) return true;
  // '$(Configuration)'!='Debug': holds when the value is not the configuration's.
  const bool negated = condition.find("!=") != std::string_view::npos &&
                       condition.find("==") == std::string_view::npos;
  return negated ? !named : named;
}

// The element and the groups above it (bounded) all hold for the configuration.
bool applies(const pugi::xml_node& node, const Configuration& c) {
  int levels = 0;
  for (pugi::xml_node n = node; n && levels < 6; n = n.parent(), ++levels) {
    if (n.type() != pugi::node_element) break;
    if (const std::string cond = attr_value(n, "Condition"); !cond.empty() && !holds(cond, c))
      return false;
  }
  return true;
}

// "false", "NotSet" and "" all mean the setting is off.
std::string setting(std::string_view value) {
  std::string v = trim(value);
  return iequals(v, "false") || iequals(v, "NotSet") ? std::string{} : v;
}

}  // namespace

Result<ProjectFacts> parse_vcxproj(std::string_view xml_text, const std::string& path) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return doc.error();
  const pugi::xml_node root = (*doc)->document_element();
  if (!name_is(root, "Project")) {
    return make_error(path + ": not an MSBuild project (root element <" +
                      std::string(local_name(root.name())) + ">)");
  }
  ProjectFacts f;
  f.path = path;
  f.language = "cpp";

  std::vector<Configuration> configurations;
  fmt_util::walk_elements(root, [&](const pugi::xml_node& n) {
    if (name_is(n, "ProjectConfiguration") && name_is(n.parent(), "ItemGroup")) {
      if (const std::string inc = attr_value(n, "Include");
          !inc.empty() && configurations.size() < 64)
        configurations.push_back(split_configuration(inc));
    }
  });
  const Configuration chosen = choose(configurations);
  NativeProjectFacts& native = f.native;
  native.platform = chosen.platform;
  native.configuration = chosen.name.empty()
                             ? ""
                             : chosen.name + (chosen.platform.empty() ? "" : "|" + chosen.platform);

  std::string target_name;
  std::string libraries;
  fmt_util::walk_elements(root, [&](const pugi::xml_node& n) {
    const pugi::xml_node up = n.parent();
    const std::string_view name = local_name(n.name());
    if (name_is(up, "ItemGroup")) {
      if (iequals(name, "ProjectReference")) {
        if (std::string inc = attr_value(n, "Include"); !inc.empty())
          add_unique(f.project_references, std::move(inc));
      }
      return;
    }
    const bool property = name_is(up, "PropertyGroup");
    // ItemDefinitionGroup > Link | ClCompile > setting.
    const bool link = name_is(up, "Link") && name_is(up.parent(), "ItemDefinitionGroup");
    const bool compile = name_is(up, "ClCompile") && name_is(up.parent(), "ItemDefinitionGroup");
    if ((!property && !link && !compile) || !applies(n, chosen)) return;
    const std::string value = trim(n.child_value());
    if (property) {
      if (iequals(name, "ConfigurationType"))
        native.configuration_type = value;
      else if (iequals(name, "PlatformToolset"))
        native.platform_toolset = value;
      else if (iequals(name, "CharacterSet"))
        native.character_set = setting(value);
      else if (iequals(name, "UseOfMfc"))
        native.use_of_mfc = setting(value);
      else if (iequals(name, "UseOfAtl"))
        native.use_of_atl = setting(value);
      else if (iequals(name, "TargetName"))
        target_name = value;
    } else if (link) {
      if (iequals(name, "SubSystem"))
        native.subsystem = setting(value);
      else if (iequals(name, "AdditionalDependencies"))
        libraries = value;
    } else if (iequals(name, "RuntimeLibrary")) {
      native.runtime_library = value;
    }
  });

  for (const std::string& lib : split(libraries, ';')) {
    std::string l = trim(lib);
    // %(AdditionalDependencies) and $(...) macros are MSBuild's, not libraries.
    if (l.empty() || l.find("%(") != std::string::npos || l.find("$(") != std::string::npos)
      continue;
    add_unique(native.link_libraries, printable(l), 200);
  }
  const bool application = iequals(native.configuration_type, "Application");
  f.output_type = !application                           ? "Library"
                  : iequals(native.subsystem, "Windows") ? "WinExe"
                                                         : "Exe";
  f.assembly_name = target_name.empty() || target_name.find("$(") != std::string::npos
                        ? fmt_util::file_stem(path)
                        : printable(target_name);
  if (native.configuration_type.empty())
    f.warnings.push_back("no ConfigurationType: read as a library");
  return f;
}

}  // namespace liftshift
