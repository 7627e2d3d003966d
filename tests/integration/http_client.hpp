// A deliberately small HTTP/1.1 client on plain sockets for integration tests: it can send
// malformed bytes, trickle a request byte by byte, and keep a connection alive.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace allmende::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower case
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpConnection {
 public:
  explicit HttpConnection(int port);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Sends raw bytes; false if the peer closed the connection.
  bool Send(const std::string& bytes);
  // Reads one response; nullopt if the connection closed or `timeout` passed first.
  std::optional<HttpResponse> Read(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Reads raw bytes until `needle` has arrived; returns everything up to and including it (and
  // keeps the rest buffered), or nullopt at the timeout. For streams such as Server-Sent Events.
  std::optional<std::string> ReadUntil(const std::string& needle, std::chrono::milliseconds timeout);
  // True if the server has sent something (or closed) that has not been read yet.
  bool Readable();
  // True if the server closed the connection within `timeout` (reads and discards anything else).
  bool WaitForClose(std::chrono::milliseconds timeout);

  std::optional<HttpResponse> Request(const std::string& method, const std::string& path,
                                      const std::vector<std::pair<std::string, std::string>>& headers = {},
                                      const std::string& body = "");

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
std::optional<HttpResponse> Fetch(int port, const std::string& method, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& headers = {},
                                  const std::string& body = "");

}  // namespace allmende::testing
