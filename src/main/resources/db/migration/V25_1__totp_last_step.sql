-- Issue 15 §6: a TOTP code accepted once is never accepted again (RFC 6238 §5.2): the time step of the last accepted
-- code per account; a code is accepted only for a later step.
alter table account_user add column mfa_last_step bigint;
