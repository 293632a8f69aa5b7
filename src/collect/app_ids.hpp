// Application ids are the results store's key for an application within its
// source: they must be unique and stable from run to run.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

// Makes the ids of apps[first..] (one source's) unique. With by_entry (a
// folder source, whose entries are paths in it), apps that share an id (two
// projects of the same name in different folders) get
// "<source_name>/<entry without extension>" instead. Apps that still share
// one (two scheduled tasks with the same URI) get "#2", "#3"... in the order
// found. Unique ids are left as they are.
void make_ids_unique(std::vector<Application>& apps, std::size_t first,
                     const std::string& source_name, bool by_entry);

}  // namespace liftshift
