// What a Windows service's installer registers besides its name: the display
// name, the account, the start type and the services it depends on, as .NET's
// installer classes set them (ServiceInstaller and ServiceProcessInstaller
// properties) and as Topshelf's host configuration does (SetDisplayName,
// RunAsLocalService, StartAutomatically, DependsOnMsmq...).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/source_lexer.hpp"

namespace liftshift {

struct ServiceSetting {
  std::size_t pos = 0;  // offset in the code
  std::string key;      // "display-name", "account", "start", "depends-on"
  // display-name: the text; account: LocalSystem, NT AUTHORITY\LocalService,
  // NT AUTHORITY\NetworkService, a user name, or User (asked for at install);
  // start: Automatic, Manual, Disabled; depends-on: service names, '/'
  // between them (no service name holds one).
  std::string value;
};

// At most this many per file: an installer sets each once or twice.
inline constexpr std::size_t kMaxServiceSettings = 32;

// text: the file; lexed: source_lexer::lex(text, vb). Only a file that names
// ServiceInstaller, ServiceProcessInstaller or Topshelf's HostFactory is read.
std::vector<ServiceSetting> service_settings(std::string_view text,
                                             const source_lexer::Lexed& lexed, bool vb);

}  // namespace liftshift
