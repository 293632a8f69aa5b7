#include "artifact_check.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "test_support.hpp"

namespace liftshift::test {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string ltrim(const std::string& s) {
  auto at = s.find_first_not_of(" \t");
  return at == std::string::npos ? "" : s.substr(at);
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// powershell, powershell.exe, pwsh, pwsh.exe, with or without a folder.
bool is_powershell(const std::string& program) {
  std::string p = lower(program);
  auto slash = p.find_last_of("\\/");
  if (slash != std::string::npos) p = p.substr(slash + 1);
  return p == "powershell" || p == "powershell.exe" || p == "pwsh" || p == "pwsh.exe";
}

std::string where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

// COPY/ADD arguments: flags dropped, sources then destination.
std::vector<std::string> copy_words(const std::string& args, bool* from_stage, bool* ok) {
  std::string rest = ltrim(args);
  *from_stage = false;
  *ok = true;
  while (rest.rfind("--", 0) == 0) {
    auto end = rest.find_first_of(" \t");
    std::string flag = rest.substr(0, end);
    if (flag.rfind("--from=", 0) == 0) *from_stage = true;
    rest = end == std::string::npos ? "" : ltrim(rest.substr(end));
  }
  std::vector<std::string> words;
  if (!rest.empty() && rest.front() == '[') {
    auto j = nlohmann::json::parse(rest, nullptr, false);
    if (!j.is_array()) {
      *ok = false;
      return words;
    }
    for (const auto& w : j) words.push_back(w.is_string() ? w.get<std::string>() : "");
    return words;
  }
  std::istringstream in(rest);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// Docker's word processing of COPY/ADD paths: the escape character takes the
// next character literally.
std::string unescape_word(const std::string& w, char escape) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] == escape && i + 1 < w.size()) ++i;
    out.push_back(w[i]);
  }
  return out;
}

// Whether text[at] is inside a '...' or "..." string, scanning from the
// start: JSON arrays (text starting with `[`) escape with `\`, PowerShell
// double-quoted strings with a backtick.
bool inside_quotes(const std::string& text, std::size_t at) {
  char escape = !text.empty() && text.front() == '[' ? '\\' : '`';
  char open = 0;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    char c = text[i];
    if (open == '"' && c == escape) {
      ++i;
    } else if (open == 0 && (c == '\'' || c == '"')) {
      open = c;
    } else if (open != 0 && c == open) {
      open = 0;
    }
  }
  return open != 0;
}

// Every occurrence of a path with a space must sit inside a quoted string.
void check_spaced_paths(const std::string& text, const std::string& file, int line,
                        const std::vector<std::string>& spaced,
                        std::vector<std::string>& problems) {
  for (const auto& path : spaced) {
    std::string back = path;
    std::replace(back.begin(), back.end(), '/', '\\');
    for (const auto& form : {path, back}) {
      for (auto at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
        if (!inside_quotes(text, at))
          problems.push_back(where(file, line) + ": the path '" + form + "' is not quoted");
      }
    }
  }
}

void check_dockerfile(const fs::path& out, const std::string& rel, const std::string& text,
                      const ArtifactCheckOptions& options, ArtifactReport& report) {
  char escape = '\\';
  auto all = lines_of(text);
  if (!all.empty() && lower(all[0]).rfind("# escape=", 0) == 0 && all[0].size() > 9)
    escape = all[0][9];
  auto instructions = dockerfile_instructions(text);
  report.instructions[rel] = static_cast<int>(instructions.size());
  bool powershell = false;
  fs::path context = (out / rel).parent_path();
  for (const auto& ins : instructions) {
    const std::string& k = ins.keyword;
    static const std::vector<std::string> known{
        "FROM", "RUN",     "CMD",        "LABEL",       "EXPOSE", "ENV",
        "ADD",  "COPY",    "ENTRYPOINT", "VOLUME",      "USER",   "WORKDIR",
        "ARG",  "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",  "MAINTAINER"};
    if (std::find(known.begin(), known.end(), k) == known.end()) {
      report.problems.push_back(where(rel, ins.line) + ": not a Dockerfile instruction: " + k);
      continue;
    }
    bool json_form = !ins.args.empty() && ins.args.front() == '[';
    if (k == "FROM") powershell = false;  // a new stage starts with the image's default shell
    if (k == "SHELL") {
      auto j = nlohmann::json::parse(ins.args, nullptr, false);
      if (!j.is_array() || j.empty()) {
        report.problems.push_back(where(rel, ins.line) + ": SHELL is not a JSON array");
        continue;
      }
      powershell = is_powershell(j[0].get<std::string>()) ||
                   (j.size() > 1 && j[1].is_string() && is_powershell(j[1].get<std::string>()));
    }
    if ((k == "RUN" || k == "ENTRYPOINT" || k == "CMD") && json_form) {
      auto j = nlohmann::json::parse(ins.args, nullptr, false);
      if (!j.is_array())
        report.problems.push_back(where(rel, ins.line) + ": " + k + " is not a valid JSON array");
    }
    if ((k == "RUN" || k == "ENTRYPOINT" || k == "CMD") && !json_form && powershell)
      report.snippets.push_back({rel, ins.line, ins.args});
    check_spaced_paths(ins.args, rel, ins.line, options.spaced_paths, report.problems);
    if (k == "COPY" || k == "ADD") {
      bool from_stage = false;
      bool ok = true;
      auto words = copy_words(ins.args, &from_stage, &ok);
      if (!ok || words.size() < 2) {
        report.problems.push_back(where(rel, ins.line) + ": " + k +
                                  " needs a source and a destination");
        continue;
      }
      if (from_stage) continue;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        std::string src = unescape_word(words[i], escape);
        if (src.find("://") != std::string::npos) continue;  // ADD of a download
        std::string first = src.substr(0, src.find('/'));
        // containerize writes the application into app/ or src/, and volume
        // seeds into seed/, only when it copies the build context (not yet on
        // every branch, nor with --no-copy): until that folder is there, its
        // COPY cannot be checked.
        if ((first == "app" || first == "src" || first == "seed") && !fs::exists(context / first))
          continue;
        if (src.find_first_of("*?[") != std::string::npos) continue;  // a pattern
        if (!fs::exists(context / src))
          report.problems.push_back(where(rel, ins.line) + ": " + k + " source '" + src +
                                    "' is not in the build context");
      }
    }
  }
}

