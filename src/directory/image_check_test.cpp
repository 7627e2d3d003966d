#include "directory/image_check.hpp"

#include <gtest/gtest.h>

namespace allmende::directory {
namespace {

std::string Png(std::uint32_t w, std::uint32_t h) {
  std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (std::uint32_t v : {w, h}) {
    for (int shift = 24; shift >= 0; shift -= 8) b += static_cast<char>((v >> shift) & 0xFF);
  }
  return b + std::string("\x08\x06\0\0\0", 5);
}

TEST(ImageCheck, PngIsRecognisedWithItsSize) {
  auto info = InspectImage(Png(640, 480));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->content_type, "image/png");
  EXPECT_EQ(info->width, 640);
  EXPECT_EQ(info->height, 480);
}

TEST(ImageCheck, JpegSizeComesFromTheFirstFrameAfterOtherSegments) {
  std::string b("\xFF\xD8", 2);
  b += std::string("\xFF\xE0\x00\x04\x00\x00", 6);                   // APP0 with two bytes
  b += std::string("\xFF\xC0\x00\x11\x08\x01\xE0\x02\x80\x03", 10);  // SOF0: 480 high, 640 wide
  auto info = InspectImage(b);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->content_type, "image/jpeg");
  EXPECT_EQ(info->width, 640);
  EXPECT_EQ(info->height, 480);
}

TEST(ImageCheck, WebpLossyAndExtendedAreRecognised) {
  std::string lossy = std::string("RIFF\0\0\0\0WEBPVP8 \0\0\0\0", 20) + std::string("\0\0\0\x9d\x01\x2a", 6) +
                      std::string("\x80\x02\xe0\x01", 4);
  auto info = InspectImage(lossy);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 640);
  EXPECT_EQ(info->height, 480);
  std::string extended =
      std::string("RIFF\0\0\0\0WEBPVP8X\0\0\0\0", 20) + std::string(4, '\0') + std::string("\x7f\x02\0\xdf\x01\0", 6);
  info = InspectImage(extended);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 640);
  EXPECT_EQ(info->height, 480);
}

TEST(ImageCheck, HtmlSvgTruncatedAndHugeImagesAreRefused) {
  EXPECT_FALSE(InspectImage("<html><script>alert(1)</script></html>"));
  EXPECT_FALSE(InspectImage("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
  EXPECT_FALSE(InspectImage(Png(640, 480).substr(0, 20)));
  EXPECT_FALSE(InspectImage(Png(0, 480)));
  EXPECT_FALSE(InspectImage(Png(20000, 480)));
  EXPECT_FALSE(InspectImage(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6))) << "a scan before any frame";
  EXPECT_FALSE(InspectImage(""));
}

}  // namespace
}  // namespace allmende::directory
