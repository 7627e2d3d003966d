#include "search/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace allmende::search {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

double InverseDocumentFrequency(std::uint64_t doc_count, std::uint64_t frequency) {
  const double n = static_cast<double>(doc_count);
  const double df = static_cast<double>(frequency);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

// The first position in [from, end) whose doc is not below `target`: exponential steps from
// `from`, then a binary search, so walking two dense lists together costs O(1) a step.
std::size_t Gallop(const std::vector<DocNumber>& docs, std::size_t from, DocNumber target) {
  std::size_t low = from;
  std::size_t step = 1;
  while (low + step < docs.size() && docs[low + step] < target) {
    low += step;
    step *= 2;
  }
  const std::size_t high = std::min(docs.size(), low + step + 1);
  return static_cast<std::size_t>(std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(low),
                                                   docs.begin() + static_cast<std::ptrdiff_t>(high), target) -
                                  docs.begin());
}

// Where each doc stands in the candidate list: position[doc] is its index there, or
// kNotCandidate. Arrays indexed by candidate have one extra slot, n, that the scoring loops write
// for docs that are no candidate, so that they need no branch.
inline constexpr std::uint32_t kNotCandidate = 0xffffffff;

struct Candidates {
  const std::vector<DocNumber>& docs;
  const std::vector<std::uint32_t>& position;
};

// Calls sink(i, score) with the term's BM25F score × scale for each candidate i that has the term
// (and sink(n, …) for other docs of the term, when that is cheaper than skipping them).
// `norm[i]` is candidate i's BM25 length normalisation, k1 × (1 − b + b × length / mean length).
// A term with up to sixteen times as many docs as there are candidates is walked whole, looking
// each doc's candidate index up; a longer one is searched for each candidate.
template <typename Sink>
void ScoreTerm(const TermPostings& term, double idf, double scale, const Candidates& candidates,
               const std::vector<double>& norm, Sink sink) {
  // Plain pointers: the sink's stores cannot alias them, so nothing is reloaded in the loops.
  const double* norms = norm.data();
  const DocNumber* docs = term.doc_list.data();
  const std::uint8_t* weights = term.weights.data();
  const std::size_t n = candidates.docs.size();
  const std::size_t m = term.doc_list.size();
  const double factor = idf * (kK1 + 1.0) * scale;
  if (m <= 16 * n) {
    const std::uint32_t* position = candidates.position.data();
    for (std::size_t p = 0; p < m; ++p) {
      const std::size_t c = std::min<std::size_t>(position[docs[p]], n);
      const double tf = weights[p] * 0.5;
      sink(c, factor * tf / (tf + norms[c]));
    }
    return;
  }
  std::size_t p = 0;
  for (std::size_t c = 0; c < n && p < m; ++c) {
    p = Gallop(term.doc_list, p, candidates.docs[c]);
    if (p < m && docs[p] == candidates.docs[c]) {
      const double tf = weights[p] * 0.5;
      sink(c, factor * tf / (tf + norms[c]));
    }
  }
}

