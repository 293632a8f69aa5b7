// The last guard of the build context: what reads as a secret stays out,
// without taking harmless code and project files along.
#include "context/secret_screen.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(SecretScreen, FindsSecretsInTextCodeAndKeys) {
  EXPECT_NE(secret_in_text("aws_secret_access_key = abc123\n", "credentials"), "");
  EXPECT_EQ(
      secret_in_text("-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n", "key.pem"),
      "a PEM private key");
  EXPECT_NE(secret_in_text("var c = new SqlConnection(\"Server=s;Password=Pw1;\");", "Program.cs"),
            "");
  EXPECT_NE(secret_in_text("var u = \"ldap://admin:Pw2@dc01/\";", "Program.cs"), "");
  EXPECT_NE(secret_in_text("<add key=\"ApiToken\" value=\"t0k\" />", "web.config"), "");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string_view("password=Pw3")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  EXPECT_NE(secret_in_text(utf16, "x.ini"), "");
}

TEST(SecretScreen, LeavesHarmlessCodeAndProjectFilesAlone) {
  EXPECT_EQ(secret_in_text("this.serviceProcessInstaller1.Password = null;", "Installer.cs"), "");
  EXPECT_EQ(secret_in_text("installer.Password = password;", "Installer.cs"), "");
  EXPECT_EQ(secret_in_text("<Reference Include=\"log4net, Version=2.0.8.0, Culture=neutral, "
                           "PublicKeyToken=669e0ddf0bb1aa2a\" />",
                           "Web.csproj"),
            "");
  EXPECT_EQ(secret_in_text("<add key=\"Password\" value=\"\" />", "web.config"), "");
  EXPECT_EQ(secret_in_text("plain text, no secret", "readme.txt"), "");
}

// Shapes seen in real sites (an MVC web.config's binding redirects, jQuery,
// a Razor view's anti-forgery token, a composite format), none a secret;
// a real password among several values on one line still is one.
TEST(SecretScreen, PublicTokensCodeAndPageExpressionsAreNoSecret) {
  EXPECT_EQ(secret_in_text("<assemblyIdentity name=\"System.Web.Mvc\" "
                           "publicKeyToken=\"31bf3856ad364e35\" culture=\"neutral\" />",
                           "Web.config"),
            "");
  EXPECT_EQ(secret_in_text("for ( i in { radio: true, checkbox: true, password: true } ) {\n"
                           "tokenize = Sizzle.tokenize = function( selector ) {\n",
                           "jquery-1.11.1.js"),
            "");
  EXPECT_EQ(secret_in_text("var antiForgeryToken = '@Html.AntiForgeryTokenValueOrchard()';",
                           "Index.cshtml"),
            "");
  EXPECT_EQ(secret_in_text("string.Format(\"{0}{1}__RequestVerificationToken={2}\", a, b, c)",
                           "HtmlHelperExtensions.cs"),
            "");
  EXPECT_NE(
      secret_in_text("var a = { user: \"sa\", password: \"Pw4-real\", token: t };", "client.js"),
      "");
  EXPECT_NE(secret_in_text("PublicKeyToken=31bf3856ad364e35; Password=Pw5", "notes.txt"), "");
  EXPECT_EQ(secret_in_text(".fa-user-secret:before { content: \"\\f21b\"; }", "font-awesome.css"),
            "");
  EXPECT_EQ(secret_in_text("public const string LostPassword = \"LostPassword\";", "Types.cs"), "");
  // A minified line whose masks can't be told apart: only a literal that masks counts.
  EXPECT_EQ(secret_in_text("a.token=b?c:token=d;e.token=f", "x.min.js"), "");
  EXPECT_NE(secret_in_text("a.token=b?c:token=d;e.c=\"Server=s;Password=Pw6\"", "x.min.js"), "");
}

