-- POST /api/cases with a valid, varied body per request; prints the BENCH line.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local given = { "Olena", "Ahmad", "Mariam", "Yusuf", "Iryna", "Khaled", "Zahra", "Dmytro", "Amal", "Farid" }
local family = { "Koval", "Haidari", "Rahimi", "Haddad", "Melnyk", "Karimi", "Darwish", "Bondarenko" }
local places = { "Gütersloh", "Rietberg", "Verl", "Rheda-Wiedenbrück" }
local statuses = { "asylum-seeker", "temporary-protection", "recognised-refugee", "duldung" }

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = string.format(
    '{"person":{"givenName":"%s","familyName":"%s","birthDate":"%d-%02d-%02d","languages":["uk","de"],' ..
    '"residenceStatus":"%s","municipality":"%s"},"targetGroups":["women"],"reachability":"medium"}',
    given[math.random(#given)], family[math.random(#family)], math.random(1950, 2005), math.random(1, 12), math.random(1, 28),
    statuses[math.random(#statuses)], places[math.random(#places)])
  return wrk.format(nil, nil, nil, body)
end
