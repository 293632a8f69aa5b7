// The artifact check finds each kind of defect it is there for.
#include "artifact_check.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift::test {
namespace {

bool has_problem(const ArtifactReport& r, const std::string& part) {
  for (const auto& p : r.problems) {
    if (p.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(ArtifactCheck, JoinsContinuationsAndSkipsComments) {
  auto ins = dockerfile_instructions(
      "# escape=`\nFROM x\n# c\nRUN a `\n# inside\n    b\n\nENTRYPOINT [\"x\"]\n");
  ASSERT_EQ(ins.size(), 3u);
  EXPECT_EQ(ins[1].args, "a     b");
  EXPECT_EQ(ins[1].line, 4);
}

TEST(ArtifactCheck, FindsEachKindOfDefect) {
  TempDir out;
  out.write("app1/Dockerfile",
            "# escape=`\n"
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
            "SHELL [\"powershell\", \"-Command\"]\n"
            "RUN if ( {\n"
            "RUN nuget restore Service References\\x.sln\n"
            "RUN nuget restore 'Service References\\y.sln'\n"
            "COPY missing.json C:/x.json\n"
            "COPY app/ .\n"
            "COPY present.json C:/present.json\n"
            "BOGUS thing\n");
  out.write("app1/present.json", "{}");
  out.write("app1/MIGRATION.md", "```powershell\nCopy-Item -Path 'a\n```\nS3cr3tValue\n");
  out.write("app1/k8s/bad.yaml", "a: [\n");
  // compose expands $VAR: a PowerShell variable must be written $$.
  out.write("app1/compose.yaml",
            "services:\n  a:\n    entrypoint: [powershell, -Command, \"exit $LASTEXITCODE\"]\n"
            "  b:\n    entrypoint: [powershell, -Command, \"exit $$LASTEXITCODE\"]\n");
  auto r = check_artifacts(out.path(), {{"S3cr3tValue"}, {"Service References"}});
  EXPECT_TRUE(has_problem(r, "not a Dockerfile instruction: BOGUS"));
  EXPECT_TRUE(has_problem(r, "'missing.json' is not in the build context"));
  EXPECT_FALSE(has_problem(r, "present.json")) << ::testing::PrintToString(r.problems);
  EXPECT_FALSE(has_problem(r, "'app/'")) << "app/ is not written yet: not checked";
  EXPECT_TRUE(has_problem(r, "Dockerfile:5: the path 'Service References' is not quoted"));
  EXPECT_FALSE(has_problem(r, "Dockerfile:6:")) << ::testing::PrintToString(r.problems);
  EXPECT_TRUE(has_problem(r, "MIGRATION.md: holds a secret value"));
  EXPECT_TRUE(has_problem(r, "bad.yaml: does not load as YAML"));
  EXPECT_TRUE(has_problem(r, "compose.yaml:3: compose would expand the $ of 'exit $LASTEXITCODE'"));
  EXPECT_FALSE(has_problem(r, "$$LASTEXITCODE")) << ::testing::PrintToString(r.problems);
  EXPECT_EQ(r.instructions["app1/Dockerfile"], 9);
  // Three RUN lines, the Markdown block and the two compose commands, as
  // compose hands them over ($$ read as $).
  ASSERT_EQ(r.snippets.size(), 6u);
  EXPECT_EQ(r.snippets[5].text, "exit $LASTEXITCODE");
  LIFTSHIFT_REQUIRE_PWSH();
  EXPECT_TRUE(has_problem(r, "app1/Dockerfile:4: PowerShell does not parse"));
  EXPECT_TRUE(has_problem(r, "app1/MIGRATION.md:2: PowerShell does not parse"));
  EXPECT_FALSE(has_problem(r, "Dockerfile:5: PowerShell")) << "a split path still parses";
  ASSERT_EQ(r.parses.size(), 6u);
  EXPECT_EQ(r.parses[1].command_words, std::vector<int>{4});
  EXPECT_EQ(r.parses[2].command_words, std::vector<int>{3});
}

// liftshift's own ${NAME:-default}, declared in .env.example with that
// default, is a variable on purpose; any other `$` is a literal left unescaped.
TEST(ArtifactCheck, ToldOurInterpolationFromALiteralDollar) {
  TempDir out;
  out.write("a/.env.example", "# the tag\nIMAGE_TAG=1.0.0\nHTTP_PORT=8080\nbad line\n");
  out.write("a/compose.yaml",
            "services:\n"
            "  x:\n"
            "    image: r/x:${IMAGE_TAG:-1.0.0}\n"
            "    ports: [{target: 80, published: \"${HTTP_PORT:-8080}\"}]\n"
            "    environment:\n"
            "      OK: \"$${IMAGE_TAG:-1.0.0} and $$HOME\"\n"
            "      BRACES: \"${HOME}\"\n"
            "      PLAIN: \"a $HOME\"\n"
            "      UNDECLARED: \"${OTHER_TAG:-1}\"\n"
            "      WRONG_DEFAULT: \"${IMAGE_TAG:-2.0.0}\"\n"
            "      LOWER: \"${image_tag:-1.0.0}\"\n");
  out.write("b/compose.override.yaml", "services:\n  x:\n    image: \"r/x:${IMAGE_TAG:-1}\"\n");
  auto r = check_artifacts(out.path());
  EXPECT_FALSE(has_problem(r, "compose.yaml:3:")) << ::testing::PrintToString(r.problems);
  EXPECT_FALSE(has_problem(r, "compose.yaml:4:")) << ::testing::PrintToString(r.problems);
  EXPECT_FALSE(has_problem(r, "compose.yaml:6:")) << "$$ is a literal, even before {";
  EXPECT_TRUE(has_problem(r, "compose.yaml:7: compose would expand the $ of '${HOME}'"));
  EXPECT_TRUE(has_problem(r, "compose.yaml:8: compose would expand the $ of 'a $HOME'"));
  EXPECT_TRUE(has_problem(r, "compose.yaml:9: ${OTHER_TAG} is not in .env.example"));
  EXPECT_TRUE(has_problem(r, "compose.yaml:10: ${IMAGE_TAG} defaults to 2.0.0, .env.example"));
  EXPECT_TRUE(has_problem(r, "compose.yaml:11: compose would expand the $"));
  EXPECT_TRUE(has_problem(r, "a/.env.example:4: neither a comment nor NAME=VALUE"));
  EXPECT_TRUE(has_problem(r, "b/compose.override.yaml:3: ${IMAGE_TAG} is not in .env.example"))
      << "an override is checked too, against its own folder's .env.example";
}

}  // namespace
}  // namespace liftshift::test
