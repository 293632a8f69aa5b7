// Ports of a program that hosts a server itself (Application::self_host: a
// WCF ServiceHost, a self-hosted web app): the addresses it listens on, from
// its configuration's service endpoints and base addresses and from the
// listening URLs in its code. Client endpoints are addresses it calls, not
// ports it opens. An HTTP listener run as ContainerUser also needs its URL
// reserved in HTTP.sys (netsh http add urlacl), as the server had it.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "core/powershell_quote.hpp"
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

// The HTTP.sys URL a listener registers, as a reservation must name it:
// WCF registers its base address with the strong wildcard (http://+:port/path/),
// HttpListener and OWIN the prefix as written; a reservation ends with '/'.
std::string reservation_url(std::string url, bool wcf) {
  if (url.empty() || url.back() != '/') url += '/';
  if (!wcf) return url;
  const auto scheme_end = url.find("://");
  const auto host_end = url.find_first_of(":/", scheme_end + 3);
  if (host_end == std::string::npos) return url;
  std::string host = url.substr(scheme_end + 3, host_end - scheme_end - 3);
  if (host.starts_with('[')) return url;  // IPv6 literal: kept as written
  return url.substr(0, scheme_end + 3) + "+" + url.substr(host_end);
}

// The host an HTTP listening URL names, "" when it is a wildcard (+, *) or
// not http(s): "http://localhost:3001/x" -> "localhost".
std::string named_http_host(std::string_view url) {
  auto l = parse_listen(url);
  if (!l || l->scheme == "net.tcp") return "";
  std::string_view rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find('/'));
  if (rest.starts_with('[')) {
    rest = rest.substr(0, rest.find(']') + 1);
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  if (rest == "+" || rest == "*") return "";
  return std::string(rest);
}

// A .NET (Core) web host listens through Kestrel, which HTTP.sys takes no
// part in (no URL reservation, no host-name matching), unless the code
// chooses HTTP.sys (UseHttpSys) or an HttpListener.
bool on_kestrel(const Application& app) {
  if (app.framework.kind != FrameworkKind::kDotnet || app.self_host != SelfHost::kWeb) return false;
  auto http_sys = [](std::string_view text) {
    return icontains(text, "HttpSys") || icontains(text, "HttpListener") ||
           icontains(text, "NancyHost") || icontains(text, "Nancy.Hosting.Self");
  };
  for (const auto& h : app.source_hits) {
    if ((h.category == SourceCategory::kEntryWebHost ||
         h.category == SourceCategory::kHostingCall) &&
        http_sys(h.text))
      return false;
  }
  // A published program: the types it references.
  for (const auto& b : app.binaries) {
    for (const auto& t : b.type_refs) {
      if (http_sys(t)) return false;
    }
  }
  return true;
}

bool loopback_host(std::string_view host) {
  return iequals(host, "localhost") || host.starts_with("127.") || host == "[::1]";
}

// An HTTP.sys listener (OWIN, HttpListener, Web API self-host) registers its
// prefix as written: with a host name it answers only requests naming that
// host, which requests through a published port or a Service do not (WCF
// registers the strong wildcard instead). Kestrel (.NET) binds addresses,
// not names: only a loopback one keeps every request from outside the
// container away.
void warn_named_hosts(const std::vector<std::pair<std::string, std::string>>& urls, bool kestrel,
                      AppPlan& plan) {
  std::set<std::string> warned;
  for (const auto& [url, where] : urls) {
    const std::string host = named_http_host(url);
    if (host.empty() || (kestrel && !loopback_host(host)) || !warned.insert(to_lower(url)).second ||
        warned.size() > 8)
      continue;
    const auto l = parse_listen(url);
    const std::string wildcard = l->scheme + "://+:" + std::to_string(l->port) + "/";
    if (kestrel) {
      plan.warnings.push_back(
          "the program listens on " + printable(url) + " (" + printable(where) +
          "): Kestrel binds the container's own loopback address there, which no request "
          "through a published port or a Kubernetes Service reaches: listen on " +
          wildcard + " (UseUrls, or ASPNETCORE_URLS when the code does not set the address)");
      continue;
    }
    plan.warnings.push_back(
        "the program listens on " + printable(url) + " (" + printable(where) +
        "), a prefix that names the host " + printable(host) +
        ": HTTP.sys answers only requests for that host name, and requests through the "
        "container's published port or a Kubernetes Service name another (400 Bad Request, "
        "Invalid Hostname): listen on " +
        wildcard + " in the code or its configuration");
  }
}

constexpr std::size_t kMaxUrlAcls = 16;

