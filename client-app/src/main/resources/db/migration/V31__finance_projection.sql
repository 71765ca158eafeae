-- Read models of the finance contract (三资, docs/contract-finance.md), decoded from the key writes
-- like the trace tables (V1): each row keeps the write it comes from (tx id, block, value hash and
-- value) so it can be verified against the ledger. Money in 分 (bigint). Portable SQL (H2, PostgreSQL).

create table fin_voucher (
  voucher_id    varchar(64) primary key,
  village       varchar(12),
  township      varchar(12),
  period        varchar(7),
  voucher_date  varchar(10),
  summary       varchar(512),
  total_fen     bigint,
  status        varchar(16),
  decision_id   varchar(64),
  reverses      varchar(64),
  counterparty  varchar(256),
  recorded_at   varchar(40),
  tx_id         varchar(128) not null,
  block_number  bigint       not null,
  value_sha256  varchar(64)  not null,
  value_json    text         not null
);
create index fin_voucher_village on fin_voucher (village, period);
create index fin_voucher_township on fin_voucher (township);

-- A voucher's lines (they never change once recorded).
create table fin_voucher_line (
  voucher_id   varchar(64)  not null,
  line_no      integer      not null,
  account      varchar(16)  not null,
  debit_fen    bigint       not null,
  credit_fen   bigint       not null,
  counterparty varchar(256),
  contract_id  varchar(64),
  primary key (voucher_id, line_no)
);

-- A voucher's steps: recorded, submitted, approved / rejected, posted; each with its transaction.
create table fin_voucher_step (
  voucher_id varchar(64)  not null,
  step_no    integer      not null,
  status     varchar(16)  not null,
  party      varchar(256),
  tx_id      varchar(128) not null,
  step_time  varchar(40),
  note       varchar(1024),
  primary key (voucher_id, step_no)
);
create index fin_voucher_step_status on fin_voucher_step (status);

create table fin_decision (
  decision_id  varchar(64) primary key,
  village      varchar(12),
  township     varchar(12),
  subject      varchar(512),
  decided_on   varchar(10),
  amount_fen   bigint,
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null
);

create table fin_rules (
  rules_id         varchar(64) primary key,
  county           varchar(12),
  version          bigint,
  effective_from   varchar(10),
  large_amount_fen bigint,
  tx_id            varchar(128) not null,
  block_number     bigint       not null,
  value_sha256     varchar(64)  not null,
  value_json       text         not null
);

create table fin_publication (
  publication_id varchar(64) primary key,
  village        varchar(12),
  township       varchar(12),
  catalogue_id   varchar(64),
  category_code  varchar(32),
  item_code      varchar(32),
  period         varchar(7),
  title          varchar(512),
  content_sha256 varchar(64),
  due_on         varchar(10),
  late           boolean,
  published_at   varchar(40),
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);
create index fin_publication_village on fin_publication (village, period);

create table fin_objection (
  objection_id   varchar(64) primary key,
  publication_id varchar(64),
  village        varchar(12),
  township       varchar(12),
  question       varchar(2048),
  status         varchar(16),
  filed_at       varchar(40),
  due_on         varchar(10),
  answer_text    varchar(4096),
  answered_at    varchar(40),
  answer_late    boolean,
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);
create index fin_objection_village on fin_objection (village);

create table fin_contract (
  contract_id  varchar(64) primary key,
  village      varchar(12),
  township     varchar(12),
  direction    varchar(16),
  counterparty varchar(256),
  subject      varchar(512),
  start_date   varchar(10),
  end_date     varchar(10),
  amount_fen   bigint,
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null
);

create table fin_asset (
  asset_id     varchar(64) primary key,
  village      varchar(12),
  township     varchar(12),
  category     varchar(64),
  name         varchar(256),
  location     varchar(256),
  acquired_on  varchar(10),
  cost_fen     bigint,
  status       varchar(16),
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null
);

-- The anomalies of a village's month as the contract's own rules (Anomalies.detect) find them over
-- the projected posted vouchers, publications and approval rules; recomputed in the block group's
-- transaction whenever one of those changes for that village and month.
create table fin_anomaly (
  village         varchar(12)  not null,
  period          varchar(7)   not null,
  anomaly_no      integer      not null,
  township        varchar(12)  not null,
  rule            varchar(64)  not null,
  detail          varchar(1024),
  amount_fen      bigint       not null,
  counterparty    varchar(256),
  primary key (village, period, anomaly_no)
);
create index fin_anomaly_township on fin_anomaly (township);

-- The evidence of an anomaly: its vouchers and publications (for the drill-down).
create table fin_anomaly_evidence (
  village     varchar(12) not null,
  period      varchar(7)  not null,
  anomaly_no  integer     not null,
  record_type varchar(16) not null,
  record_id   varchar(64) not null,
  primary key (village, period, anomaly_no, record_type, record_id)
);

-- Not a projection: the text of a published disclosure as the village entered it. The ledger keeps
-- only its SHA-256 (contentSha256); the public page re-hashes this text and compares.
create table fin_publication_content (
  publication_id varchar(64) primary key,
  content        text        not null,
  content_sha256 varchar(64) not null,
  stored_at      timestamp with time zone not null
);
