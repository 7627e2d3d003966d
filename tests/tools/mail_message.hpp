// Reads an e-mail as it arrives over SMTP into what a person sees: sender, recipient, subject and
// the plain text, decoded to UTF-8. Understands what mail software commonly sends, not only what
// src/notify/smtp_mailer.cpp sends today: folded headers, RFC 2047 encoded words (B and Q),
// quoted-printable and base64 bodies, multipart messages (the first text/plain part), and the
// charsets UTF-8, US-ASCII and ISO-8859-1. Never fails: what it cannot read is passed through,
// with bytes that are not UTF-8 replaced by U+FFFD so the result is always valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace allmende::testing {

struct DecodedMail {
  std::string from;        // the From header, decoded
  std::string to;          // the To header, decoded
  std::string subject;     // the Subject header, decoded
  std::string date;        // the Date header as sent (RFC 5322)
  std::string message_id;  // inside the angle brackets of Message-ID
  std::string text;        // the plain-text body, UTF-8, line ends "\n"
};

// Decodes a whole message: headers, an empty line, the body (line ends CRLF or LF).
DecodedMail DecodeMail(std::string_view raw);

// Decodes the RFC 2047 encoded words in a header value ("=?UTF-8?B?…?=" and "=?…?Q?…?=");
// white space between two encoded words is dropped, as the RFC says.
std::string DecodeHeaderText(std::string_view value);

// Content-Transfer-Encoding quoted-printable: "=XX" escapes and soft line breaks ("=" at a line end).
std::string DecodeQuotedPrintable(std::string_view text);

// Base64, ignoring line breaks and other characters outside the alphabet.
std::string DecodeBase64(std::string_view text);

// The text in UTF-8: ISO-8859-1 (and its aliases) converted, anything else checked as UTF-8,
// every invalid sequence replaced by U+FFFD.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace allmende::testing
