-- Issue 19: the audit trail becomes a hash chain. Each row carries the MAC of the row before it (prev_mac) and its
-- own MAC covers that link, so a deleted, inserted or edited row breaks the chain at a findable place. Rows written
-- before this version have no prev_mac; the chain starts by linking to the last of them.
alter table audit_event add column prev_mac varchar(64);

-- The chain's head: the last appended row, locked by each appending transaction at its commit (one row).
create table audit_chain_head (
  id int primary key,
  last_id bigint,
  last_mac varchar(64)
);
insert into audit_chain_head (id, last_id, last_mac) values (1, null, null);

-- Rows older than the online retention (default 180 days) move here unchanged, chain and all: archived, never deleted.
create table audit_event_archive (
  id bigint primary key,
  occurred_at timestamp with time zone not null,
  actor varchar(64) not null,
  actor_role varchar(24),
  action varchar(64) not null,
  target_type varchar(32),
  target_id varchar(64),
  scope_path varchar(120),
  detail varchar(2000),
  source_ip varchar(64),
  outcome varchar(12) not null,
  mac varchar(64) not null,
  prev_mac varchar(64),
  archived_at timestamp with time zone not null
);
create index audit_event_archive_time_ix on audit_event_archive (occurred_at);
