#include "formats/entry_point_scan.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "formats/source_scan.hpp"

namespace liftshift {

namespace {

using cat = SourceCategory;

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when word (an identifier) stands at code[i] with word boundaries.
bool word_at(std::string_view code, std::size_t i, std::string_view word, bool nocase) {
  if (i + word.size() > code.size()) return false;
  if (i > 0 && is_ident(code[i - 1])) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = code[i + k];
    if (nocase ? lower(c) != lower(word[k]) : c != word[k]) return false;
  }
  return i + word.size() == code.size() || !is_ident(code[i + word.size()]);
}

std::size_t skip_space(std::string_view code, std::size_t i) {
  while (i < code.size() && is_space(code[i])) ++i;
  return i;
}

// The closing bracket matching the opening one at code[open], or npos.
std::size_t matching(std::string_view code, std::size_t open, char o, char c, std::size_t limit) {
  int depth = 0;
  for (std::size_t k = open; k < code.size() && k - open < limit; ++k) {
    if (code[k] == o) ++depth;
    if (code[k] == c && --depth == 0) return k;
  }
  return std::string_view::npos;
}

struct Span {
  std::size_t decl = std::string_view::npos;  // offset of "Main"
  std::size_t sig = 0;                        // start of the declaration's modifiers
  std::size_t begin = 0;
  std::size_t end = 0;
};

// C#: `static <type> Main(...)` followed by a block or an expression body.
Span find_cs_main(std::string_view code) {
  for (std::size_t i = code.find("Main"); i != std::string_view::npos;
       i = code.find("Main", i + 4)) {
    if (!word_at(code, i, "Main", false) || (i > 0 && code[i - 1] == '.')) continue;
    std::size_t paren = skip_space(code, i + 4);
    if (paren >= code.size() || code[paren] != '(') continue;
    // The declaration's modifiers: back to the previous statement or brace.
    std::size_t from = i;
    while (from > 0 && i - from < 512 && code[from - 1] != ';' && code[from - 1] != '{' &&
           code[from - 1] != '}')
      --from;
    // Attributes ([STAThread]) are not part of the signature reported.
    for (std::size_t k = i; k > from; --k) {
      if (code[k - 1] == ']') {
        from = k;
        break;
      }
    }
    bool is_static = false;
    for (std::size_t k = from; k < i && !is_static; ++k)
      is_static = word_at(code, k, "static", false);
    if (!is_static) continue;
    std::size_t close = matching(code, paren, '(', ')', 4096);
    if (close == std::string_view::npos) continue;
    std::size_t body = skip_space(code, close + 1);
    if (body < code.size() && code[body] == '{') {
      std::size_t end = matching(code, body, '{', '}', kMaxEntryBody);
      return {i, skip_space(code, from), body,
              end == std::string_view::npos ? std::min(code.size(), body + kMaxEntryBody) : end};
    }
    if (body + 1 < code.size() && code[body] == '=' && code[body + 1] == '>') {
      std::size_t end = code.find(';', body);
      return {i, skip_space(code, from), body, end == std::string_view::npos ? code.size() : end};
    }
  }
  return {};
}

// VB: `Sub Main` up to `End Sub`.
Span find_vb_main(std::string_view code) {
  for (std::size_t i = 0; i + 8 <= code.size(); ++i) {
    if (!word_at(code, i, "Sub", true)) continue;
    std::size_t name = i + 3;
    while (name < code.size() && (code[name] == ' ' || code[name] == '\t')) ++name;
    if (name == i + 3 || !word_at(code, name, "Main", true)) continue;
    std::size_t after = name + 4;
    while (after < code.size() && (code[after] == ' ' || code[after] == '\t')) ++after;
    if (after < code.size() && code[after] != '(' && code[after] != '\r' && code[after] != '\n')
      continue;
    std::size_t end = std::min(code.size(), after + kMaxEntryBody);
    for (std::size_t k = after; k + 7 <= end; ++k) {
      if (word_at(code, k, "End", true)) {
        std::size_t s = k + 3;
        while (s < code.size() && (code[s] == ' ' || code[s] == '\t')) ++s;
        if (s > k + 3 && word_at(code, s, "Sub", true)) {
          end = k;
          break;
        }
      }
    }
    return {name, i, after, end};
  }
  return {};
}

struct EntryPattern {
  std::string_view text;  // '.' and '<' match themselves; '~' = optional blanks
  SourceCategory category;
};

// The hosting calls that decide what a program is.
constexpr EntryPattern kEntryPatterns[] = {
    {"Application.Run~(", cat::kEntryGui},
    {"Application.EnableVisualStyles", cat::kEntryGui},
    {"ApplicationConfiguration.Initialize", cat::kEntryGui},
    {"new App~(", cat::kEntryGui},
    {"new Application~(", cat::kEntryGui},
    {"ServiceBase.Run~(", cat::kEntryService},
    {"HostFactory.Run~(", cat::kEntryService},
    {"HostFactory.New~(", cat::kEntryService},
    {"UseWindowsService~(", cat::kEntryService},
    {"RunAsService~(", cat::kEntryService},
    {"new ServiceHost~(", cat::kEntryWcfHost},
    {"new ServiceHost<", cat::kEntryWcfHost},
    {"new WebServiceHost~(", cat::kEntryWcfHost},
    {"WebHost.", cat::kEntryWebHost},
    {"ConfigureWebHostDefaults", cat::kEntryWebHost},
    {"ConfigureWebHost~(", cat::kEntryWebHost},
    {"UseKestrel", cat::kEntryWebHost},
    {"UseHttpSys", cat::kEntryWebHost},
    {"WebApplication.Create", cat::kEntryWebHost},
    {"WebApp.Start", cat::kEntryWebHost},
    {"HttpSelfHostServer", cat::kEntryWebHost},
    // Self-hosted HTTP servers a host class sets up: Nancy, ServiceStack's
    // self-host base classes, a bare HttpListener.
    {"new NancyHost~(", cat::kEntryWebHost},
    {"AppSelfHostBase", cat::kEntryWebHost},
    {"AppHostHttpListenerBase", cat::kEntryWebHost},
    {"new HttpListener~(", cat::kEntryWebHost},
};

// End of pattern pat at code[i] (word start required), or npos.
std::size_t match(std::string_view code, std::size_t i, std::string_view pat, bool nocase) {
  if (i > 0 && is_ident(code[i - 1])) return std::string_view::npos;
  std::size_t k = i;
  for (char p : pat) {
    if (p == '~') {
      while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
      continue;
    }
    if (p == ' ') {
      std::size_t start = k;
      while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
      if (k == start) return std::string_view::npos;
      continue;
    }
    if (k >= code.size() || (nocase ? lower(code[k]) != lower(p) : code[k] != p))
      return std::string_view::npos;
    ++k;
  }
  return k;
}

constexpr int kMaxEntryHits = 50;

int scan_range(std::string_view code, std::size_t from, std::size_t to, bool vb,
               const EntrySink& sink, int found = 0) {
  for (std::size_t i = from; i < to && i < code.size() && found < kMaxEntryHits; ++i) {
    for (const EntryPattern& p : kEntryPatterns) {
      std::size_t end = match(code, i, p.text, vb);
      if (end == std::string_view::npos || end > to) continue;
      sink(p.category, i, code.substr(i, end - i));
      ++found;
      break;
    }
  }
  return found;
}

// The name of the class declared last before pos ("" when none): the class
// a hosting call outside Main belongs to.
std::string_view enclosing_class(std::string_view code, std::size_t pos, bool vb) {
  for (std::size_t k = std::min(pos, code.size()); k-- > 0;) {
    if ((code[k] != 'c' && code[k] != 'C') || !word_at(code, k, "class", vb)) continue;
    std::size_t name = skip_space(code, k + 5);
    std::size_t end = name;
    while (end < code.size() && is_ident(code[end])) ++end;
    if (end > name) return code.substr(name, end - name);
  }
  return {};
}

// The hosting calls of a file, each with its class, found by searching each
// pattern's first word (most files have none of them); those inside `skip`
// (Main's body, read on its own) are not reported.
void scan_hosting_calls(std::string_view code, bool vb, const EntrySink& sink, Span skip = {}) {
  struct Hit {
    std::size_t pos, end;
    SourceCategory category;
  };
  std::vector<Hit> hits;
  const std::string lowered = vb ? to_lower(code) : std::string();  // VB is case-blind
  const std::string_view hay = vb ? std::string_view(lowered) : code;
  for (const EntryPattern& p : kEntryPatterns) {
    const std::string_view anchor = p.text.substr(0, p.text.find_first_of("~ .<("));
    const std::string needle = vb ? to_lower(anchor) : std::string(anchor);
    for (std::size_t i = hay.find(needle); i != std::string_view::npos && hits.size() < 64;
         i = hay.find(needle, i + 1)) {
      std::size_t end = match(code, i, p.text, vb);
      if (end != std::string_view::npos) hits.push_back({i, end, p.category});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.pos < b.pos; });
  int found = 0;
  for (const Hit& h : hits) {
    if (h.pos >= skip.begin && h.pos < skip.end) continue;
    if (found++ >= kMaxEntryHits) break;
    std::string_view owner = enclosing_class(code, h.pos, vb);
    if (owner.empty()) continue;
    sink(cat::kHostingCall, h.pos,
         std::string(owner) + ": " + std::string(code.substr(h.pos, h.end - h.pos)));
  }
}

// The framework's static classes a Main calls all the time (Console.ReadLine,
// Thread.Sleep): never a class of the project that hosts a server.
bool framework_static(std::string_view word) {
  static constexpr std::string_view kStatics[] = {
      "Console", "Environment", "Thread",    "Task",     "Trace", "Debug",   "Process",
      "Path",    "File",        "Directory", "String",   "Math",  "Convert", "AppDomain",
      "GC",      "Encoding",    "DateTime",  "TimeSpan", "Guid",  "Marshal", "Assembly"};
  return std::find(std::begin(kStatics), std::end(kStatics), word) != std::end(kStatics);
}

// The types Main's body creates or calls (`new AppHost(`, `Bootstrapper.Run(`),
// at most 16, each once, as one space-separated list reported at Main (a
// source file keeps one hit per category and line): where Main hands over to
// a class of its project.
void scan_main_uses(std::string_view code, const Span& main, bool vb, const EntrySink& sink) {
  std::vector<std::string_view> seen;
  for (std::size_t i = main.begin; i < main.end && i < code.size() && seen.size() < 16; ++i) {
    if (!is_ident(code[i]) || (i > 0 && (is_ident(code[i - 1]) || code[i - 1] == '.'))) continue;
    std::size_t end = i;
    while (end < main.end && is_ident(code[end])) ++end;
    const std::string_view word = code.substr(i, end - i);
    const std::size_t next = skip_space(code, end);
    std::string_view type;
    if (word_at(code, i, "new", vb) && next < main.end) {
      end = next;
      while (end < main.end && (is_ident(code[end]) || code[end] == '.')) ++end;
      type = code.substr(next, end - next);
      if (const auto dot = type.rfind('.'); dot != std::string_view::npos)
        type = type.substr(dot + 1);
    } else if (next < main.end && code[next] == '.' && word[0] >= 'A' && word[0] <= 'Z' &&
               !framework_static(word)) {
      type = word;  // Type.Member: a static call
    }
    i = end - 1;
    if (!type.empty() && std::find(seen.begin(), seen.end(), type) == seen.end())
      seen.push_back(type);
  }
  if (seen.empty()) return;
  std::string list;
  for (std::string_view t : seen) list += (list.empty() ? "" : " ") + std::string(t);
  sink(cat::kMainUses, main.decl, list);
}

}  // namespace

