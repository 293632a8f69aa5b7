// Where a Windows service's name is set from an identifier instead of a
// literal: `ServiceName = Constants.Name;`, `this.ServiceName =
// Configuration.ServiceName`, Topshelf's `x.SetServiceName(Settings.Name)`,
// VB's `Me.ServiceName = Names.Orders`. The identifier is resolved later,
// across the project's files (collect/service_name_resolve).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace liftshift {

struct ServiceNameRef {
  std::size_t pos = 0;  // offset of the identifier in the code
  std::string name;     // "Configuration.ServiceName" (this. / Me. dropped)
};

// At most this many per file: a service sets its name once or twice.
inline constexpr std::size_t kMaxServiceNameRefs = 8;

// code: lexed source (comments and literals blanked, source_lexer). VB
// matches without case. A comparison (==, !=, Is) or a definition (=>) is
// not an assignment; a call or an indexer is not an identifier.
std::vector<ServiceNameRef> service_name_refs(std::string_view code, bool vb);

}  // namespace liftshift
