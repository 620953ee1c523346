-- A month's bills and entries across every organization (the rollup applier after the monthly issue, bulletins):
-- without these, one month is found by scanning every month ever issued.
create index dues_bill_period_ix on dues_bill (period, org_id);
create index dues_entry_period_ix on dues_entry (period, member_id);
