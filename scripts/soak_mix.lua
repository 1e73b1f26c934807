-- Mixed traffic for scripts/soak.sh over the applications bench/seed.py made, every request a
-- valid one: GET an application (60%), POST a note to its timeline (20%, a note passes every
-- rule), POST a check of a follow-up (15%, a dry run that answers 200 whatever it decides), and
-- GET the agenda with a one-day horizon (5%). MIX changes the shares ("60,20,15,5"). Statuses are
-- counted and printed at the end.
local count = tonumber(os.getenv("APPS") or "1000")
local shares = {}
for share in string.gmatch(os.getenv("MIX") or "60,20,15,5", "%d+") do
    table.insert(shares, tonumber(share))
end
local cut1, cut2, cut3 = shares[1], shares[1] + shares[2], shares[1] + shares[2] + shares[3]
local whole = cut3 + shares[4]
local note = '{"kind":"note","occurred_at":"2026-11-20T09:00:00Z","note":"called about the schedule"}'
local check = '{"kind":"follow_up","occurred_at":"2026-11-20T09:00:00Z","channel":"email"}'
local json = { ["Content-Type"] = "application/json" }
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
    statuses = {}
end

function request()
    local pick = math.random(1, whole)
    local id = math.random(1, count)
    if pick <= cut1 then
        return wrk.format("GET", "/v1/applications/" .. id)
    elseif pick <= cut2 then
        return wrk.format("POST", "/v1/applications/" .. id .. "/events", json, note)
    elseif pick <= cut3 then
        return wrk.format("POST", "/v1/applications/" .. id .. "/check", json, check)
    end
    return wrk.format("GET", "/v1/agenda?horizon_days=1")
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + n
        end
    end
    local parts = {}
    for status, n in pairs(total) do
        table.insert(parts, status .. "=" .. n)
    end
    table.sort(parts)
    io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
