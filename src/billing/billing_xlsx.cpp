#include "billing/billing_xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace allmende::billing {
namespace {

// Removes the file when it goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

double Amount(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

}  // namespace

Result<std::string> LinesXlsx(const BillingRun& run, const std::vector<Total>& by_payer,
                              const std::vector<Total>& by_provider, const std::vector<BillingLine>& lines,
                              const std::string& tmpdir) {
  std::string dir = tmpdir;
  if (dir.empty()) {
    const char* env = std::getenv("TMPDIR");
    dir = env && *env ? env : "/tmp";
  }
  TempFile file{dir + "/allmende-xlsx-XXXXXX"};
  int fd = mkstemp(file.path.data());
  if (fd < 0) {
    file.path.clear();
    return Error::Internal("No temporary file for the workbook.");
  }
  close(fd);

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: 400,000 lines in constant memory
  options.tmpdir = dir.data();
  lxw_workbook* book = workbook_new_opt(file.path.c_str(), &options);
  if (!book) return Error::Internal("The workbook could not be started.");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(book);
  format_set_num_format(money, "#,##0.00");
  lxw_format* money_bold = workbook_add_format(book);
  format_set_num_format(money_bold, "#,##0.00");
  format_set_bold(money_bold);

  // The summary: what the run is and its totals.
  lxw_worksheet* summary = workbook_add_worksheet(book, "Summary");
  worksheet_set_column(summary, 0, 0, 34, nullptr);
  worksheet_set_column(summary, 1, 3, 18, nullptr);
  lxw_row_t row = 0;
  auto pair = [&](const char* label, const std::string& value) {
    worksheet_write_string(summary, row, 0, label, bold);
    worksheet_write_string(summary, row, 1, value.c_str(), nullptr);
    ++row;
  };
  pair("Run", run.id);
  pair("Purchaser", run.purchaser_name);
  pair("Period start", run.period_start);
  pair("Period end (exclusive)", run.period_end);
  pair("Currency", run.currency);
  pair("State", run.state);
  pair("Locked at", run.locked_at.value_or(""));
  worksheet_write_string(summary, row, 0, "Lines", bold);
  worksheet_write_number(summary, row++, 1, static_cast<double>(run.line_count), nullptr);
  worksheet_write_string(summary, row, 0, "Total", bold);
  worksheet_write_number(summary, row++, 1, Amount(run.total_cents), money_bold);
  auto totals = [&](const char* title, const std::vector<Total>& list) {
    ++row;
    worksheet_write_string(summary, row, 0, title, bold);
    worksheet_write_string(summary, row, 1, "Amount", bold);
    worksheet_write_string(summary, row, 2, "Lines", bold);
    ++row;
    std::int64_t sum = 0;
    for (const auto& t : list) {
      const std::string name = t.kind == "client" && t.id.empty() ? "Clients' own shares" : t.name;
      worksheet_write_string(summary, row, 0, name.c_str(), nullptr);
      worksheet_write_number(summary, row, 1, Amount(t.cents), money);
      worksheet_write_number(summary, row, 2, static_cast<double>(t.lines), nullptr);
      sum += t.cents;
      ++row;
    }
    worksheet_write_string(summary, row, 0, "Total", bold);
    worksheet_write_number(summary, row, 1, Amount(sum), money_bold);
    ++row;
  };
  totals("Per payer", by_payer);
  totals("Per provider", by_provider);

  // The lines, as the CSV has them.
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Lines");
  static constexpr std::array<const char*, 26> kHeader{
      "run",         "period_start", "period_end", "line",        "kind",        "corrects_line", "visit",
      "visit_date",  "charge",       "order",      "provider_id", "provider",    "client_id",     "client",
      "payer_kind",  "payer_id",     "payer",      "paid_to",     "grant",       "rule",          "minutes",
      "visit_price", "amount",       "currency",   "vat_percent", "price_source"};
  for (std::size_t i = 0; i < kHeader.size(); ++i) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), kHeader[i], bold);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  lxw_row_t r = 1;
  for (const auto& l : lines) {
    lxw_col_t col = 0;
    auto text = [&](const std::string& v) { worksheet_write_string(sheet, r, col++, v.c_str(), nullptr); };
    auto number = [&](double v, lxw_format* f) { worksheet_write_number(sheet, r, col++, v, f); };
    text(run.id);
    text(run.period_start);
    text(run.period_end);
    number(static_cast<double>(l.seq), nullptr);
    text(l.kind);
    text(l.corrects_line_id.value_or(""));
    text(l.visit_id);
    text(l.visit_date);
    text(l.charge);
    text(l.order_id);
    text(l.provider_id);
    text(l.provider_name);
    text(l.client_id);
    text(l.client_name);
    text(l.payer_kind);
    text(l.payer_id);
    text(l.payer_name);
    text(l.paid_to);
    text(l.grant_id.value_or(""));
    text(l.rule);
    number(static_cast<double>(l.minutes), nullptr);
    number(Amount(l.visit_price_cents), money);
    number(Amount(l.amount_cents), money);
    text(run.currency);
    number(Amount(l.vat_rate_bp), money);
    text(l.price_source);
    ++r;
  }
  if (workbook_close(book) != LXW_NO_ERROR) return Error::Internal("The workbook could not be written.");
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return Error::Internal("The workbook could not be read back.");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes;
}

}  // namespace allmende::billing
