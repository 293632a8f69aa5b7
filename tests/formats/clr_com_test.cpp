// COM and COM+ in CLR metadata (formats/clr_metadata) on assemblies built by
// mcs: serviced components resolved through the TypeRef's assembly,
// [ComVisible] on the assembly and its classes, the COM+ application's
// activation and name.
#include <gtest/gtest.h>

#include "formats/pe.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

BinaryFacts parse(const std::string& name) {
  auto r = parse_pe(test::read_bytes(test::fixtures() / "pe" / name), name);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : BinaryFacts{};
}

TEST(ClrCom, ServicedComponentsDirectAndThroughTheirOwnBaseClass) {
  BinaryFacts f = parse("ServicedLedger.dll");
  // Reconciliation derives from the assembly's own AuditedComponent, which
  // derives from ServicedComponent; Helper is no serviced component.
  EXPECT_EQ(f.serviced_components,
            (std::vector<std::string>{"Contoso.Ledger.Posting", "Contoso.Ledger.AuditedComponent",
                                      "Contoso.Ledger.Reconciliation"}));
  EXPECT_EQ(f.complus_activation, "server");
  EXPECT_EQ(f.complus_name, "Contoso Ledger");
  EXPECT_TRUE(f.com_visible);
  EXPECT_TRUE(f.warnings.empty());
}

TEST(ClrCom, ComVisibleClassInAnAssemblyHiddenFromCom) {
  BinaryFacts f = parse("ComVisibleLib.dll");
  EXPECT_FALSE(f.com_visible);
  EXPECT_EQ(f.com_visible_types, std::vector<std::string>{"Contoso.Interop.RateCalculator"});
  EXPECT_TRUE(f.serviced_components.empty());
  EXPECT_EQ(f.complus_activation, "");
}

// A class named System.EnterpriseServices.ServicedComponent in an assembly
// of the application's own: the TypeRef resolves there, so no COM+.
TEST(ClrCom, ALookalikeServicedComponentOfAnotherAssemblyIsNone) {
  BinaryFacts f = parse("LookalikeUser.dll");
  EXPECT_NE(std::find(f.type_refs.begin(), f.type_refs.end(),
                      "System.EnterpriseServices.ServicedComponent"),
            f.type_refs.end());
  EXPECT_TRUE(f.serviced_components.empty());
}

TEST(ClrCom, OtherAssembliesHaveNoComFacts) {
  BinaryFacts f = parse("MsmqConsole.exe");
  EXPECT_TRUE(f.serviced_components.empty());
  EXPECT_TRUE(f.com_visible_types.empty());
  EXPECT_FALSE(f.com_visible);
}

}  // namespace
}  // namespace liftshift
