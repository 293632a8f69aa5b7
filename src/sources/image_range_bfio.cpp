#include "sources/image_range_bfio.hpp"

#include <cstdio>
#include <new>

namespace liftshift {

namespace {

struct RangeIo {
  const DiskImage* image;
  std::uint64_t base;
  std::uint64_t size;
  std::uint64_t pos = 0;
  bool open = false;
};

RangeIo* io(intptr_t* handle) { return reinterpret_cast<RangeIo*>(handle); }

int free_io(intptr_t** handle, libbfio_error_t** /*error*/) {
  if (handle == nullptr) return -1;
  delete io(*handle);
  *handle = nullptr;
  return 1;
}

int clone_io(intptr_t** destination, intptr_t* source, libbfio_error_t** /*error*/) {
  if (destination == nullptr || source == nullptr) return -1;
  auto* copy = new (std::nothrow) RangeIo(*io(source));
  if (copy == nullptr) return -1;
  copy->pos = 0;
  copy->open = false;
  *destination = reinterpret_cast<intptr_t*>(copy);
  return 1;
}

int open_io(intptr_t* handle, int access_flags, libbfio_error_t** /*error*/) {
  if ((access_flags & LIBBFIO_ACCESS_FLAG_WRITE) != 0) return -1;  // never written
  io(handle)->open = true;
  io(handle)->pos = 0;
  return 1;
}

int close_io(intptr_t* handle, libbfio_error_t** /*error*/) {
  io(handle)->open = false;
  return 0;
}

ssize_t read_io(intptr_t* handle, uint8_t* buffer, size_t size, libbfio_error_t** /*error*/) {
  RangeIo* r = io(handle);
  if (!r->open || buffer == nullptr) return -1;
  if (r->pos >= r->size || size == 0) return 0;
  std::uint64_t want = std::min<std::uint64_t>(size, r->size - r->pos);
  want = std::min<std::uint64_t>(want, DiskImage::kMaxRead);
  auto n = r->image->read_into(r->base + r->pos, {buffer, static_cast<std::size_t>(want)});
  if (!n) return -1;
  r->pos += *n;
  return static_cast<ssize_t>(*n);
}

ssize_t write_io(intptr_t* /*handle*/, const uint8_t* /*buffer*/, size_t /*size*/,
                 libbfio_error_t** /*error*/) {
  return -1;
}

off64_t seek_io(intptr_t* handle, off64_t offset, int whence, libbfio_error_t** /*error*/) {
  RangeIo* r = io(handle);
  std::int64_t base = 0;
  if (whence == SEEK_CUR) {
    base = static_cast<std::int64_t>(r->pos);
  } else if (whence == SEEK_END) {
    base = static_cast<std::int64_t>(r->size);
  } else if (whence != SEEK_SET) {
    return -1;
  }
  if ((offset < 0 && -offset > base) || (offset > 0 && offset > INT64_MAX - base)) return -1;
  r->pos = static_cast<std::uint64_t>(base + offset);
  return static_cast<off64_t>(r->pos);
}

int exists_io(intptr_t* /*handle*/, libbfio_error_t** /*error*/) { return 1; }

int is_open_io(intptr_t* handle, libbfio_error_t** /*error*/) { return io(handle)->open ? 1 : 0; }

int size_io(intptr_t* handle, size64_t* size, libbfio_error_t** /*error*/) {
  if (size == nullptr) return -1;
  *size = io(handle)->size;
  return 1;
}

}  // namespace

Result<libbfio_handle_t*> make_image_range_handle(const DiskImage& image, std::uint64_t offset,
                                                  std::uint64_t size) {
  auto* state = new RangeIo{&image, offset, size};
  libbfio_handle_t* handle = nullptr;
  libbfio_error_t* error = nullptr;
  if (libbfio_handle_initialize(&handle, reinterpret_cast<intptr_t*>(state), free_io, clone_io,
                                open_io, close_io, read_io, write_io, seek_io, exists_io,
                                is_open_io, size_io, LIBBFIO_FLAG_IO_HANDLE_MANAGED, &error) != 1) {
    libbfio_error_free(&error);
    delete state;
    return make_error("libbfio: cannot create an I/O handle");
  }
  return handle;
}

}  // namespace liftshift
