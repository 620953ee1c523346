-- Issue 3: the roster "as of" a date follows members who changed branch. A move event (组织关系转接完成, 组织合并
-- 随迁, 成立支部时转入) records the branch the member left; the member's branch on a past date is the branch left by
-- the first move after that date, or the current branch when there is none.
alter table member_event add column from_org_id bigint;
alter table member_event add column from_org_path varchar(120);
create index member_event_from_ix on member_event (from_org_path, effective_on);
