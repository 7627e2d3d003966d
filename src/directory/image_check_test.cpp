#include "directory/image_check.hpp"

#include <gtest/gtest.h>

#include <array>

namespace allmende::directory {
namespace {

std::uint32_t Crc(const std::string& data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char ch : data) {
    c ^= ch;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

std::string Big(std::uint32_t v) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
  return out;
}

std::string Chunk(const std::string& type, const std::string& data) {
  return Big(static_cast<std::uint32_t>(data.size())) + type + data + Big(Crc(type + data));
}

std::string Ihdr(std::uint32_t w, std::uint32_t h) {
  return Chunk("IHDR", Big(w) + Big(h) + std::string("\x08\x06\0\0\0", 5));
}

const std::string kSignature("\x89PNG\r\n\x1a\n", 8);
const std::string kIdat = Chunk("IDAT", std::string("\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01", 11));
const std::string kIend = Chunk("IEND", "");

std::string Png(std::uint32_t w, std::uint32_t h) { return kSignature + Ihdr(w, h) + kIdat + kIend; }

TEST(ImageCheck, AWholePngPassesWithItsSize) {
  auto checked = CheckImage(Png(640, 480));
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->info.content_type, "image/png");
  EXPECT_EQ(checked->info.width, 640);
  EXPECT_EQ(checked->info.height, 480);
  EXPECT_EQ(checked->bytes, Png(640, 480));
}

TEST(ImageCheck, PngTextChunksAreDropped) {
  std::string with_text = kSignature + Ihdr(2, 2) + Chunk("tEXt", std::string("Author\0Aino", 11)) + kIdat + kIend;
  auto checked = CheckImage(with_text);
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->bytes, Png(2, 2));
}

TEST(ImageCheck, PngThatIsOnlyAHeaderOrHasSomethingAfterItsEndIsRefused) {
  EXPECT_FALSE(CheckImage(kSignature + Ihdr(640, 480))) << "header only";
  EXPECT_FALSE(CheckImage(Png(640, 480) + "<html><script>alert(1)</script></html>")) << "a polyglot";
  std::string bad_crc = Png(640, 480);
  bad_crc[30] ^= 1;
  EXPECT_FALSE(CheckImage(bad_crc));
  EXPECT_FALSE(CheckImage(kSignature + Ihdr(640, 480) + kIend)) << "no image data";
}

TEST(ImageCheck, ImagesOfMoreThan25MillionPixelsAreRefused) {
  EXPECT_TRUE(InspectImage(Png(10000, 10000)));
  EXPECT_FALSE(CheckImage(Png(10000, 10000)));
  EXPECT_TRUE(CheckImage(Png(5000, 5000)));
}

std::string Jpeg(const std::string& after_soi, const std::string& tail = "") {
  std::string sof("\xFF\xC0\x00\x11\x08\x01\xE0\x02\x80\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 19);
  std::string sos("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
  std::string scan("\x12\x34\xFF\x00\x56\xFF\xD0\x78", 8);  // a stuffed byte and a restart marker
  return std::string("\xFF\xD8", 2) + after_soi + sof + sos + scan + std::string("\xFF\xD9", 2) + tail;
}

TEST(ImageCheck, JpegLosesItsExifAndKeepsTheRest) {
  std::string exif(
      "\xFF\xE1\x00\x0C"
      "Exif\0\0GPS!",
      14);
  std::string jfif("\xFF\xE0\x00\x07JFIF\0", 9);
  auto checked = CheckImage(Jpeg(jfif + exif));
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->info.content_type, "image/jpeg");
  EXPECT_EQ(checked->info.width, 640);
  EXPECT_EQ(checked->info.height, 480);
  EXPECT_EQ(checked->bytes, Jpeg(jfif));
  EXPECT_EQ(checked->bytes.find("GPS"), std::string::npos);
}

TEST(ImageCheck, JpegWithDataAfterItsEndOrCutShortIsRefused) {
  EXPECT_FALSE(CheckImage(Jpeg("", "<script>")));
  std::string whole = Jpeg("");
  EXPECT_FALSE(CheckImage(whole.substr(0, whole.size() - 2)));
  EXPECT_FALSE(CheckImage(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6))) << "a scan before any frame";
}

std::string Little(std::uint32_t v) {
  std::string out;
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((v >> shift) & 0xFF);
  return out;
}

std::string Webp(bool with_exif) {
  std::string vp8x = "VP8X" + Little(10) + std::string("\x08\0\0\0", 4) + std::string("\x7f\x02\0\xdf\x01\0", 6);
  std::string body = "WEBP" + vp8x + "VP8L" + Little(1) + std::string("\x2F\0", 2);
  if (with_exif) body += "EXIF" + Little(3) + std::string("GPS\0", 4);
  return "RIFF" + Little(static_cast<std::uint32_t>(body.size())) + body;
}

TEST(ImageCheck, WebpLosesItsExifAndItsFlag) {
  auto checked = CheckImage(Webp(true));
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->info.content_type, "image/webp");
  EXPECT_EQ(checked->info.width, 640);
  EXPECT_EQ(checked->info.height, 480);
  EXPECT_EQ(checked->bytes.find("GPS"), std::string::npos);
  EXPECT_EQ(checked->bytes[20] & 0x08, 0) << "the EXIF flag is cleared";
  EXPECT_FALSE(CheckImage(Webp(false) + "trailing")) << "RIFF length and file differ";
}

TEST(ImageCheck, HtmlAndSvgAreNoImages) {
  EXPECT_FALSE(CheckImage("<html><script>alert(1)</script></html>"));
  EXPECT_FALSE(CheckImage("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
  EXPECT_FALSE(CheckImage(""));
}

}  // namespace
}  // namespace allmende::directory
