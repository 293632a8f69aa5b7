// Kubernetes resource quantities, the part a plan's cpu and memory use:
// cpu in cores ("2", "0.5") or millicores ("500m"); memory in bytes with a
// binary (Ki, Mi, Gi, Ti, Pi, Ei) or decimal (k, M, G, T, P, E) suffix.
// Anything else (exponents, a sign, blanks, milli-bytes) is no quantity.
// Also their compose forms (deploy.resources: cpus "0.5", memory "512m").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liftshift {

// "500m" -> 500, "2" -> 2000, "0.25" -> 250; nullopt for what isn't a cpu
// quantity, for 0 and for a fraction of a millicore ("0.0005").
std::optional<std::int64_t> cpu_millicores(std::string_view text);

// "1Gi" -> 1073741824, "500M" -> 500000000, "1.5Gi" -> 1610612736; nullopt
// for what isn't a memory quantity, for 0 and for more than 2^62 bytes.
std::optional<std::int64_t> memory_bytes(std::string_view text);

// Compose's cpus: 500 -> "0.5", 2000 -> "2", 1250 -> "1.25".
std::string compose_cpus(std::int64_t millicores);

// Compose's memory (binary units, as Docker reads them): 2 GiB -> "2g",
// 512 MiB -> "512m", otherwise bytes ("1000000000b").
std::string compose_memory(std::int64_t bytes);

// Kubernetes forms: 2000 -> "2", 250 -> "250m"; 1 GiB -> "1Gi", 384 MiB ->
// "384Mi", otherwise bytes.
std::string k8s_cpu(std::int64_t millicores);
std::string k8s_memory(std::int64_t bytes);

}  // namespace liftshift
