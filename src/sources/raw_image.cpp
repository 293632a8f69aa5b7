// Raw (dd) disk images and bare NTFS volumes: the file is the disk.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text.hpp"
#include "sources/image_backend.hpp"

namespace liftshift {

namespace {

class RawImage final : public ImageBackend {
 public:
  RawImage(std::string name, int fd, std::uint64_t size)
      : name_(std::move(name)), fd_(fd), size_(size) {}
  ~RawImage() override { ::close(fd_); }

  [[nodiscard]] std::string format() const override { return "raw"; }
  [[nodiscard]] std::uint64_t size() const override { return size_; }

  Result<std::size_t> read_at(std::uint64_t offset, std::span<std::uint8_t> out) override {
    std::size_t done = 0;
    while (done < out.size()) {
      ssize_t n =
          ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        return make_error(name_ + ": read failed at byte " + std::to_string(offset + done) + ": " +
                          std::strerror(errno));
      }
      if (n == 0) break;  // the file shrank under us: a short read
      done += static_cast<std::size_t>(n);
    }
    return done;
  }

 private:
  std::string name_;
  int fd_;
  std::uint64_t size_;
};

}  // namespace

Result<std::unique_ptr<ImageBackend>> open_raw_image(const std::filesystem::path& path) {
  std::string name = printable(path.filename().string());
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(name + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(name + ": not a regular file");
  }
  return std::unique_ptr<ImageBackend>(
      new RawImage(std::move(name), fd, static_cast<std::uint64_t>(st.st_size)));
}

}  // namespace liftshift