// netsh http add urlacl for each HTTP URL the program listens on, granted to
// Everyone (SDDL WD: the container is the boundary), when it runs as
// ContainerUser: without a reservation HTTP.sys refuses a non-administrator's
// registration (access denied at start).
void plan_url_acls(const Application& app, const std::vector<std::string>& urls, bool from_server,
                   AppPlan& plan) {
  if (plan.user == "ContainerAdministrator" || urls.empty()) return;
  if (plan.nano_server) {
    plan.warnings.push_back(
        "the program listens on HTTP.sys URLs as ContainerUser: reserve them (netsh http add "
        "urlacl) in the image; liftshift writes that step for Server Core only");
    return;
  }
  const bool wcf = app.self_host == SelfHost::kWcf;
  // A wildcard reservation (+ or *) covers every host on its port and path.
  std::vector<std::string> wildcards;
  for (const auto& url : urls) {
    const std::string r = reservation_url(url, wcf);
    const auto host = r.find("://") + 3;
    if (r.compare(host, 1, "+") == 0 || r.compare(host, 1, "*") == 0) wildcards.push_back(r);
  }
  auto covered = [&](const std::string& r) {
    const auto host = r.find("://") + 3;
    const auto rest = r.find_first_of(":/", host);
    for (const auto& w : wildcards) {
      const auto whost = w.find("://") + 3;
      const auto wrest = w.find_first_of(":/", whost);
      if (w != r && istarts_with(r.substr(rest), w.substr(wrest))) return true;
    }
    return false;
  };
  std::set<std::string> done;
  for (const auto& url : urls) {
    if (done.size() >= kMaxUrlAcls) break;
    auto l = parse_listen(url);
    if (!l || l->scheme == "net.tcp") continue;
    const std::string reserved = reservation_url(url, wcf);
    if (covered(reserved) || !done.insert(to_lower(reserved)).second) continue;
    plan.steps.push_back(
        {"Reserve " + printable(reserved) +
             " in HTTP.sys for the container user: a listener that is not administrator needs a "
             "URL reservation" +
             (from_server ? " (the server had it: netsh http add urlacl)" : ""),
         "netsh http add urlacl " + ps_literal("url=" + reserved) + " 'sddl=D:(A;;GX;;;WD)'"});
  }
  if (!done.empty()) {
    decide(plan, "url-reservations", std::to_string(done.size()),
           "the program registers HTTP.sys URLs and runs as ContainerUser: each URL is reserved "
           "at build time (as administrator), so the listener starts without elevated rights");
  }
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
  const bool kestrel = on_kestrel(app);
  if (app.self_host == SelfHost::kWeb) warn_named_hosts(urls, kestrel, plan);
  // HTTP.sys reservations of the server whose path names this program: a
  // self-hosted HTTP listener needs one, so its port is the program's even
  // when the code builds the URL at run time.
  std::vector<std::string> reserved_on_server;
  if (app.machine) {
    std::vector<std::string> own;
    own.reserve(urls.size());
    for (const auto& [url, where] : urls) own.push_back(url);
    auto names = reservation_names(app, own);
    // A reservation is the program's when its path names the program, or
    // when it reserves a port the program's own addresses listen on.
    std::set<int> own_ports;
    for (const auto& u : own) {
      if (auto l = parse_listen(u)) own_ports.insert(l->port);
    }
    for (const auto& r : app.machine->url_reservations) {
      std::string seg = first_segment(r);
      const auto l = parse_listen(r);
      const bool named = !seg.empty() && std::find(names.begin(), names.end(), seg) != names.end();
      if (named || (l && own_ports.contains(l->port))) {
        urls.emplace_back(r, "HTTP.sys URL reservation on the server");
        reserved_on_server.push_back(r);
      }
    }
  }
  if (urls.empty()) {
    // Built at run time or read from a setting the source does not hold.
    plan.warnings.push_back(
        std::string("the program hosts its ") +
        (app.self_host == SelfHost::kWcf ? "WCF service" : "HTTP listener") +
        " itself, but liftshift found no address it listens on in its configuration or code "
        "(it may build it at run time or read it from a setting not in the source): name its "
        "port in the plan so the Dockerfile exposes it and the orchestrator publishes it");
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
  // The URLs to reserve: the server's own reservations for the program when
  // it had any (exactly what it registers), else the addresses it listens on.
  std::vector<std::string> to_reserve = reserved_on_server;
  if (to_reserve.empty()) {
    for (const auto& [url, where] : urls) to_reserve.push_back(url);
  }
  // The server reserved URLs for it: it registers them with HTTP.sys.
  if (!kestrel || !reserved_on_server.empty())
    plan_url_acls(app, to_reserve, !reserved_on_server.empty(), plan);
  if (!list.empty()) {
    decide(plan, "ports", list,
           std::string(app.self_host == SelfHost::kWcf
                           ? "the program hosts WCF itself (a ServiceHost it opens, in Main or its "
                             "service class, not IIS)"
                           : "the program hosts its HTTP listener itself") +
               ": the container exposes the ports its listening addresses name");
    // A service that listens: its probes still ask the service control manager.
    for (auto& d : plan.decisions) {
      if (d.topic != "health" || plan.entry_kind != EntryKind::kService) continue;
      d.reason = "the service listens on " + list +
                 ", but an open port says only that its listener is up: the probes ask the "
                 "service control manager whether the service is running";
    }
  }
}

}  // namespace liftshift
