// The key a source is stored under in the results store, so re-assessing the
// same source replaces its previous result and a different source never does.
#pragma once

#include <string>
#include <vector>

namespace liftshift {

// The absolute, normalised path (symbolic links resolved where they exist,
// no trailing separator), followed by "|qualifier" for each non-empty
// qualifier: the disk image's identifier and partition, or the server's
// MachineGuid. Examples:
//   /srv/apps/Orders
//   /images/appsrv01.vhdx|vhdx:5f2c...|partition 2
//   /copies/appsrv01|machine-guid:8e3a...
std::string source_identity(const std::string& path, const std::vector<std::string>& qualifiers);

}  // namespace liftshift
