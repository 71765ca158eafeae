-- Off-chain projection of the committed blocks (client-app, package projection).
-- Portable SQL: runs on H2 2.x (default, file database) and PostgreSQL.
-- Keys are stored in a readable form: a composite key "\0type\0a\0b\0" becomes "type/a/b"
-- (PostgreSQL text cannot hold NUL); the raw key stays on the ledger.

-- The last block whose rows are committed here; updated in the same database transaction as them.
create table xl_checkpoint (
  id              integer      primary key,
  last_block      bigint       not null,
  last_block_hash varchar(64),
  updated_at      timestamp with time zone
);
insert into xl_checkpoint (id, last_block, last_block_hash, updated_at) values (1, -1, null, null);

-- Every projected block with its header hash and the previous block's (the hash chain).
create table xl_block (
  block_number  bigint      primary key,
  block_hash    varchar(64) not null,
  previous_hash varchar(64) not null,
  tx_count      integer     not null,
  projected_at  timestamp with time zone not null
);

-- Every transaction of every block, valid or not (a DUPLICATE_TXID may repeat an id).
create table xl_transaction (
  block_number  bigint       not null,
  tx_index      integer      not null,
  tx_id         varchar(128) not null,
  msp_id        varchar(128),
  tx_timestamp  timestamp with time zone,
  function_name varchar(256),
  validation    varchar(32)  not null,
  primary key (block_number, tx_index)
);
create index xl_transaction_tx_id on xl_transaction (tx_id);

-- Public-state writes of valid transactions.
create table xl_key_write (
  block_number bigint        not null,
  tx_index     integer       not null,
  write_index  integer       not null,
  tx_id        varchar(128)  not null,
  namespace    varchar(128)  not null,
  state_key    varchar(1024) not null,
  object_type  varchar(128),
  is_delete    boolean       not null,
  value_sha256 varchar(64),
  value_json   text,
  primary key (block_number, tx_index, write_index)
);
create index xl_key_write_key on xl_key_write (state_key);
create index xl_key_write_tx on xl_key_write (tx_id);

-- The chaincode event of each valid transaction that set one.
create table xl_chaincode_event (
  block_number bigint       not null,
  tx_index     integer      not null,
  tx_id        varchar(128) not null,
  chaincode    varchar(128) not null,
  event_name   varchar(128) not null,
  payload_json text,
  primary key (block_number, tx_index)
);

-- Read models of the trace contract, decoded from the key writes. Each row keeps the write it
-- comes from (tx id, block, value hash and value) so it can be verified against the ledger.
create table tr_producer (
  producer_id   varchar(64) primary key,
  name          varchar(256),
  producer_type varchar(32),
  region        varchar(12),
  township      varchar(12),
  owner_party   varchar(256),
  registered_at varchar(40),
  tx_id         varchar(128) not null,
  block_number  bigint       not null,
  value_sha256  varchar(64)  not null,
  value_json    text         not null
);

create table tr_batch (
  batch_id         varchar(64) primary key,
  product_name     varchar(256),
  product_category varchar(128),
  product_code     varchar(64),
  quantity_amount  varchar(40),
  quantity_uom     varchar(8),
  origin_region    varchar(12),
  township         varchar(12),
  producer_id      varchar(64),
  owner_party      varchar(256),
  status           varchar(32),
  disposition      varchar(64),
  produced_at      varchar(40),
  tx_id            varchar(128) not null,
  block_number     bigint       not null,
  value_sha256     varchar(64)  not null,
  value_json       text         not null
);
create index tr_batch_producer on tr_batch (producer_id);
create index tr_batch_township on tr_batch (township);

create table tr_event (
  event_id     varchar(160) primary key,
  batch_id     varchar(64),
  seq          bigint,
  biz_step     varchar(64),
  disposition  varchar(64),
  event_time   varchar(40),
  region       varchar(12),
  recorder     varchar(256),
  tx_id        varchar(128) not null,
  block_number bigint       not null,
  value_sha256 varchar(64)  not null,
  value_json   text         not null
);
create index tr_event_batch on tr_event (batch_id);

create table tr_certificate (
  certificate_no varchar(64) primary key,
  batch_id       varchar(64),
  status         varchar(16),
  issuer         varchar(256),
  issued_at      varchar(40),
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);

create table tr_warning (
  warning_id     varchar(64) primary key,
  batch_id       varchar(64),
  level          varchar(16),
  reason         varchar(1024),
  issuer         varchar(256),
  issued_at      varchar(40),
  affected_count integer,
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);

create table tr_recall (
  recall_id      varchar(64) primary key,
  batch_id       varchar(64),
  level          varchar(16),
  reason         varchar(1024),
  issuer         varchar(256),
  issued_at      varchar(40),
  affected_count integer,
  tx_id          varchar(128) not null,
  block_number   bigint       not null,
  value_sha256   varchar(64)  not null,
  value_json     text         not null
);
