#include "search/corpus.hpp"

#include <algorithm>
#include <cmath>

#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

// Prices in buckets of one euro below 500 euros, so that a price limit is a union of whole buckets
// plus one small bucket checked doc by doc.
constexpr std::int64_t kBucketWidth = 100;
constexpr std::size_t kBuckets = 501;
constexpr std::size_t kWordsScannedForPrefix = 4096;

std::size_t PriceBucket(std::int64_t price) {
  if (price <= 0) return 0;
  return static_cast<std::size_t>(std::min<std::int64_t>(price / kBucketWidth, kBuckets - 1));
}

std::uint8_t PriceBand(std::int64_t price) {
  if (price < 2500) return 0;
  if (price < 4000) return 1;
  if (price < 6000) return 2;
  return 3;
}

void AddUnique(std::vector<std::uint32_t>& list, std::uint32_t value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

std::uint32_t ValueIndex::Mark(std::string_view value, DocNumber doc) {
  auto it = index_.find(value);
  if (it == index_.end()) {
    it = index_.emplace(std::string(value), static_cast<std::uint32_t>(values_.size())).first;
    values_.emplace_back(value);
    docs_.emplace_back();
  }
  docs_[it->second].add(doc);
  return it->second;
}

const Roaring* ValueIndex::Docs(std::string_view value) const {
  auto it = index_.find(value);
  return it == index_.end() ? nullptr : &docs_[it->second];
}

std::size_t ValueIndex::MemoryBytes() const {
  std::size_t bytes = index_.size() * 64;
  for (std::size_t i = 0; i < values_.size(); ++i) {
    bytes += 2 * values_[i].capacity() + sizeof(Roaring) + docs_[i].getSizeInBytes(false);
  }
  return bytes;
}

void Corpus::Add(std::vector<AnalyzedService>& services) {
  std::vector<TermId> touched;
  for (auto& service : services) AddOne(service, touched);
  for (TermId id : touched) {
    TermPostings& postings = terms_[id];
    postings.docs.addMany(postings.doc_list.size() - postings.docs_synced,
                          postings.doc_list.data() + postings.docs_synced);
    postings.docs_synced = static_cast<std::uint32_t>(postings.doc_list.size());
  }
}

void Corpus::AddOne(AnalyzedService& analyzed, std::vector<TermId>& touched) {
  IndexedService& service = analyzed.service;
  const auto doc = static_cast<DocNumber>(docs_.size());
  if (auto [it, added] = id_to_doc_.try_emplace(service.id, doc); !added) {
    MarkDead(it->second);
    it->second = doc;
  }
  docs_.push_back(DocRecord{service.id, std::make_shared<const std::string>(std::move(service.summary_json))});
  lengths_.push_back(analyzed.length);
  prices_.push_back(service.price);
  // Ratings are 0..5; one outside is clamped, a NaN or infinity is no rating.
  const bool rated = service.rating.has_value() && std::isfinite(*service.rating);
  ratings_.push_back(rated ? std::clamp(*service.rating, 0.0, 5.0) : kNoRating);
  rating_boosts_.push_back(rated ? rating_boost_ * ratings_.back() : 0.0);
  live_.add(doc);
  live_length_ += analyzed.length;

  if (!analyzed.terms.empty() && analyzed.terms.back().term >= terms_.size())
    terms_.resize(analyzed.terms.back().term + 1);
  for (const DocumentTerm& term : analyzed.terms) {
    TermPostings& postings = terms_[term.term];
    if (postings.doc_list.size() == postings.docs_synced) touched.push_back(term.term);
    postings.doc_list.push_back(doc);
    postings.weights.push_back(static_cast<std::uint8_t>(std::min<std::uint32_t>(term.weight, 255)));
    if (term.is_word && !postings.is_word) {
      postings.is_word = true;
      const std::string_view text = dictionary_.Text(term.term);
      words_.emplace(text, term.term);
      spelling_.Add(text, term.term);
    }
  }
  for (const NameWord& word : analyzed.name_words) {
    auto [it, inserted] = name_words_.try_emplace(word.term);
    if (inserted) it->second.display = word.display;
    it->second.docs.add(doc);
  }

  DocFacets values;
  if (!service.region_id.empty()) regions_.Mark(service.region_id, doc);
  if (!service.category.empty()) {
    values.category = categories_.Mark(service.category, doc);
    AddCategoryNames(service);
  }
  std::vector<std::uint32_t> served;
  for (const auto& code : service.municipalities) {
    if (code.empty()) continue;
    AddUnique(served, municipalities_.Mark(code, doc));
    whole_municipalities_.Mark(code, doc);
  }
  for (const auto& code : service.districts) {
    if (code.empty()) continue;
    districts_.Mark(code, doc);
    if (auto municipality = gazetteer_.MunicipalityOf(code); !municipality.empty()) {
      AddUnique(served, municipalities_.Mark(municipality, doc));
    }
  }
  for (const auto& code : service.postal_codes) {
    if (code.empty()) continue;
    postal_codes_.Mark(code, doc);
    for (const auto& district : gazetteer_.DistrictsWithPostalCode(code)) districts_.Mark(district, doc);
    for (const auto& municipality : gazetteer_.MunicipalitiesWithPostalCode(code)) {
      AddUnique(served, municipalities_.Mark(municipality, doc));
    }
  }
  values.municipalities_begin = static_cast<std::uint32_t>(doc_municipalities_.size());
  values.municipality_count = static_cast<std::uint16_t>(std::min<std::size_t>(served.size(), 0xffff));
  doc_municipalities_.insert(doc_municipalities_.end(), served.begin(), served.begin() + values.municipality_count);
  for (const auto& language : service.languages) {
    if (language.empty()) continue;
    const std::uint32_t index = languages_.Mark(language, doc);
    if (index < 32) values.language_bits |= 1u << index;
  }
  for (const auto& voucher : service.vouchers) {
    if (!voucher.empty()) vouchers_.Mark(voucher, doc);
  }
  for (int day = 0; day < 7; ++day) {
    if (service.open_days & (1u << day)) open_days_[static_cast<std::size_t>(day)].add(doc);
  }
  if (price_buckets_.empty()) price_buckets_.resize(kBuckets);
  price_buckets_[PriceBucket(service.price)].add(doc);
  values.price_band = PriceBand(service.price);
  price_bands_[values.price_band].add(doc);
  doc_facets_.push_back(values);
}

void Corpus::AddCategoryNames(const IndexedService& service) {
  // A category's names are the same in every service of it, so they are read once.
  if (!categories_named_.insert(service.category).second) return;
  for (const auto& name : service.category_names) {
    auto words = SplitWords(name, 16, 64);
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string key;
      for (std::size_t j = i; j < words.size(); ++j) key += FoldWord(words[j].text);
      if (!key.empty()) category_names_.emplace(std::move(key), CategoryName{name, service.category});
    }
  }
}

