-- Like write_region.lua, and counts the 201 answers each thread got, so a test can check that
-- every acknowledged write is in the database after the server was stopped mid-run.
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
end

function request()
  counter = counter + 1
  local body = string.format('{"code":"s%s-%d-%d","name":"Shutdown test region","country":"FI"}', run, id, counter)
  return wrk.format("POST", "/api/v1/regions",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("created") end
  io.write(string.format("acknowledged_writes %d\n", total))
end
