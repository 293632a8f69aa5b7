// Ports of a program that hosts a server itself (Application::self_host: a
// WCF ServiceHost, a self-hosted web app): the addresses it listens on, from
// its configuration's service endpoints and base addresses and from the
// listening URLs in its code. Client endpoints are addresses it calls, not
// ports it opens.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

struct Listen {
  std::string scheme;  // "net.tcp", "http", "https"
  int port = 0;
};

// "net.tcp://localhost:8888/Sample" -> net.tcp 8888; "http://*/x" -> http 80.
std::optional<Listen> parse_listen(std::string_view url) {
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  Listen l{to_lower(url.substr(0, colon)), 0};
  if (l.scheme != "net.tcp" && l.scheme != "http" && l.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find('/'));
  auto bracket = rest.rfind(']');  // [::]:8080
  auto port_colon = rest.rfind(':');
  if (port_colon != std::string_view::npos &&
      (bracket == std::string_view::npos || port_colon > bracket)) {
    std::string_view digits = rest.substr(port_colon + 1);
    if (digits.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), l.port);
    if (ec != std::errc() || end != digits.data() + digits.size() || l.port <= 0 || l.port > 65535)
      return std::nullopt;
  } else {
    l.port = l.scheme == "net.tcp" ? 808 : l.scheme == "https" ? 443 : 80;
  }
  return l;
}

// The first segment of a URL's path, lower case: "http://+:8080/Orders/x" -> "orders".
std::string first_segment(std::string_view url) {
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return "";
  std::string_view rest = url.substr(colon + 3);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return "";
  rest = rest.substr(slash + 1);
  return to_lower(rest.substr(0, rest.find('/')));
}

// Names an HTTP.sys reservation of this program would carry in its path:
// the program's, its service's, and the first path segments of the URLs its
// configuration and code listen on.
std::vector<std::string> reservation_names(const Application& app,
                                           const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  auto add = [&](std::string n) {
    n = to_lower(n);
    if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  for (const auto& u : urls) add(first_segment(u));
  add(app.name);
  add(app.service ? app.service->name : app.service_name);
  std::string exe = strip_exe(base_name(app.entry));
  add(exe);
  // The last dotted part of "Contoso.Orders.Host" names its service too.
  if (auto dot = exe.rfind('.'); dot != std::string::npos) add(exe.substr(dot + 1));
  return out;
}

// path is root itself or inside it ("" holds everything).
bool is_under_root(std::string_view path, std::string_view root) {
  if (root.empty()) return true;
  return istarts_with(path, root) && (path.size() == root.size() || path[root.size()] == '/');
}

}  // namespace

void plan_self_host_ports(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  if (app.self_host == SelfHost::kNone) return;
  std::vector<std::pair<std::string, std::string>> urls;  // url, where it was found
  for (const auto& c : app.configs) {
    for (const auto& e : c.endpoints) {
      if (!e.client) urls.emplace_back(e.address, c.path);
    }
    for (const auto& b : c.base_addresses) urls.emplace_back(b, c.path);
  }
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kListenUrl && is_under_root(h.file, app.root))
      urls.emplace_back(h.text, h.file + ":" + std::to_string(h.line));
  }
  // HTTP.sys reservations of the server whose path names this program: a
  // self-hosted HTTP listener needs one, so its port is the program's even
  // when the code builds the URL at run time.
  if (app.machine) {
    std::vector<std::string> own;
    for (const auto& [url, where] : urls) own.push_back(url);
    auto names = reservation_names(app, own);
    for (const auto& r : app.machine->url_reservations) {
      std::string seg = first_segment(r);
      if (!seg.empty() && std::find(names.begin(), names.end(), seg) != names.end())
        urls.emplace_back(r, "HTTP.sys URL reservation on the server");
    }
  }
  std::set<int> ports;
  std::string list;
  for (const auto& [url, where] : urls) {
    auto l = parse_listen(url);
    if (!l || !ports.insert(l->port).second) continue;
    std::string name =
        (l->scheme == "net.tcp" ? "net-tcp" : l->scheme) + "-" + std::to_string(l->port);
    std::string what = app.self_host == SelfHost::kWcf ? "WCF endpoint " : "self-hosted listener ";
    bool added = true;
    for (const auto& p : plan.ports) added = added && p.port != l->port;
    if (!added) continue;
    plan.ports.push_back({l->port, "TCP", name, what + url + " (" + where + ")"});
    list += (list.empty() ? "" : ", ") + std::to_string(l->port);
  }
  if (!list.empty()) {
    decide(plan, "ports", list,
           std::string(app.self_host == SelfHost::kWcf
                           ? "the program hosts WCF itself (a ServiceHost opened in Main, not IIS)"
                           : "the program hosts its HTTP listener itself") +
               ": the container exposes the ports its listening addresses name");
  }
}

}  // namespace liftshift
