// Called by the collectors for each application of a source once it is
// complete (all its facts read, its kind decided), before the next one is
// read: `index` is its place among the source's applications. A caller that
// assesses it there and then slims it (core/slim_app.hpp) keeps the memory of
// a large server bounded; the application's id may still be made unique
// afterwards (collect/app_ids.hpp), nothing else of it changes.
#pragma once

#include <cstddef>
#include <functional>

#include "core/model.hpp"

namespace liftshift {

using AppFinished = std::function<void(std::size_t index, Application& app)>;

}  // namespace liftshift
