// installers/README.md: the runtime installers the Dockerfile runs, which
// liftshift does not download; the user puts each file in this folder.
#include <sstream>

#include "emit/artifacts.hpp"
#include "emit/markdown.hpp"

namespace liftshift {

std::string render_installers(const AppPlan& plan) {
  if (plan.installs.empty()) return "";
  std::ostringstream md;
  md << "# Installers for " << md_text(plan.app_name) << "\n\n"
     << "The Dockerfile copies this folder into the image, runs each installer below silently "
        "and removes them.\n"
     << "liftshift downloads none of them: put each file here, under exactly this name, before "
        "`docker build`.\n"
     << "Take them from Microsoft (the Visual C++ Redistributable downloads) or from the "
        "server's own installation media.\n\n";
  for (const auto& i : plan.installs) {
    md << "- " << md_code(i.file) << ": " << md_text(i.name) << ", run as "
       << md_code(i.file + " " + i.arguments) << ". " << md_text(i.reason) << ".\n";
  }
  return md.str();
}

}  // namespace liftshift
