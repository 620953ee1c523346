-- A transfer's first step (its creation) had the pseudo-action 'CREATE' and the pseudo-status '-'; the columns are now
-- the module's enums (TransferAction, TransferStatus), so the first step is the one without an action or a from-status.
alter table transfer_step alter column action drop not null;
alter table transfer_step alter column from_status drop not null;
update transfer_step set action = null where action = 'CREATE';
update transfer_step set from_status = null where from_status = '-';
