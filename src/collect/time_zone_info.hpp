// The server's time zone, from the SYSTEM hive's Control\TimeZoneInformation:
// the zone the image sets (tzutil) so that local times read as they did on
// the server, and the IANA zone a CronJob's schedule is in.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "formats/hive.hpp"

namespace liftshift {

// Sets m.time_zone, m.daylight_saving_off and m.time_zone_iana from the
// control set `cs`. TimeZoneKeyName (Vista and later) names the zone; older
// systems only have StandardName, used when it is a zone id. A name that is
// no Windows zone is a problem and leaves the zone unknown.
void read_time_zone(const Hive& system, const std::string& cs, MachineFacts& m,
                    std::vector<Problem>& problems);

}  // namespace liftshift
