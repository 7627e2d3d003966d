#include "app/commands.hpp"

#include "access/access_log.hpp"
#include "common/log.hpp"

namespace allmende::app {

int VerifyAccessLogCommand(storage::Database& db, std::ostream& out) {
  auto sealed = access::SealAccessLog(db);  // entries a stopped server left unsealed
  auto report = sealed.ok() ? access::VerifyAccessLog(db) : Result<access::VerifyReport>(sealed.error());
  if (!report.ok()) {
    log::Error("command_failed", {{"command", "verify-access-log"}, {"error", report.error().message}});
    return 1;
  }
  out << "access log: " << report->chains << " chains, " << report->entries << " entries\n";
  for (const auto& b : report->breaks)
    out << "BROKEN chain " << b.chain << " at entry " << b.seq << ": " << b.reason << "\n";
  if (report->breaks.empty()) out << "every chain is intact\n";
  return report->breaks.empty() ? 0 : 1;
}

}  // namespace allmende::app
