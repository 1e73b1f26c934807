-- POST /v1/applications/{random id}/check: a follow-up by email, judged against the timeline.
local count = tonumber(os.getenv("APPS") or "10000")
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"follow_up","occurred_at":"2026-11-20T09:00:00Z","channel":"email"}'
request = function()
    return wrk.format(nil, "/v1/applications/" .. math.random(1, count) .. "/check")
end
