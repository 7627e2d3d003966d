// The directory's HTTP routes: public search and reading (public_handlers.cpp), and the
// providers' editor and the coordinators' review (editor_handlers.cpp).
#pragma once

#include "directory/catalog_index.hpp"
#include "directory/directory_service.hpp"
#include "server/router.hpp"

namespace allmende::directory {

// The search a request asks for; InvalidArgument naming each bad parameter (the text itself never is).
Result<search::Query> SearchQueryOf(const http::Request& request);
// The answer's JSON: items (the summaries as indexed), next_cursor, total, facets, places, did_you_mean.
std::string SearchResultJson(const search::SearchResult& result, const CatalogIndex& catalog);

void AddPublicRoutes(http::Router& router, DirectoryService& service, const CatalogIndex& catalog);
void AddEditorRoutes(http::Router& router, DirectoryService& service);

}  // namespace allmende::directory
