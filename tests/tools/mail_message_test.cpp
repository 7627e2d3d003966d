#include "mail_message.hpp"

#include <gtest/gtest.h>

#include "common/time.hpp"
#include "notify/smtp_mailer.hpp"

namespace allmende::testing {
namespace {

TEST(MailMessage, WhatTheServerSendsReadsBackAsWritten) {
  notify::OutboxMessage m{
      .id = "msg_01",
      .recipient = "aino.virtanen@allmende.demo",
      .subject = "Salasanan vaihto – Allmende",
      .body = "Hei Aino,\n\nAvaa linkki: https://allmende.test/reset-password#token=abc\n\nTerveisin,\nÄäkkönen\n"};
  DecodedMail mail = DecodeMail(notify::FormatEmail(m, "Allmende <noreply@allmende.test>", Now()));
  EXPECT_EQ(mail.subject, "Salasanan vaihto – Allmende");
  EXPECT_EQ(mail.from, "Allmende <noreply@allmende.test>");
  EXPECT_EQ(mail.to, "aino.virtanen@allmende.demo");
  EXPECT_EQ(mail.message_id, "msg_01@allmende");
  EXPECT_EQ(mail.text, m.body);
  EXPECT_NE(mail.date.find("+0000"), std::string::npos);
}

TEST(MailMessage, QEncodedWordsNextToEachOtherJoinWithoutTheSpaceBetweenThem) {
  EXPECT_EQ(DecodeHeaderText("=?UTF-8?Q?Salasanan_vaihto_=E2=80=93?= =?utf-8?q?_Allmende?="),
            "Salasanan vaihto – Allmende");
  EXPECT_EQ(DecodeHeaderText("Re: =?ISO-8859-1?Q?K=E4ynti?= huomenna"), "Re: Käynti huomenna");
}

TEST(MailMessage, FoldedHeaderIsUnfolded) {
  DecodedMail mail = DecodeMail(
      "Subject: =?UTF-8?B?U2FsYXNhbmFu?=\r\n =?UTF-8?B?IHZhaWh0byDigJMgQWxsbWVuZGU=?=\r\nTo: a@b.test\r\n\r\nx\r\n");
  EXPECT_EQ(mail.subject, "Salasanan vaihto – Allmende");
  EXPECT_EQ(mail.to, "a@b.test");
}

TEST(MailMessage, QuotedPrintableBodyWithSoftLineBreaksIsDecoded) {
  DecodedMail mail = DecodeMail(
      "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "Avaa linkki: https://allmende.test/reset-password#token=3Dabc=\r\ndef\r\nT=C3=A4m=C3=A4 on = ok\r\n");
  EXPECT_EQ(mail.text, "Avaa linkki: https://allmende.test/reset-password#token=abcdef\nTämä on = ok\n");
}

TEST(MailMessage, Base64BodyIsDecoded) {
  DecodedMail mail = DecodeMail(
      "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "SGVqIEViYmEsCnbDpGxrb21tZW4h\r\n");
  EXPECT_EQ(mail.text, "Hej Ebba,\nvälkommen!");
}

TEST(MailMessage, MultipartShowsTheFirstPlainTextPart) {
  DecodedMail mail = DecodeMail(
      "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
      "preamble\r\n"
      "--outer\r\n"
      "Content-Type: multipart/alternative; boundary=\"in;ner\"\r\n\r\n"
      "--in;ner\r\nContent-Type: text/html\r\n\r\n<p>HTML</p>\r\n"
      "--in;ner\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "Gr=FC=DFe\r\n"
      "--in;ner--\r\n"
      "--outer\r\nContent-Type: text/plain\r\n\r\nattachment\r\n"
      "--outer--\r\n");
  EXPECT_EQ(mail.text, "Grüße");
}

TEST(MailMessage, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(ToUtf8("ok \xC3\x28 \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x80\x93", "utf-8"),
            "ok \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
            "\xE2\x80\x93");
  EXPECT_EQ(DecodeMail("Subject: caf\xE9\r\n\r\n").subject, "caf\xEF\xBF\xBD");
}

TEST(MailMessage, HtmlOnlyMessageIsShownAsSentAndMultipartWithoutTextShowsNothing) {
  EXPECT_EQ(DecodeMail("Content-Type: text/html\r\n\r\n<p>Hi</p>\r\n").text, "<p>Hi</p>\n");
  EXPECT_EQ(
      DecodeMail(
          "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
          .text,
      "");
}

}  // namespace
}  // namespace allmende::testing
