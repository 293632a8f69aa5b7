// The one bounds-checked reader every binary parser uses. All reads are
// little-endian, consume from a span, and fail (return false / nullopt)
// instead of reading past the end. Offset arithmetic is overflow-checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace liftshift {

using Bytes = std::span<const std::uint8_t>;

// Adds a and b, returning nullopt on overflow.
inline std::optional<std::size_t> checked_add(std::size_t a, std::size_t b) {
  if (a > SIZE_MAX - b) return std::nullopt;
  return a + b;
}

// Multiplies a and b, returning nullopt on overflow.
inline std::optional<std::size_t> checked_mul(std::size_t a, std::size_t b) {
  if (a != 0 && b > SIZE_MAX / a) return std::nullopt;
  return a * b;
}

class ByteReader {
 public:
  ByteReader() = default;
  explicit ByteReader(Bytes data) : data_(data) {}

  [[nodiscard]] std::size_t size() const { return data_.size(); }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] std::size_t remaining() const { return data_.size() - pos_; }
  [[nodiscard]] Bytes data() const { return data_; }

  // Moves to an absolute offset; false if it lies beyond the end.
  bool seek(std::size_t offset) {
    if (offset > data_.size()) return false;
    pos_ = offset;
    return true;
  }
  bool skip(std::size_t n) {
    if (n > remaining()) return false;
    pos_ += n;
    return true;
  }

  std::optional<std::uint8_t> u8() { return read_le<std::uint8_t>(); }
  std::optional<std::uint16_t> u16() { return read_le<std::uint16_t>(); }
  std::optional<std::uint32_t> u32() { return read_le<std::uint32_t>(); }
  std::optional<std::uint64_t> u64() { return read_le<std::uint64_t>(); }

  // Consumes n bytes and returns them as a sub-span.
  std::optional<Bytes> bytes(std::size_t n) {
    if (n > remaining()) return std::nullopt;
    Bytes out = data_.subspan(pos_, n);
    pos_ += n;
    return out;
  }

  // Reads a NUL-terminated string of at most max_len bytes (without the NUL).
  // Fails if no NUL is found within the limit or the data.
  std::optional<std::string> cstring(std::size_t max_len) {
    std::size_t limit = remaining() < max_len + 1 ? remaining() : max_len + 1;
    for (std::size_t i = 0; i < limit; ++i) {
      if (data_[pos_ + i] == 0) {
        std::string out(reinterpret_cast<const char*>(data_.data() + pos_), i);
        pos_ += i + 1;
        return out;
      }
    }
    return std::nullopt;
  }

  // A sub-reader over [offset, offset+len) of this reader's data.
  [[nodiscard]] std::optional<ByteReader> sub(std::size_t offset, std::size_t len) const {
    auto end = checked_add(offset, len);
    if (!end || *end > data_.size()) return std::nullopt;
    return ByteReader(data_.subspan(offset, len));
  }

 private:
  template <typename T>
  std::optional<T> read_le() {
    if (sizeof(T) > remaining()) return std::nullopt;
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      value = static_cast<T>(value | (static_cast<T>(data_[pos_ + i]) << (8 * i)));
    }
    pos_ += sizeof(T);
    return value;
  }

  Bytes data_;
  std::size_t pos_ = 0;
};

}  // namespace liftshift
