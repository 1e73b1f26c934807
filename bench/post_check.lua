-- POST /v1/applications/{random id}/check: a follow-up by email, judged against the timeline.
-- Every request is formatted once, when the thread starts (wrk has set the Host header by then).
local count = tonumber(os.getenv("APPS") or "10000")
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"follow_up","occurred_at":"2026-11-20T09:00:00Z","channel":"email"}'
local requests = {}
init = function(args)
    for id = 1, count do
        requests[id] = wrk.format(nil, "/v1/applications/" .. id .. "/check")
    end
end
request = function()
    return requests[math.random(1, count)]
end
