-- wrk script: requests with a signed-in session (BENCH_COOKIE, BENCH_CSRF). With BENCH_BODY it
-- POSTs that JSON with a new Idempotency-Key each time (BENCH_RUN keeps runs apart), as a web
-- client placing orders does; without it, it GETs the URL.
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  run = os.getenv("BENCH_RUN") or "0"
  cookie = os.getenv("BENCH_COOKIE") or ""
  csrf = os.getenv("BENCH_CSRF") or ""
  body = os.getenv("BENCH_BODY")
end

function request()
  if body == nil or body == "" then
    return wrk.format("GET", nil, { ["Cookie"] = cookie })
  end
  counter = counter + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = csrf,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, id, counter),
  }, body)
end