// Per-query arrays as long as the candidate list. Kept per thread between queries: allocating
// them afresh maps and zeroes new pages for every broad query.
struct Scratch {
  std::vector<DocNumber> candidates;
  std::vector<std::uint32_t> position;  // by doc number: see Candidates
  std::vector<double> total, norm, word, alternative, slot;
  std::vector<std::uint8_t> slots_hit;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Raises best[i] to the score of a merged slot (see PlannedAlternative::merged_frequency) for the
// candidates that have any of its terms.
void ScoreMerged(const QueryPlan& plan, const PlannedAlternative& alt, const Roaring& matches, double scale,
                 const Candidates& candidates, const std::vector<double>& norm, std::vector<double>& best) {
  if (!alt.merged_docs) return;
  const Roaring members = *alt.merged_docs & matches;
  std::vector<DocNumber> docs(members.cardinality());
  members.toUint32Array(docs.data());
  const double factor = InverseDocumentFrequency(plan.doc_count, alt.merged_frequency) * (kK1 + 1.0) * scale;
  for (DocNumber doc : docs) {
    const std::size_t c = candidates.position[doc];  // every member is a candidate
    best[c] = std::max(best[c], factor / (1.0 + norm[c]));
  }
}

// A sink for ScoreTerm that keeps each candidate's best score in `best`.
auto KeepBest(std::vector<double>& best) {
  return [&best](std::size_t i, double s) { best[i] = std::max(best[i], s); };
}

// Fills scratch.total with each candidate's relevance.
void Score(const Corpus& corpus, const QueryPlan& plan, const Roaring& matches, Scratch& scratch) {
  const auto& candidates = scratch.candidates;
  const std::size_t n = candidates.size();
  auto& total = scratch.total;
  total.assign(n + 1, 0.0);
  if (!plan.words.empty()) {
    auto& norm = scratch.norm;
    norm.resize(n + 1);
    const double per_length = kK1 * kB / plan.average_length;
    for (std::size_t i = 0; i < n; ++i) norm[i] = kK1 * (1.0 - kB) + per_length * corpus.length(candidates[i]);
    norm[n] = 1.0;
    auto& position = scratch.position;
    if (position.size() < corpus.doc_count()) position.resize(corpus.doc_count(), kNotCandidate);
    for (std::size_t i = 0; i < n; ++i) position[candidates[i]] = static_cast<std::uint32_t>(i);
    // The positions are cleared however this ends: the thread's next query relies on it.
    struct Clear {
      std::vector<std::uint32_t>& position;
      const std::vector<DocNumber>& docs;
      ~Clear() {
        for (DocNumber doc : docs) position[doc] = kNotCandidate;
      }
    } clear{position, candidates};
    const Candidates indexed{candidates, position};
    std::vector<std::optional<TermId>> ids;
    std::vector<double> idf;
    for (const auto& term : plan.terms) {
      ids.push_back(corpus.FindTerm(term.text));
      idf.push_back(InverseDocumentFrequency(plan.doc_count, term.document_frequency));
    }
    // With one word its score is the total; with more, each word's is added in turn.
    auto& word = plan.words.size() == 1 ? total : scratch.word;
    for (const auto& planned : plan.words) {
      word.assign(n + 1, 0.0);
      for (const auto& alt : planned.alternatives) {
        // An alternative counts only for docs that have every slot; its score is the mean slot
        // score scaled by how directly the alternative says the word.
        const double scale = alt.weight_tenths / 10.0 / static_cast<double>(alt.slots.size());
        if (alt.merged_frequency > 0 && alt.slots.size() == 1) {
          ScoreMerged(plan, alt, matches, scale, indexed, norm, word);
          continue;
        }
        if (alt.slots.size() == 1) {
          for (std::uint16_t t : alt.slots.front()) {
            if (ids[t]) ScoreTerm(corpus.term(*ids[t]), idf[t], scale, indexed, norm, KeepBest(word));
          }
          continue;
        }
        // A doc's alternative score is the sum of its slots' scores; it counts once every slot
        // has one. A slot of one term adds its score directly, a slot of several its best.
        auto& alternative = scratch.alternative;
        auto& slots_hit = scratch.slots_hit;
        alternative.assign(n + 1, 0.0);
        slots_hit.assign(n + 1, 0);
        auto add = [&](std::size_t i, double s) {
          alternative[i] += s;
          ++slots_hit[i];
        };
        for (const auto& terms : alt.slots) {
          if (terms.size() == 1) {
            if (ids[terms.front()]) {
              const std::uint16_t t = terms.front();
              ScoreTerm(corpus.term(*ids[t]), idf[t], scale, indexed, norm, add);
            }
            continue;
          }
          scratch.slot.assign(n + 1, 0.0);
          for (std::uint16_t t : terms) {
            if (ids[t]) ScoreTerm(corpus.term(*ids[t]), idf[t], scale, indexed, norm, KeepBest(scratch.slot));
          }
          for (std::size_t i = 0; i < n; ++i) {
            if (scratch.slot[i] > 0) add(i, scratch.slot[i]);
          }
        }
        for (std::size_t i = 0; i < n; ++i) {
          if (slots_hit[i] == alt.slots.size()) word[i] = std::max(word[i], alternative[i]);
        }
      }
      if (&word != &total) {
        for (std::size_t i = 0; i < n; ++i) total[i] += word[i];
      }
    }
  }
}

// Adds the rating's share to each candidate's text score.
void AddRatings(const Corpus& corpus, Scratch& scratch) {
  for (std::size_t i = 0; i < scratch.candidates.size(); ++i)
    scratch.total[i] += corpus.rating_boost(scratch.candidates[i]);
}

// The total order of a sort: its key, then the service id. Reads the key arrays of the corpus
// and the id only on a tie.
template <Sort kSort>
class Order {
 public:
  explicit Order(const Corpus& corpus) : corpus_(corpus) {}

  // True when `a` comes before `b`.
  bool operator()(const RankedDoc& a, const RankedDoc& b) const {
    const int primary = Primary(a, Key(b));
    return primary != 0 ? primary < 0 : corpus_.doc(a.doc).id < corpus_.doc(b.doc).id;
  }

