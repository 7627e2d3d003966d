// Subcommands of the binary besides `serve`, as functions main.cpp calls.
#pragma once

#include <ostream>

#include "storage/database.hpp"

namespace allmende::app {

// `allmende verify-access-log`: seals what a stopped server left unsealed, recomputes every chain
// and prints the result to `out`. Returns the exit code: 0 when every chain is intact.
int VerifyAccessLogCommand(storage::Database& db, std::ostream& out);

}  // namespace allmende::app
