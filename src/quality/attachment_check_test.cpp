#include "quality/attachment_check.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace allmende::quality {
namespace {

std::string Pdf(const std::string& objects) {
  return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + objects +
         "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

std::string Deflate(const std::string& text) {
  uLongf size = compressBound(text.size());
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()), text.size());
  out.resize(size);
  return out;
}

std::string Stream(const std::string& data) {
  return "3 0 obj\n<< /Length " + std::to_string(data.size()) + " /Filter /FlateDecode >>\nstream\n" + data +
         "\nendstream\nendobj\n";
}

TEST(AttachmentCheck, APlainPdfPasses) {
  EXPECT_TRUE(IsSafePdf(Pdf("")));
  EXPECT_TRUE(IsSafePdf(Pdf(Stream(Deflate("BT /F1 12 Tf (Kuitti 42,00 EUR) Tj ET")))));
  auto checked = CheckAttachment(Pdf(""), "application/pdf");
  ASSERT_TRUE(checked.has_value());
  EXPECT_EQ(checked->content_type, "application/pdf");
}

TEST(AttachmentCheck, ActiveContentIsRefusedEvenWhenEscapedOrCompressed) {
  EXPECT_FALSE(IsSafePdf(Pdf("4 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n")));
  EXPECT_FALSE(IsSafePdf(Pdf("4 0 obj\n<< /S /J#61vaScript >>\nendobj\n")));
  EXPECT_FALSE(IsSafePdf(Pdf("4 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n")));
  EXPECT_FALSE(IsSafePdf(Pdf("4 0 obj\n<< /Type /EmbeddedFile >>\nendobj\n")));
  EXPECT_FALSE(IsSafePdf(Pdf(Stream(Deflate("5 0 << /OpenAction << /S /JavaScript /JS (x) >> >>")))));
}

TEST(AttachmentCheck, NothingHidesActiveContentFromTheWalk) {
  // A "stream" inside a string is no stream: the objects after it are still read.
  EXPECT_FALSE(
      IsSafePdf(Pdf("4 0 obj\n<< /Title (stream) >>\nendobj\n5 0 obj\n<< /S /JavaScript >>\nendobj\n"
                    "6 0 obj\n<< /Title (endstream) >>\nendobj\n")));
  // Encodings the check cannot look into, and encryption, are refused.
  EXPECT_FALSE(
      IsSafePdf(Pdf("3 0 obj\n<< /Type /ObjStm /Filter /ASCIIHexDecode >>\nstream\n2F4A53\nendstream\n"
                    "endobj\n")));
  EXPECT_FALSE(IsSafePdf(Pdf("trailer << /Encrypt 9 0 R >>\n")));
  // A Flate stream that does not inflate whole is refused, not skipped.
  EXPECT_FALSE(IsSafePdf(Pdf(Stream(Deflate("<< /S /JavaScript >>").substr(0, 6)))));
  // An object stream without a filter is read as it is.
  EXPECT_FALSE(
      IsSafePdf(Pdf("3 0 obj\n<< /Type /ObjStm /N 1 /First 4 >>\nstream\n7 0 << /S /Launch >>\n"
                    "endstream\nendobj\n")));
  // An image's data may hold any bytes at all.
  EXPECT_TRUE(
      IsSafePdf(Pdf("3 0 obj\n<< /Subtype /Image /Filter /DCTDecode >>\nstream\n\xff\xd8 /JS (x\n"
                    "endstream\nendobj\n")));
}

TEST(AttachmentCheck, APrefixOrSomethingElseCalledPdfIsRefused) {
  const std::string whole = Pdf("");
  EXPECT_FALSE(IsSafePdf(whole.substr(0, whole.size() - 8)));  // no end-of-file marker
  EXPECT_FALSE(IsSafePdf("<html><script>alert(1)</script></html>%%EOF"));
  EXPECT_FALSE(IsSafePdf(Pdf("3 0 obj\n<< >>\nstream\nno end")));
  EXPECT_FALSE(CheckAttachment("<html></html>", "application/pdf").has_value());
}

TEST(AttachmentCheck, AnImageMustBeWhatItsTypeSays) {
  EXPECT_FALSE(CheckAttachment(Pdf(""), "image/png").has_value());
  EXPECT_FALSE(CheckAttachment("GIF89a....", "image/gif").has_value());
  EXPECT_FALSE(CheckAttachment("<svg onload=alert(1)/>", "image/svg+xml").has_value());
  EXPECT_FALSE(CheckAttachment(Pdf(""), "text/html").has_value());
}

TEST(AttachmentCheck, FileNamesAreCleaned) {
  EXPECT_EQ(CleanFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(CleanFileName("C:\\Users\\liisa\\kuva.jpg"), "kuva.jpg");
  EXPECT_EQ(CleanFileName("a\"b;c\r\n.pdf"), "abc.pdf");
  EXPECT_EQ(CleanFileName(""), "attachment");
  EXPECT_EQ(CleanFileName(".."), "attachment");
  const std::string long_name = std::string(99, 'a') + "ä.pdf";  // "ä" would be cut in two at 100
  EXPECT_EQ(CleanFileName(long_name), std::string(99, 'a'));
}

}  // namespace
}  // namespace allmende::quality
