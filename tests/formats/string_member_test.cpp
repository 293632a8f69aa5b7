// What a string member is defined as (formats/string_member).
#include "formats/string_member.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

using Kind = StringTerm::Kind;

// The member's terms as "literal:x", "name:x", "setting:key", "default:key|value".
std::vector<std::string> terms(std::string_view text, std::string_view member, bool vb = false) {
  const LexedSource file = lex_source_file(text, vb);
  const auto found = find_string_member(file, member);
  if (!found) return {"none"};
  std::vector<std::string> out;
  auto op = [](const StringOperand& o) { return (o.literal ? "'" : "") + o.text; };
  for (const auto& t : found->terms) {
    switch (t.kind) {
      case Kind::kValue:
        out.push_back(op(t.value));
        break;
      case Kind::kSetting:
        out.push_back("setting:" + op(t.key));
        break;
      case Kind::kDefaulted:
        out.push_back("default:" + op(t.key) + "|" + op(t.value));
        break;
    }
  }
  return out;
}

using V = std::vector<std::string>;

TEST(StringMember, ConstantsFieldsAndConcatenations) {
  EXPECT_EQ(terms("class C { private const string Name = \"Orders\"; }", "Name"), V{"'Orders"});
  EXPECT_EQ(terms("class C { const string Key = Prefix + \".serviceName\"; }", "Key"),
            (V{"Prefix", "'.serviceName"}));
  EXPECT_EQ(terms("static readonly string Name = @\"Contoso\\Orders\";", "Name"),
            V{"'Contoso\\Orders"});
  EXPECT_EQ(terms("public static String Name = Names.Default;", "Name"), V{"Names.Default"});
}

TEST(StringMember, PropertiesInEveryCSharpShape) {
  EXPECT_EQ(terms("public static string Name => \"A\";", "Name"), V{"'A"});
  EXPECT_EQ(terms("public static string Name { get { return \"B\"; } }", "Name"), V{"'B"});
  EXPECT_EQ(terms("public string Name { get => this.Other; }", "Name"), V{"Other"});
  EXPECT_EQ(terms("public string Name { get; } = \"D\";", "Name"), V{"'D"});
  EXPECT_EQ(terms("public static string ServiceName\n{\n  get { return "
                  "GetConfigurationOrDefault(KeyServiceName, DefaultServiceName); }\n}",
                  "ServiceName"),
            V{"default:KeyServiceName|DefaultServiceName"});
  EXPECT_EQ(
      terms("static string Name => ConfigurationManager.AppSettings[\"svc\"] ?? \"Def\";", "Name"),
      V{"default:'svc|'Def"});
  EXPECT_EQ(terms("static string Name => Environment.GetEnvironmentVariable(\"SVC\") ?? Fallback;",
                  "Name"),
            V{"default:'SVC|Fallback"});
  EXPECT_EQ(terms("static string Name => ConfigurationManager.AppSettings[\"svc\"];", "Name"),
            V{"setting:'svc"});
}

TEST(StringMember, VisualBasicConstantsAndProperties) {
  EXPECT_EQ(terms("Public Const Name As String = \"Orders\"\n", "Name", true), V{"'Orders"});
  EXPECT_EQ(terms("Shared ReadOnly name As String = Prefix & \".x\"\n", "Name", true),
            (V{"Prefix", "'.x"}));
  EXPECT_EQ(terms("Public Shared ReadOnly Property Name() As String\n  Get\n    Return "
                  "If(ConfigurationManager.AppSettings(\"svc\"), \"Def\")\n  End Get\nEnd "
                  "Property\n",
                  "Name", true),
            V{"default:'svc|'Def"});
}

TEST(StringMember, OtherShapesAreNotGuessed) {
  EXPECT_EQ(terms("static string Name => $\"svc-{Environment.MachineName}\";", "Name"), V{"none"});
  EXPECT_EQ(terms("static string Name => Compute(1);", "Name"), V{"none"});
  EXPECT_EQ(terms("static int Name = 4;", "Name"), V{"none"});
  EXPECT_EQ(terms("void F() { Name = \"x\"; }", "Name"), V{"none"}) << "an assignment";
  EXPECT_EQ(terms("// const string Name = \"x\";", "Name"), V{"none"});
  EXPECT_EQ(terms("const string Name = ", "Name"), V{"none"});
  EXPECT_EQ(terms("string Name { get { return", "Name"), V{"none"});
  EXPECT_EQ(terms("string Name { get { return \"x\"", "Name"), V{"none"});
}

TEST(StringMember, TypesDeclaredInAFile) {
  const LexedSource cs =
      lex_source_file("namespace N { public static class Configuration { } }", false);
  EXPECT_TRUE(declares_type(cs, "Configuration"));
  EXPECT_FALSE(declares_type(cs, "Config"));
  const LexedSource vb = lex_source_file("Public Module Names\nEnd Module\n", true);
  EXPECT_TRUE(declares_type(vb, "names"));
}

}  // namespace
}  // namespace liftshift
