// The quoting layer, one target at a time; PowerShell's own parser checks
// that every hostile value stays one argument.
#include "emit/quoting.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "artifact_check.hpp"
#include "emit/yaml_out.hpp"
#include "powershell_parser.hpp"

namespace liftshift {
namespace {

// Names and values as hostile inputs carry them.
const std::vector<std::string>& hostile_values() {
  static const std::vector<std::string> v{
      "Tool\nRUN curl evil | sh\n.exe",
      "a\r\nb",
      "it's",
      "it\xE2\x80\x99s (typographic)",
      "\xE2\x80\x98left\xE2\x80\x9B and \xE2\x80\x9Alow",
      "say \"hi\"",
      "back`tick`",
      "trailing`",
      "$(Remove-Item -Recurse C:\\)",
      "${env:PATH}",
      "a; b & c | d",
      "Portal aukcyjny\\Portal aukcyjny.csproj",
      "-Force",
      "@splat",
      "Zażółć gęślą jaźń",
      "tab\there",
      "nul\x01\x1b[31m\xC2\x9B",
      "",
      "'",
  };
  return v;
}

TEST(QuotingDockerfile, JsonStringIsLosslessAndOneLine) {
  EXPECT_EQ(dockerfile_json_string("C:\\app\\a \"b\".exe"), R"("C:\\app\\a \"b\".exe")");
  EXPECT_EQ(dockerfile_json_string("a\nb\x1b"), R"("a\u000Ab\u001B")");
  for (const auto& v : hostile_values()) {
    std::string s = dockerfile_json_string(v);
    EXPECT_EQ(s.find_first_of("\r\n"), std::string::npos) << v;
    // Lossless: a JSON reader gets the value back (invalid UTF-8 aside).
    EXPECT_EQ(nlohmann::json::parse(s).get<std::string>(), v) << s;
  }
  EXPECT_EQ(dockerfile_json_array({"C:\\ServiceMonitor.exe", "w3svc"}),
            R"(["C:\\ServiceMonitor.exe", "w3svc"])");
}

TEST(QuotingDockerfile, LineGuardLeavesNoNewInstructionAndNoContinuation) {
  std::string text = "# escape=`\nFROM x\nRUN " + dockerfile_line("echo a\nRUN evil\r\nx`  ") +
                     "\n" + dockerfile_comment("note\nRUN evil") + "\nUSER ContainerUser\n";
  auto ins = test::dockerfile_instructions(text);
  ASSERT_EQ(ins.size(), 3u) << text;
  EXPECT_EQ(ins[1].keyword, "RUN");
  EXPECT_EQ(ins[1].args, "echo a RUN evil  x");
  EXPECT_EQ(ins[2].keyword, "USER");
}

TEST(QuotingDockerfile, CopyTakesTheJsonFormForSpacesAndEscapesWordCharacters) {
  EXPECT_EQ(dockerfile_copy("COPY", {"app/"}, "."), "COPY app/ .");
  EXPECT_EQ(dockerfile_copy("COPY", {"seed/App Data/"}, "C:\\app\\App Data"),
            R"(COPY ["seed/App Data/", "C:\\app\\App Data"])");
  EXPECT_EQ(dockerfile_path_word("a$HOME'b\"c`d\ne"), "a`$HOME`'b`\"c``d_e");
}

TEST(QuotingPowerShell, LiteralDoublesEverySingleQuote) {
  EXPECT_EQ(ps_literal("it's"), "'it''s'");
  EXPECT_EQ(ps_literal("it\xE2\x80\x99s"), "'it\xE2\x80\x99\xE2\x80\x99s'");
  EXPECT_EQ(ps_literal(""), "''");
  EXPECT_EQ(ps_literal("a\nb"), "('a' + [char]10 + 'b')");
  EXPECT_EQ(ps_literal("\n"), "('' + [char]10)");
  EXPECT_EQ(ps_argument("C:\\app\\Contoso.Web.csproj"), "C:\\app\\Contoso.Web.csproj");
  EXPECT_EQ(ps_argument("Portal aukcyjny\\P.sln"), "'Portal aukcyjny\\P.sln'");
  EXPECT_EQ(ps_argument("-Force"), "'-Force'");
  EXPECT_EQ(ps_command("C:\\ServiceMonitor.exe", {"w3svc"}), "C:\\ServiceMonitor.exe w3svc");
  EXPECT_EQ(ps_command("C:\\Program Files\\t.exe", {"a b"}), "& 'C:\\Program Files\\t.exe' 'a b'");
}

TEST(QuotingPowerShell, EveryHostileValueParsesAsOneArgument) {
  LIFTSHIFT_REQUIRE_PWSH();
  std::vector<std::string> snippets;
  for (const auto& v : hostile_values()) {
    snippets.push_back("Write-Output " + ps_argument(v));
    snippets.push_back("$x = " + ps_literal(v) + "; Write-Output $x");
    snippets.push_back(ps_command("C:\\Tools\\" + v + ".exe", {v, "--flag"}));
  }
  auto parsed = test::parse_powershell(snippets);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), snippets.size());
  for (std::size_t i = 0; i < snippets.size(); ++i) {
    const auto& p = (*parsed)[i];
    EXPECT_TRUE(p.errors.empty()) << snippets[i] << ": " << ::testing::PrintToString(p.errors);
    std::size_t kind = i % 3;
    EXPECT_EQ(p.statements, kind == 1 ? 2 : 1) << snippets[i];
    std::vector<int> words = kind == 0   ? std::vector<int>{2}
                             : kind == 1 ? std::vector<int>{2}
                                         : std::vector<int>{3};
    EXPECT_EQ(p.command_words, words) << snippets[i];
  }
}

