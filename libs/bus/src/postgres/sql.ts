/**
 * DDL of one postgres bus (one schema). Principals get no table privileges: every
 * access goes through the SECURITY DEFINER `bus_*` functions below, which check
 * `session_user` (the principal's login role) against the acl table. Refusals are
 * returned as a status row, not raised, so the denial row they insert commits.
 */

/** PostgreSQL identifiers we create (schemas, login roles): lowercase, no quoting surprises. */
export const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(kind: string, name: string): void {
  if (!PG_IDENTIFIER.test(name)) throw new Error(`invalid ${kind} name ${JSON.stringify(name)}: expected ${String(PG_IDENTIFIER)}`);
}

/** The functions principals may execute (everything else in the schema is owner-only). */
export const BUS_API_FUNCTIONS = [
  'bus_ensure_topic(text, integer)',
  'bus_publish(text, integer[], bytea[], bytea[], integer[], bytea[], bytea[])',
  'bus_authorize_read(text[])',
  'bus_heartbeat(text, text, text[], integer)',
  'bus_acquire(text, text, integer, boolean)',
  'bus_release(text, text, integer)',
  'bus_fetch(text, text, integer, bigint, integer)',
  'bus_commit(text, text, integer, bigint)',
  'bus_leave(text, text)',
  'bus_grant(text, text, text)',
  'bus_revoke(text, text, text)',
] as const;

/** Upper bound of one fetch, whatever the client asks for. */
export const SERVER_MAX_FETCH = 500;

const TOPIC_RE = '^[a-z0-9][a-z0-9._-]{0,199}$';
const PATTERN_RE = '^[a-z0-9][a-z0-9._-]{0,199}[*]?$';