SourceCategory hosting_call_role(std::string_view token) {
  for (const EntryPattern& p : kEntryPatterns) {
    for (bool nocase : {false, true}) {
      if (match(token, 0, p.text, nocase) != std::string_view::npos) return p.category;
    }
  }
  return cat::kEntryMain;
}

void scan_entry_point(std::string_view code, bool vb, const EntrySink& sink) {
  Span main = vb ? find_vb_main(code) : find_cs_main(code);
  if (main.decl == std::string_view::npos) {
    scan_hosting_calls(code, vb, sink);
    return;
  }
  sink(cat::kEntryMain, main.decl, code.substr(main.sig, main.decl + 4 - main.sig));
  bool runs_service = false;
  const EntrySink watch = [&](SourceCategory c, std::size_t pos, std::string_view text) {
    runs_service = runs_service || c == cat::kEntryService;
    sink(c, pos, text);
  };
  if (scan_range(code, main.begin, main.end, vb, watch) > 0) {
    // A Main that runs a Windows service also names the classes it hands over:
    // the service class opens its server in OnStart.
    if (runs_service) {
      scan_main_uses(code, main, vb, sink);
      // The service class may sit in Main's own file.
      scan_hosting_calls(code, vb, sink, main);
    }
    return;
  }
  int found = scan_range(code, 0, main.begin, vb, sink);
  found = scan_range(code, main.end, code.size(), vb, sink, found);
  if (found == 0) scan_main_uses(code, main, vb, sink);
}

}  // namespace liftshift
