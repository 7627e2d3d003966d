#include "storage/field_cipher.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace allmende::storage {
namespace {

constexpr std::string_view kPrefix = "enc1:";

std::string Base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool Unbase64(std::string_view text, std::vector<unsigned char>& out) {
  out.resize(text.size());
  std::size_t size = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  out.resize(size);
  return true;
}

std::string NewKeyLine() {
  unsigned char key[crypto_secretbox_KEYBYTES];
  crypto_secretbox_keygen(key);
  unsigned char id[4];
  randombytes_buf(id, sizeof id);
  char hex[sizeof id * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, id, sizeof id);
  std::string line = std::string("k") + hex + " " + Base64(key, sizeof key) + "\n";
  sodium_memzero(key, sizeof key);
  return line;
}

// Writes `text` to `path` readable by the owner only; with `exclusive`, fails if it exists.
Result<bool> WritePrivate(const std::string& path, const std::string& text, bool exclusive) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC), 0600);
  if (fd < 0) {
    if (exclusive && errno == EEXIST) return false;
    return Error::Unavailable("Cannot write the field key file " + path + ": " + std::strerror(errno));
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error::Unavailable("Cannot write the field key file " + path + ".");
  return true;
}

// Makes a rename or creation in `path`'s folder durable.
void SyncDirectory(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

FieldCipher::FieldCipher(std::vector<Key> keys, std::string path) : state_(std::make_shared<State>()) {
  state_->keys = std::move(keys);
  state_->path = std::move(path);
}

Result<std::vector<FieldCipher::Key>> FieldCipher::ReadKeys(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::Unavailable("Cannot read the field key file " + path + ".");
  std::vector<Key> keys;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, encoded;
    fields >> id >> encoded;
    std::vector<unsigned char> bytes;
    if (id.empty() || id.find(':') != std::string::npos || !Unbase64(encoded, bytes) ||
        bytes.size() != crypto_secretbox_KEYBYTES) {
      return Error::Invalid("storage.field_key_file", "a line of " + path + " is not '<id> <base64 key>'");
    }
    Key k{id, {}};
    std::copy(bytes.begin(), bytes.end(), k.bytes.begin());
    sodium_memzero(bytes.data(), bytes.size());
    keys.push_back(std::move(k));
  }
  if (keys.empty()) return Error::Invalid("storage.field_key_file", path + " holds no key");
  return keys;
}

Result<FieldCipher> FieldCipher::LoadOrCreate(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    // Written whole under a name of its own, then linked into place: a process that starts at
    // the same moment sees no file or a complete one, never a half-written one.
    unsigned char suffix[8];
    randombytes_buf(suffix, sizeof suffix);
    char hex[sizeof suffix * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, suffix, sizeof suffix);
    const std::string tmp = path + ".tmp-" + hex;
    ALLMENDE_TRY(WritePrivate(tmp, NewKeyLine(), true));
    if (::link(tmp.c_str(), path.c_str()) != 0 && errno != EEXIST) {
      std::string why = std::strerror(errno);
      ::unlink(tmp.c_str());
      return Error::Unavailable("Cannot create the field key file " + path + ": " + why);
    }
    ::unlink(tmp.c_str());  // EEXIST: another process was first, and its key is the one
    SyncDirectory(path);
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto keys, ReadKeys(path));
  return FieldCipher(std::move(keys), path);
}

Result<std::string> FieldCipher::AddKey(const std::string& path) {
  // Two rotations at once would each write the file with only their own new key.
  int lock = ::open((path + ".lock").c_str(), O_RDWR | O_CREAT, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    if (lock >= 0) ::close(lock);
    return Error::Unavailable("Cannot lock the field key file " + path + ".");
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lock};
  std::ifstream in(path);
  std::stringstream old;
  if (in) old << in.rdbuf();
  std::string line = NewKeyLine();
  std::string tmp = path + ".new";
  std::filesystem::remove(tmp);
  ALLMENDE_TRY(WritePrivate(tmp, line + old.str(), true));
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error::Unavailable("Cannot replace the field key file " + path + ": " + ec.message());
  SyncDirectory(path);  // the new name survives a power loss before the values are re-sealed
  return line.substr(0, line.find(' '));
}

FieldCipher FieldCipher::Ephemeral() {
  Key k{"test", {}};
  crypto_secretbox_keygen(k.bytes.data());
  return FieldCipher({k}, "");
}

std::string FieldCipher::Seal(std::string_view plaintext) const {
  std::lock_guard lock(state_->mu);
  const Key& key = state_->keys.front();
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), box.data(),
                        key.bytes.data());
  return std::string(kPrefix) + key.id + ":" + Base64(box.data(), box.size());
}

