-- random.lua — the wrk script of `make bench-peer`: a random target per
-- request.
--
--   wrk ... -s bench/peer/random.lua URL -- TARGETS_FILE
--
-- Each request is a target drawn at random from TARGETS_FILE (one a line,
-- from targets.py), each thread with its own seed; the requests are built
-- once at start so that wrk, which shares the machine, spends little CPU.
-- The summary line ("WRK_JSON {...}") is bench/report.lua's (run from the
-- repository root, as the bench scripts do).
dofile("bench/report.lua")

function init(args)
  local reqs = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      reqs[#reqs + 1] = wrk.format(nil, line)
    end
  end
  math.randomseed(os.time() * 7919 + (thread_no or 1))
  local n = #reqs
  request = function()
    return reqs[math.random(n)]
  end
end