TEST(QuotingCmd, ArgumentsAreQuotedAndPercentIsEscaped) {
  EXPECT_EQ(cmd_argument("C:\\app\\t.exe"), "C:\\app\\t.exe");
  EXPECT_EQ(cmd_argument("C:\\Program Files\\t.exe"), "\"C:\\Program Files\\t.exe\"");
  EXPECT_EQ(cmd_argument("a & b"), "\"a & b\"");
  EXPECT_EQ(cmd_argument("100%PATH%"), "\"100\"^%\"PATH\"^%\"\"");
  EXPECT_EQ(cmd_argument("say \"hi\"\n"), "\"say _hi__\"");
  EXPECT_EQ(cmd_argument("C:\\dir with space\\"), "\"C:\\dir with space\\\\\"");
}

TEST(QuotingMarkdown, CodeFenceOutrunsBackticksAndTextEscapesMarkup) {
  EXPECT_EQ(md_code("C:\\app"), "`C:\\app`");
  EXPECT_EQ(md_code("a`b"), "``a`b``");
  EXPECT_EQ(md_code("``x"), "``` ``x ```");
  EXPECT_EQ(md_code("line\n# heading"), "`line # heading`");
  EXPECT_EQ(md_text("App_Data *bold* [link](x) <b> a|b &amp; \\*"),
            "App_Data \\*bold\\* \\[link\\](x) \\<b\\> a\\|b \\&amp; \\\\\\*");
  EXPECT_EQ(md_text("_x_ C:\\app\\x"), "\\_x\\_ C:\\app\\x");
  EXPECT_EQ(md_text("two\nlines"), "two lines");
}

TEST(QuotingYaml, Yaml11AmbiguousScalarsAreQuoted) {
  for (const char* s : {"0x1F",
                        "0b101",
                        "on",
                        "Off",
                        "yes",
                        "n",
                        "12:30",
                        "190:20:30",
                        "<<",
                        "=",
                        "~",
                        "null",
                        "1e3",
                        ".5",
                        "-.inf",
                        ".NaN",
                        "0777",
                        "2001-12-14",
                        "2001-12-14t21:59:43.10-05:00",
                        "",
                        "+12",
                        "1_000"}) {
    EXPECT_TRUE(yaml_needs_quotes(s)) << s;
  }
  for (const char* s : {"web", "C:\\app", "0xZZ", "onward", "v1.0", "a:b"})
    EXPECT_FALSE(yaml_needs_quotes(s)) << s;
}

TEST(QuotingYaml, HostileValuesReadBackAndKeepTheLineCount) {
  YamlValue benign = yaml_map({{"name", YamlValue("tool")}, {"args", YamlValue::array({"a"})}});
  std::string reference = yaml_document(benign, {"header"});
  auto count_lines = [](const std::string& t) { return std::count(t.begin(), t.end(), '\n'); };
  for (const auto& v : hostile_values()) {
    YamlValue doc = yaml_map({{"name", YamlValue(v)}, {"args", YamlValue::array({v})}});
    std::string text = yaml_document(doc, {"header " + v});
    EXPECT_EQ(count_lines(text), count_lines(reference)) << text;
    YAML::Node back = YAML::Load(text);
    EXPECT_EQ(back["name"].as<std::string>(), v) << text;
    EXPECT_EQ(back["args"][0].as<std::string>(), v) << text;
  }
}

TEST(QuotingTerminal, ControlCharactersAreShownEscaped) {
  EXPECT_EQ(terminal_text("a\nb\r\t\x1b[31m\xC2\x9B\xFFz Zażółć"),
            "a\\nb\\r\\t\\x1B[31m\\u009B\\xFFz Zażółć");
  EXPECT_EQ(terminal_text("C:\\app"), "C:\\app");
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

TEST(ComposeQuoting, EveryDollarIsDoubled) {
  EXPECT_EQ(compose_value("exit $LASTEXITCODE"), "exit $$LASTEXITCODE");
  EXPECT_EQ(compose_value("${A:-b} $$"), "$${A:-b} $$$$");
  EXPECT_EQ(compose_value("C:\\app"), "C:\\app");
}

}  // namespace
}  // namespace liftshift
