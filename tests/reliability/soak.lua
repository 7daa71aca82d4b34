-- soak.lua — the wrk script of `make soak` (tests/reliability/soak.sh).
--
--   wrk ... -s tests/reliability/soak.lua URL -- PATHS_FILE
--
-- Every thread rotates through the request targets of PATHS_FILE (one a
-- line: articles by id, filtered lists, figures, compare, search, places
-- near a point, a small CSV export, a 404), each thread from its own
-- offset. Each response's status is counted by class in the thread, and
-- done() sums the threads (counts is a global: thread:get reads globals) and prints one line "SOAK_JSON {...}": requests,
-- duration, bytes, wrk's socket errors, the statuses (2xx, 3xx, 404, other
-- 4xx, 503 with Retry-After, other 5xx: wrk's own "Non-2xx or 3xx" lumps 4xx and 5xx together) and the
-- latency percentiles in microseconds.

local threads = {}
local paths = {}
local next_index = 1
counts = {s2xx = 0, s3xx = 0, s404 = 0, s4xx = 0, s503 = 0, s5xx = 0, other = 0}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  next_index = ((thread_no or 1) - 1) * 7919 % #paths + 1
end

function request()
  local p = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", p)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    counts.s2xx = counts.s2xx + 1
  elseif status >= 300 and status < 400 then
    counts.s3xx = counts.s3xx + 1
  elseif status == 404 then
    counts.s404 = counts.s404 + 1
  elseif status >= 400 and status < 500 then
    counts.s4xx = counts.s4xx + 1
  elseif status == 503 and (headers["Retry-After"] or headers["retry-after"]) then
    -- the documented back-pressure answer (queue full, query over its time
    -- limit): counted apart from other 5xx
    counts.s503 = counts.s503 + 1
  elseif status >= 500 and status < 600 then
    counts.s5xx = counts.s5xx + 1
  else
    counts.other = counts.other + 1
  end
end

-- Threads' counts live in their own Lua states: read them back by name.
function done(summary, latency, requests)
  local total = {s2xx = 0, s3xx = 0, s404 = 0, s4xx = 0, s503 = 0, s5xx = 0, other = 0}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, _ in pairs(total) do
      total[k] = total[k] + (c[k] or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'SOAK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"statuses":{"2xx":%d,"3xx":%d,"404":%d,"other_4xx":%d,"503_retry":%d,"5xx":%d,"other":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    total.s2xx, total.s3xx, total.s404, total.s4xx, total.s503, total.s5xx, total.other,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean))
end
