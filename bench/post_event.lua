-- POST /v1/applications/{random id}/events: a note, which every rule lets through, so each request
-- is a real checked write.
local count = tonumber(os.getenv("APPS") or "10000")
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"note","occurred_at":"2026-11-20T09:00:00Z","note":"called about the schedule"}'
request = function()
    return wrk.format(nil, "/v1/applications/" .. math.random(1, count) .. "/events")
end
