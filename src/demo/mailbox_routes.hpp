// The demo mailbox as the web UI sees it: what a demo installation's local mailbox
// (allmende-mailbox, started by `make run`) received from this server over SMTP. The messages come
// from the real sink over the real SMTP path; the server only reads them back.
#pragma once

#include "common/config.hpp"
#include "server/router.hpp"

namespace allmende::demo {

// Adds, always (so the routes and the API document agree on every installation):
//   GET /api/v1/demo                 {"demo_mode", "mailbox"}: what the header shows
//   GET /api/v1/demo/mailbox         the messages, newest first, without their text
//   GET /api/v1/demo/mailbox/{id}    one message with its text
// Every route is public: the mailbox exists to show a demo's e-mail (reset links included) to
// whoever tries the demo, who has the demo password anyway. The mailbox routes answer 404 unless
// demo.mode is on and demo.mailbox_url is set, so a production server never shows mail; 503 when
// the mailbox does not answer.
void AddDemoMailboxRoutes(http::Router& router, const Config& config);

}  // namespace allmende::demo
