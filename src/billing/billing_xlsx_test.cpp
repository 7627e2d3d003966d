#include "billing/billing_xlsx.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <map>
#include <string>

namespace allmende::billing {
namespace {

std::uint32_t U32(const std::string& b, std::size_t at) {
  return static_cast<std::uint8_t>(b[at]) | static_cast<std::uint8_t>(b[at + 1]) << 8 |
         static_cast<std::uint8_t>(b[at + 2]) << 16 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 3])) << 24;
}
std::uint16_t U16(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(b[at]) | static_cast<std::uint8_t>(b[at + 1]) << 8);
}

// The files of a zip archive by name, read through its central directory (deflated or stored).
std::map<std::string, std::string> Unzip(const std::string& zip) {
  std::map<std::string, std::string> out;
  const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return out;
  const std::size_t entries = U16(zip, end + 10);
  std::size_t at = U32(zip, end + 16);
  for (std::size_t i = 0; i < entries; ++i) {
    const std::uint16_t method = U16(zip, at + 10);
    const std::uint32_t packed = U32(zip, at + 20), size = U32(zip, at + 24);
    const std::uint16_t name_len = U16(zip, at + 28), extra = U16(zip, at + 30), comment = U16(zip, at + 32);
    const std::uint32_t local = U32(zip, at + 42);
    const std::string name = zip.substr(at + 46, name_len);
    const std::size_t data = local + 30 + U16(zip, local + 26) + U16(zip, local + 28);
    std::string bytes(size, '\0');
    if (method == 0) {
      bytes = zip.substr(data, size);
    } else {
      z_stream z{};
      inflateInit2(&z, -15);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = packed;
      z.next_out = reinterpret_cast<Bytef*>(bytes.data());
      z.avail_out = size;
      inflate(&z, Z_FINISH);
      inflateEnd(&z);
    }
    out[name] = bytes;
    at += 46 + name_len + extra + comment;
  }
  return out;
}

TEST(BillingXlsx, ALockedRunBecomesASummaryAndItsLinesWithTheSameAmounts) {
  BillingRun run;
  run.id = "brun_1";
  run.purchaser_name = "Pirkanmaan hyvinvointialue";
  run.period_start = "2026-10-01";
  run.period_end = "2026-11-01";
  run.currency = "EUR";
  run.state = "locked";
  run.locked_at = "2026-11-02T08:00:00.000Z";
  run.line_count = 2;
  run.total_cents = 7800;
  BillingLine a;
  a.seq = 1;
  a.visit_id = "vis_1";
  a.client_name = "=HYPERLINK(\"http://evil\")";  // text, never a formula
  a.payer_kind = "organization";
  a.payer_name = "Pirkanmaan hyvinvointialue";
  a.amount_cents = 5600;
  a.visit_price_cents = 7800;
  a.rule = "voucher_per_hour";
  BillingLine b = a;
  b.seq = 2;
  b.payer_kind = "client";
  b.amount_cents = 2200;
  b.rule = "client_rest";
  auto xlsx =
      LinesXlsx(run, {{"organization", "org_w", "Pirkanmaan hyvinvointialue", 5600, 1}, {"client", "", "", 2200, 1}},
                {{"provider", "org_p", "Hervannan Kotisiivous Oy", 7800, 2}}, {a, b});
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  ASSERT_EQ(xlsx->substr(0, 4), std::string("PK\x03\x04", 4));
  auto files = Unzip(*xlsx);
  ASSERT_TRUE(files.count("xl/workbook.xml"));
  EXPECT_NE(files["xl/workbook.xml"].find("name=\"Summary\""), std::string::npos);
  EXPECT_NE(files["xl/workbook.xml"].find("name=\"Lines\""), std::string::npos);
  const std::string& summary = files["xl/worksheets/sheet1.xml"];
  const std::string& lines = files["xl/worksheets/sheet2.xml"];
  EXPECT_NE(summary.find("<v>78</v>"), std::string::npos) << "the run's total in euros";
  EXPECT_NE(summary.find("<v>56</v>"), std::string::npos);
  EXPECT_NE(summary.find("<v>22</v>"), std::string::npos);
  EXPECT_NE(lines.find("voucher_per_hour"), std::string::npos);
  EXPECT_NE(lines.find("client_rest"), std::string::npos);
  EXPECT_EQ(lines.find("<f>"), std::string::npos) << "no cell is a formula";
  EXPECT_NE(lines.find("=HYPERLINK"), std::string::npos);  // kept as text
}

}  // namespace
}  // namespace allmende::billing