  // True when `ranked` comes strictly after the cursor's key.
  bool After(const RankedDoc& ranked, const CursorKey& cursor) const {
    const int primary =
        Primary(ranked, SortKey{cursor.score, cursor.price, cursor.has_rating ? cursor.rating : kNoRating});
    return primary != 0 ? primary > 0 : std::string_view(corpus_.doc(ranked.doc).id) > cursor.id;
  }

  CursorKey KeyOf(const RankedDoc& ranked) const {
    const double rating = corpus_.rating(ranked.doc);
    return CursorKey{ranked.score, corpus_.price(ranked.doc), rating != kNoRating, rating != kNoRating ? rating : 0.0,
                     corpus_.doc(ranked.doc).id};
  }

 private:
  struct SortKey {
    double score;
    std::int64_t price;
    double rating;  // kNoRating (-infinity) for unrated: after every rating
  };

  // Only the field the sort uses is read.
  SortKey Key(const RankedDoc& ranked) const {
    if constexpr (kSort == Sort::kRelevance) return {ranked.score, 0, 0};
    if constexpr (kSort == Sort::kRating) return {0, 0, corpus_.rating(ranked.doc)};
    return {0, corpus_.price(ranked.doc), 0};
  }

  // Negative when `a` comes first, positive when the key does, 0 on a tie.
  int Primary(const RankedDoc& a, const SortKey& b) const {
    const SortKey key = Key(a);
    if constexpr (kSort == Sort::kRelevance) return Descending(key.score, b.score);
    if constexpr (kSort == Sort::kRating) return Descending(key.rating, b.rating);
    if constexpr (kSort == Sort::kPriceDescending) return Descending(key.price, b.price);
    return -Descending(key.price, b.price);
  }

  template <typename T>
  static int Descending(T a, T b) {
    return a > b ? -1 : (a < b ? 1 : 0);
  }

  const Corpus& corpus_;
};

// The first `limit` candidates after `after` in the order, and whether more follow.
template <Sort kSort>
Page SelectPage(const Corpus& corpus, const Scratch& scratch, std::size_t limit,
                const std::optional<CursorKey>& after) {
  const Order<kSort> before(corpus);
  // A bounded heap of the best limit + 1, worst on top: the extra one says whether another page
  // follows. Most candidates lose to the top on their score or price alone.
  const std::size_t keep = limit + 1;
  std::vector<RankedDoc> heap;
  heap.reserve(std::min(keep, scratch.candidates.size()));
  double worst_score = 0;  // of heap.front(), once the heap is full (relevance only)
  for (std::size_t i = 0; i < scratch.candidates.size(); ++i) {
    const RankedDoc ranked{scratch.candidates[i], scratch.total[i]};
    if (heap.size() == keep) {
      // Under relevance most candidates lose on the score alone, without reading anything else.
      if constexpr (kSort == Sort::kRelevance) {
        if (ranked.score < worst_score) continue;
      }
      if (!before(ranked, heap.front())) continue;
    }
    if (after && !before.After(ranked, *after)) continue;
    if (heap.size() < keep) {
      heap.push_back(ranked);
      std::push_heap(heap.begin(), heap.end(), before);
    } else {
      std::pop_heap(heap.begin(), heap.end(), before);
      heap.back() = ranked;
      std::push_heap(heap.begin(), heap.end(), before);
    }
    if (heap.size() == keep) worst_score = heap.front().score;
  }
  std::sort_heap(heap.begin(), heap.end(), before);
  Page page;
  const bool more = heap.size() > limit;
  if (more) heap.resize(limit);
  page.hits = std::move(heap);
  if (more && !page.hits.empty()) page.next = before.KeyOf(page.hits.back());
  return page;
}

}  // namespace

Page RankPage(const Corpus& corpus, const QueryPlan& plan, const Roaring& matches, Sort sort, std::size_t limit,
              const std::optional<CursorKey>& after) {
  Scratch& scratch = ThreadScratch();
  scratch.candidates.resize(matches.cardinality());
  matches.toUint32Array(scratch.candidates.data());
  Score(corpus, plan, matches, scratch);
  AddRatings(corpus, scratch);
  switch (sort) {
    case Sort::kPriceAscending:
      return SelectPage<Sort::kPriceAscending>(corpus, scratch, limit, after);
    case Sort::kPriceDescending:
      return SelectPage<Sort::kPriceDescending>(corpus, scratch, limit, after);
    case Sort::kRating:
      return SelectPage<Sort::kRating>(corpus, scratch, limit, after);
    case Sort::kRelevance:
      break;
  }
  return SelectPage<Sort::kRelevance>(corpus, scratch, limit, after);
}

}  // namespace allmende::search
