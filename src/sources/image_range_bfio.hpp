// Internal to ntfs_volume: a libbfio handle whose reads go to a byte range
// (a partition) of a DiskImage, so libfsntfs reads the NTFS inside a VHD,
// VHDX, VMDK or raw image without a mount or a copy. Read-only: writes fail.
#pragma once

#include <libbfio.h>

#include <cstdint>

#include "core/result.hpp"
#include "sources/disk_image.hpp"

namespace liftshift {

// The handle reads [offset, offset + size) of image; free with libbfio_handle_free.
Result<libbfio_handle_t*> make_image_range_handle(const DiskImage& image, std::uint64_t offset,
                                                  std::uint64_t size);

}  // namespace liftshift
