-- GET /v1/applications/{random id} over the seeded applications. Every request is formatted once,
-- when the thread starts (wrk has set the Host header by then), so that wrk spends its time
-- sending requests rather than building them.
local count = tonumber(os.getenv("APPS") or "10000")
math.randomseed(os.time())
local requests = {}
init = function(args)
    for id = 1, count do
        requests[id] = wrk.format("GET", "/v1/applications/" .. id)
    end
end
request = function()
    return requests[math.random(1, count)]
end