bool Corpus::Remove(const std::string& id) {
  auto it = id_to_doc_.find(id);
  if (it == id_to_doc_.end()) return false;
  MarkDead(it->second);
  id_to_doc_.erase(it);
  return true;
}

void Corpus::MarkDead(DocNumber doc) {
  live_.remove(doc);
  live_length_ -= lengths_[doc];
  ++dead_count_;
  docs_[doc].summary.reset();
}

void Corpus::ShrinkToFit() {
  docs_.shrink_to_fit();
  lengths_.shrink_to_fit();
  prices_.shrink_to_fit();
  ratings_.shrink_to_fit();
  rating_boosts_.shrink_to_fit();
  doc_facets_.shrink_to_fit();
  doc_municipalities_.shrink_to_fit();
  // Only lists with much spare room are copied: a load in several PutAll calls would otherwise
  // copy every list once per call.
  for (auto& postings : terms_) {
    if (postings.doc_list.capacity() > postings.doc_list.size() * 3 / 2 + 8) {
      postings.doc_list.shrink_to_fit();
      postings.weights.shrink_to_fit();
    }
    postings.docs.shrinkToFit();
  }
}

double Corpus::average_length() const {
  if (id_to_doc_.empty() || live_length_ == 0) return 1.0;
  return static_cast<double>(live_length_) / static_cast<double>(id_to_doc_.size());
}

