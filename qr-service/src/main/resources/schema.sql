-- Scan analytics (off-chain). scan, scan_warning and complaint are append-only;
-- code_stats is a projection of scan (rebuildable from it).
CREATE TABLE IF NOT EXISTS scan (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  scanned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  code VARCHAR(200) NOT NULL,
  outcome VARCHAR(40) NOT NULL,
  batch_id VARCHAR(64),
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION
);
CREATE INDEX IF NOT EXISTS scan_by_code ON scan (code);

CREATE TABLE IF NOT EXISTS code_stats (
  code VARCHAR(200) PRIMARY KEY,
  first_scan_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_scan_at TIMESTAMP WITH TIME ZONE NOT NULL,
  scan_count BIGINT NOT NULL,
  last_lat DOUBLE PRECISION,
  last_lon DOUBLE PRECISION,
  last_located_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE IF NOT EXISTS scan_warning (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
  kind VARCHAR(40) NOT NULL,
  code VARCHAR(200) NOT NULL,
  batch_id VARCHAR(64),
  detail VARCHAR(500) NOT NULL
);

CREATE TABLE IF NOT EXISTS complaint (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  code VARCHAR(200) NOT NULL,
  batch_id VARCHAR(64),
  category VARCHAR(40) NOT NULL,
  text VARCHAR(1000) NOT NULL,
  contact VARCHAR(100)
);
