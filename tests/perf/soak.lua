-- wrk hooks for soak.py: every request takes the next path of a mixed rotation,
-- cached pages and fresh ones (a new height each time, so no cache answers), the
-- API (GET and POST), /learn and the preview image. Each thread counts its answers
-- by class; done() prints the totals as one JSON line for soak.py to parse.
local LESSON = "height_unit=cm&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
local BODY = '{"x": [4, 80], "w": [0.2, 0.00001], "b": 1, "activation": "sigmoid"}'
local threads = {}
local counter = 0

local function fresh()
  counter = counter + 1
  -- 100.000 to 219.999 cm: unique across threads (the thread's id, set by setup(),
  -- in the last digit)
  local n = (counter * 10 + id) % 120000
  return string.format("height=%d.%03d&weight=90&%s", 100 + math.floor(n / 1000), n % 1000, LESSON)
end

local cached = "height=170&weight=90&" .. LESSON
-- One rotation of 60 requests, about two thirds answerable from a cache: the kinds
-- and how many of each, dealt out round-robin so the heavy ones are spread.
local mix = {
  {"/?" .. cached, 24}, {"/", 6}, {"fresh-page", 6}, {"/embed?" .. cached, 4},
  {"fresh-embed", 2}, {"/api/v1/neuron?" .. cached, 6}, {"fresh-api", 4}, {"post", 4},
  {"learn", 2}, {"/preview.png?" .. cached, 1}, {"fresh-preview", 1},
}
local rotation = {}
local left = true
while left do
  left = false
  for _, kind in ipairs(mix) do
    if kind[2] > 0 then
      table.insert(rotation, {kind[1]})
      kind[2] = kind[2] - 1
      left = true
    end
  end
end
local step = 0

setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

init = function(args)
  ok, client, server = 0, 0, 0
end

request = function()
  step = step % #rotation + 1
  local kind = rotation[step][1]
  if kind == "fresh-page" then return wrk.format("GET", "/?" .. fresh()) end
  if kind == "fresh-embed" then return wrk.format("GET", "/embed?" .. fresh()) end
  if kind == "fresh-api" then return wrk.format("GET", "/api/v1/neuron?" .. fresh()) end
  if kind == "fresh-preview" then return wrk.format("GET", "/preview.png?" .. fresh()) end
  if kind == "learn" then
    -- one of 10 seeds: a training run at first, then mostly the app's memo
    counter = counter + 1
    return wrk.format("GET", string.format("/learn?seed=%d", counter % 10))
  end
  if kind == "post" then
    return wrk.format("POST", "/api/v1/neuron", {["Content-Type"] = "application/json"}, BODY)
  end
  return wrk.format("GET", kind)
end

response = function(status, headers, body)
  if status >= 500 then server = server + 1
  elseif status >= 400 then client = client + 1
  else ok = ok + 1 end
end

done = function(summary, latency, requests)
  local totals = {ok = 0, client = 0, server = 0}
  for _, thread in ipairs(threads) do
    totals.ok = totals.ok + thread:get("ok")
    totals.client = totals.client + thread:get("client")
    totals.server = totals.server + thread:get("server")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"ok": %d, "4xx": %d, "5xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    totals.ok, totals.client, totals.server, e.connect, e.read, e.write, e.timeout))
end
