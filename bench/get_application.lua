-- GET /v1/applications/{random id} over the seeded applications.
local count = tonumber(os.getenv("APPS") or "10000")
math.randomseed(os.time())
request = function()
    return wrk.format("GET", "/v1/applications/" .. math.random(1, count))
end
