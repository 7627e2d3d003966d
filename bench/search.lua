-- GET /api/v1/services with a query picked round-robin from bench/search_queries.txt (lines that
-- are not comments), so every connection runs the whole mix.
local queries = {}
for line in io.lines("bench/search_queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then queries[#queries + 1] = line end
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/services?" .. queries[(counter % #queries) + 1] .. "&limit=20")
end
