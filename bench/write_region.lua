-- wrk script: POST /api/v1/regions with a new code each time (the benchmark's write endpoint).
-- With BENCH_COUNT set it also counts the 201 answers and prints "acknowledged_writes N", so
-- sigterm.sh can check that every acknowledged write is in the database; without it wrk does no
-- per-response work, which keeps the throughput figure clean.
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  created = 0
  run = os.getenv("BENCH_RUN") or "0"
  token = os.getenv("BENCH_TOKEN") or ""
  prefix = os.getenv("BENCH_PREFIX") or "b"
end

function request()
  counter = counter + 1
  local body = string.format('{"code":"%s%s-%d-%d","name":"Benchmark region","country":"FI"}', prefix, run, id,
    counter)
  return wrk.format("POST", "/api/v1/regions",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

if os.getenv("BENCH_COUNT") then
  function response(status, headers, body)
    if status == 201 then created = created + 1 end
  end

  function done(summary, latency, requests)
    local total = 0
    for _, t in ipairs(threads) do total = total + t:get("created") end
    io.write(string.format("acknowledged_writes %d\n", total))
  end
end
