// The field lists of the plan file (plan/plan_fields.hpp) against the structs
// of core/plan.hpp: every member is listed (a member added without its line
// fails MemberCounts), and a Plan with every field set to a value of its own
// reads back as it was written (EveryFieldRoundTrips).
#include "plan/plan_fields.hpp"

#include <gtest/gtest.h>

#include "plan/plan_file.hpp"

namespace liftshift {

// Converts to any member type: T{AnyMember{}...} compiles for up to as many
// initializers as the aggregate T has members. Outside the anonymous
// namespace: its operator is declared, never defined (only used unevaluated),
// which clang rejects for a function of internal linkage.
struct PlanFieldsAnyMember {
  template <class T>
  operator T() const;  // NOLINT: implicit on purpose
};

namespace {

using plan_fields::EnumValues;
using plan_fields::fields;
using plan_fields::HasFields;

using AnyMember = PlanFieldsAnyMember;

template <class T, class... A>
constexpr std::size_t member_count() {
  if constexpr (requires { T{A{}..., AnyMember{}}; }) {
    return member_count<T, A..., AnyMember>();
  } else {
    return sizeof...(A);
  }
}

struct Counter {
  std::size_t n = 0;
  void topics(std::initializer_list<const char*>) {}
  template <class T>
  void operator()(const char*, T&) {
    ++n;
  }
};

template <class T>
std::size_t listed() {
  Counter c;
  T value{};
  fields(c, value);
  return c.n;
}

#define EXPECT_ALL_LISTED(T) \
  EXPECT_EQ(member_count<T>(), listed<T>()) << #T " has members plan/plan_fields.hpp doesn't list"

TEST(PlanFields, MemberCounts) {
  static_assert(member_count<Port>() == 4);  // the counter itself
  EXPECT_ALL_LISTED(Plan);
  EXPECT_ALL_LISTED(PlanOptions);
  EXPECT_ALL_LISTED(AppPlan);
  EXPECT_ALL_LISTED(Decision);
  EXPECT_ALL_LISTED(CronSchedule);
  EXPECT_ALL_LISTED(Port);
  EXPECT_ALL_LISTED(VolumePlan);
  EXPECT_ALL_LISTED(ConfigValue);
  EXPECT_ALL_LISTED(SecretName);
  EXPECT_ALL_LISTED(LogChannel);
  EXPECT_ALL_LISTED(LogFolder);
  EXPECT_ALL_LISTED(EtwProvider);
  EXPECT_ALL_LISTED(LogMonitorPlan);
  EXPECT_ALL_LISTED(RuntimeInstall);
  EXPECT_ALL_LISTED(ContextCopy);
  EXPECT_ALL_LISTED(ConfigSectionMove);
  EXPECT_ALL_LISTED(ConfigValueChange);
  EXPECT_ALL_LISTED(ConfigRewrite);
  EXPECT_ALL_LISTED(BuildPlan);
  EXPECT_ALL_LISTED(HttpCheck);
  EXPECT_ALL_LISTED(HealthPlan);
  EXPECT_ALL_LISTED(ResourcePlan);
  EXPECT_ALL_LISTED(EnvironmentPlan);
  EXPECT_ALL_LISTED(NamedEnvironmentPlan);
  EXPECT_ALL_LISTED(Environments);
  EXPECT_ALL_LISTED(Blocker);
  EXPECT_ALL_LISTED(Finding);
  EXPECT_ALL_LISTED(FixItem);
  EXPECT_ALL_LISTED(PlanDisk);
  // Framework has constructors (no aggregate): its four members by hand.
  EXPECT_EQ(listed<Framework>(), 4u);
  // BuildStep too: comment, command and the three supplied_* members.
  EXPECT_EQ(listed<BuildStep>(), 5u);
}

// Sets every field to a value of its own: strings "s1", "s2"..., numbers 1,
// 2..., booleans flipped, enums their last value, optionals set, lists one item.
struct Filler {
  int n = 0;
  void topics(std::initializer_list<const char*>) {}
  template <class T>
  void operator()(const char*, T& member) {
    fill(member);
  }
  template <class T>
  void fill(T& member) {
    ++n;
    if constexpr (std::is_same_v<T, std::string>) {
      // Text that needs quoting in YAML, now and then.
      member = n % 3 == 0 ? "s" + std::to_string(n) + ": \"x\" # y\n" : "s" + std::to_string(n);
    } else if constexpr (std::is_same_v<T, bool>) {
      member = !member;
    } else if constexpr (std::is_same_v<T, int>) {
      member = n;
    } else if constexpr (std::is_enum_v<T>) {
      member = EnumValues<T>::values.back();
    } else if constexpr (requires { member.has_value(); }) {
      member.emplace();
      fill(*member);
    } else if constexpr (requires { member.push_back(*member.begin()); }) {
      member.resize(2);
      for (auto& item : member) fill(item);
      // A list of enum values holds distinct ones (the reader drops repeats).
      using Item = std::decay_t<decltype(*member.begin())>;
      if constexpr (std::is_enum_v<Item>) {
        for (std::size_t i = 0; i < member.size(); ++i)
          member[i] = EnumValues<Item>::values[i % EnumValues<Item>::values.size()];
      }
    } else {
      static_assert(HasFields<T>);
      fields(*this, member);
    }
  }
};

TEST(PlanFields, EveryFieldRoundTrips) {
  PlanDocument document;
  Filler filler;
  filler.fill(document.plan);
  document.partition = 3;
  std::string written = write_plan_file(document);
  auto read = read_plan_file(written, "plan.yaml", false);
  ASSERT_TRUE(read.document) << (read.errors.empty() ? "" : read.errors.front());
  EXPECT_EQ(read.document->partition, 3);
  EXPECT_EQ(write_plan_file(*read.document), written);
  // Spot checks that the values are the filled ones, not defaults written twice.
  const AppPlan& app = read.document->plan.apps.at(1);
  EXPECT_EQ(app.windows_version, WindowsVersion::kLtsc2025);
  EXPECT_TRUE(app.schedule.has_value());
  EXPECT_EQ(app.volumes.size(), 2u);
  EXPECT_NE(app.volumes[0].size, "10Gi");
  EXPECT_NE(app.build.copies.at(1).exclude.at(1), "");
}

// A pipeline listed twice in an edited plan is read once, in its first place
// (each pipeline file, and its MIGRATION.md and BACKUP.md lines, once).
TEST(PlanFields, RepeatedPipelinesAreReadOnce) {
  std::string text =
      "liftshift_plan: 1\n"
      "options:\n"
      "  pipelines: [gitlab, github, gitlab]\n"
      "apps:\n"
      "  - app_id: a\n"
      "    pipelines: [azure, azure, github, azure]\n";
  auto read = read_plan_file(text, "p.yaml", false);
  ASSERT_TRUE(read.document) << (read.errors.empty() ? "" : read.errors.front());
  EXPECT_EQ(read.document->plan.options.pipelines,
            (std::vector<Pipeline>{Pipeline::kGitlab, Pipeline::kGithub}));
  ASSERT_EQ(read.document->plan.apps.size(), 1u);
  EXPECT_EQ(read.document->plan.apps[0].pipelines,
            (std::vector<Pipeline>{Pipeline::kAzure, Pipeline::kGithub}));
  EXPECT_EQ(parse_pipeline("gitlab"), Pipeline::kGitlab);
  EXPECT_EQ(parse_pipeline("GitLab"), std::nullopt);
}

TEST(PlanFields, UnknownKeysAndWrongTypesNameTheirLine) {
  std::string text =
      "liftshift_plan: 1\n"           // 1
      "options:\n"                    // 2
      "  orchestrator: kubernetes\n"  // 3
      "  replicas: 3\n"               // 4
      "apps:\n"                       // 5
      "  - app_id: a\n"               // 6
      "    web: maybe\n"              // 7
      "    kind: spaceship\n";        // 8
  auto read = read_plan_file(text, "p.yaml", false);
  EXPECT_FALSE(read.document);
  ASSERT_EQ(read.errors.size(), 3u);
  EXPECT_EQ(read.errors[0], "p.yaml:4: unknown key 'replicas' in options");
  EXPECT_EQ(read.errors[1], "p.yaml:7: apps[0].web must be true or false, not 'maybe'");
  EXPECT_EQ(read.errors[2].rfind("p.yaml:8: apps[0].kind: 'spaceship' is not one of web,", 0), 0u)
      << read.errors[2];
}

TEST(PlanFields, HostileYamlIsAnErrorNotACrash) {
  std::string deep = "liftshift_plan: 1\napps: " + std::string(100000, '[') + "\n";
  auto r = read_plan_file(deep, "p.yaml");
  EXPECT_FALSE(r.document);
  EXPECT_FALSE(r.errors.empty());
  // An alias is read as the value it names (with that value's line): a map
  // where a list goes is an error.
  auto alias = read_plan_file("liftshift_plan: 1\noptions: &o\n  registry: x\nrefusals: *o\n",
                              "p.yaml", false);
  ASSERT_EQ(alias.errors.size(), 1u);
  EXPECT_EQ(alias.errors[0], "p.yaml:2: refusals must be a list");
}

TEST(PlanFields, NotAPlan) {
  EXPECT_EQ(read_plan_file("a: [", "p.yaml").errors.size(), 1u);
  auto r = read_plan_file("apps: []\n", "p.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("not a liftshift plan"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
