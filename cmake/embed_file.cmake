# Writes OUTPUT: a C++ file defining `std::string_view NAME()` with the bytes of INPUT.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT_NAME} by cmake/embed_file.cmake.\n#include <string_view>\n\nnamespace allmende {\n\nstd::string_view ${NAME}() {\n  static constexpr std::string_view kText = R\"allmende_embed(${content})allmende_embed\";\n  return kText;\n}\n\n}  // namespace allmende\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
