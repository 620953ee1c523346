-- Issue 20: name search over a whole city from an index, on PostgreSQL only (H2 keeps the LIKE scan; this folder is
-- Flyway's {vendor} location, outside db/migration, so jOOQ's DDL code generation never reads it).
-- A Chinese name fragment is one or two characters — below pg_trgm's three — so the index holds each character and
-- each pair of adjacent characters of the name; a search for "王建" asks for the names holding the pair 王建 (GIN
-- array containment), then LIKE '%王建%' re-checks the few rows found.
create or replace function member_name_grams(full_name text) returns text[]
    language sql immutable strict parallel safe
    as $$
        select coalesce(array_agg(distinct substr(full_name, i, n)), '{}')
        from generate_series(1, char_length(full_name)) i, (values (1), (2)) g(n)
        where i + n - 1 <= char_length(full_name)
    $$;
create index member_member_name_grams_ix on member_member using gin (member_name_grams(name));
-- statistics of the indexed expression, so the planner sees how few names hold a pair
analyze member_member;
