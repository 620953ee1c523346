-- Citus profile only (issue 23 point 3): runs after every normal migration, on the coordinator of a Citus cluster,
-- when the locations include classpath:db/vendor/citus (Spring profile `citus`, or -Dzhibu.test.db=citus).
--
-- The region key is region_org_id: the top-level organization (the root of a tree: a province in a national
-- deployment). The large tables that carry it are DISTRIBUTED by it and CO-LOCATED with member_member, so one
-- region's roster, projections, bills, meetings, ledgers, warnings and rollups live in one shard group; every other
-- table (organization tree, accounts, configuration, code lists, the small per-org tables) becomes a REFERENCE
-- table, a full copy on every node, so joins with it never move data; the coordinator's bookkeeping (step 4) stays local.
--
-- Citus wants every primary key and unique index of a distributed table to contain the distribution column: they
-- are re-created here with region_org_id appended (ids come from sequences on the coordinator, so (id) stays unique
-- in practice; member ID numbers are unique per region — see docs/architecture.md). Foreign keys that involve a
-- distributed or reference table are dropped (four in the schema); the one between two local tables is put back.

set local citus.shard_count = 8;
set local citus.multi_shard_modify_mode = 'sequential';

create temporary table citus_distributed (t text primary key, ord int) on commit drop;
insert into citus_distributed (t, ord) values
  ('member_member', 0), ('member_event', 1),
  ('dues_account', 2), ('dues_bill', 3), ('dues_entry', 4), ('dues_payment', 5), ('dues_bill_correction', 6),
  ('dues_relief', 7),
  ('meeting_meeting', 8), ('meeting_attendance', 9),
  ('dev_person', 10), ('dev_step', 11), ('dev_log', 12), ('dev_plan', 13),
  ('points_entry', 14), ('points_member', 15), ('points_member_year', 16),
  ('learning_member', 17), ('learning_hours', 18), ('learning_completion', 19),
  ('warning_warning', 20), ('warning_event', 21), ('warning_candidate', 22);

create temporary table citus_fk (t text, name text, def text) on commit drop;

do $$
declare
  r record;
  cols text;
begin
  -- 1. foreign keys: remember them, drop them all
  for r in select c.conrelid::regclass::text as t, c.conname as name, pg_get_constraintdef(c.oid) as def,
                  c.confrelid::regclass::text as ref
           from pg_constraint c join pg_namespace n on n.oid = c.connamespace
           where c.contype = 'f' and n.nspname = 'public' loop
    if not exists (select 1 from citus_distributed d where d.t in (r.t, r.ref)) then
      insert into citus_fk values (r.t, r.name, r.def);
    end if;
    execute format('alter table %I drop constraint %I', r.t, r.name);
  end loop;

  -- 2. keys of the distributed tables: the region key appended
  for r in select d.t, c.conname as name, c.contype,
                  (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
                     from unnest(c.conkey) with ordinality k(attnum, ord)
                     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as cols
           from citus_distributed d
           join pg_constraint c on c.conrelid = d.t::regclass and c.contype in ('p', 'u')
           where not exists (select 1 from unnest(c.conkey) k(attnum) join pg_attribute a
                               on a.attrelid = c.conrelid and a.attnum = k.attnum where a.attname = 'region_org_id') loop
    execute format('alter table %I drop constraint %I', r.t, r.name);
    execute format('alter table %I add constraint %I %s (%s, region_org_id)', r.t, r.name,
                   case r.contype when 'p' then 'primary key' else 'unique' end, r.cols);
  end loop;
  for r in select d.t, i.indexname as name, i.indexdef as def
           from citus_distributed d join pg_indexes i on i.schemaname = 'public' and i.tablename = d.t
           where i.indexdef like 'CREATE UNIQUE INDEX%' and i.indexdef not like '%region_org_id%'
             and not exists (select 1 from pg_constraint c where c.conname = i.indexname) loop
    execute format('drop index %I', r.name);
    execute regexp_replace(r.def, 'USING (\w+) \(([^)]*)\)', 'USING \1 (\2, region_org_id)');
  end loop;

  -- 3. distributed tables, co-located with the roster
  perform create_distributed_table('member_member', 'region_org_id');
  for r in select t from citus_distributed where ord > 0 order by ord loop
    perform create_distributed_table(r.t::regclass, 'region_org_id', colocate_with => 'member_member');
  end loop;

  -- 4. everything else: reference tables, except the coordinator's own bookkeeping, never joined with business
  --    tables, which stays in plain local tables of the coordinator: Flyway's history, ShedLock (its upsert uses
  --    now(), which Citus refuses in a distributed ON CONFLICT … DO UPDATE), page sessions, the event publication
  --    registry, job runs and the audit trail with its chain head (written by every request, read by the auditor)
  for r in select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'
             and c.relname not in ('flyway_schema_history', 'shedlock', 'spring_session', 'spring_session_attributes',
                                   'event_publication', 'event_publication_archive', 'job_run', 'audit_event',
                                   'audit_event_archive', 'audit_chain_head')
             and c.relname not in (select t from citus_distributed)
             and not exists (select 1 from pg_dist_partition p where p.logicalrelid = c.oid)
           order by c.relname loop
    perform create_reference_table(r.t::regclass);
  end loop;

  -- 5. foreign keys between the coordinator's local tables again (spring_session_attributes → spring_session); those
  --    between reference tables stay dropped: with one, a transaction that touched a distributed table in parallel
  --    could no longer write the reference table ("cannot modify table … because there was a parallel operation")
  for r in select f.* from citus_fk f where not exists (select 1 from pg_dist_partition p where p.logicalrelid = f.t::regclass) loop
    execute format('alter table %I add constraint %I %s', r.t, r.name, r.def);
  end loop;

  -- joins of distributed tables on other columns than the region key (selects only) are repartitioned by Citus
  execute format('alter database %I set citus.enable_repartition_joins = on', current_database());
end $$;
