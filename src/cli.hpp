// The command line of the one binary: `allmende serve|migrate|seed [flags]`.
#pragma once

#include <optional>
#include <string>

#include "common/config.hpp"

namespace allmende {

struct Command {
  std::string name;  // "serve", "migrate", "seed"
  Config config;
};

// Parses argv and builds the configuration (file < environment < flags). Returns nullopt after
// printing help or an error; `exit_code` then says how to exit.
std::optional<Command> ParseCommandLine(int argc, char** argv, int* exit_code);

}  // namespace allmende
