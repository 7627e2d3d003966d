#include "search/service_index.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>

#include "search/cursor_codec.hpp"
#include "search/document_analysis.hpp"
#include "search/index_state.hpp"
#include "search/query_matching.hpp"
#include "search/query_plan.hpp"
#include "search/ranking.hpp"
#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kBulkBatch = 2048;
constexpr int kMaxLimit = 100;

}  // namespace

ServiceIndex::State::State(std::vector<GazetteerPlace> places)
    : gazetteer(std::move(places), analyzer), corpus(gazetteer, dictionary, kRatingBoost) {
  for (const auto& place : gazetteer.places()) {
    for (const auto& name : place.names) {
      std::string key = FoldWord(name);
      if (!key.empty()) place_names.push_back(PlaceName{std::move(key), name, place.code});
    }
  }
  std::sort(place_names.begin(), place_names.end(),
            [](const PlaceName& a, const PlaceName& b) { return a.key < b.key; });
}

ServiceIndex::ServiceIndex(std::vector<GazetteerPlace> places) : state_(std::make_unique<State>(std::move(places))) {}

ServiceIndex::~ServiceIndex() = default;

void ServiceIndex::Put(IndexedService service) {
  // Analysis is the slow part and needs no lock; readers wait only for the insertion.
  WordMemo memo(state_->analyzer, state_->dictionary);
  std::vector<AnalyzedService> analyzed;
  analyzed.push_back(AnalyzeService(memo, std::move(service)));
  std::unique_lock lock(state_->mutex);
  state_->corpus.Add(analyzed);
}

void ServiceIndex::Remove(const std::string& id) {
  std::unique_lock lock(state_->mutex);
  state_->corpus.Remove(id);
}

void ServiceIndex::PutAll(std::vector<IndexedService> services) {
  // Two threads on two cores: while this one inserts batch k (holding the lock, which readers get
  // back between batches), a second one analyses batch k + 1; this one joins it when done. The
  // services are claimed one by one, so the threads share the work whatever each part costs.
  WordMemo main_memo(state_->analyzer, state_->dictionary);
  WordMemo worker_memo(state_->analyzer, state_->dictionary);
  const std::size_t total = services.size();
  auto analyze = [&services](WordMemo& memo, std::vector<AnalyzedService>& out, std::size_t begin,
                             std::atomic<std::size_t>& claimed) {
    for (std::size_t i = claimed++; i < out.size(); i = claimed++) {
      out[i] = AnalyzeService(memo, std::move(services[begin + i]));
    }
  };
  std::vector<AnalyzedService> current(std::min(total, kBulkBatch));
  std::atomic<std::size_t> claimed = 0;
  analyze(main_memo, current, 0, claimed);
  for (std::size_t begin = 0; begin < total; begin += kBulkBatch) {
    const std::size_t next_begin = std::min(total, begin + kBulkBatch);
    std::vector<AnalyzedService> next(std::min(total, next_begin + kBulkBatch) - next_begin);
    std::atomic<std::size_t> next_claimed = 0;
    std::future<void> worker;
    if (!next.empty()) {
      try {
        worker = std::async(std::launch::async, analyze, std::ref(worker_memo), std::ref(next), next_begin,
                            std::ref(next_claimed));
      } catch (const std::system_error&) {
        // No thread to be had: this thread analyses all of it below.
      }
    }
    {
      std::unique_lock lock(state_->mutex);
      state_->corpus.Add(current);
    }
    analyze(main_memo, next, next_begin, next_claimed);
    if (worker.valid()) worker.get();
    current = std::move(next);
  }
  std::unique_lock lock(state_->mutex);
  state_->corpus.ShrinkToFit();
}

std::variant<SearchResult, CursorError> ServiceIndex::Search(const Query& query) const {
  try {
    const std::uint64_t fingerprint = QueryFingerprint(query);
    std::optional<Cursor> cursor;
    if (!query.cursor.empty()) {
      auto decoded = DecodeCursor(query.cursor);
      if (auto* error = std::get_if<std::string>(&decoded)) return CursorError{*error};
      cursor = std::move(std::get<Cursor>(decoded));
      if (cursor->query_fingerprint != fingerprint) return CursorError{"cursor belongs to another query"};
    }
    const ParsedQuery parsed = ParseQuery(query.text, state_->analyzer, state_->gazetteer);
    const std::size_t limit = static_cast<std::size_t>(std::clamp(query.limit, 1, kMaxLimit));

    SearchResult result;
    QueryPlan plan;
    Page page;
    {
      std::shared_lock lock(state_->mutex);
      const Corpus& corpus = state_->corpus;
      plan = cursor ? std::move(cursor->plan) : PlanQuery(parsed, corpus);
      MatchSets sets = MatchQuery(corpus, query, parsed, plan, cursor.has_value());
      page = RankPage(corpus, plan, sets.matches, query.sort, limit,
                      cursor ? std::optional<CursorKey>(cursor->last) : std::nullopt);
      // The hits hold the summaries' shared owners, so they outlive a later Put or Remove.
      auto summaries = std::make_shared<std::vector<std::shared_ptr<const std::string>>>();
      summaries->reserve(page.hits.size());
      for (const auto& ranked : page.hits) {
        const DocRecord& record = corpus.doc(ranked.doc);
        summaries->push_back(record.summary);
        result.hits.push_back(Hit{record.id, ranked.score, record.summary.get()});
      }
      result.keep_alive = std::move(summaries);
      result.total = static_cast<std::int64_t>(sets.matches.cardinality());
      result.facets = std::move(sets.facets);
    }
    if (page.next) result.next_cursor = EncodeCursor(Cursor{fingerprint, plan, *page.next});
    result.did_you_mean = plan.did_you_mean;
    result.places = parsed.places;
    return result;
  } catch (const std::exception&) {
    // Only allocation can fail here (CRoaring reports it as runtime_error); an empty page is
    // better than an exception in a request handler.
    return SearchResult{};
  }
}

std::size_t ServiceIndex::size() const {
  std::shared_lock lock(state_->mutex);
  return state_->corpus.live_count();
}

std::size_t ServiceIndex::MemoryBytes() const {
  std::shared_lock lock(state_->mutex);
  return state_->corpus.MemoryBytes();
}

}  // namespace allmende::search
