-- The sign-up workload: SignUp of a new user, then ConfirmSignUp of that user with the server's fixed code
-- (--fixed-code), both unsigned as SDKs send them. A confirmation is sent only once its SignUp was answered: each
-- SignUp answer's UserSub queues the ConfirmSignUp of that user (named by its sub), and the next request takes a
-- queued one before signing up anyone new. "blind" (for the bare-Undertow baseline, which answers {} to anything)
-- alternates the two requests instead, so it gets the same mix of the same sizes.
-- Usage: wrk ... -s bench/lua/signup.lua http://127.0.0.1:PORT -- CLIENT_ID CODE RUN confirm|blind
-- RUN makes the usernames of one wrk run differ from those of the runs before it on the same server. At the end
-- prints "SIGNUP signups=N confirms=M" (requests sent).
local client, code, run, blind
local pending = {}
local threads = {}
signups, confirms = 0, 0 -- globals: done() reads them from the thread

local function api_headers(target)
  return {["Content-Type"] = "application/x-amz-json-1.1",
          ["X-Amz-Target"] = "AWSCognitoIdentityProviderService." .. target}
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  client, code, run, blind = args[1], args[2], args[3], args[4] == "blind"
end

local function confirm(username)
  confirms = confirms + 1
  return wrk.format("POST", "/", api_headers("ConfirmSignUp"), '{"ClientId":"' .. client .. '","Username":"'
      .. username .. '","ConfirmationCode":"' .. code .. '"}')
end

function request()
  local sub = table.remove(pending)
  if sub then
    return confirm(sub)
  end
  if blind and confirms < signups then
    return confirm("00000000-0000-4000-8000-" .. string.format("%012d", signups))
  end
  signups = signups + 1
  local username = "u" .. run .. "-" .. signups
  return wrk.format("POST", "/", api_headers("SignUp"), '{"ClientId":"' .. client .. '","Username":"' .. username
      .. '","Password":"Bench-Passw0rd!","UserAttributes":[{"Name":"email","Value":"' .. username
      .. '@example.com"}]}')
end

function response(status, headers, body)
  local sub = status == 200 and body:match('"UserSub":"([^"]+)"')
  if sub then
    table.insert(pending, sub)
  end
end

function done(summary, latency, requests)
  local s, c = 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("signups")
    c = c + thread:get("confirms")
  end
  io.write(string.format("SIGNUP signups=%d confirms=%d\n", s, c))
end
