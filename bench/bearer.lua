-- GET with the organization API token in BENCH_BEARER.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_BEARER")
