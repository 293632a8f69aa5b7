// The variables a compose run reads from `.env` (docker compose) or the shell
// (docker stack deploy): the image tag and each published host port, written
// in compose.yaml as ${NAME:-default} so that without them it runs as planned.
// `.env.example` lists them; compose.override.yaml holds what a local run on
// one Windows host does differently. Every other `$` of compose.yaml is a
// literal, written `$$` (quoting.hpp, compose_value).
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

struct ComposeVariable {
  std::string name;           // [A-Z][A-Z0-9_]*: "IMAGE_TAG", "HTTP_PORT"
  std::string default_value;  // the planned value: "1.0.0", "8080"
  std::string what;           // one line for .env.example
};

// The image tag every artifact uses ("1.0.0").
std::string image_tag(const AppPlan& plan);
// The host port compose publishes a container port on (80 -> 8080).
int published_port(const Port& port);

// IMAGE_TAG, then one NAME_PORT per port (from the port's name, made unique).
std::vector<ComposeVariable> compose_variables(const AppPlan& plan);
// The variable of plan.ports[index] (compose_variables()[index + 1]).
const ComposeVariable& port_variable(const std::vector<ComposeVariable>& vars, std::size_t index);
// "${NAME:-default}": the only unescaped `$` liftshift writes in a compose file.
std::string compose_interpolation(const ComposeVariable& v);

// .env.example: one NAME=default line per variable, with its comment.
std::string render_env_example(const AppPlan& plan);
// compose.override.yaml, "" when a local run needs nothing different.
std::string render_compose_override(const AppPlan& plan);

}  // namespace liftshift
