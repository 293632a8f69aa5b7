// Where a service name is set from an identifier (formats/service_name_ref).
#include "formats/service_name_ref.hpp"

#include <gtest/gtest.h>

#include "formats/source_lexer.hpp"

namespace liftshift {
namespace {

std::vector<std::string> refs(std::string_view text, bool vb = false) {
  const auto lexed = source_lexer::lex(text, vb);
  std::vector<std::string> out;
  for (const auto& r : service_name_refs(lexed.code, vb)) out.push_back(r.name);
  return out;
}

TEST(ServiceNameRef, AssignmentsAndTopshelfCallsFromIdentifiers) {
  EXPECT_EQ(refs("class W : ServiceBase { W() { this.ServiceName = Names.Orders; } }"),
            std::vector<std::string>{"Names.Orders"});
  EXPECT_EQ(refs("HostFactory.Run(x => {\n  x.SetServiceName(Configuration.ServiceName);\n});"),
            std::vector<std::string>{"Configuration.ServiceName"});
  EXPECT_EQ(refs("var i = new ServiceInstaller { ServiceName = Settings.Name, StartType = s };"),
            std::vector<std::string>{"Settings.Name"});
  EXPECT_EQ(refs("Me.ServiceName = ServiceNames.Orders\nEnd Sub", true),
            std::vector<std::string>{"ServiceNames.Orders"});
  EXPECT_EQ(refs("Me.servicename = MyBase.Name\n", true), std::vector<std::string>{"Name"});
}

TEST(ServiceNameRef, LiteralsComparisonsCallsAndDefinitionsAreNot) {
  EXPECT_TRUE(refs("this.ServiceName = \"Orders\";").empty()) << "a literal is service-name";
  EXPECT_TRUE(refs("if (s.ServiceName == _serviceName) return;").empty());
  EXPECT_TRUE(refs("if (s.ServiceName != other) return;").empty());
  EXPECT_TRUE(refs("public string ServiceName => Names.Orders;").empty());
  EXPECT_TRUE(refs("ServiceName = GetName();").empty()) << "a call is no identifier";
  EXPECT_TRUE(refs("ServiceName = names[0];").empty());
  EXPECT_TRUE(refs("ServiceName = null;").empty());
  EXPECT_TRUE(refs("ServiceName = string.Empty;").empty());
  EXPECT_TRUE(refs("// ServiceName = Names.Orders;\n/* x.SetServiceName(A.B); */").empty());
  EXPECT_TRUE(refs("MyServiceName = Names.Orders;").empty());
}

TEST(ServiceNameRef, HostileTextIsBounded) {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "ServiceName = A.B;\n";
  EXPECT_EQ(refs(many).size(), kMaxServiceNameRefs);
  EXPECT_TRUE(refs(std::string("ServiceName = ") + std::string(5000, 'a') + ";").empty());
  EXPECT_TRUE(refs("ServiceName =").empty());
  EXPECT_TRUE(refs("SetServiceName(").empty());
}

}  // namespace
}  // namespace liftshift
