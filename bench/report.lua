-- report.lua — the wrk script of marsad's benchmarks.
--
--   wrk ... -s bench/report.lua URL [-- PATHS_FILE [MAX_REQUESTS]]
--
-- Without an argument every request is the URL's (wrk then builds the
-- request once, as without a script). With PATHS_FILE (one request target
-- a line) the threads rotate through those targets, each thread from its
-- own offset, so a by-id benchmark touches many rows instead of one. With
-- MAX_REQUESTS a thread stops after that many responses: one pass over the
-- targets, each asked once (none answered from marsad's response cache).
--
-- At the end it prints one line "WRK_JSON {...}" that the shell scripts
-- read: requests, duration, bytes, the error counts (status = responses
-- that were not 2xx or 3xx) and latency percentiles in microseconds.

local paths = {}
local next_index = 1
local threads_seen = 0 -- main state: threads set up so far

-- Runs in the main state once per thread, before that thread's init.
function setup(thread)
  threads_seen = threads_seen + 1
  thread:set("thread_no", threads_seen)
end

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then
        paths[#paths + 1] = line
      end
    end
    -- Spread the threads' starting points over the list.
    next_index = ((thread_no or 1) - 1) * 7919 % #paths + 1
    -- Defined only here, so a run without targets stays a static request.
    request = function()
      local p = paths[next_index]
      next_index = next_index % #paths + 1
      return wrk.format(nil, p)
    end
  end
  local max = tonumber(args[2] or "")
  if max then
    local seen = 0
    response = function(status, headers, body)
      seen = seen + 1
      if seen >= max then
        wrk.thread:stop()
      end
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f,"stdev":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean, latency.stdev))
end
