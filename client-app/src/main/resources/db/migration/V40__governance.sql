-- Governance read models (client-app, package governance): grid events (网格) and party affairs (党务),
-- written by GovernanceTables in the same database transaction as the block and its checkpoint.
-- Portable SQL: H2 2.x and PostgreSQL. Every row names the ledger transaction that last wrote its
-- record (tx_id, block_number) and keeps the record's JSON and its SHA-256, as the trace tables do.
-- Times: the record's text (yyyy-MM-ddTHH:mm:ss+08:00) and, where figures need them, epoch seconds.

create table gov_grid_event (
  event_id         varchar(64)  primary key,
  category         varchar(32)  not null,
  grid_id          varchar(64)  not null,
  village          varchar(12)  not null,
  township         varchar(12)  not null,
  department_id    varchar(64),
  status           varchar(16)  not null,
  title            varchar(200) not null,
  reported_at      varchar(32)  not null,
  reported_epoch   bigint       not null,
  due_at           varchar(32)  not null,
  due_epoch        bigint       not null,
  handled_epoch    bigint,
  closed_epoch     bigint,
  escalation_level integer      not null,
  late_steps       integer      not null,
  rating           integer,
  tx_id            varchar(128) not null,
  block_number     bigint       not null,
  value_sha256     varchar(64)  not null,
  value_json       text         not null
);
create index gov_grid_event_township on gov_grid_event (township);
create index gov_grid_event_department on gov_grid_event (department_id);

-- The steps of each event (受理 … 评价), each with the transaction that recorded it.
create table gov_grid_step (
  event_id      varchar(64)  not null,
  seq           integer      not null,
  action        varchar(16)  not null,
  from_status   varchar(16),
  to_status     varchar(16)  not null,
  actor         varchar(200) not null,
  actor_role    varchar(32),
  at_time       varchar(32)  not null,
  recorded_at   varchar(32)  not null,
  step_tx_id    varchar(128) not null,
  department_id varchar(64),
  late          boolean      not null,
  primary key (event_id, seq)
);
create index gov_grid_step_tx on gov_grid_step (step_tx_id);

-- Departments of the latest catalogue version that named them.
create table gov_grid_department (
  department_id varchar(64)  primary key,
  name          varchar(100) not null,
  region        varchar(12)  not null,
  tx_id         varchar(128) not null,
  block_number  bigint       not null
);

create table gov_party_rules (
  county         varchar(12)  not null,
  version        integer      not null,
  effective_from varchar(10)  not null,
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null,
  primary key (county, version)
);

create table gov_party_org (
  org_id         varchar(64)  primary key,
  kind           varchar(16)  not null,
  name           varchar(200) not null,
  region         varchar(12)  not null,
  township       varchar(12)  not null,
  parent_id      varchar(64),
  established_on varchar(10)  not null,
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);
create index gov_party_org_township on gov_party_org (township);

-- Members are pseudonymous on the ledger: id, branch, stage; no personal data here either.
create table gov_party_member (
  member_id    varchar(64)  primary key,
  org_id       varchar(64)  not null,
  region       varchar(12)  not null,
  stage        varchar(16)  not null,
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null
);
create index gov_party_member_org on gov_party_member (org_id);

create table gov_party_meeting (
  meeting_id    varchar(64)  primary key,
  org_id        varchar(64)  not null,
  meeting_type  varchar(32)  not null,
  meeting_date  varchar(10)  not null,
  topic         varchar(200) not null,
  present_count integer      not null,
  absent_count  integer      not null,
  tx_id         varchar(128) not null,
  block_number  bigint       not null,
  value_sha256  varchar(64)  not null,
  value_json    text         not null
);
create index gov_party_meeting_org on gov_party_meeting (org_id);

create table gov_party_dues (
  member_id    varchar(64)  not null,
  dues_month   varchar(7)   not null,
  org_id       varchar(64)  not null,
  amount_fen   bigint       not null,
  paid_on      varchar(10)  not null,
  on_time      boolean      not null,
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null,
  primary key (member_id, dues_month)
);
create index gov_party_dues_org on gov_party_dues (org_id);

create table gov_party_publication (
  publication_id varchar(64)  primary key,
  org_id         varchar(64)  not null,
  region         varchar(12)  not null,
  scope          varchar(8)   not null,
  category       varchar(16)  not null,
  title          varchar(200) not null,
  content_sha256 varchar(64)  not null,
  status         varchar(16)  not null,
  reviewed_at    varchar(32),
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);
create index gov_party_publication_org on gov_party_publication (org_id);