std::optional<TermId> Corpus::FindTerm(std::string_view text) const {
  auto id = dictionary_.Find(text);
  if (!id || *id >= terms_.size() || terms_[*id].doc_list.empty()) return std::nullopt;
  return id;
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

const Suggestion* Corpus::NameWordSuggestion(TermId term) const {
  auto it = name_words_.find(term);
  return it == name_words_.end() ? nullptr : &it->second;
}

Roaring Corpus::DocsServingPlace(std::string_view code) const {
  if (!gazetteer_.IsDistrict(code)) {
    const Roaring* docs = municipalities_.Docs(code);
    return docs == nullptr ? Roaring() : *docs;
  }
  Roaring docs;
  if (const Roaring* listed = districts_.Docs(code)) docs |= *listed;
  if (const Roaring* whole = whole_municipalities_.Docs(gazetteer_.MunicipalityOf(code))) docs |= *whole;
  return docs;
}

Roaring Corpus::DocsServingPostalCode(std::string_view postal_code) const {
  Roaring docs;
  if (const Roaring* listed = postal_codes_.Docs(postal_code)) docs |= *listed;
  for (const auto& district : gazetteer_.DistrictsWithPostalCode(postal_code)) {
    if (const Roaring* served = districts_.Docs(district)) docs |= *served;
  }
  for (const auto& municipality : gazetteer_.MunicipalitiesWithPostalCode(postal_code)) {
    if (const Roaring* whole = whole_municipalities_.Docs(municipality)) docs |= *whole;
  }
  return docs;
}

Roaring Corpus::DocsPricedAtMost(std::int64_t max_price) const {
  Roaring docs;
  if (price_buckets_.empty()) return docs;
  const std::size_t boundary = PriceBucket(max_price);
  std::vector<const Roaring*> below;
  for (std::size_t b = 0; b < boundary; ++b) below.push_back(&price_buckets_[b]);
  if (!below.empty()) docs = Roaring::fastunion(below.size(), below.data());
  std::vector<std::uint32_t> edge(price_buckets_[boundary].cardinality());
  price_buckets_[boundary].toUint32Array(edge.data());
  std::erase_if(edge, [&](DocNumber doc) { return prices_[doc] > max_price; });
  docs.addMany(edge.size(), edge.data());
  return docs;
}

std::size_t Corpus::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + docs_.capacity() * sizeof(DocRecord) +
                      doc_facets_.capacity() * sizeof(DocFacets) + lengths_.capacity() * sizeof(std::uint32_t) +
                      prices_.capacity() * sizeof(std::int64_t) +
                      (ratings_.capacity() + rating_boosts_.capacity()) * sizeof(double) +
                      doc_municipalities_.capacity() * sizeof(std::uint32_t) + dictionary_.MemoryBytes();
  for (const auto& record : docs_) {
    if (record.id.capacity() > 15) bytes += record.id.capacity();
    if (record.summary) bytes += sizeof(std::string) + 32 + record.summary->capacity();
  }
  bytes += id_to_doc_.size() * (sizeof(std::string) + 48) + id_to_doc_.bucket_count() * sizeof(void*);
  for (const auto& postings : terms_) {
    bytes += sizeof(TermPostings) + postings.docs.getSizeInBytes(false) +
             postings.doc_list.capacity() * sizeof(DocNumber) + postings.weights.capacity();
  }
  bytes += words_.size() * 64 + spelling_.MemoryBytes() + live_.getSizeInBytes(false);
  for (const auto& [term, suggestion] : name_words_) {
    bytes += 64 + suggestion.display.capacity() + suggestion.docs.getSizeInBytes(false);
  }
  for (const auto* values : {&regions_, &categories_, &municipalities_, &whole_municipalities_, &districts_,
                             &postal_codes_, &languages_, &vouchers_}) {
    bytes += values->MemoryBytes();
  }
  for (const auto& bitmap : open_days_) bytes += bitmap.getSizeInBytes(false);
  for (const auto& bitmap : price_bands_) bytes += bitmap.getSizeInBytes(false);
  for (const auto& bitmap : price_buckets_) bytes += bitmap.getSizeInBytes(false);
  return bytes;
}

}  // namespace allmende::search
