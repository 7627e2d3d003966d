// A locked run as an Excel workbook for the purchaser's finance system (libxlsxwriter): a summary
// sheet (the run, its totals per payer and per provider) and a sheet of the lines with the same
// columns as the CSV. Amounts are numbers in the run's currency with two decimals, summed from
// integer cents, so the workbook's totals are the run's to the cent. Text is always written as
// text cells: a name that begins with "=" is never a formula.
#pragma once

#include <string>
#include <vector>

#include "billing/billing_types.hpp"
#include "common/result.hpp"

namespace allmende::billing {

// The .xlsx file's bytes. The workbook is assembled in a temporary file under `tmpdir` (the
// system's when empty), which is removed before this returns.
Result<std::string> LinesXlsx(const BillingRun& run, const std::vector<Total>& by_payer,
                              const std::vector<Total>& by_provider, const std::vector<BillingLine>& lines,
                              const std::string& tmpdir = "");

}  // namespace allmende::billing