void markdown_snippets(const std::string& rel, const std::string& text,
                       const ArtifactCheckOptions& options, ArtifactReport& report) {
  auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (ltrim(lines[i]) != "```powershell") continue;
    std::string block;
    std::size_t j = i + 1;
    for (; j < lines.size() && ltrim(lines[j]).rfind("```", 0) != 0; ++j) {
      block += lines[j] + "\n";
      check_spaced_paths(lines[j], rel, static_cast<int>(j + 1), options.spaced_paths,
                         report.problems);
    }
    if (j == lines.size())
      report.problems.push_back(where(rel, static_cast<int>(i + 1)) + ": unclosed code block");
    report.snippets.push_back({rel, static_cast<int>(i + 2), block});
    i = j;
  }
}

bool is_compose_file(const std::string& rel) {
  static const std::regex name("(^|.*/)(docker-)?compose(\\.override)?\\.ya?ml$");
  return std::regex_match(rel, name);
}

std::string compose_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '$') ++i;
  }
  return out;
}

// .env.example beside a compose file: NAME -> value of its NAME=VALUE lines;
// a line that is neither that nor a comment is a problem.
std::map<std::string, std::string> env_example(const fs::path& file, const std::string& rel,
                                               ArtifactReport* report) {
  std::map<std::string, std::string> vars;
  if (!fs::exists(file)) return vars;
  static const std::regex assignment("([A-Z][A-Z0-9_]*)=([A-Za-z0-9._-]+)");
  auto lines = lines_of(read_text(file));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (lines[i].empty() || lines[i].rfind("# ", 0) == 0) continue;
    if (std::regex_match(lines[i], m, assignment)) {
      vars[m[1]] = m[2];
    } else if (report) {
      report->problems.push_back(rel + ":" + std::to_string(i + 1) +
                                 ": neither a comment nor NAME=VALUE: " + lines[i]);
    }
  }
  return vars;
}

// A `$` compose would expand (not written `$$`): the value would change.
// liftshift's own ${NAME:-default} is the one exception, when .env.example
// beside the file declares NAME with that default.
void compose_interpolation(const YAML::Node& node, const std::string& rel,
                           const std::map<std::string, std::string>& vars, ArtifactReport& report) {
  if (node.IsMap()) {
    for (const auto& kv : node) compose_interpolation(kv.second, rel, vars, report);
  } else if (node.IsSequence()) {
    for (const auto& item : node) compose_interpolation(item, rel, vars, report);
  } else if (node.IsScalar()) {
    static const std::regex ours(R"(\$\{([A-Z][A-Z0-9_]*):-([A-Za-z0-9._-]+)\})");
    const std::string& v = node.Scalar();
    std::string at = rel + ":" + std::to_string(node.Mark().line + 1);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] != '$') continue;
      if (i + 1 < v.size() && v[i + 1] == '$') {
        ++i;
        continue;
      }
      std::smatch m;
      std::string rest = v.substr(i);
      if (std::regex_search(rest, m, ours, std::regex_constants::match_continuous)) {
        auto declared = vars.find(m[1]);
        if (declared == vars.end())
          report.problems.push_back(at + ": ${" + m[1].str() + "} is not in .env.example");
        else if (declared->second != m[2])
          report.problems.push_back(at + ": ${" + m[1].str() + "} defaults to " + m[2].str() +
                                    ", .env.example says " + declared->second);
        i += static_cast<std::size_t>(m.length(0)) - 1;
        continue;
      }
      report.problems.push_back(at + ": compose would expand the $ of '" + v +
                                "' as a variable (write $$)");
      break;
    }
  }
}

