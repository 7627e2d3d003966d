// The routes of src/quality/ (README.md).
#pragma once

#include "quality/case_service.hpp"
#include "quality/rating_service.hpp"
#include "server/router.hpp"

namespace allmende::quality {

void AddQualityRoutes(http::Router& router, RatingService& ratings, CaseService& cases, storage::Database& db);

}  // namespace allmende::quality
