-- wrk script: POST /api/v1/regions with a new code each time (the benchmark's write endpoint).
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  run = os.getenv("BENCH_RUN") or "0"
  token = os.getenv("BENCH_TOKEN") or ""
end

function request()
  counter = counter + 1
  local body = string.format('{"code":"b%s-%d-%d","name":"Benchmark region","country":"FI"}', run, id, counter)
  return wrk.format("POST", "/api/v1/regions",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
