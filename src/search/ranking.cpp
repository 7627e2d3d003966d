#include "search/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace allmende::search {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kRatingBoost = 0.05;

double InverseDocumentFrequency(std::uint64_t doc_count, std::uint64_t frequency) {
  const double n = static_cast<double>(doc_count);
  const double df = static_cast<double>(frequency);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

// For each candidate that has the term, raises best[i] to the term's BM25F score × scale. Walks the
// shorter of the two sorted lists and searches the longer one, so a rare term costs little
// against many candidates and a common one little against few.
void ScoreTerm(const TermPostings& term, double idf, double scale, const std::vector<DocNumber>& candidates,
               const std::vector<double>& length_norm, std::vector<double>& best) {
  const auto& docs = term.doc_list;
  auto score = [&](std::size_t candidate, std::size_t posting) {
    const double tf = term.weights[posting] / 2.0;
    const double s = idf * tf * (kK1 + 1.0) / (tf + length_norm[candidate]) * scale;
    if (s > best[candidate]) best[candidate] = s;
  };
  if (docs.size() <= candidates.size()) {
    auto from = candidates.begin();
    for (std::size_t p = 0; p < docs.size() && from != candidates.end(); ++p) {
      from = std::lower_bound(from, candidates.end(), docs[p]);
      if (from != candidates.end() && *from == docs[p]) score(static_cast<std::size_t>(from - candidates.begin()), p);
    }
  } else {
    auto from = docs.begin();
    for (std::size_t c = 0; c < candidates.size() && from != docs.end(); ++c) {
      from = std::lower_bound(from, docs.end(), candidates[c]);
      if (from != docs.end() && *from == candidates[c]) score(c, static_cast<std::size_t>(from - docs.begin()));
    }
  }
}

std::vector<double> Scores(const Corpus& corpus, const QueryPlan& plan, const std::vector<DocNumber>& candidates) {
  const std::size_t n = candidates.size();
  std::vector<double> total(n, 0.0);
  if (!plan.words.empty()) {
    std::vector<double> length_norm(n);
    for (std::size_t i = 0; i < n; ++i) {
      length_norm[i] = kK1 * (1.0 - kB + kB * corpus.doc(candidates[i]).length / plan.average_length);
    }
    std::vector<std::optional<TermId>> ids;
    std::vector<double> idf;
    for (const auto& term : plan.terms) {
      ids.push_back(corpus.FindTerm(term.text));
      idf.push_back(InverseDocumentFrequency(plan.doc_count, term.document_frequency));
    }
    std::vector<double> word(n);
    std::vector<double> alternative, slot;  // sized when a word has an alternative of several slots
    std::vector<std::uint8_t> slots_hit;
    for (const auto& planned : plan.words) {
      std::fill(word.begin(), word.end(), 0.0);
      for (const auto& alt : planned.alternatives) {
        // An alternative counts only for docs that have every slot; its score is the mean slot
        // score scaled by how directly the alternative says the word.
        const double scale = alt.weight_tenths / 10.0 / static_cast<double>(alt.slots.size());
        if (alt.slots.size() == 1) {
          for (std::uint16_t t : alt.slots.front()) {
            if (ids[t]) ScoreTerm(corpus.term(*ids[t]), idf[t], scale, candidates, length_norm, word);
          }
          continue;
        }
        alternative.assign(n, 0.0);
        slots_hit.assign(n, 0);
        for (const auto& terms : alt.slots) {
          slot.assign(n, 0.0);
          for (std::uint16_t t : terms) {
            if (ids[t]) ScoreTerm(corpus.term(*ids[t]), idf[t], scale, candidates, length_norm, slot);
          }
          for (std::size_t i = 0; i < n; ++i) {
            alternative[i] += slot[i];
            if (slot[i] > 0) ++slots_hit[i];
          }
        }
        for (std::size_t i = 0; i < n; ++i) {
          if (slots_hit[i] == alt.slots.size()) word[i] = std::max(word[i], alternative[i]);
        }
      }
      for (std::size_t i = 0; i < n; ++i) total[i] += word[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const DocRecord& record = corpus.doc(candidates[i]);
    if (record.has_rating) total[i] += kRatingBoost * record.rating;
  }
  return total;
}

struct KeyView {
  double score;
  std::int64_t price;
  bool has_rating;
  double rating;
  std::string_view id;
};

// True when `a` comes before `b` in the total order of `sort`.
bool Before(Sort sort, const KeyView& a, const KeyView& b) {
  switch (sort) {
    case Sort::kRelevance:
      if (a.score != b.score) return a.score > b.score;
      break;
    case Sort::kPriceAscending:
      if (a.price != b.price) return a.price < b.price;
      break;
    case Sort::kPriceDescending:
      if (a.price != b.price) return a.price > b.price;
      break;
    case Sort::kRating:
      if (a.has_rating != b.has_rating) return a.has_rating;
      if (a.has_rating && a.rating != b.rating) return a.rating > b.rating;
      break;
  }
  return a.id < b.id;
}

}  // namespace

Page RankPage(const Corpus& corpus, const QueryPlan& plan, const Roaring& matches, Sort sort, std::size_t limit,
              const std::optional<CursorKey>& after) {
  std::vector<DocNumber> candidates(matches.cardinality());
  matches.toUint32Array(candidates.data());
  const std::vector<double> scores = Scores(corpus, plan, candidates);

  auto key = [&](const RankedDoc& ranked) {
    const DocRecord& record = corpus.doc(ranked.doc);
    return KeyView{ranked.score, record.price, record.has_rating, record.rating, record.id};
  };
  std::optional<KeyView> cursor;
  if (after) cursor = KeyView{after->score, after->price, after->has_rating, after->rating, after->id};

  // A bounded heap of the best limit + 1: the extra one says whether another page follows.
  const std::size_t keep = limit + 1;
  auto heap_order = [&](const RankedDoc& a, const RankedDoc& b) { return Before(sort, key(a), key(b)); };
  std::vector<RankedDoc> heap;
  heap.reserve(std::min(keep, candidates.size()));
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const RankedDoc ranked{candidates[i], scores[i]};
    if (cursor && !Before(sort, *cursor, key(ranked))) continue;
    if (heap.size() < keep) {
      heap.push_back(ranked);
      std::push_heap(heap.begin(), heap.end(), heap_order);
    } else if (heap_order(ranked, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), heap_order);
      heap.back() = ranked;
      std::push_heap(heap.begin(), heap.end(), heap_order);
    }
  }
  std::sort_heap(heap.begin(), heap.end(), heap_order);

  Page page;
  const bool more = heap.size() > limit;
  if (more) heap.resize(limit);
  page.hits = std::move(heap);
  if (more && !page.hits.empty()) {
    const KeyView last = key(page.hits.back());
    page.next = CursorKey{last.score, last.price, last.has_rating, last.rating, std::string(last.id)};
  }
  return page;
}

}  // namespace allmende::search
