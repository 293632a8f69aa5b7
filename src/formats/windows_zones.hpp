// Windows time zones: the ids the registry keeps (TimeZoneKeyName) and tzutil
// sets, with the IANA zone CLDR maps each to for the world (territory 001),
// which Kubernetes' CronJob.spec.timeZone takes.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace liftshift {

// CLDR's table (generated at build time from Debian's unicode-cldr-core).
std::span<const std::pair<std::string_view, std::string_view>> windows_zone_table();

// The Windows zone id as Windows spells it ("W. Europe Standard Time" for
// "w. europe standard time"), or nullopt for a name Windows has no zone of.
std::optional<std::string_view> windows_zone_id(std::string_view name);

// "W. Europe Standard Time" -> "Europe/Berlin"; nullopt for an unknown zone.
std::optional<std::string_view> iana_zone_of(std::string_view windows_zone);

}  // namespace liftshift
