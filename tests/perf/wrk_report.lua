-- wrk hooks for bench.py. With BENCH_VARY set, every request asks for another
-- height (100.0 to 219.9 cm), so no memo inside the app can answer it twice.
-- done() prints the summary as one JSON line for bench.py to parse.
local vary = os.getenv("BENCH_VARY")

request = function()
  if vary then
    local path = string.gsub(wrk.path, "height=[0-9.]+", string.format("height=%d.%d", math.random(100, 219), math.random(0, 9)))
    return wrk.format(nil, path)
  end
  return wrk.format(nil, wrk.path)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
