-- Typical directory queries, one after the other (BENCH_QUERIES: query strings separated by '|'); prints the BENCH line.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local queries = {}
for query in string.gmatch(os.getenv("BENCH_QUERIES"), "[^|]+") do table.insert(queries, query) end
local next_query = 0

function request()
  next_query = next_query % #queries + 1
  return wrk.format("GET", wrk.path .. "?" .. queries[next_query])
end
