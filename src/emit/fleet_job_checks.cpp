// Checks of a fleet job's settings before its manifest is written: what the
// API server would refuse (names, quantities, counts), image references that
// no registry serves, and list entries the pods could never reach.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

#include "core/text.hpp"
#include "emit/fleet_job.hpp"

namespace liftshift {

namespace {

constexpr int kMaxShards = 10000;
constexpr int kMaxRetries = 100;
constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxSubdomain = 253;
constexpr std::size_t kMaxImageName = 255;
// A ConfigMap holds at most 1 MiB; leave room for its metadata.
constexpr std::size_t kMaxListBytes = 1000000;
constexpr std::size_t kMaxPathProblems = 5;

bool matches(std::string_view text, const std::regex& re) {
  return std::regex_match(text.begin(), text.end(), re);
}

bool is_dns_label(std::string_view s) {
  static const std::regex re("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  return s.size() <= kMaxLabel && matches(s, re);
}

bool is_dns_subdomain(std::string_view s) {
  static const std::regex re("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  return s.size() <= kMaxSubdomain && matches(s, re);
}

bool is_positive_quantity(std::string_view s, bool cpu) {
  static const std::regex cpu_re("[0-9]+m|[0-9]+(\\.[0-9]+)?");
  static const std::regex memory_re("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
  bool nonzero = std::any_of(s.begin(), s.end(), [](char c) { return c >= '1' && c <= '9'; });
  return nonzero && matches(s, cpu ? cpu_re : memory_re);
}

std::size_t digits(int n) { return std::to_string(n).size(); }

// A lexically normal absolute path with no trailing slash (and not "/").
bool is_plain_absolute(const std::string& p) {
  std::filesystem::path path(p);
  return path.is_absolute() && p.size() > 1 && p.back() != '/' &&
         path.lexically_normal().string() == p;
}

bool inside(const std::string& path, const std::string& folder) {
  return path == folder || path.starts_with(folder + "/");
}

bool looks_like_windows_path(std::string_view s) {
  bool drive = s.size() >= 3 && std::isalpha(static_cast<unsigned char>(s[0])) != 0 &&
               s[1] == ':' && (s[2] == '\\' || s[2] == '/');
  return drive || s.starts_with("\\\\");
}

// Where the pod would look for a listed source: relative entries are read
// from the working folder, which is the sources mount.
std::string path_in_pod(const std::string& source, const std::string& mount) {
  std::filesystem::path p(source);
  if (!p.is_absolute()) p = std::filesystem::path(mount) / p;
  std::string normal = p.lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

void check_list(const FleetJob& job, std::vector<std::string>& problems) {
  if (job.list.sources.empty()) problems.emplace_back("the list holds no source");
  if (job.list.text.size() > kMaxListBytes) {
    problems.push_back("the list is " + std::to_string(job.list.text.size()) +
                       " bytes; a ConfigMap holds at most 1 MiB: split it into several fleet jobs");
  }
  if (job.shards > static_cast<long long>(job.list.sources.size()) && !job.list.sources.empty()) {
    problems.push_back("--shards " + std::to_string(job.shards) + " but the list has " +
                       std::to_string(job.list.sources.size()) +
                       " source(s): " + std::to_string(job.shards - job.list.sources.size()) +
                       " pod(s) would have nothing to assess");
  }
  if (!is_plain_absolute(job.sources_mount)) return;  // reported with the mount itself
  std::size_t bad = 0;
  for (const auto& source : job.list.sources) {
    std::string why;
    if (looks_like_windows_path(source)) {
      why =
          "is a Windows path; the pods run on Linux and see the sources under " + job.sources_mount;
    } else if (!inside(path_in_pod(source, job.sources_mount), job.sources_mount)) {
      why = "is outside " + job.sources_mount +
            ", where the pods see the sources (list paths relative to it, or set "
            "--sources-mount)";
    } else {
      continue;
    }
    if (++bad <= kMaxPathProblems) problems.push_back("list entry " + source + " " + why);
  }
  if (bad > kMaxPathProblems) {
    problems.push_back("... and " + std::to_string(bad - kMaxPathProblems) +
                       " more list entries the pods cannot reach");
  }
}

void check_sources(const FleetJob& job, std::vector<std::string>& problems) {
  bool pvc = job.sources_kind == SourcesVolume::kPersistentVolumeClaim;
  if (job.sources.empty()) {
    problems.emplace_back(
        "the pods must reach the listed sources: give --sources-pvc NAME (a claim on the share "
        "that holds them) or --sources-host-path DIR");
  } else if (pvc && !is_dns_subdomain(job.sources)) {
    problems.push_back("--sources-pvc " + printable(job.sources) +
                       " is not a valid claim name (lower case letters, digits, '-' and '.')");
  } else if (!pvc && !is_plain_absolute(job.sources)) {
    problems.push_back("--sources-host-path " + printable(job.sources) +
                       " must be an absolute, normalised folder path");
  }
  const std::string& mount = job.sources_mount;
  if (!is_plain_absolute(mount)) {
    problems.push_back("--sources-mount " + printable(mount) +
                       " must be an absolute, normalised folder path other than /");
  } else {
    for (const std::string& taken : {std::string(kFleetListDir), std::string("/tmp")}) {
      if (inside(mount, taken) || inside(taken, mount)) {
        problems.push_back("--sources-mount " + mount + " overlaps " + taken +
                           ", which the pods use for the list or temporary files");
      }
    }
  }
}

}  // namespace

bool is_image_reference(std::string_view ref) {
  static const std::regex domain_re(
      "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]+)"
      "?");
  static const std::regex component_re("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");
  static const std::regex tag_re("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  static const std::regex digest_re(
      "[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  std::string_view name = ref;
  if (auto at = name.find('@'); at != std::string_view::npos) {
    if (!matches(name.substr(at + 1), digest_re)) return false;
    name = name.substr(0, at);
  }
  auto colon = name.rfind(':');
  auto slash = name.rfind('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    if (!matches(name.substr(colon + 1), tag_re)) return false;
    name = name.substr(0, colon);
  }
  if (name.empty() || name.size() > kMaxImageName) return false;
  std::vector<std::string> parts = split(name, '/');
  std::size_t first = 0;
  // As in Docker: the first component is a registry only when it has a dot
  // or a port, or is localhost; otherwise it is part of the (lower case) path.
  if (parts.size() > 1 &&
      (parts[0].find_first_of(".:") != std::string::npos || parts[0] == "localhost")) {
    if (!matches(parts[0], domain_re)) return false;
    first = 1;
  }
  return std::all_of(parts.begin() + static_cast<std::ptrdiff_t>(first), parts.end(),
                     [&](const std::string& p) { return matches(p, component_re); });
}

bool is_pinned_image(std::string_view ref) {
  if (ref.find('@') != std::string_view::npos) return true;
  auto colon = ref.rfind(':');
  auto slash = ref.rfind('/');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash))
    return false;
  return ref.substr(colon + 1) != "latest";
}

int fleet_parallelism(const FleetJob& job) {
  constexpr int kDefaultParallelism = 8;
  return job.parallelism > 0 ? job.parallelism : std::min(job.shards, kDefaultParallelism);
}

std::string fleet_store_secret(const FleetJob& job) {
  return job.store_secret.empty() ? job.name + "-store" : job.store_secret;
}

std::vector<std::string> fleet_job_problems(const FleetJob& job) {
  std::vector<std::string> problems;
  bool shards_ok = job.shards >= 1 && job.shards <= kMaxShards;
  if (!shards_ok) {
    problems.push_back("--shards " + std::to_string(job.shards) + " is out of range 1.." +
                       std::to_string(kMaxShards));
  }
  if (!is_dns_label(job.name)) {
    problems.push_back("--name " + printable(job.name) +
                       " is not a valid Job name (at most 63 lower case letters, digits and '-', "
                       "starting and ending with a letter or digit)");
  } else if (shards_ok && job.name.size() + 1 + digits(job.shards - 1) > kMaxLabel) {
    problems.push_back("--name " + job.name + " is too long for " + std::to_string(job.shards) +
                       " shards: the pods' host names NAME-INDEX must fit in 63 characters");
  }
  if (!job.k8s_namespace.empty() && !is_dns_label(job.k8s_namespace)) {
    problems.push_back("--namespace " + printable(job.k8s_namespace) +
                       " is not a valid namespace name");
  }
  if (!is_image_reference(job.image)) {
    problems.push_back("--image " + printable(job.image) +
                       " is not a well-formed image reference ([registry[:port]/]path[:tag]"
                       "[@sha256:digest], path in lower case)");
  }
  if (job.executable.empty() || printable(job.executable) != job.executable) {
    problems.emplace_back("--executable must name the liftshift command inside the image");
  }
  if (job.parallelism < 0 || (shards_ok && job.parallelism > job.shards)) {
    problems.push_back("--parallelism " + std::to_string(job.parallelism) +
                       " is out of range 1..--shards (" + std::to_string(job.shards) + ")");
  }
  if (job.retries < 0 || job.retries > kMaxRetries) {
    problems.push_back("--retries " + std::to_string(job.retries) + " is out of range 0.." +
                       std::to_string(kMaxRetries));
  }
  if (!job.store_secret.empty() && !is_dns_subdomain(job.store_secret)) {
    problems.push_back("--store-secret " + printable(job.store_secret) +
                       " is not a valid Secret name");
  }
  if (job.store_url_literal && job.store_url_literal->empty()) {
    problems.emplace_back("the store URL for the Secret is empty");
  }
  if (!is_positive_quantity(job.cpu, true)) {
    problems.push_back("--cpu " + printable(job.cpu) + " is not a CPU quantity such as 500m or 2");
  }
  if (!is_positive_quantity(job.memory, false)) {
    problems.push_back("--memory " + printable(job.memory) +
                       " is not a memory quantity such as 512Mi or 2Gi");
  }
  if (job.run_as_user < 1 || job.run_as_user > 2147483647LL) {
    problems.push_back("--run-as-user " + std::to_string(job.run_as_user) +
                       " must be a non-root user id (1..2147483647)");
  }
  check_sources(job, problems);
  check_list(job, problems);
  return problems;
}

}  // namespace liftshift
