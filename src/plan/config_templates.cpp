// The content a moved config file must have, as the Secret template shows it:
// the section's XML rebuilt from the facts, with kSecretPlaceholder wherever
// the assessment masked a secret. Masked values are all it starts from, so no
// secret value can reach a template.
#include <algorithm>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// Attribute text: masks become the placeholder, XML specials are escaped
// (' too, which XML reads back as itself).
std::string attribute_text(std::string_view value) {
  std::string text(value);
  for (auto pos = text.find(kMask); pos != std::string::npos;
       pos = text.find(kMask, pos + std::string_view(kSecretPlaceholder).size())) {
    text.replace(pos, kMask.size(), kSecretPlaceholder);
  }
  return markup_escape(text);
}

}  // namespace

std::string connection_strings_template(const ConfigFacts& c) {
  std::string xml = "<connectionStrings>\n";
  for (const auto& cs : c.connection_strings) {
    // One attribute a line: connection strings are long.
    xml += "  <add name=\"" + attribute_text(cs.name) + "\"\n       connectionString=\"" +
           attribute_text(cs.masked) + "\"";
    if (!cs.provider.empty())
      xml += "\n       providerName=\"" + attribute_text(cs.provider) + "\"";
    xml += " />\n";
  }
  return xml + "</connectionStrings>\n";
}

std::string app_settings_template(const ConfigFacts& c, const std::vector<std::string>& keys) {
  std::string xml = "<appSettings>\n";
  for (const auto& kv : c.app_settings) {
    if (std::find(keys.begin(), keys.end(), kv.key) == keys.end()) continue;
    // A secret-named key is masked whole ("***"), or empty when it was empty.
    std::string value = kv.value.empty() ? std::string(kMask) : kv.value;
    xml += "  <add key=\"" + attribute_text(kv.key) + "\" value=\"" + attribute_text(value) +
           "\" />\n";
  }
  return xml + "</appSettings>\n";
}

std::string machine_key_template(const ConfigFacts& c) {
  std::string xml = "<machineKey validationKey=\"" + std::string(kSecretPlaceholder) +
                    "\" decryptionKey=\"" + std::string(kSecretPlaceholder) + "\"";
  if (!c.machine_key_validation.empty())
    xml += " validation=\"" + attribute_text(c.machine_key_validation) + "\"";
  if (!c.machine_key_decryption.empty())
    xml += " decryption=\"" + attribute_text(c.machine_key_decryption) + "\"";
  return xml + " />\n";
}

std::string forms_credentials_template(const ConfigFacts& c) {
  const FormsCredentials& fc = *c.forms_credentials;
  std::string xml = "<authentication mode=\"Forms\">\n  <forms";
  for (const auto& [name, value] : fc.forms_attributes)
    xml += " " + markup_escape(name) + "=\"" + attribute_text(value) + "\"";
  xml += ">\n    <credentials";
  if (!fc.password_format.empty())
    xml += " passwordFormat=\"" + attribute_text(fc.password_format) + "\"";
  xml += ">\n";
  for (const auto& user : fc.users) {
    xml += "      <user name=\"" + attribute_text(user) + "\" password=\"" +
           std::string(kSecretPlaceholder) + "\" />\n";
  }
  return xml + "    </credentials>\n  </forms>\n</authentication>\n";
}

}  // namespace liftshift
