-- Shared by the bench's wrk scripts: one machine-readable line with throughput, percentiles (ms) and failures.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d failed=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, failed))
end
