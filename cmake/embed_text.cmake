# Turns a text file into a C++ source defining liftshift::embedded_catalogue().
file(READ ${IN} CONTENT)
set(DELIM "LIFTSHIFT_EMBED")
file(WRITE ${OUT} "#include <string_view>\nnamespace liftshift {\nstd::string_view embedded_catalogue() {\n  static constexpr std::string_view text = R\"${DELIM}(${CONTENT})${DELIM}\";\n  return text;\n}\n}  // namespace liftshift\n")