Result<std::string> FieldCipher::Open(std::string_view stored) const {
  if (!stored.starts_with(kPrefix)) return std::string(stored);
  std::string_view rest = stored.substr(kPrefix.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return Error::Invalid("value", "is not a sealed value");
  std::string_view id = rest.substr(0, colon);
  std::lock_guard lock(state_->mu);
  auto find = [&]() -> const Key* {
    for (const auto& k : state_->keys) {
      if (k.id == id) return &k;
    }
    return nullptr;
  };
  const Key* key = find();
  if (!key && !state_->path.empty()) {
    // Sealed after a rotation this process has not seen: read the key file again.
    auto keys = ReadKeys(state_->path);
    if (keys.ok()) state_->keys = std::move(*keys);
    key = find();
  }
  if (!key) return Error::Invalid("value", "was sealed with key " + std::string(id) + ", which is not in the key file");
  std::vector<unsigned char> box;
  if (!Unbase64(rest.substr(colon + 1), box) || box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Error::Invalid("value", "is not a sealed value");
  }
  std::string plain(box.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, box.size() - crypto_secretbox_NONCEBYTES,
                                 box.data(), key->bytes.data()) != 0) {
    return Error::Invalid("value", "was altered or sealed with another key");
  }
  return plain;
}

std::string FieldCipher::KeyedDigest(std::string_view text) const {
  unsigned char hash[crypto_generichash_BYTES];
  {
    std::lock_guard lock(state_->mu);
    const Key& key = state_->keys.back();
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       key.bytes.data(), key.bytes.size());
  }
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool FieldCipher::SealedWithCurrentKey(std::string_view stored) const {
  std::lock_guard lock(state_->mu);
  return stored.starts_with(std::string(kPrefix) + state_->keys.front().id + ":");
}

std::string EncodeBase64(std::string_view bytes) {
  return Base64(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::vector<unsigned char> out;
  if (!Unbase64(text, out)) return std::nullopt;
  return std::string(out.begin(), out.end());
}

const std::vector<SealedColumn>& SealedColumns() {
  static const std::vector<SealedColumn> columns{
      {"users", "id", "totp_secret"},
      {"users", "id", "totp_pending_secret"},
      {"outbox_messages", "id", "body"},
      {"orders", "id", "needs_sealed"},
      {"orders", "id", "address_sealed"},
      {"orders", "id", "door_code_sealed"},
      {"orders", "id", "contact_phone_sealed"},
      {"visits", "id", "note_sealed"},
      {"order_messages", "id", "body_sealed"},
      {"grants", "id", "insurance_number"},
      {"clients", "user_id", "identity_code"},
      {"advice_contacts", "id", "note"},
      {"assessments", "id", "answers"},
      {"advice_tasks", "id", "title"},
      {"referrals", "id", "reason"},
      {"referrals", "id", "decision_note"},
      {"plan_items", "id", "title"},
      {"plan_items", "id", "details"},
      {"plan_items", "id", "goal"},
      {"visit_ratings", "id", "comment_sealed"},
      {"quality_cases", "id", "description_sealed"},
      {"quality_cases", "id", "resolution_sealed"},
      {"quality_case_events", "id", "body_sealed"},
      {"quality_attachments", "id", "data_sealed"},
      {"idempotency_keys", "scope", "response_body"},
  };
  return columns;
}

Result<std::int64_t> Reseal(Database& db, const FieldCipher& cipher, const SealedColumn& column) {
  // Identifiers come from SealedColumns(), never from input; values are bound.
  const std::string select = "SELECT " + std::string(column.id_column) + ", " + std::string(column.column) + " FROM " +
                             std::string(column.table) + " WHERE " + std::string(column.column) + " IS NOT NULL";
  const std::string update = "UPDATE " + std::string(column.table) + " SET " + std::string(column.column) +
                             " = $1 WHERE " + std::string(column.id_column) + " = $2 AND " +
                             std::string(column.column) + " = $3";
  std::int64_t changed = 0;
  ALLMENDE_TRY(db.Write([&](Connection& c) -> Result<void> {
    changed = 0;
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(select));
    for (const auto& row : rows) {
      std::string stored = row.Text(1);
      if (stored.empty() || cipher.SealedWithCurrentKey(stored)) continue;
      ALLMENDE_ASSIGN_OR_RETURN(std::string plain, cipher.Open(stored));
      ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(update, {cipher.Seal(plain), row.Text(0), stored}));
      changed += n;
    }
    return Ok();
  }));
  return changed;
}

}  // namespace allmende::storage