// The value's shape says it names or marks a thing: a selector or markup in
// code, a key that is a name, an UPPER_SNAKE constant of the key's word, a
// repeated-character placeholder. A real value next to them still counts.
TEST(SecretScreen, NamesSelectorsAndPlaceholdersAreNoSecret) {
  EXPECT_EQ(secret_in_text("  var DATA_API_KEY = '.data-api';", "bootstrap.js"), "");
  EXPECT_EQ(secret_in_text("const string TOKEN_TAG = \"<input name=\\\"__Token\\\"\";", "F.cs"),
            "");
  EXPECT_EQ(secret_in_text("@fa-var-user-secret: \"\\f21b\";", "variables.less"), "");
  EXPECT_EQ(secret_in_text("const string requestVerificationTokenName = \"__RequestToken\";",
                           "HttpClient.cs"),
            "");
  EXPECT_EQ(
      secret_in_text("public const string LostPassword = \"ORCHARD_USERS_RESETPASSWORD\";", "T.cs"),
      "");
  EXPECT_EQ(secret_in_text("public const string DefaultAppSecret = \"xXxXxXxXxXxXxXxX\";", "F.cs"),
            "");
  EXPECT_EQ(secret_in_text("public const string ClientSecret = \"x-xXxXxXxXxX\";", "G.cs"), "");
  EXPECT_NE(secret_in_text("public const string ClientSecret = \"q8Zr-2vLk-Wm4p\";", "G.cs"), "");
  EXPECT_NE(secret_in_text("public const string ApiKey = \"ORCHARD9\";", "G.cs"), "");
  EXPECT_NE(secret_in_text("password=.hidden", "notes.txt"), "") << "only code has selectors";
  EXPECT_NE(secret_in_text("var DATA_API_KEY = 'k3y-v4lue';", "bootstrap.js"), "");
  // Real values the shapes must not excuse (a weak password, a config's
  // UPPER_SNAKE value, a URL's user named like a thing, code lookalikes).
  EXPECT_NE(secret_in_text("password=aaaaaa", "app.ini"), "");
  EXPECT_NE(secret_in_text("DbPassword=111111", "settings.txt"), "");
  EXPECT_NE(secret_in_text("{ \"ClientSecret\": \"PROD_SECRET_2024\" }", "appsettings.json"), "");
  EXPECT_NE(secret_in_text("API_KEY=LIVE_KEY_8F3A9", ".env"), "");
  EXPECT_NE(secret_in_text("amqp://myusername:Hunter2x@host/", "notes.txt"), "");
  EXPECT_NE(secret_in_text("var u = \"ftp://deploy_tag:Hunter2x@host/\";", "deploy.cs"), "");
  EXPECT_NE(secret_in_text("password = \".Hunter2x\";", "A.cs"), "");
  EXPECT_NE(secret_in_text("password = \"<Hunter2x\";", "A.cs"), "");
  EXPECT_NE(secret_in_text("password = \"\\\\Hunter2x\";", "A.cs"), "");
}

TEST(SecretScreen, TextAndNames) {
  EXPECT_TRUE(secret_by_name("site.PFX"));
  EXPECT_TRUE(secret_by_name("a.p12"));
  EXPECT_FALSE(secret_by_name("a.cer"));
  EXPECT_FALSE(screened_as_text("MZ\x90"));
  EXPECT_FALSE(screened_as_text(std::string("ab\0cd", 5)));
  EXPECT_TRUE(screened_as_text("<configuration/>"));
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

TEST(SecretScreen, ASchtasksPasswordInAScriptStaysOut) {
  EXPECT_EQ(secret_in_text("schtasks /create /tn T /tr C:\\t.exe ^\n  /ru CONTOSO\\svc /rp "
                           "\"Task-Pw-1\" /f\n",
                           "install.cmd"),
            "a password given to schtasks (/rp)");
  // Prompted for, or taken from a variable: nothing in the file.
  EXPECT_EQ(secret_in_text("schtasks /create /tn T /tr C:\\t.exe /ru CONTOSO\\svc /rp *\n",
                           "install.cmd"),
            "");
  EXPECT_EQ(
      secret_in_text("schtasks /create /tn T /tr C:\\t.exe /ru %USER% /rp %PASS%\n", "install.cmd"),
      "");
}

// Only the schtasks line and the lines it continues onto are read for a
// password: `-p` of another command elsewhere in the script is not one.
TEST(SecretScreen, OnlySchtasksLinesAreReadForItsPassword) {
  EXPECT_EQ(secret_in_text("mkdir -p logs\r\nSCHTASKS /create /tn T /tr C:\\t.exe /ru %USER% /rp "
                           "*\r\nxcopy /p data backup\r\n",
                           "install.cmd"),
            "");
  // PowerShell's backtick continues the command (a CRLF file too).
  EXPECT_EQ(secret_in_text("schtasks.exe /create /tn T /tr C:\\t.exe `\r\n  /ru svc `\r\n  /rp "
                           "Task-Pw-2\r\n",
                           "install.ps1"),
            "a password given to schtasks (/rp)");
  // A line after the command ends is not part of it.
  EXPECT_EQ(secret_in_text("schtasks /run /tn T\nrobocopy a b /p hunter2\n", "run.cmd"), "");
}

}  // namespace
}  // namespace liftshift
