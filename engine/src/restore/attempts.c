/* restore/attempts.c - the journal's record of tool runs and of backup verifications
 * (the rest of the journal is journal.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "restore/restore_private.h"

rb_status rb__rs_attempt_begin(struct rs_journal *jr, struct rs_job *job, const char *log_path,
                               int64_t *attempt_id)
{
    struct rs_job n = *job;
    n.attempts++;
    snprintf(n.log_path, sizeof n.log_path, "%s", log_path);
    char now[32], e[24];
    rb__rs_j_now_iso(now);
    rb__rs_j_ecid_text(e, job->ecid);
    pthread_mutex_lock(&jr->mu);
    rb_status st = rb__rs_j_exec(jr, "BEGIN IMMEDIATE");
    if (st == RB_OK)
        st = rb__rs_j_save_locked(jr, &n, now);
    if (st == RB_OK)
        st = rb__rs_j_run_locked(jr, attempt_id,
                                 "INSERT INTO attempts(job_id, n, ecid, started_at, started_ms,"
                                 " log_path, pid) VALUES(?,?,?,?,?,?,?)",
                                 "iittiti", job->id, (int64_t)n.attempts, e, now,
                                 rb__rs_j_wall_ms(), log_path, (int64_t)getpid());
    st = rb__rs_j_end_tx(jr, st);
    pthread_mutex_unlock(&jr->mu);
    if (st == RB_OK)
        *job = n;
    return st;
}

rb_status rb__rs_attempt_end(struct rs_journal *jr, int64_t attempt_id, int exit_code,
                             rb_restore_cause cause, const char *summary)
{
    return rb__rs_j_run(jr, "UPDATE attempts SET ended_ms=?, exit_code=?, cause=?, summary=?"
                            " WHERE id=?",
                        "iitti", rb__rs_j_wall_ms(), (int64_t)exit_code,
                        rb_restore_cause_name(cause), summary ? summary : "", attempt_id);
}

rb_status rb__rs_attempts_close_open(struct rs_journal *jr, int64_t job_id, const char *why)
{
    return rb__rs_j_run(jr, "UPDATE attempts SET ended_ms=?, cause='engine_restarted', summary=?"
                            " WHERE job_id=? AND ended_ms=0",
                        "iti", rb__rs_j_wall_ms(), why, job_id);
}

rb_status rb__rs_backup_record(struct rs_journal *jr, const char *path, const char *fingerprint,
                               const char *product_type, const char *target_version,
                               const char *verdict)
{
    return rb__rs_j_run(jr, "INSERT INTO backup_checks(path, fingerprint, product_type,"
                            " target_version, verdict, at) VALUES(?,?,?,?,?,?)",
                        "ttttti", path, fingerprint, product_type,
                        target_version, verdict, (int64_t)time(NULL));
}

int rb__rs_backup_recent(struct rs_journal *jr, const char *fingerprint, const char *product_type,
                         const char *target_version, int64_t max_age)
{
    sqlite3_stmt *q = NULL;
    int found = 0;
    pthread_mutex_lock(&jr->mu);
    if (sqlite3_prepare_v2(jr->db,
                           "SELECT verdict FROM backup_checks WHERE fingerprint=? AND"
                           " product_type=? AND target_version=? AND at >= ?"
                           " ORDER BY id DESC LIMIT 1",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, fingerprint, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, product_type, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 3, target_version, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 4, (int64_t)time(NULL) - max_age);
        if (sqlite3_step(q) == SQLITE_ROW) {
            const unsigned char *v = sqlite3_column_text(q, 0);
            found = v && strcmp((const char *)v, "restorable") == 0;
        }
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    return found;
}

rb_status rb__rs_attempt_set_pid(struct rs_journal *jr, int64_t attempt_id, int tool_pid)
{
    return rb__rs_j_run(jr, "UPDATE attempts SET tool_pid=? WHERE id=?", "ii", (int64_t)tool_pid,
                        attempt_id);
}
