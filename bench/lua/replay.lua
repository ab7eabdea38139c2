-- Replays pre-signed raw requests (written by SignRequests) in order, round robin.
-- Usage: wrk ... -s bench/lua/replay.lua http://127.0.0.1:PORT -- FILE
local requests = {}
local next_index = 0

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local data = file:read("*a")
  file:close()
  for request in string.gmatch(data, "(.-)\n%-%-%-%-REQ%-%-%-%-\n") do
    table.insert(requests, request)
  end
  assert(#requests > 0, "no requests in " .. args[1])
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
