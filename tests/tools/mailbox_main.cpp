// allmende-mailbox: a local mailbox for the demo (`make run`) and the browser tests. Receives
// e-mail over SMTP on 127.0.0.1 and serves it as JSON over HTTP on 127.0.0.1 (see
// mailbox_http.hpp), so the server's real SMTP delivery can be watched without a mail server.
// Keeps messages in memory only, bounded; stops on SIGTERM or SIGINT.
//
//   allmende-mailbox [--smtp-port N] [--http-port N] [--port-file FILE] [--max-messages N]
//                    [--max-message-bytes N] [--exit-with-parent]
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "mailbox_http.hpp"
#include "smtp_sink.hpp"

namespace {

constexpr const char* kUsage =
    "usage: allmende-mailbox [--smtp-port N] [--http-port N] [--port-file FILE] [--max-messages N]\n"
    "                        [--max-message-bytes N] [--exit-with-parent]\n"
    "  --smtp-port N          SMTP port on 127.0.0.1 (default 0: a free port)\n"
    "  --http-port N          HTTP port on 127.0.0.1 for GET /messages (default 0: a free port)\n"
    "  --port-file FILE       once listening, write \"<smtp port> <http port>\" to FILE\n"
    "  --max-messages N       keep at most N messages, the oldest go first (default 500)\n"
    "  --max-message-bytes N  refuse larger messages (default 131072)\n"
    "  --exit-with-parent     stop when the process that started this one ends\n";

bool ParseNumber(std::string_view text, long long min, long long max, long long* out) {
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace allmende::testing;
  long long smtp_port = 0, http_port = 0, max_messages = 500, max_bytes = 128 * 1024;
  std::string port_file;
  bool exit_with_parent = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](long long min, long long max, long long* out) {
      if (i + 1 >= argc || !ParseNumber(argv[i + 1], min, max, out)) {
        std::cerr << "allmende-mailbox: " << arg << " needs a number from " << min << " to " << max << "\n";
        std::exit(2);
      }
      ++i;
    };
    if (arg == "--smtp-port") {
      value(0, 65535, &smtp_port);
    } else if (arg == "--http-port") {
      value(0, 65535, &http_port);
    } else if (arg == "--max-messages") {
      value(1, 100000, &max_messages);
    } else if (arg == "--max-message-bytes") {
      value(1024, 64 * 1024 * 1024, &max_bytes);
    } else if (arg == "--port-file" && i + 1 < argc) {
      port_file = argv[++i];
    } else if (arg == "--exit-with-parent") {
      exit_with_parent = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else {
      std::cerr << "allmende-mailbox: unknown argument " << arg << "\n" << kUsage;
      return 2;
    }
  }

  // The signals that stop us are taken by sigwait below, in this thread only.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  if (exit_with_parent) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() == 1) return 0;  // the parent is already gone
  }

  SmtpSink sink(SmtpSink::Options{.port = static_cast<int>(smtp_port),
                                  .max_messages = static_cast<std::size_t>(max_messages),
                                  .max_message_bytes = static_cast<std::size_t>(max_bytes),
                                  .idle_timeout = std::chrono::seconds(30),
                                  .session_timeout = std::chrono::minutes(5),
                                  .max_sessions = 16});
  if (!sink.listening()) {
    std::cerr << "allmende-mailbox: cannot listen for SMTP on 127.0.0.1:" << smtp_port << "\n";
    return 1;
  }
  MailboxHttp http(sink, MailboxHttp::Options{.port = static_cast<int>(http_port)});
  if (!http.listening()) {
    std::cerr << "allmende-mailbox: cannot listen for HTTP on 127.0.0.1:" << http_port << "\n";
    return 1;
  }
  if (!port_file.empty()) {
    // Written whole under another name, then renamed: a reader never sees half a line.
    std::string partial = port_file + ".partial";
    {
      std::ofstream out(partial, std::ios::trunc);
      out << sink.port() << " " << http.port() << "\n";
      if (!out) {
        std::cerr << "allmende-mailbox: cannot write " << partial << "\n";
        return 1;
      }
    }
    if (std::rename(partial.c_str(), port_file.c_str()) != 0) {
      std::cerr << "allmende-mailbox: cannot write " << port_file << "\n";
      return 1;
    }
  }
  std::cerr << "allmende-mailbox: SMTP on " << sink.url() << ", messages on " << http.url() << "/messages\n";
  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cerr << "allmende-mailbox: stopping\n";
  return 0;
}
