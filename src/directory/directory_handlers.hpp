// The directory's HTTP routes: public search and reading (public_handlers.cpp), and the
// providers' editor and the coordinators' review (editor_handlers.cpp).
#pragma once

#include "directory/catalog_index.hpp"
#include "directory/directory_service.hpp"
#include "directory/search_cache.hpp"
#include "server/router.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::directory {

// The search a request asks for; InvalidArgument naming each bad parameter (the text itself never
// is; past 256 bytes it is cut). With `cipher`, a cursor must carry its signature (see below).
Result<search::Query> SearchQueryOf(const http::Request& request, const storage::FieldCipher* cipher);
// The answer's JSON: items (the summaries as indexed), next_cursor, total, facets, places,
// did_you_mean. With `cipher`, next_cursor is signed with the installation's key, so that a
// cursor nobody but this installation made (which could ask the index for any amount of work)
// is refused before the index reads it.
std::string SearchResultJson(const search::SearchResult& result, const CatalogIndex& catalog,
                             const storage::FieldCipher* cipher);

void AddPublicRoutes(http::Router& router, DirectoryService& service, const CatalogIndex& catalog, SearchCache& cache,
                     const storage::FieldCipher& cipher);
void AddEditorRoutes(http::Router& router, DirectoryService& service);

}  // namespace allmende::directory
