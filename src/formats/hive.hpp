// Windows registry hive reader over bytes, through libhivex (the reader that
// virt-v2v uses to inspect Windows guests). The bytes are handed to hivex
// through an in-memory file (memfd): nothing is written to disk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/byte_reader.hpp"
#include "core/result.hpp"

namespace liftshift {

class Hive {
 public:
  using Node = std::size_t;

  // Opens a hive. A damaged hive that hivex can only read in its lenient mode
  // opens with a warning; one it cannot read at all is an Error naming path.
  static Result<Hive> open(Bytes data, const std::string& path);

  Hive(Hive&&) noexcept;
  Hive& operator=(Hive&&) noexcept;
  Hive(const Hive&) = delete;
  Hive& operator=(const Hive&) = delete;
  ~Hive();

  [[nodiscard]] Node root() const;
  // Follows a path of key names separated by '\\' or '/', case-insensitively.
  [[nodiscard]] std::optional<Node> find(std::string_view path) const;
  [[nodiscard]] std::optional<Node> child(Node node, std::string_view name) const;
  // Sub-keys with their names, at most kMaxChildren. When the key's sub-key
  // list is damaged the result is empty and *error (if given) says why.
  [[nodiscard]] std::vector<std::pair<std::string, Node>> children(
      Node node, std::string* error = nullptr) const;
  [[nodiscard]] std::string name(Node node) const;

  // Names of the node's values, at most kMaxChildren.
  [[nodiscard]] std::vector<std::string> value_names(Node node) const;
  // Why the node's values cannot be read (a damaged value list: a count or
  // an offset beyond the hive), or "" when they can. A value that cannot be
  // read looks missing to the value readers below.
  [[nodiscard]] std::string values_error(Node node) const;

  // Value readers; nullopt when the value is missing or of another type.
  [[nodiscard]] std::optional<std::string> string_value(Node node, std::string_view value) const;
  [[nodiscard]] std::optional<std::uint32_t> dword_value(Node node, std::string_view value) const;
  [[nodiscard]] std::vector<std::string> multi_string_value(Node node,
                                                            std::string_view value) const;
  // Raw bytes of a value of any type (REG_BINARY certificate hashes...), at most 64 KiB.
  [[nodiscard]] std::optional<std::vector<std::uint8_t>> binary_value(Node node,
                                                                      std::string_view value) const;
  // The value as text whatever its type (strings, numbers in decimal, lists joined by ';').
  [[nodiscard]] std::optional<std::string> value_text(Node node, std::string_view value) const;

  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

  static constexpr std::size_t kMaxChildren = 100'000;

 private:
  struct Handle;
  explicit Hive(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> h_;
  std::vector<std::string> warnings_;
};

}  // namespace liftshift
