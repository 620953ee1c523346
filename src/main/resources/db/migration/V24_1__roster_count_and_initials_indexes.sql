-- Issue 20: the roster's total and the pinyin search over a whole city from indexes.
-- The total counts active members (exit_type is null) of a subtree: with exit_type in the index the count is read
-- from the index alone (PostgreSQL index-only scan) instead of a parallel sequential scan of the wide member rows.
create index member_member_roster_ix on member_member (region_org_id, org_path, exit_type);
-- Pinyin initials without a region (a city- or province-wide search): a range on the initials.
create index member_member_initials_all_ix on member_member (name_initials);
