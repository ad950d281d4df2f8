-- A plain GET (the URL and headers come from wrk's command line); prints the BENCH line.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
