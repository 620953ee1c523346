-- 软弱涣散 (rules.md §8.1/§8.2, issue 18 point 5): a designation states both years explicitly — the year whose
-- assessment found the branch weak (assess_year) and the year of its 集中整顿 (rectify_year). Qingshen: "不定星级，直接
-- 确定为软弱涣散党组织，次年进行集中整顿" — a designation from a campaign is rectified the year after it.
alter table assessment_weak add column rectify_year int;
update assessment_weak set rectify_year = case when campaign_id is null then assess_year else assess_year + 1 end;
alter table assessment_weak alter column rectify_year set not null;
