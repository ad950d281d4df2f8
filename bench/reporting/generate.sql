-- Counters and day histograms as the reporting consumers would have written them for :tenants KIM bodies with
-- :cases cases over :months months (events of those cases included): written straight into reportingdb, as the
-- database's owner (past row-level security). Tenants are named bench-001 …; earlier bench data of them is replaced.
\set ON_ERROR_STOP on
-- Without the per-row triggers that move the counter versions (millions of rows); the versions are moved once below.
SET session_replication_role = replica;
DELETE FROM counters WHERE tenant_id LIKE 'bench-%';
DELETE FROM day_histograms WHERE tenant_id LIKE 'bench-%';

CREATE TEMP TABLE bench_places AS
SELECT format('bench-%s', lpad(t::text, 3, '0')) AS tenant_id, format('Kommune %s', m) AS municipality,
       (date_trunc('month', now()) - make_interval(months => mo))::date AS month
FROM generate_series(1, :tenants) t, generate_series(1, 8) m, generate_series(0, :months - 1) mo;

-- Cases opened per place and month, so that the whole comes to :cases.
\set per_place (:cases::numeric / (:tenants * 8 * :months))

CREATE TEMP TABLE bench_categories (figure text, category text);
INSERT INTO bench_categories
SELECT 'open:phase', unnest(ARRAY['intake','assessment','plan','monitoring']) UNION ALL
SELECT 'open:target-group', unnest(ARRAY['women','families','youth','young-adults','seniors','people-with-disabilities']) UNION ALL
SELECT 'open:residence-status', unnest(ARRAY['asylum-seeker','temporary-protection','recognised-refugee','tolerated','eu-citizen','other']) UNION ALL
SELECT 'open:reachability', unnest(ARRAY['good','medium','low']) UNION ALL
SELECT 'open:age-band', unnest(ARRAY['0-17','18-26','27-44','45-64','65+']) UNION ALL
SELECT 'open:case-manager', substr(md5(g::text), 1, 20) FROM generate_series(1, 25) g UNION ALL
SELECT 'new', '' UNION ALL
SELECT 'closed:reason', unnest(ARRAY['goals-achieved','moved-away','no-longer-reachable','handed-over','person-declined','erased','other']) UNION ALL
SELECT 'closed:outcome', unnest(ARRAY['achieved','partially-achieved','not-achieved']) UNION ALL
SELECT f, unnest(ARRAY['language','work','education','housing','health','family','society','residence'])
  FROM unnest(ARRAY['goals:agreed','goals:achieved','findings:life-area']) f UNION ALL
SELECT 'findings:theme', format('Thema %s', g) FROM generate_series(1, 15) g UNION ALL
SELECT f, format('partner-%s', g) FROM unnest(ARRAY['referrals:requested','referrals:accepted','referrals:declined','referrals:completed']) f, generate_series(1, 20) g UNION ALL
SELECT 'referrals:topic', format('topic-%s', g) FROM generate_series(1, 10) g;

INSERT INTO counters (tenant_id, figure, month, municipality, category, value)
SELECT p.tenant_id, c.figure, p.month, p.municipality, c.category,
       CASE WHEN c.figure LIKE 'open:%' THEN round((random() - 0.3) * :per_place / 2)
            ELSE round(random() * :per_place / 3) END
FROM bench_places p CROSS JOIN bench_categories c;

-- Events belong to no municipality: formats and ratings per tenant and month.
INSERT INTO counters (tenant_id, figure, month, municipality, category, value)
SELECT DISTINCT p.tenant_id, f.figure, p.month, '', f.category, (random() * 40)::int
FROM bench_places p CROSS JOIN (
  SELECT fig AS figure, fmt AS category FROM unnest(ARRAY['events:format','events:registrations','events:waitlisted','events:attended']) fig,
         unnest(ARRAY['world-cafe','conference','workshop','network-meeting']) fmt
  UNION ALL SELECT 'events:ratings', r::text FROM generate_series(1, 5) r) f
ON CONFLICT DO NOTHING;

-- 20 day buckets per place, month and measure.
INSERT INTO day_histograms (tenant_id, measure, month, municipality, bucket, count, sum_days)
SELECT p.tenant_id, m.measure, p.month, p.municipality, b.bucket, b.n, b.n * b.bucket
FROM bench_places p
CROSS JOIN unnest(ARRAY['phase:intake','phase:assessment','phase:plan','phase:monitoring','to-closure','referral:answer']) m(measure)
CROSS JOIN LATERAL (SELECT DISTINCT (random() * 200)::int AS bucket, 1 + (random() * 4)::int AS n FROM generate_series(1, 20)) b
ON CONFLICT DO NOTHING;

RESET session_replication_role;
-- New numbers for every bench tenant-year, old and new, so that the service's cached cubes of them are not used again.
UPDATE counter_versions SET version = nextval('counter_version_numbers') WHERE tenant_id LIKE 'bench-%';
INSERT INTO counter_versions (tenant_id, year, version)
SELECT tenant_id, year, nextval('counter_version_numbers')
FROM (SELECT DISTINCT tenant_id, extract(year FROM month)::int AS year FROM bench_places) changed
ON CONFLICT (tenant_id, year) DO UPDATE SET version = excluded.version;

ANALYZE counters;
ANALYZE day_histograms;
SELECT (SELECT count(*) FROM counters WHERE tenant_id LIKE 'bench-%') AS counter_rows,
       (SELECT count(*) FROM day_histograms WHERE tenant_id LIKE 'bench-%') AS histogram_rows;
