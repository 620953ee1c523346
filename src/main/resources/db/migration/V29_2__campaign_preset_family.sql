-- 适用标准 (issue 18 point 1): a campaign opened with a preset family (e.g. minhang-five-good) scores each branch with
-- the standard of its type and domain (ApplicablePresets); null = every branch with the campaign's one system.
alter table assessment_campaign add column preset_family varchar(60);
