# Writes OUTPUT: a C++ file defining `std::string_view NAME()` with the bytes of INPUT.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT_NAME} by cmake/embed_file.cmake.\n#include <string_view>\n\nnamespace allmende {\n\nstd::string_view ${NAME}() {\n  // An array, not a constexpr string_view: the compiler would count a long text character by\n  // character at compile time, and stops past 262,144.\n  static const char kText[] = R\"allmende_embed(${content})allmende_embed\";\n  return std::string_view(kText, sizeof kText - 1);\n}\n\n}  // namespace allmende\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
