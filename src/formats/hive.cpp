#include "formats/hive.hpp"

#include <hivex.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "core/run_stats.hpp"
#include "core/text.hpp"

namespace liftshift {

struct Hive::Handle {
  hive_h* hive = nullptr;
  ~Handle() {
    if (hive != nullptr) hivex_close(hive);
  }
};

namespace {

// The hive's bytes in an anonymous in-memory file, so hivex can open it by
// name (/proc/self/fd/N) without anything touching the disk.
int memory_file(Bytes data) {
  int fd = ::memfd_create("liftshift-hive", MFD_CLOEXEC);
  if (fd < 0) return -1;
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    done += static_cast<std::size_t>(n);
  }
  return fd;
}

// hivex's lenient mode trusts the header's size of the hbin area while it
// seeks for the next hbin page, and reads past the end of the file when that
// size claims more than the file holds (fuzz_hive found the SEGV inside
// hivex_open). The lenient retry therefore reads a copy whose size field is
// clamped to the pages the file really has, with the header checksum redone.
constexpr std::size_t kHbinAreaField = 0x28;
constexpr std::size_t kChecksumField = 0x1fc;
constexpr std::size_t kPage = 0x1000;

std::uint32_t le32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
         static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

void put_le32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// The copy for the lenient retry; *clamped says whether the header changed.
std::vector<std::uint8_t> clamp_hbin_area(Bytes data, bool& clamped) {
  std::vector<std::uint8_t> copy(data.begin(), data.end());
  auto pages = static_cast<std::uint32_t>(
      std::min<std::size_t>((copy.size() - kPage) / kPage * kPage, 0x7fff'f000));
  clamped = le32(copy, kHbinAreaField) > pages;
  if (clamped) {
    put_le32(copy, kHbinAreaField, pages);
    std::uint32_t sum = 0;
    for (std::size_t at = 0; at < kChecksumField; at += 4) sum ^= le32(copy, at);
    put_le32(copy, kChecksumField, sum);
  }
  return copy;
}

// What hivex's errno means for a damaged key, in the words of a message.
std::string damage(int err) {
  switch (err) {
    case EFAULT:
      return "an offset points outside the hive";
    case ERANGE:
      return "a count is larger than the hive allows";
    default:
      return std::strerror(err != 0 ? err : EINVAL);
  }
}

std::string owned(char* s) {
  if (s == nullptr) return {};
  std::string out(s);
  std::free(s);
  return out;
}

}  // namespace

Hive::Hive(std::unique_ptr<Handle> handle) : h_(std::move(handle)) {}
Hive::Hive(Hive&&) noexcept = default;
Hive& Hive::operator=(Hive&&) noexcept = default;
Hive::~Hive() = default;

Result<Hive> Hive::open(Bytes data, const std::string& path) {
  if (data.size() < 4096 || std::memcmp(data.data(), "regf", 4) != 0) {
    return make_error(path + ": not a registry hive (no 'regf' header)");
  }
  count_hive_load();
  int fd = memory_file(data);
  if (fd < 0) return make_error(path + ": cannot buffer the hive: " + std::strerror(errno));
  std::string name = "/proc/self/fd/" + std::to_string(fd);
  auto handle = std::make_unique<Handle>();
  std::vector<std::string> warnings;
  handle->hive = hivex_open(name.c_str(), 0);
  int first_error = errno;
  ::close(fd);  // hivex keeps its own mapping
  if (handle->hive == nullptr) {
    bool clamped = false;
    int lenient_fd = memory_file(clamp_hbin_area(data, clamped));
    if (lenient_fd >= 0) {
      name = "/proc/self/fd/" + std::to_string(lenient_fd);
      handle->hive = hivex_open(name.c_str(), HIVEX_OPEN_UNSAFE);
      ::close(lenient_fd);
    }
    if (handle->hive != nullptr) {
      warnings.push_back(
          path + ": damaged hive (" + std::strerror(first_error) +
          "): read in lenient mode, some keys may be missing" +
          (clamped ? "; its header claims more hbin pages than the file holds" : ""));
    }
  }
  if (handle->hive == nullptr) {
    return make_error(path +
                      ": damaged registry hive that cannot be read: " + std::strerror(first_error));
  }
  Hive hive(std::move(handle));
  hive.warnings_ = std::move(warnings);
  return hive;
}

Hive::Node Hive::root() const { return hivex_root(h_->hive); }

std::optional<Hive::Node> Hive::child(Node node, std::string_view name) const {
  std::string n(name);
  hive_node_h c = hivex_node_get_child(h_->hive, node, n.c_str());
  if (c == 0) return std::nullopt;
  return c;
}

std::optional<Hive::Node> Hive::find(std::string_view path) const {
  Node node = root();
  std::string p = to_forward_slashes(path);
  for (const auto& part : split(p, '/')) {
    if (part.empty()) continue;
    auto c = child(node, part);
    if (!c) return std::nullopt;
    node = *c;
  }
  return node;
}

std::vector<std::pair<std::string, Hive::Node>> Hive::children(Node node,
                                                               std::string* error) const {
  std::vector<std::pair<std::string, Node>> out;
  errno = 0;
  hive_node_h* kids = hivex_node_children(h_->hive, node);
  if (kids == nullptr) {
    if (error != nullptr) *error = damage(errno);
    return out;
  }
  for (std::size_t i = 0; kids[i] != 0 && i < kMaxChildren; ++i) {
    out.emplace_back(name(kids[i]), kids[i]);
  }
  std::free(kids);
  return out;
}

std::vector<std::string> Hive::value_names(Node node) const {
  std::vector<std::string> out;
  hive_value_h* values = hivex_node_values(h_->hive, node);
  if (values == nullptr) return out;
  for (std::size_t i = 0; values[i] != 0 && i < kMaxChildren; ++i) {
    out.push_back(printable(owned(hivex_value_key(h_->hive, values[i]))));
  }
  std::free(values);
  return out;
}

std::string Hive::values_error(Node node) const {
  errno = 0;
  hive_value_h* values = hivex_node_values(h_->hive, node);
  if (values != nullptr) {
    std::free(values);
    return {};
  }
  return damage(errno);
}

std::string Hive::name(Node node) const {
  return printable(owned(hivex_node_name(h_->hive, node)));
}

namespace {
hive_value_h find_value(hive_h* h, Hive::Node node, std::string_view value) {
  std::string v(value);
  return hivex_node_get_value(h, node, v.c_str());
}

// hivex hands back the type number stored in the hive, which a damaged hive
// can set to any 32-bit value; loading that as a hive_type would be undefined
// behaviour (found by fuzz_hive), so it is read as the enum's integer.
using TypeNumber = std::underlying_type_t<hive_type>;
constexpr TypeNumber number(hive_type t) { return static_cast<TypeNumber>(t); }

std::optional<TypeNumber> value_type(hive_h* h, hive_value_h v) {
  TypeNumber type{};
  std::size_t len = 0;
  if (hivex_value_type(h, v, reinterpret_cast<hive_type*>(&type), &len) != 0) return std::nullopt;
  return type;
}
}  // namespace

std::optional<std::string> Hive::string_value(Node node, std::string_view value) const {
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return std::nullopt;
  auto type = value_type(h_->hive, v);
  if (type != number(hive_t_REG_SZ) && type != number(hive_t_REG_EXPAND_SZ)) return std::nullopt;
  char* s = hivex_value_string(h_->hive, v);
  if (s == nullptr) return std::nullopt;
  return printable(owned(s));
}

std::optional<std::uint32_t> Hive::dword_value(Node node, std::string_view value) const {
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return std::nullopt;
  auto type = value_type(h_->hive, v);
  if (type != number(hive_t_REG_DWORD) && type != number(hive_t_REG_DWORD_BIG_ENDIAN)) {
    return std::nullopt;
  }
  errno = 0;
  std::int32_t d = hivex_value_dword(h_->hive, v);
  if (errno != 0) return std::nullopt;
  return static_cast<std::uint32_t>(d);
}

std::vector<std::string> Hive::multi_string_value(Node node, std::string_view value) const {
  std::vector<std::string> out;
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return out;
  auto type = value_type(h_->hive, v);
  if (!type) return out;
  if (type == number(hive_t_REG_SZ) || type == number(hive_t_REG_EXPAND_SZ)) {
    if (auto s = string_value(node, value)) out.push_back(*s);
    return out;
  }
  if (type != number(hive_t_REG_MULTI_SZ)) return out;
  char** list = hivex_value_multiple_strings(h_->hive, v);
  if (list == nullptr) return out;
  for (std::size_t i = 0; list[i] != nullptr; ++i) {
    // Some writers end the list with an extra empty string; it means nothing.
    if (out.size() < 4096 && list[i][0] != '\0') out.push_back(printable(list[i]));
    std::free(list[i]);
  }
  std::free(list);
  return out;
}

std::optional<std::vector<std::uint8_t>> Hive::binary_value(Node node,
                                                            std::string_view value) const {
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return std::nullopt;
  TypeNumber type{};
  std::size_t len = 0;
  char* data = hivex_value_value(h_->hive, v, reinterpret_cast<hive_type*>(&type), &len);
  if (data == nullptr) return std::nullopt;
  std::vector<std::uint8_t> out(data, data + std::min<std::size_t>(len, 64 * 1024));
  std::free(data);
  return out;
}

std::optional<std::string> Hive::value_text(Node node, std::string_view value) const {
  if (auto s = string_value(node, value)) return s;
  if (auto d = dword_value(node, value)) return std::to_string(*d);
  auto list = multi_string_value(node, value);
  if (!list.empty()) {
    std::string joined;
    for (const auto& s : list) joined += (joined.empty() ? "" : ";") + s;
    return joined;
  }
  return std::nullopt;
}

}  // namespace liftshift
