// Names derived from application ids and config keys: folder names under OUT,
// Kubernetes names (DNS-1123 labels), environment variable keys, and
// container paths.
#include <cctype>

#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {
bool safe_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
}
}  // namespace

std::string safe_folder_name(std::string_view app_id) {
  std::string out;
  for (char c : app_id) {
    char s = safe_char(c) ? c : '-';
    if (s == '-' && !out.empty() && out.back() == '-') continue;
    out.push_back(s);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
  if (out.size() > 100) out.resize(100);
  if (out.empty()) out = "app";
  return out;
}

std::string dns_label(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (ok) {
      out.push_back(l);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  if (out.size() > max) out.resize(max);
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty() || !(out[0] >= 'a' && out[0] <= 'z')) out = "app-" + out;
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string env_key(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  for (char c : name)
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ? c : '_');
  return out;
}

bool is_unc(std::string_view path) { return path.size() > 2 && path[0] == '\\' && path[1] == '\\'; }

bool is_other_drive(std::string_view path) {
  if (path.size() < 3 || path[1] != ':' || (path[2] != '\\' && path[2] != '/')) return false;
  char d = static_cast<char>(std::tolower(static_cast<unsigned char>(path[0])));
  return d >= 'a' && d <= 'z' && d != 'c';
}

std::string to_c_drive(std::string_view windows_path) {
  std::string out(windows_path);
  if (is_other_drive(out)) out[0] = 'C';
  for (auto& c : out) {
    if (c == '/') c = '\\';
  }
  return out;
}

bool is_container_folder(std::string_view path) {
  if (path.size() < 4 || path.size() > 240 || (path[0] != 'C' && path[0] != 'c') ||
      path.substr(1, 2) != ":\\")
    return false;
  std::string_view rest = path.substr(3);
  while (!rest.empty()) {
    const std::size_t cut = rest.find('\\');
    const std::string_view part = rest.substr(0, cut);
    // Windows drops a name's trailing dots and blanks; "." and ".." climb.
    if (part.empty() || part.back() == '.' || part.back() == ' ') return false;
    for (char c : part) {
      if (static_cast<unsigned char>(c) < 0x20 ||
          std::string_view("/:*?\"<>|").find(c) != std::string_view::npos)
        return false;
    }
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + 1);
    if (rest.empty()) return false;  // a trailing backslash
  }
  return true;
}

std::string base_name(std::string_view path) {
  auto pos = path.find_last_of("/\\");
  return std::string(pos == std::string_view::npos ? path : path.substr(pos + 1));
}

std::string strip_exe(std::string_view file) {
  std::string s(file);
  if (s.size() > 4) {
    std::string ext = s.substr(s.size() - 4);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".exe" || ext == ".dll") s.resize(s.size() - 4);
  }
  return s;
}

}  // namespace liftshift
