-- Mixed traffic for scripts/soak.sh over the applications bench/seed.py made, every request a
-- valid one: GET an application (60%), POST a note to its timeline (15%, a note passes every
-- rule), DELETE a note the mix added earlier (5%, one whose 201 named it in Location; a POST
-- when none is waiting), POST a check of a follow-up (15%, a dry run that answers 200 whatever
-- it decides), and GET the agenda with a one-day horizon (5%). Writes add three events for each
-- they remove, so the data grows all the time, and the server's memory must not grow with it.
-- MIX changes the shares ("60,15,5,15,5"; equal second and third shares keep the data's size).
-- Statuses are counted and printed at the end.
local count = tonumber(os.getenv("APPS") or "1000")
local shares = {}
for share in string.gmatch(os.getenv("MIX") or "60,15,5,15,5", "%d+") do
    table.insert(shares, tonumber(share))
end
local cuts = {}
local whole = 0
for i = 1, 5 do
    whole = whole + (shares[i] or 0)
    cuts[i] = whole
end
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
    -- Events the mix created and has not deleted yet, oldest first.
    created = {}
    first, last = 1, 0
end

function request()
    local pick = math.random(1, whole)
    local id = math.random(1, count)
    if pick <= cuts[1] then
        return wrk.format("GET", "/v1/applications/" .. id)
    elseif pick <= cuts[3] then
        if pick > cuts[2] and first <= last then
            local path = created[first]
            created[first] = nil
            first = first + 1
            return wrk.format("DELETE", path)
        end
        return wrk.format("POST", "/v1/applications/" .. id .. "/events", json, note)
    elseif pick <= cuts[4] then
        return wrk.format("POST", "/v1/applications/" .. id .. "/check", json, check)
    end
    return wrk.format("GET", "/v1/agenda?horizon_days=1")
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    -- Only a created event answers with a Location.
    local location = headers["Location"] or headers["location"]
    if status == 201 and location then
        last = last + 1
        created[last] = location
    end
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
