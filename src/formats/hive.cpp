#include "formats/hive.hpp"

#include <hivex.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

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
  int fd = memory_file(data);
  if (fd < 0) return make_error(path + ": cannot buffer the hive: " + std::strerror(errno));
  std::string name = "/proc/self/fd/" + std::to_string(fd);
  auto handle = std::make_unique<Handle>();
  std::vector<std::string> warnings;
  handle->hive = hivex_open(name.c_str(), 0);
  int first_error = errno;
  if (handle->hive == nullptr) {
    handle->hive = hivex_open(name.c_str(), HIVEX_OPEN_UNSAFE);
    if (handle->hive != nullptr) {
      warnings.push_back(path + ": damaged hive (" + std::strerror(first_error) +
                         "): read in lenient mode, some keys may be missing");
    }
  }
  ::close(fd);  // hivex keeps its own mapping
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
    if (error != nullptr) *error = std::strerror(errno != 0 ? errno : EINVAL);
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

std::string Hive::name(Node node) const {
  return printable(owned(hivex_node_name(h_->hive, node)));
}

namespace {
hive_value_h find_value(hive_h* h, Hive::Node node, std::string_view value) {
  std::string v(value);
  return hivex_node_get_value(h, node, v.c_str());
}
}  // namespace

std::optional<std::string> Hive::string_value(Node node, std::string_view value) const {
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return std::nullopt;
  hive_type type{};
  std::size_t len = 0;
  if (hivex_value_type(h_->hive, v, &type, &len) != 0) return std::nullopt;
  if (type != hive_t_REG_SZ && type != hive_t_REG_EXPAND_SZ) return std::nullopt;
  char* s = hivex_value_string(h_->hive, v);
  if (s == nullptr) return std::nullopt;
  return printable(owned(s));
}

std::optional<std::uint32_t> Hive::dword_value(Node node, std::string_view value) const {
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return std::nullopt;
  hive_type type{};
  std::size_t len = 0;
  if (hivex_value_type(h_->hive, v, &type, &len) != 0) return std::nullopt;
  if (type != hive_t_REG_DWORD && type != hive_t_REG_DWORD_BIG_ENDIAN) return std::nullopt;
  errno = 0;
  std::int32_t d = hivex_value_dword(h_->hive, v);
  if (errno != 0) return std::nullopt;
  return static_cast<std::uint32_t>(d);
}

std::vector<std::string> Hive::multi_string_value(Node node, std::string_view value) const {
  std::vector<std::string> out;
  hive_value_h v = find_value(h_->hive, node, value);
  if (v == 0) return out;
  hive_type type{};
  std::size_t len = 0;
  if (hivex_value_type(h_->hive, v, &type, &len) != 0) return out;
  if (type == hive_t_REG_SZ || type == hive_t_REG_EXPAND_SZ) {
    if (auto s = string_value(node, value)) out.push_back(*s);
    return out;
  }
  if (type != hive_t_REG_MULTI_SZ) return out;
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
  hive_type type{};
  std::size_t len = 0;
  char* data = hivex_value_value(h_->hive, v, &type, &len);
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
