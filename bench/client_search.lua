-- POST /api/v1/regions/<BENCH_REGION>/clients/search as a signed-in advisor (BENCH_COOKIE,
-- BENCH_CSRF), with bodies taken round-robin from bench/client_queries.txt. With BENCH_REFERENCE
-- set it GETs /api/v1/advice-topics instead: a signed-in request with one small query, the
-- reference for the HTTP, session and JSON overhead measured in the same run.
local bodies = {}
for line in io.lines(os.getenv("BENCH_QUERIES") or "bench/client_queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then bodies[#bodies + 1] = line end
end
local counter = 0
local cookie, csrf, path, reference

function init(args)
  cookie = os.getenv("BENCH_COOKIE") or ""
  csrf = os.getenv("BENCH_CSRF") or ""
  path = "/api/v1/regions/" .. (os.getenv("BENCH_REGION") or "") .. "/clients/search"
  reference = (os.getenv("BENCH_REFERENCE") or "") ~= ""
end

function request()
  if reference then
    return wrk.format("GET", "/api/v1/advice-topics", { ["Cookie"] = cookie })
  end
  counter = counter + 1
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = csrf,
    ["X-Access-Purpose"] = "bench",
  }, bodies[(counter % #bodies) + 1])
end
