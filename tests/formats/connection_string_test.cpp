#include "formats/connection_string.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "formats/facts_dump.hpp"

namespace liftshift {
namespace {

using test::dump;

// Every string in the facts, checked for the secret text.
void expect_no_secret(const ConnectionStringFacts& f, const std::string& secret) {
  EXPECT_EQ(dump(f).find(secret), std::string::npos) << "secret leaked: " << secret;
}

TEST(ConnectionString, SqlClientPasswordIsMaskedAndServerRead) {
  const auto f = parse_connection_string(
      "OrdersDb", "System.Data.SqlClient",
      R"(Data Source=SQLPROD01\ORDERS;Initial Catalog=Orders;User ID=orders_app;Password=Sup3r$ecretPw!;MultipleActiveResultSets=True)");
  EXPECT_EQ(f.name, "OrdersDb");
  EXPECT_EQ(f.provider, "System.Data.SqlClient");
  EXPECT_EQ(
      f.masked,
      R"(Data Source=SQLPROD01\ORDERS;Initial Catalog=Orders;User ID=orders_app;Password=***;MultipleActiveResultSets=True)");
  EXPECT_TRUE(f.had_secret);
  EXPECT_EQ(f.server, R"(SQLPROD01\ORDERS)");
  EXPECT_FALSE(f.integrated_security);
  EXPECT_FALSE(f.local_file);
  EXPECT_EQ(f.local_file_path, "");
  expect_no_secret(f, "Sup3r$ecretPw!");
}

TEST(ConnectionString, QuotedValuesWithDoubledQuotesAreMaskedWhole) {
  const auto single = parse_connection_string(
      "a", "", "Server=tcp:db.contoso.net,1433;Pwd='Sq;uo''te';User Id=app");
  EXPECT_EQ(single.masked, "Server=tcp:db.contoso.net,1433;Pwd=***;User Id=app");
  EXPECT_EQ(single.server, "tcp:db.contoso.net,1433");
  expect_no_secret(single, "Sq;uo");
  expect_no_secret(single, "te'");

  const auto dbl = parse_connection_string("b", "", R"(Password="Dq""uo;te";Data Source=srv01)");
  EXPECT_EQ(dbl.masked, "Password=***;Data Source=srv01");
  EXPECT_EQ(dbl.server, "srv01");
  expect_no_secret(dbl, "Dq");
  expect_no_secret(dbl, "uo;te");
}

TEST(ConnectionString, OdbcBracedValueWithEscapedBrace) {
  const auto f =
      parse_connection_string("Legacy", "System.Data.Odbc",
                              "Driver={ODBC Driver 17 for SQL "
                              "Server};Server=legacy01;Uid=sa;Pwd={Br@ce}}d;Pw};Database=Legacy");
  EXPECT_EQ(
      f.masked,
      "Driver={ODBC Driver 17 for SQL Server};Server=legacy01;Uid=sa;Pwd=***;Database=Legacy");
  EXPECT_EQ(f.server, "legacy01");
  EXPECT_TRUE(f.had_secret);
  expect_no_secret(f, "Br@ce");
  expect_no_secret(f, "d;Pw");
}

TEST(ConnectionString, CloudKeysAreMaskedButKeyNamesKept) {
  const auto storage = parse_connection_string(
      "Blob", "",
      "DefaultEndpointsProtocol=https;AccountName=contosostore;AccountKey=Zm9vYmFyYmF6cXV4K0tleQ==;"
      "EndpointSuffix=core.windows.net");
  EXPECT_EQ(storage.masked,
            "DefaultEndpointsProtocol=https;AccountName=contosostore;AccountKey=***;"
            "EndpointSuffix=core.windows.net");
  expect_no_secret(storage, "Zm9vYmFyYmF6cXV4K0tleQ");

  const auto spaced =
      parse_connection_string("Blob2", "", "Account Name=x;Account Key=S3cr3tAcc0untKey");
  EXPECT_EQ(spaced.masked, "Account Name=x;Account Key=***");

  const auto bus = parse_connection_string(
      "Bus", "",
      "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
      "SharedAccessKey=c2VjcmV0S2V5VmFsdWU=");
  EXPECT_EQ(
      bus.masked,
      "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
      "SharedAccessKey=***");
  EXPECT_TRUE(bus.had_secret);
  expect_no_secret(bus, "c2VjcmV0S2V5VmFsdWU");

  const auto aad =
      parse_connection_string("Aad", "",
                              "Server=tcp:contoso.database.windows.net;Client "
                              "Secret=Cl13ntS3cret;Token=eyJhbGciOi.x.y;Database=Sales");
  EXPECT_EQ(aad.masked,
            "Server=tcp:contoso.database.windows.net;Client Secret=***;Token=***;Database=Sales");
  expect_no_secret(aad, "Cl13ntS3cret");
  expect_no_secret(aad, "eyJhbGciOi");
}

TEST(ConnectionString, KeysAreCaseInsensitiveAndSpacesTolerated) {
  const auto f = parse_connection_string("x", "", " PASSWORD = spaced secret ;SERVER= db02 ");
  EXPECT_EQ(f.masked, " PASSWORD = *** ;SERVER= db02 ");
  EXPECT_EQ(f.server, "db02");
  expect_no_secret(f, "spaced secret");
}

TEST(ConnectionString, EntityFrameworkNestedStringIsMaskedInside) {
  const std::string ef =
      "metadata=res://*/Reporting.csdl|res://*/Reporting.ssdl|res://*/Reporting.msl;"
      "provider=System.Data.SqlClient;provider connection string=\"data "
      "source=sqlrpt.corp.contoso.com;"
      "initial catalog=Reporting;user id=rpt;password=EfInn3rSecret;MultipleActiveResultSets=True;"
      "App=EntityFramework\"";
  const auto f = parse_connection_string("ReportingContext", "System.Data.EntityClient", ef);
  EXPECT_EQ(f.masked,
            "metadata=res://*/Reporting.csdl|res://*/Reporting.ssdl|res://*/Reporting.msl;"
            "provider=System.Data.SqlClient;provider connection string=\"data "
            "source=sqlrpt.corp.contoso.com;"
            "initial catalog=Reporting;user id=rpt;password=***;MultipleActiveResultSets=True;"
            "App=EntityFramework\"");
  EXPECT_TRUE(f.had_secret);
  EXPECT_EQ(f.server, "sqlrpt.corp.contoso.com");
  EXPECT_FALSE(f.integrated_security);
  expect_no_secret(f, "EfInn3rSecret");
  EXPECT_EQ(mask_secrets(ef), f.masked);
}

TEST(ConnectionString, EntityFrameworkWithIntegratedSecurityInside) {
  const auto f = parse_connection_string(
      "Ctx", "System.Data.EntityClient",
      "metadata=res://*/M.csdl;provider=System.Data.SqlClient;provider connection string='Data "
      "Source=.\\SQLEXPRESS;Initial Catalog=Shop;Integrated Security=SSPI'");
  EXPECT_FALSE(f.had_secret);
  EXPECT_EQ(f.server, ".\\SQLEXPRESS");
  EXPECT_TRUE(f.integrated_security);
}

TEST(ConnectionString, LocalDbAttachFile) {
  const std::string cs =
      R"(Data Source=(LocalDb)\MSSQLLocalDB;AttachDbFilename=|DataDirectory|\aspnet-Contoso.Web-20190312.mdf;Initial Catalog=aspnet-Contoso.Web-20190312;Integrated Security=True)";
  const auto f = parse_connection_string("DefaultConnection", "System.Data.SqlClient", cs);
  EXPECT_EQ(f.masked, cs);
  EXPECT_FALSE(f.had_secret);
  EXPECT_EQ(f.server, R"((LocalDb)\MSSQLLocalDB)");
  EXPECT_TRUE(f.integrated_security);
  EXPECT_TRUE(f.local_file);
  EXPECT_EQ(f.local_file_path, R"(|DataDirectory|\aspnet-Contoso.Web-20190312.mdf)");
}

TEST(ConnectionString, LocalDbWithoutFileIsStillLocal) {
  const auto f = parse_connection_string(
      "x", "", R"(Server=(localdb)\v11.0;Database=Shop;Trusted_Connection=yes)");
  EXPECT_TRUE(f.local_file);
  EXPECT_EQ(f.local_file_path, "");
  EXPECT_EQ(f.server, R"((localdb)\v11.0)");
  EXPECT_TRUE(f.integrated_security);
}

TEST(ConnectionString, FileDataSourcesAreLocalFilesNotServers) {
  const auto ce = parse_connection_string(
      "Ce", "System.Data.SqlServerCe.4.0",
      R"(Data Source=|DataDirectory|\Contoso.sdf;Password=CePa55;Persist Security Info=False)");
  EXPECT_EQ(ce.masked,
            R"(Data Source=|DataDirectory|\Contoso.sdf;Password=***;Persist Security Info=False)");
  EXPECT_EQ(ce.server, "");
  EXPECT_TRUE(ce.local_file);
  EXPECT_EQ(ce.local_file_path, R"(|DataDirectory|\Contoso.sdf)");
  expect_no_secret(ce, "CePa55");

  const auto access = parse_connection_string(
      "Inv", "System.Data.OleDb",
      R"(Provider=Microsoft.ACE.OLEDB.12.0;Data Source=D:\Shared\Inventory.accdb;Jet OLEDB:Database Password=AccPa55;)");
  EXPECT_EQ(
      access.masked,
      R"(Provider=Microsoft.ACE.OLEDB.12.0;Data Source=D:\Shared\Inventory.accdb;Jet OLEDB:Database Password=***;)");
  EXPECT_EQ(access.server, "");
  EXPECT_TRUE(access.local_file);
  EXPECT_EQ(access.local_file_path, R"(D:\Shared\Inventory.accdb)");
  expect_no_secret(access, "AccPa55");

  for (const char* ds : {"App_Data/cache.db", "C:\\data\\app.sqlite", "legacy.mdb", "x.MDF"}) {
    const auto f = parse_connection_string("f", "", std::string("Data Source=") + ds);
    EXPECT_TRUE(f.local_file) << ds;
    EXPECT_EQ(f.local_file_path, ds);
    EXPECT_EQ(f.server, "");
  }
  const auto odbc = parse_connection_string(
      "acc", "",
      R"(Driver={Microsoft Access Driver (*.mdb)};Dbq=E:\Data\Legacy.mdb;Uid=Admin;Pwd=;)");
  EXPECT_TRUE(odbc.local_file);
  EXPECT_EQ(odbc.local_file_path, R"(E:\Data\Legacy.mdb)");
  EXPECT_FALSE(odbc.had_secret);  // empty password: nothing to mask
}

TEST(ConnectionString, IntegratedSecurityForms) {
  EXPECT_TRUE(
      parse_connection_string("", "", "Server=a;Integrated Security=SSPI").integrated_security);
  EXPECT_TRUE(
      parse_connection_string("", "", "Server=a;integrated security=true").integrated_security);
  EXPECT_TRUE(
      parse_connection_string("", "", "Server=a;Integrated Security=yes").integrated_security);
  EXPECT_TRUE(
      parse_connection_string("", "", "Server=a;Trusted_Connection=Yes").integrated_security);
  EXPECT_TRUE(parse_connection_string("", "", "Server=a;Authentication=Active Directory Integrated")
                  .integrated_security);
  EXPECT_FALSE(
      parse_connection_string("", "", "Server=a;Integrated Security=False").integrated_security);
  EXPECT_FALSE(
      parse_connection_string("", "", "Server=a;Trusted_Connection=no").integrated_security);
}

TEST(ConnectionString, ServerKeysAndOracleDescriptor) {
  EXPECT_EQ(parse_connection_string("", "", "Address=10.0.0.5;Database=x").server, "10.0.0.5");
  EXPECT_EQ(parse_connection_string("", "", "Host=pg01;Port=5432;Username=a;Password=b").server,
            "pg01");
  const auto ora = parse_connection_string("Ora", "Oracle.ManagedDataAccess.Client",
                                           "Data "
                                           "Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora01)"
                                           "(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL)));"
                                           "User Id=scott;Password=tiger;");
  EXPECT_EQ(ora.server,
            "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora01)(PORT=1521))(CONNECT_DATA=(SERVICE_"
            "NAME=ORCL)))");
  EXPECT_EQ(ora.masked,
            "Data "
            "Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora01)(PORT=1521))(CONNECT_DATA=("
            "SERVICE_NAME=ORCL)));"
            "User Id=scott;Password=***;");
  expect_no_secret(ora, "tiger");
}

TEST(ConnectionString, KeyWithoutValueAndEscapedEqualsInKey) {
  EXPECT_EQ(mask_secrets("Server=a;Flag;Password=p1;"), "Server=a;Flag;Password=***;");
  // "==" inside a key is a literal '='; the free-text pass still masks what follows.
  EXPECT_EQ(mask_secrets("Password==p2;Server=a"), "Password=***;Server=a");
}

TEST(ConnectionString, GarbageNeverCrashesAndStaysLinear) {
  std::mt19937 rng(12345);
  std::string junk(1 << 20, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  (void)parse_connection_string("j", "", junk);
  (void)mask_secret_text(junk);

  std::string many;
  for (int i = 0; i < 100000; ++i) many += "password=\"x";  // unterminated quotes
  (void)mask_secrets(many);
  std::string eqs(1 << 20, '=');
  (void)mask_secrets(eqs);
  std::string colons(1 << 20, ':');
  (void)mask_secret_text(colons);
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "a=\"b=";
  (void)mask_secrets(nested);
  // Linear time is the point; a blow-up shows as ctest's timeout (speed lives in bench/).
}

}  // namespace
}  // namespace liftshift
