#include "search/corpus.hpp"

#include <algorithm>
#include <cmath>

namespace allmende::search {
namespace {

// Prices in buckets of 5 euros below 320 euros, so that a price limit is a union of whole buckets
// plus one bucket checked doc by doc.
constexpr std::int64_t kBucketWidth = 500;
constexpr std::size_t kBuckets = 65;
constexpr std::size_t kWordsScannedForPrefix = 4096;

std::size_t PriceBucket(std::int64_t price) {
  if (price <= 0) return 0;
  return static_cast<std::size_t>(std::min<std::int64_t>(price / kBucketWidth, kBuckets - 1));
}

std::size_t PriceBand(std::int64_t price) {
  if (price < 2500) return 0;
  if (price < 4000) return 1;
  if (price < 6000) return 2;
  return 3;
}

const Roaring* Find(const ValueBitmaps& bitmaps, std::string_view value) {
  auto it = bitmaps.find(value);
  return it == bitmaps.end() ? nullptr : &it->second;
}

std::size_t BitmapBytes(const ValueBitmaps& bitmaps) {
  std::size_t bytes = 0;
  for (const auto& [value, bitmap] : bitmaps)
    bytes += value.capacity() + sizeof(Roaring) + bitmap.getSizeInBytes(false);
  return bytes;
}

}  // namespace

void Corpus::Mark(ValueBitmaps& bitmaps, std::string_view value, DocNumber doc) {
  if (value.empty()) return;
  auto it = bitmaps.find(value);
  if (it == bitmaps.end()) it = bitmaps.emplace(std::string(value), Roaring()).first;
  it->second.add(doc);
}

void Corpus::Add(AnalyzedService&& analyzed) {
  IndexedService& service = analyzed.service;
  Remove(service.id);
  const auto doc = static_cast<DocNumber>(docs_.size());
  DocRecord record;
  record.id = service.id;
  record.summary = std::make_shared<const std::string>(std::move(service.summary_json));
  record.price = service.price;
  record.has_rating = service.rating.has_value() && std::isfinite(*service.rating);
  record.rating = record.has_rating ? *service.rating : 0.0;
  record.length = analyzed.length;
  docs_.push_back(std::move(record));
  id_to_doc_[service.id] = doc;
  live_.add(doc);
  live_length_ += analyzed.length;

  for (const DocumentTerm& term : analyzed.terms) {
    TermPostings& postings = terms_[InternTerm(term)];
    postings.docs.add(doc);
    postings.doc_list.push_back(doc);
    postings.weights.push_back(static_cast<std::uint8_t>(std::min<std::uint32_t>(term.weight, 255)));
  }

  Mark(regions_, service.region_id, doc);
  Mark(categories_, service.category, doc);
  for (const auto& code : service.municipalities) {
    Mark(municipalities_, code, doc);
    Mark(whole_municipalities_, code, doc);
  }
  for (const auto& code : service.districts) {
    Mark(districts_, code, doc);
    if (auto municipality = gazetteer_.MunicipalityOf(code); !municipality.empty()) {
      Mark(municipalities_, municipality, doc);
    }
  }
  for (const auto& code : service.postal_codes) {
    Mark(postal_codes_, code, doc);
    for (const auto& district : gazetteer_.DistrictsWithPostalCode(code)) Mark(districts_, district, doc);
    for (const auto& municipality : gazetteer_.MunicipalitiesWithPostalCode(code)) {
      Mark(municipalities_, municipality, doc);
    }
  }
  for (const auto& language : service.languages) Mark(languages_, language, doc);
  for (const auto& voucher : service.vouchers) Mark(vouchers_, voucher, doc);
  for (int day = 0; day < 7; ++day) {
    if (service.open_days & (1u << day)) open_days_[static_cast<std::size_t>(day)].add(doc);
  }
  if (price_buckets_.empty()) price_buckets_.resize(kBuckets);
  price_buckets_[PriceBucket(service.price)].add(doc);
  price_bands_[PriceBand(service.price)].add(doc);
  for (const auto& word : analyzed.suggestions) AddSuggestion(word, doc);
}

bool Corpus::Remove(const std::string& id) {
  auto it = id_to_doc_.find(id);
  if (it == id_to_doc_.end()) return false;
  DocRecord& record = docs_[it->second];
  live_.remove(it->second);
  live_length_ -= record.length;
  ++dead_count_;
  record.summary.reset();
  id_to_doc_.erase(it);
  return true;
}

void Corpus::ShrinkToFit() {
  docs_.shrink_to_fit();
  for (auto& postings : terms_) {
    postings.doc_list.shrink_to_fit();
    postings.weights.shrink_to_fit();
    postings.docs.shrinkToFit();
  }
}

double Corpus::average_length() const {
  if (id_to_doc_.empty() || live_length_ == 0) return 1.0;
  return static_cast<double>(live_length_) / static_cast<double>(id_to_doc_.size());
}

TermId Corpus::InternTerm(const DocumentTerm& term) {
  auto it = term_ids_.find(std::string_view(term.text));
  TermId id;
  if (it == term_ids_.end()) {
    id = static_cast<TermId>(terms_.size());
    TermPostings& postings = terms_.emplace_back();
    postings.text = term.text;
    term_ids_.emplace(term.text, id);
  } else {
    id = it->second;
  }
  TermPostings& postings = terms_[id];
  if (postings.display.empty() && !term.display.empty() && term.display != term.text) postings.display = term.display;
  if (term.is_word && !postings.is_word) {
    postings.is_word = true;
    words_.emplace(term.text, id);
    spelling_.Add(term.text, id);
  }
  return id;
}

void Corpus::AddSuggestion(const SuggestionWord& word, DocNumber doc) {
  auto it = suggestions_.find(word.key);
  if (it == suggestions_.end()) it = suggestions_.emplace(word.key, Suggestion{word.display, Roaring()}).first;
  it->second.docs.add(doc);
}

std::optional<TermId> Corpus::FindTerm(std::string_view text) const {
  auto it = term_ids_.find(text);
  if (it == term_ids_.end()) return std::nullopt;
  return it->second;
}

std::uint64_t Corpus::LiveDocumentFrequency(TermId id) const {
  const Roaring& docs = terms_[id].docs;
  return dead_count_ == 0 ? docs.cardinality() : docs.and_cardinality(live_);
}

std::vector<TermId> Corpus::WordsWithPrefix(std::string_view prefix, std::size_t limit) const {
  std::vector<std::pair<std::uint64_t, TermId>> found;
  std::size_t scanned = 0;
  for (auto it = words_.lower_bound(prefix); it != words_.end() && scanned < kWordsScannedForPrefix; ++it, ++scanned) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    found.emplace_back(terms_[it->second].doc_list.size(), it->second);
  }
  const std::size_t kept = std::min(limit, found.size());
  std::partial_sort(
      found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<TermId> out;
  for (std::size_t i = 0; i < kept; ++i) out.push_back(found[i].second);
  return out;
}

Roaring Corpus::DocsServingPlace(std::string_view code) const {
  if (!gazetteer_.IsDistrict(code)) {
    const Roaring* docs = Find(municipalities_, code);
    return docs == nullptr ? Roaring() : *docs;
  }
  Roaring docs;
  if (const Roaring* listed = Find(districts_, code)) docs |= *listed;
  if (const Roaring* whole = Find(whole_municipalities_, gazetteer_.MunicipalityOf(code))) docs |= *whole;
  return docs;
}

Roaring Corpus::DocsServingPostalCode(std::string_view postal_code) const {
  Roaring docs;
  if (const Roaring* listed = Find(postal_codes_, postal_code)) docs |= *listed;
  for (const auto& district : gazetteer_.DistrictsWithPostalCode(postal_code)) {
    if (const Roaring* served = Find(districts_, district)) docs |= *served;
  }
  for (const auto& municipality : gazetteer_.MunicipalitiesWithPostalCode(postal_code)) {
    if (const Roaring* whole = Find(whole_municipalities_, municipality)) docs |= *whole;
  }
  return docs;
}

Roaring Corpus::DocsPricedAtMost(std::int64_t max_price) const {
  Roaring docs;
  if (price_buckets_.empty()) return docs;
  const std::size_t boundary = PriceBucket(max_price);
  for (std::size_t b = 0; b < boundary; ++b) docs |= price_buckets_[b];
  std::vector<std::uint32_t> edge(price_buckets_[boundary].cardinality());
  price_buckets_[boundary].toUint32Array(edge.data());
  for (DocNumber doc : edge) {
    if (docs_[doc].price <= max_price) docs.add(doc);
  }
  return docs;
}

std::size_t Corpus::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + docs_.capacity() * sizeof(DocRecord);
  for (const auto& record : docs_) {
    if (record.id.capacity() > 15) bytes += record.id.capacity();
    if (record.summary) bytes += sizeof(std::string) + 32 + record.summary->capacity();
  }
  bytes += id_to_doc_.size() * (sizeof(std::string) + 48) + id_to_doc_.bucket_count() * sizeof(void*);
  for (const auto& postings : terms_) {
    bytes += sizeof(TermPostings) + postings.text.capacity() + postings.display.capacity() +
             postings.docs.getSizeInBytes(false) + postings.doc_list.capacity() * sizeof(DocNumber) +
             postings.weights.capacity();
  }
  bytes += term_ids_.size() * (sizeof(std::string) + 48) + words_.size() * (sizeof(std::string) + 64);
  bytes += spelling_.MemoryBytes() + live_.getSizeInBytes(false);
  for (const auto* bitmaps : {&regions_, &categories_, &municipalities_, &whole_municipalities_, &districts_,
                              &postal_codes_, &languages_, &vouchers_}) {
    bytes += BitmapBytes(*bitmaps);
  }
  for (const auto& bitmap : open_days_) bytes += bitmap.getSizeInBytes(false);
  for (const auto& bitmap : price_bands_) bytes += bitmap.getSizeInBytes(false);
  for (const auto& bitmap : price_buckets_) bytes += bitmap.getSizeInBytes(false);
  for (const auto& [key, suggestion] : suggestions_) {
    bytes += key.capacity() + suggestion.display.capacity() + 64 + suggestion.docs.getSizeInBytes(false);
  }
  return bytes;
}

}  // namespace allmende::search