// Sequences of strings where one names powershell: the text after -Command.
void yaml_snippets(const YAML::Node& node, const std::string& rel, ArtifactReport& report) {
  if (node.IsMap()) {
    for (const auto& kv : node) yaml_snippets(kv.second, rel, report);
  } else if (node.IsSequence()) {
    std::vector<std::string> words;
    bool scalars = true;
    for (const auto& item : node) {
      if (item.IsScalar()) {
        words.push_back(item.as<std::string>());
      } else {
        scalars = false;
        yaml_snippets(item, rel, report);
      }
    }
    if (!scalars || words.empty()) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!is_powershell(words[i])) continue;
      for (std::size_t j = i + 1; j + 1 < words.size(); ++j) {
        std::string flag = lower(words[j]);
        if (flag == "-command" || flag == "-c") {
          report.snippets.push_back({rel, node.Mark().line + 1, words[j + 1]});
          break;
        }
      }
    }
  }
}

}  // namespace

std::vector<DockerInstruction> dockerfile_instructions(const std::string& text) {
  auto lines = lines_of(text);
  char escape = '\\';
  if (!lines.empty() && lower(lines[0]).rfind("# escape=", 0) == 0 && lines[0].size() > 9)
    escape = lines[0][9];
  std::vector<DockerInstruction> out;
  std::string current;
  int start = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t = ltrim(lines[i]);
    if (t.empty() || t.front() == '#') continue;  // also inside a continuation, as Docker does
    if (current.empty()) start = static_cast<int>(i + 1);
    std::string line = rtrim(lines[i]);
    if (!line.empty() && line.back() == escape) {
      line.pop_back();
      current += current.empty() ? ltrim(line) : line;
      continue;
    }
    current += current.empty() ? ltrim(line) : line;
    auto space = current.find_first_of(" \t");
    DockerInstruction ins;
    ins.line = start;
    ins.keyword = upper(current.substr(0, space));
    ins.args = space == std::string::npos ? "" : ltrim(current.substr(space));
    out.push_back(std::move(ins));
    current.clear();
  }
  if (!current.empty()) out.push_back({start, "(unfinished)", current});
  return out;
}

ArtifactReport check_artifacts(const fs::path& out, const ArtifactCheckOptions& options) {
  ArtifactReport report;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string rel = fs::relative(path, out).generic_string();
    std::string name = path.filename().string();
    std::string text = read_text(path);
    for (const auto& secret : options.secrets) {
      if (!secret.empty() && text.find(secret) != std::string::npos)
        report.problems.push_back(rel + ": holds a secret value of the input (" +
                                  secret.substr(0, 2) + "...)");
    }
    std::string ext = lower(path.extension().string());
    if (name.rfind("Dockerfile", 0) == 0) {
      check_dockerfile(out, rel, text, options, report);
    } else if (ext == ".md") {
      markdown_snippets(rel, text, options, report);
    } else if (name == ".env.example") {
      env_example(path, rel, &report);
    } else if (ext == ".ps1") {
      report.snippets.push_back({rel, 1, text});
    } else if (ext == ".yaml" || ext == ".yml") {
      try {
        std::size_t before = report.snippets.size();
        for (const auto& doc : YAML::LoadAll(text)) yaml_snippets(doc, rel, report);
        if (is_compose_file(rel)) {
          auto vars = env_example(path.parent_path() / ".env.example", rel, nullptr);
          for (const auto& doc : YAML::LoadAll(text)) compose_interpolation(doc, rel, vars, report);
          // What compose hands the container: each $$ is one $.
          for (std::size_t i = before; i < report.snippets.size(); ++i)
            report.snippets[i].text = compose_unescape(report.snippets[i].text);
        }
      } catch (const YAML::Exception& e) {
        report.problems.push_back(rel + ": does not load as YAML: " + e.what());
      }
    }
  }
  std::vector<std::string> texts;
  for (const auto& s : report.snippets) texts.push_back(s.text);
  auto parsed = parse_powershell(texts);
  if (parsed) {
    report.powershell_checked = true;
    report.parses = *parsed;
    for (std::size_t i = 0; i < parsed->size() && i < report.snippets.size(); ++i) {
      for (const auto& e : (*parsed)[i].errors) {
        report.problems.push_back(where(report.snippets[i].file, report.snippets[i].line) +
                                  ": PowerShell does not parse: " + e + "\n    " +
                                  report.snippets[i].text);
      }
    }
  }
  return report;
}

}  // namespace liftshift::test
