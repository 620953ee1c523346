-- Read-receipt counters of a notice (issue 17 point 1 of the remaining gaps: boards from counters, not live rows).
-- One row per organization from the notice's top (the sender for notices to organizations, the root of the
-- subtree for notices to members) down to every addressed organization (every branch holding members): total
-- addressees below it (members counted from the rollups at sending) and how many have read. A read receipt adds
-- one on the reader's path (at most the path's depth rows) in the receipt's transaction, so the receipts board
-- reads a few rows by key instead of counting receipts. Notices sent before this table have no rows: their board
-- is still counted live.
create table command_notice_count (
  notice_id bigint not null,
  org_id bigint not null,
  parent_org_id bigint,
  org_path varchar(120) not null,
  org_name varchar(100) not null,
  total int not null,
  read_count int not null,
  primary key (notice_id, org_id)
);
create index command_notice_count_parent_ix on command_notice_count (notice_id, parent_org_id, org_path);
-- the not-yet-read list below an organization: a range of the notice's rows by path
create index command_notice_org_path_ix on command_notice_org (notice_id, org_path);