/** Statements creating or updating the bus in `schema`; each is idempotent. */
export function busSchemaStatements(schema: string): string[] {
  assertIdentifier('schema', schema);
  const s = `"${schema}"`;
  const definer = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;
  const denied = (op: string, topic: string, what: string): string =>
    `PERFORM ${s}.record_denial(${op}, ${topic}, 'BUS_ACL_DENIED', format('principal %s has no %s grant on %s', session_user, ${op}, ${what}));`;
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`,
    `CREATE TABLE IF NOT EXISTS ${s}.config (
       id boolean PRIMARY KEY DEFAULT true CHECK (id),
       max_message_bytes integer NOT NULL CHECK (max_message_bytes > 0),
       default_partitions integer NOT NULL CHECK (default_partitions BETWEEN 1 AND 256))`,
    `CREATE TABLE IF NOT EXISTS ${s}.topics (
       name text PRIMARY KEY CHECK (name ~ '${TOPIC_RE}'),
       partitions integer NOT NULL CHECK (partitions BETWEEN 1 AND 256),
       created_at timestamptz NOT NULL DEFAULT now())`,
    // One row per partition: its next offset. Publishers lock it until commit, so a
    // partition's offsets become visible in order and readers never skip a late commit.
    `CREATE TABLE IF NOT EXISTS ${s}.partition_heads (
       topic text NOT NULL REFERENCES ${s}.topics(name),
       partition integer NOT NULL,
       next_offset bigint NOT NULL DEFAULT 0,
       PRIMARY KEY (topic, partition))`,
    // Headers as two parallel bytea arrays: byte-exact (jsonb would refuse NUL and reorder keys).
    `CREATE TABLE IF NOT EXISTS ${s}.records (
       topic text NOT NULL,
       partition integer NOT NULL,
       "offset" bigint NOT NULL,
       key bytea NOT NULL,
       header_names bytea[] NOT NULL,
       header_values bytea[] NOT NULL,
       value bytea NOT NULL,
       created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       PRIMARY KEY (topic, partition, "offset"))`,
    // Groups are per principal: one principal cannot move another's offsets.
    `CREATE TABLE IF NOT EXISTS ${s}.group_offsets (
       principal text NOT NULL,
       group_id text NOT NULL,
       topic text NOT NULL,
       partition integer NOT NULL,
       committed bigint NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       PRIMARY KEY (principal, group_id, topic, partition))`,
    `CREATE TABLE IF NOT EXISTS ${s}.group_members (
       principal text NOT NULL,
       group_id text NOT NULL,
       member_id text NOT NULL,
       topics text[] NOT NULL,
       backend_pid integer NOT NULL,
       heartbeat_at timestamptz NOT NULL,
       PRIMARY KEY (principal, group_id, member_id))`,
    // source: 'provisioned' rows are replaced by provisioning; 'granted' (bus_grant) and 'admin' rows survive it.
    `CREATE TABLE IF NOT EXISTS ${s}.acl (
       principal text NOT NULL,
       operation text NOT NULL CHECK (operation IN ('read', 'write', 'grant')),
       topic_pattern text NOT NULL CHECK (topic_pattern ~ '${PATTERN_RE}'),
       source text NOT NULL DEFAULT 'admin' CHECK (source IN ('provisioned', 'admin', 'granted')),
       granted_by text NOT NULL DEFAULT session_user,
       granted_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (principal, operation, topic_pattern))`,
    `CREATE TABLE IF NOT EXISTS ${s}.denials (
       id bigserial PRIMARY KEY,
       principal text NOT NULL,
       operation text NOT NULL,
       topic text NOT NULL,
       reason_code text NOT NULL,
       detail text NOT NULL,
       at timestamptz NOT NULL DEFAULT clock_timestamp())`,

    // ---- internal helpers (owner only) ----
    `CREATE OR REPLACE FUNCTION ${s}.acl_allows(p_principal text, p_operation text, p_topic text) RETURNS boolean
     LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
       SELECT EXISTS (
         SELECT 1 FROM ${s}.acl a
         WHERE a.principal = p_principal AND a.operation = p_operation
           AND CASE WHEN right(a.topic_pattern, 1) = '*' THEN starts_with(p_topic, left(a.topic_pattern, -1))
                    ELSE a.topic_pattern = p_topic END)
     $$`,
    `CREATE OR REPLACE FUNCTION ${s}.pattern_covers(p_outer text, p_inner text) RETURNS boolean
     LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
       SELECT CASE WHEN right(p_outer, 1) = '*' THEN starts_with(p_inner, left(p_outer, -1)) ELSE p_outer = p_inner END
     $$`,
    `CREATE OR REPLACE FUNCTION ${s}.record_denial(p_operation text, p_topic text, p_code text, p_detail text) RETURNS void
     LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
       INSERT INTO ${s}.denials (principal, operation, topic, reason_code, detail) VALUES (session_user, p_operation, p_topic, p_code, p_detail)
     $$`,
    // 60 bits of md5 over (schema, principal, group, topic, partition): non-negative, so
    // pg_locks shows it as classid = key >> 32, objid = low 32 bits, objsubid = 1.
    `CREATE OR REPLACE FUNCTION ${s}.lock_key(p_group text, p_topic text, p_partition integer) RETURNS bigint
     LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
       SELECT ('x' || substr(md5(concat_ws('/', '${schema}', session_user::text, p_group, p_topic, p_partition::text)), 1, 15))::bit(60)::bigint
     $$`,
    `CREATE OR REPLACE FUNCTION ${s}.holds_lock(p_key bigint) RETURNS boolean
     LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
       SELECT EXISTS (
         SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.pid = pg_backend_pid() AND l.granted AND l.objsubid = 1
           AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
           AND l.classid::bigint = (p_key >> 32) AND l.objid::bigint = (p_key & 4294967295))
     $$`,

    // ---- API (SECURITY DEFINER, EXECUTE granted to principals) ----
    `CREATE OR REPLACE FUNCTION ${s}.bus_ensure_topic(p_topic text, p_partitions integer)
     RETURNS TABLE (r_status text, r_partitions integer) ${definer} AS $$
     DECLARE v_parts integer;
     BEGIN
       IF p_topic IS NULL OR p_topic !~ '${TOPIC_RE}' THEN
         RAISE EXCEPTION 'invalid topic name %', p_topic USING ERRCODE = '22023';
       END IF;
       IF NOT (${s}.acl_allows(session_user, 'write', p_topic) OR ${s}.acl_allows(session_user, 'read', p_topic)) THEN
         ${denied(`'write'`, 'p_topic', 'p_topic')}
         RETURN QUERY SELECT 'denied'::text, NULL::integer;
         RETURN;
       END IF;
       SELECT coalesce(p_partitions, c.default_partitions) INTO v_parts FROM ${s}.config c;
       IF v_parts IS NULL OR v_parts < 1 OR v_parts > 256 THEN
         RAISE EXCEPTION 'invalid partition count %', v_parts USING ERRCODE = '22023';
       END IF;
       INSERT INTO ${s}.topics (name, partitions) VALUES (p_topic, v_parts) ON CONFLICT (name) DO NOTHING;
       INSERT INTO ${s}.partition_heads (topic, partition)
         SELECT t.name, g.p FROM ${s}.topics t CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS g(p)
         WHERE t.name = p_topic
         ON CONFLICT DO NOTHING;
       RETURN QUERY SELECT 'ok'::text, t.partitions FROM ${s}.topics t WHERE t.name = p_topic;
     END $$`,

    // Statuses: ok (one row per record, input order), denied, too_large (r_partition = record index), unknown_topic.
    `CREATE OR REPLACE FUNCTION ${s}.bus_publish(p_topic text, p_partitions integer[], p_keys bytea[], p_values bytea[],
                                                 p_hdr_rec integer[], p_hdr_names bytea[], p_hdr_values bytea[])
     RETURNS TABLE (r_status text, r_partition integer, r_offset bigint, r_size bigint) ${definer} AS $$
     DECLARE
       v_n integer := coalesce(cardinality(p_keys), 0);
       v_parts integer;
       v_max integer;
       v_bad record;
     BEGIN
       IF v_n <> coalesce(cardinality(p_values), 0) OR v_n <> coalesce(cardinality(p_partitions), 0)
          OR coalesce(cardinality(p_hdr_rec), 0) <> coalesce(cardinality(p_hdr_names), 0)
          OR coalesce(cardinality(p_hdr_rec), 0) <> coalesce(cardinality(p_hdr_values), 0) THEN
         RAISE EXCEPTION 'bus_publish: argument arrays differ in length' USING ERRCODE = '22023';
       END IF;
       IF NOT ${s}.acl_allows(session_user, 'write', p_topic) THEN
         ${denied(`'write'`, 'p_topic', 'p_topic')}
         RETURN QUERY SELECT 'denied'::text, NULL::integer, NULL::bigint, NULL::bigint;
         RETURN;
       END IF;
       SELECT t.partitions INTO v_parts FROM ${s}.topics t WHERE t.name = p_topic;
       IF v_parts IS NULL THEN
         RETURN QUERY SELECT 'unknown_topic'::text, NULL::integer, NULL::bigint, NULL::bigint;
         RETURN;
       END IF;
       IF EXISTS (SELECT 1 FROM unnest(p_partitions) AS x(p) WHERE x.p IS NULL OR x.p < 0 OR x.p >= v_parts) THEN
         RAISE EXCEPTION 'bus_publish: partition out of range for topic % (% partitions)', p_topic, v_parts USING ERRCODE = '22023';
       END IF;
       SELECT c.max_message_bytes INTO v_max FROM ${s}.config c;
       SELECT k.ord AS idx, octet_length(k.key)::bigint + octet_length(p_values[k.ord]) + coalesce(hs.size, 0) AS size INTO v_bad
         FROM unnest(p_keys) WITH ORDINALITY AS k(key, ord)
         LEFT JOIN (SELECT h.rec, sum(octet_length(h.name) + octet_length(h.val)) AS size
                      FROM unnest(p_hdr_rec, p_hdr_names, p_hdr_values) AS h(rec, name, val) GROUP BY h.rec) hs ON hs.rec = k.ord
         WHERE octet_length(k.key)::bigint + octet_length(p_values[k.ord]) + coalesce(hs.size, 0) > v_max
         ORDER BY k.ord LIMIT 1;
       IF FOUND THEN
         PERFORM ${s}.record_denial('write', p_topic, 'BUS_MESSAGE_TOO_LARGE',
           format('record %s of %s bytes exceeds the maximum of %s bytes', v_bad.idx, v_bad.size, v_max));
         RETURN QUERY SELECT 'too_large'::text, (v_bad.idx - 1)::integer, NULL::bigint, v_bad.size::bigint;
         RETURN;
       END IF;
       -- Lock the touched heads in partition order (no deadlock between concurrent
       -- batches); the locks are held to commit, so offsets commit in order.
       PERFORM 1 FROM ${s}.partition_heads h
         WHERE h.topic = p_topic AND h.partition IN (SELECT DISTINCT x.p FROM unnest(p_partitions) AS x(p))
         ORDER BY h.partition FOR UPDATE;
       RETURN QUERY
       WITH input AS (
         SELECT k.ord, p_partitions[k.ord] AS part, k.key, p_values[k.ord] AS val
         FROM unnest(p_keys) WITH ORDINALITY AS k(key, ord)
       ), hdrs AS (
         SELECT h.rec, array_agg(h.name ORDER BY h.o) AS names, array_agg(h.val ORDER BY h.o) AS vals
         FROM unnest(p_hdr_rec, p_hdr_names, p_hdr_values) WITH ORDINALITY AS h(rec, name, val, o)
         GROUP BY h.rec
       ), numbered AS (
         SELECT i.ord, i.part, i.key, i.val, hd.names, hd.vals,
                ph.next_offset + row_number() OVER (PARTITION BY i.part ORDER BY i.ord) - 1 AS off
         FROM input i
         JOIN ${s}.partition_heads ph ON ph.topic = p_topic AND ph.partition = i.part
         LEFT JOIN hdrs hd ON hd.rec = i.ord
       ), ins AS (
         INSERT INTO ${s}.records (topic, partition, "offset", key, header_names, header_values, value)
         SELECT p_topic, n.part, n.off, n.key, coalesce(n.names, '{}'), coalesce(n.vals, '{}'), n.val FROM numbered n
         RETURNING 1
       )
       SELECT 'ok'::text, n.part, n.off, NULL::bigint FROM numbered n ORDER BY n.ord;
       UPDATE ${s}.partition_heads h SET next_offset = h.next_offset + c.cnt
         FROM (SELECT x.p, count(*) AS cnt FROM unnest(p_partitions) AS x(p) GROUP BY x.p) c
         WHERE h.topic = p_topic AND h.partition = c.p;
       IF v_n > 0 THEN
         PERFORM pg_notify('${schema}', p_topic);
       END IF;
     END $$`,

    // Returns the topics the caller may not read (each refusal recorded).
    `CREATE OR REPLACE FUNCTION ${s}.bus_authorize_read(p_topics text[])
     RETURNS TABLE (r_topic text) ${definer} AS $$
     DECLARE v_topic text;
     BEGIN
       FOREACH v_topic IN ARRAY p_topics LOOP
         IF NOT ${s}.acl_allows(session_user, 'read', v_topic) THEN
           ${denied(`'read'`, 'v_topic', 'v_topic')}
           r_topic := v_topic;
           RETURN NEXT;
         END IF;
       END LOOP;
     END $$`,

    // Keeps the member alive, drops dead members (heartbeat too old or backend gone),
    // and returns this member's partitions: partition p of a topic goes to the
    // (p mod n)-th live member (by id) among the n members subscribed to that topic.
    `CREATE OR REPLACE FUNCTION ${s}.bus_heartbeat(p_group text, p_member text, p_topics text[], p_session_timeout_ms integer)
     RETURNS TABLE (r_topic text, r_partition integer) ${definer} AS $$
     BEGIN
       INSERT INTO ${s}.group_members (principal, group_id, member_id, topics, backend_pid, heartbeat_at)
       VALUES (session_user, p_group, p_member, p_topics, pg_backend_pid(), clock_timestamp())
       ON CONFLICT (principal, group_id, member_id) DO UPDATE
         SET topics = EXCLUDED.topics, backend_pid = EXCLUDED.backend_pid, heartbeat_at = EXCLUDED.heartbeat_at;
       DELETE FROM ${s}.group_members m
         WHERE m.principal = session_user AND m.group_id = p_group AND m.member_id <> p_member
           AND (m.heartbeat_at < clock_timestamp() - make_interval(secs => p_session_timeout_ms / 1000.0)
                OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = m.backend_pid));
       RETURN QUERY
       WITH subs AS (
         SELECT gm.member_id, unnest(gm.topics) AS topic FROM ${s}.group_members gm
         WHERE gm.principal = session_user AND gm.group_id = p_group
       ), ranked AS (
         SELECT su.topic, su.member_id,
                row_number() OVER (PARTITION BY su.topic ORDER BY su.member_id COLLATE "C") - 1 AS idx,
                count(*) OVER (PARTITION BY su.topic) AS n
         FROM (SELECT DISTINCT x.topic, x.member_id FROM subs x) su
       )
       SELECT t.name, g.p
       FROM ranked r
       JOIN ${s}.topics t ON t.name = r.topic
       CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS g(p)
       WHERE r.member_id = p_member AND g.p % r.n = r.idx AND ${s}.acl_allows(session_user, 'read', t.name)
       ORDER BY 1, 2;
     END $$`,

    // Takes the partition's session-level advisory lock for this group on the
    // caller's connection: only the lock holder fetches and commits, and a crashed
    // member's locks vanish with its connection. Statuses: ok, busy, denied, unknown_partition.
    `CREATE OR REPLACE FUNCTION ${s}.bus_acquire(p_group text, p_topic text, p_partition integer, p_from_beginning boolean)
     RETURNS TABLE (r_status text, r_committed bigint) ${definer} AS $$
     DECLARE
       v_key bigint := ${s}.lock_key(p_group, p_topic, p_partition);
       v_committed bigint;
     BEGIN
       IF NOT ${s}.acl_allows(session_user, 'read', p_topic) THEN
         ${denied(`'read'`, 'p_topic', 'p_topic')}
         RETURN QUERY SELECT 'denied'::text, NULL::bigint;
         RETURN;
       END IF;
       IF NOT pg_try_advisory_lock(v_key) THEN
         RETURN QUERY SELECT 'busy'::text, NULL::bigint;
         RETURN;
       END IF;
       INSERT INTO ${s}.group_offsets (principal, group_id, topic, partition, committed)
         SELECT session_user, p_group, p_topic, p_partition, CASE WHEN p_from_beginning THEN -1 ELSE h.next_offset - 1 END
         FROM ${s}.partition_heads h WHERE h.topic = p_topic AND h.partition = p_partition
         ON CONFLICT DO NOTHING;
       SELECT o.committed INTO v_committed FROM ${s}.group_offsets o
         WHERE o.principal = session_user AND o.group_id = p_group AND o.topic = p_topic AND o.partition = p_partition;
       IF v_committed IS NULL THEN
         PERFORM pg_advisory_unlock(v_key);
         RETURN QUERY SELECT 'unknown_partition'::text, NULL::bigint;
         RETURN;
       END IF;
       RETURN QUERY SELECT 'ok'::text, v_committed;
     END $$`,

    `CREATE OR REPLACE FUNCTION ${s}.bus_release(p_group text, p_topic text, p_partition integer)
     RETURNS boolean ${definer} AS $$
     DECLARE v_released boolean;
     BEGIN
       v_released := pg_advisory_unlock(${s}.lock_key(p_group, p_topic, p_partition));
       -- Wake the members waiting for this partition.
       PERFORM pg_notify('${schema}', '*');
       RETURN v_released;
     END $$`,

    // Statuses: ok (zero or more record rows), denied, not_owner (one row, no record).
    `CREATE OR REPLACE FUNCTION ${s}.bus_fetch(p_group text, p_topic text, p_partition integer, p_after bigint, p_max integer)
     RETURNS TABLE (r_status text, r_offset bigint, r_key bytea, r_value bytea, r_header_names bytea[], r_header_values bytea[], r_created_ms bigint)
     ${definer} AS $$
     BEGIN
       IF NOT ${s}.acl_allows(session_user, 'read', p_topic) THEN
         ${denied(`'read'`, 'p_topic', 'p_topic')}
         RETURN QUERY SELECT 'denied'::text, NULL::bigint, NULL::bytea, NULL::bytea, NULL::bytea[], NULL::bytea[], NULL::bigint;
         RETURN;
       END IF;
       IF NOT ${s}.holds_lock(${s}.lock_key(p_group, p_topic, p_partition)) THEN
         RETURN QUERY SELECT 'not_owner'::text, NULL::bigint, NULL::bytea, NULL::bytea, NULL::bytea[], NULL::bytea[], NULL::bigint;
         RETURN;
       END IF;
       RETURN QUERY
       SELECT 'ok'::text, r."offset", r.key, r.value, r.header_names, r.header_values, (extract(epoch FROM r.created_at) * 1000)::bigint
       FROM ${s}.records r
       WHERE r.topic = p_topic AND r.partition = p_partition AND r."offset" > p_after
       ORDER BY r."offset"
       LIMIT least(greatest(p_max, 1), ${SERVER_MAX_FETCH});
     END $$`,

    // Only the lock holder commits: a member that lost its partition (crash, rebalance) cannot move the group.
    `CREATE OR REPLACE FUNCTION ${s}.bus_commit(p_group text, p_topic text, p_partition integer, p_offset bigint)
     RETURNS text ${definer} AS $$
     BEGIN
       IF NOT ${s}.holds_lock(${s}.lock_key(p_group, p_topic, p_partition)) THEN
         RETURN 'not_owner';
       END IF;
       UPDATE ${s}.group_offsets o SET committed = greatest(o.committed, p_offset), updated_at = clock_timestamp()
         WHERE o.principal = session_user AND o.group_id = p_group AND o.topic = p_topic AND o.partition = p_partition;
       RETURN 'ok';
     END $$`,

    `CREATE OR REPLACE FUNCTION ${s}.bus_leave(p_group text, p_member text)
     RETURNS void ${definer} AS $$
     BEGIN
       DELETE FROM ${s}.group_members m WHERE m.principal = session_user AND m.group_id = p_group AND m.member_id = p_member;
       PERFORM pg_notify('${schema}', '*');
     END $$`,

    // A principal holding 'grant' on pattern P may grant/revoke read or write on any
    // pattern P covers (no re-delegation of 'grant' itself). Statuses: ok, denied.
    `CREATE OR REPLACE FUNCTION ${s}.bus_grant(p_principal text, p_operation text, p_topic_pattern text)
     RETURNS text ${definer} AS $$
     BEGIN
       IF p_operation NOT IN ('read', 'write') OR p_topic_pattern !~ '${PATTERN_RE}' OR p_principal IS NULL THEN
         RAISE EXCEPTION 'bus_grant: invalid entry (%, %, %)', p_principal, p_operation, p_topic_pattern USING ERRCODE = '22023';
       END IF;
       IF NOT EXISTS (SELECT 1 FROM ${s}.acl a WHERE a.principal = session_user AND a.operation = 'grant'
                        AND ${s}.pattern_covers(a.topic_pattern, p_topic_pattern)) THEN
         ${denied(`'grant'`, 'p_topic_pattern', 'p_topic_pattern')}
         RETURN 'denied';
       END IF;
       INSERT INTO ${s}.acl (principal, operation, topic_pattern, source, granted_by)
         VALUES (p_principal, p_operation, p_topic_pattern, 'granted', session_user)
         ON CONFLICT DO NOTHING;
       RETURN 'ok';
     END $$`,

    `CREATE OR REPLACE FUNCTION ${s}.bus_revoke(p_principal text, p_operation text, p_topic_pattern text)
     RETURNS text ${definer} AS $$
     BEGIN
       IF p_operation NOT IN ('read', 'write') OR p_topic_pattern !~ '${PATTERN_RE}' OR p_principal IS NULL THEN
         RAISE EXCEPTION 'bus_revoke: invalid entry (%, %, %)', p_principal, p_operation, p_topic_pattern USING ERRCODE = '22023';
       END IF;
       IF NOT EXISTS (SELECT 1 FROM ${s}.acl a WHERE a.principal = session_user AND a.operation = 'grant'
                        AND ${s}.pattern_covers(a.topic_pattern, p_topic_pattern)) THEN
         ${denied(`'grant'`, 'p_topic_pattern', 'p_topic_pattern')}
         RETURN 'denied';
       END IF;
       DELETE FROM ${s}.acl a WHERE a.principal = p_principal AND a.operation = p_operation AND a.topic_pattern = p_topic_pattern;
       RETURN 'ok';
     END $$`,

    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM PUBLIC`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM PUBLIC`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${s} FROM PUBLIC`,
  ];
}
