// Nothing untrusted becomes a command (issue 12): APPSRV01's system drive is
// copied twice at test time, a benign twin and a hostile one with the same
// structure, whose names and values carry newlines (raw, and as &#10; in
// the XML that pugixml decodes), CR, quotes ' " and the typographic ’ that
// PowerShell reads as a quote, backticks, $(), ;, &, spaces and non-ASCII.
// Both are containerized; every Dockerfile keeps its instructions, every
// PowerShell snippet parses as the same statements and command words, and no
// YAML or Markdown line is broken by a value.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "artifact_check.hpp"
#include "hostile_support.hpp"
#include "test_support.hpp"

namespace liftshift::test {
namespace {

namespace fs = std::filesystem;

// The same values for both twins: benign first, hostile second.
struct Twin {
  std::string benign;
  std::string hostile;
};

// XML-encoded: &#10; and &#13; are what pugixml turns into CR and LF.
const Twin kSite{"Contoso Web Shop",
                 "Contoso Web&#10;RUN evil&#13;'\xE2\x80\x99`$(x);&amp;\xC3\xBC"};
const Twin kPool{"ContosoWebPool", "Pool&#10;'\xE2\x80\x99`$(x);&amp;\xC3\xA9"};
// A folder keeps no control character: Windows takes none in a name, and
// liftshift mounts no volume at one (plan/names is_container_folder).
const Twin kUploads{"D:\\Contoso\\Up loads",
                    "D:\\Contoso\\Up'\xE2\x80\x99`$(x);&amp; RUN \xC3\xBC"};
const Twin kEventSource{"Order Processor Log",
                        "Order&#10;RUN evil'\xE2\x80\x99`$(x);&amp;\xC3\x9F"};
const Twin kTaskArgs{"/full run", "/full&#10;RUN evil&#10;'\xE2\x80\x99&quot;`$(x);&amp;"};
// A file name (not XML): a raw newline, as a Linux file system allows.
const Twin kToolExe{"Tool X.exe", "Tool X\nRUN evil 'q\xE2\x80\x99 `$(x);&\n.exe"};

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// UTF-16LE <-> UTF-8 for the task XML (code points of the BMP, as here).
std::string utf16_to_utf8(const std::string& bytes) {
  std::string out;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    unsigned c = static_cast<unsigned char>(bytes[i]) |
                 (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8);
    if (c == 0xFEFF && i == 0) continue;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::string utf8_to_utf16(const std::string& text) {
  std::string out = "\xFF\xFE";
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    unsigned c = b;
    std::size_t n = 1;
    if (b >= 0xE0) {
      c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
          (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      n = 3;
    } else if (b >= 0xC0) {
      c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      n = 2;
    }
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
    i += n;
  }
  return out;
}

// A copy of APPSRV01's drive with one twin's names and values.
fs::path make_drive(const fs::path& root, bool hostile) {
  auto pick = [hostile](const Twin& t) { return hostile ? t.hostile : t.benign; };
  fs::path drive = root / (hostile ? "hostile" : "benign") / "appsrv01";
  fs::create_directories(drive.parent_path());
  fs::copy(fixtures() / "servers" / "appsrv01", drive, fs::copy_options::recursive);

  fs::path host = drive / "Windows/System32/inetsrv/config/applicationHost.config";
  std::string text = read_text(host);
  text = replace_all(text, "\"Contoso Web\"", "\"" + pick(kSite) + "\"");
  text = replace_all(text, "\"ContosoWeb\"", "\"" + pick(kPool) + "\"");
  write(host, text);

  fs::path web = drive / "inetpub/ContosoWeb/Web.config";
  write(web, replace_once(read_text(web), "D:\\Contoso\\Uploads", pick(kUploads)));

  fs::path svc = drive / "Apps/OrderProcessor/Contoso.OrderProcessor.exe.config";
  write(svc, replace_once(read_text(svc), "initializeData=\"OrderProcessor\"",
                          "initializeData=\"" + pick(kEventSource) + "\""));

  fs::path task = drive / "Windows/System32/Tasks/Contoso/Nightly Export";
  write(task,
        utf8_to_utf16(replace_once(utf16_to_utf8(read_text(task)), "<Arguments>/full</Arguments>",
                                   "<Arguments>" + pick(kTaskArgs) + "</Arguments>")));

  return drive;
}

// A published folder whose program has the twin's file name (a real PE, the
// sample's service, copied under that name).
fs::path make_published(const fs::path& root, bool hostile) {
  fs::path tools = root / (hostile ? "hostile" : "benign") / "published" / "Tools X";
  fs::create_directories(tools);
  fs::copy_file(fixtures() / "sample/published/OrderProcessor/Contoso.OrderProcessor.exe",
                tools / (hostile ? kToolExe.hostile : kToolExe.benign));
  return tools.parent_path();
}

struct Output {
  std::vector<fs::path> apps;  // the app folders written, in the order containerize reports
  ArtifactReport report;
};

Output containerize(const fs::path& drive, const fs::path& published, const fs::path& out) {
  Output o;
  auto r = run_liftshift({"containerize", drive.string(), published.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find_first_of("\r\x1b"), std::string::npos) << "raw controls on the terminal";
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory()) o.apps.push_back(e.path());
  }
  std::sort(o.apps.begin(), o.apps.end());
  o.report = check_artifacts(out, {planted_secrets(), {"Tools X", "Tool X", "Up loads"}});
  return o;
}

// The files liftshift wrote for one application; its build context (app/,
// src/, vdir/, seed/) is a copy of the input, not text liftshift composed.
std::vector<fs::path> files_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string top = fs::relative(e.path(), dir).begin()->string();
    if (e.is_directory() && (top == "app" || top == "src" || top == "vdir" || top == "seed"))
      continue;
    if (e.is_regular_file() && top != "app" && top != "src" && top != "vdir" && top != "seed")
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ContainerizeHostile, HostileNamesAndValuesChangeNoInstructionStatementOrLine) {
  TempDir tmp;
  Output benign = containerize(make_drive(tmp.path(), false), make_published(tmp.path(), false),
                               tmp.path() / "out-benign");
  Output hostile = containerize(make_drive(tmp.path(), true), make_published(tmp.path(), true),
                                tmp.path() / "out-hostile");
  for (const auto& p : benign.report.problems) ADD_FAILURE() << "benign: " << p;
  for (const auto& p : hostile.report.problems) ADD_FAILURE() << "hostile: " << p;

  // The same applications, each with the same files, Dockerfiles with the
  // same instructions, YAML and Markdown with the same lines.
  ASSERT_EQ(benign.apps.size(), hostile.apps.size());
  ASSERT_GE(benign.apps.size(), 5u) << "the site, the service, the task, the tool...";
  for (std::size_t a = 0; a < benign.apps.size(); ++a) {
    auto b_files = files_of(benign.apps[a]);
    auto h_files = files_of(hostile.apps[a]);
    SCOPED_TRACE(benign.apps[a].filename().string() + " / " + hostile.apps[a].filename().string());
    ASSERT_EQ(b_files.size(), h_files.size());
    for (std::size_t f = 0; f < b_files.size(); ++f) {
      std::string name = b_files[f].filename().string();
      std::string b = read_text(b_files[f]);
      std::string h = read_text(h_files[f]);
      SCOPED_TRACE(name);
      EXPECT_EQ(h.find_first_of(std::string("\r\x1b\0", 3)), std::string::npos)
          << "a raw control character in " << h_files[f];
      if (name.rfind("Dockerfile", 0) == 0) {
        auto bi = dockerfile_instructions(b);
        auto hi = dockerfile_instructions(h);
        ASSERT_EQ(bi.size(), hi.size()) << h;
        for (std::size_t i = 0; i < bi.size(); ++i) EXPECT_EQ(bi[i].keyword, hi[i].keyword) << h;
      }
      std::string ext = b_files[f].extension().string();
      if (ext == ".yaml" || ext == ".md") {
        // The hostile pool name earns one warning line of its own (ServiceMonitor's
        // command line can't carry it, so the pool is recreated under a safe
        // name): that line is the tool speaking, not a value breaking a line.
        std::size_t renamed = h.find("\n- application pool '") != std::string::npos &&
                                      b.find("\n- application pool '") == std::string::npos
                                  ? 1
                                  : 0;
        EXPECT_EQ(line_count(b), line_count(h) - renamed) << h;
      }
    }
  }

  // The hostile values did reach the artifacts (the test is not vacuous): the
  // event source as a PowerShell concatenation, the tool's name in a
  // Dockerfile's exec form, a value with ’ in a YAML file.
  std::string dockerfiles;
  std::string yaml;
  for (const auto& app : hostile.apps) {
    for (const auto& f : files_of(app)) {
      std::string name = f.filename().string();
      if (name.rfind("Dockerfile", 0) == 0) dockerfiles += read_text(f);
      if (f.extension() == ".yaml") yaml += read_text(f);
    }
  }
  EXPECT_NE(dockerfiles.find("('Order' + [char]10 + 'RUN evil''\xE2\x80\x99\xE2\x80\x99`$(x);&"),
            std::string::npos)
      << dockerfiles;
  EXPECT_NE(dockerfiles.find("-BinaryPathName ('\"C:\\app\\Tool X' + [char]10 + 'RUN evil ''q"),
            std::string::npos)
      << dockerfiles;
  EXPECT_NE(yaml.find("Up'\xE2\x80\x99`$(x);&"), std::string::npos) << yaml;

  // Every PowerShell snippet: the same statements and command words.
  ASSERT_EQ(benign.report.snippets.size(), hostile.report.snippets.size());
  if (!hostile.report.powershell_checked) LIFTSHIFT_REQUIRE_PWSH();
  ASSERT_EQ(benign.report.parses.size(), hostile.report.parses.size());
  for (std::size_t i = 0; i < benign.report.parses.size(); ++i) {
    const auto& s = hostile.report.snippets[i];
    EXPECT_EQ(benign.report.parses[i].statements, hostile.report.parses[i].statements)
        << s.file << ":" << s.line << "\n  " << benign.report.snippets[i].text << "\n  " << s.text;
    EXPECT_EQ(benign.report.parses[i].command_words, hostile.report.parses[i].command_words)
        << s.file << ":" << s.line << "\n  " << benign.report.snippets[i].text << "\n  " << s.text;
  }
}

}  // namespace
}  // namespace liftshift::test
