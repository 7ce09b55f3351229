/* tickets/staff.c - staff members, PIN sign-in and lock-out.
 *
 * A PIN is stored as PBKDF2-HMAC-SHA256 over a random 16-byte salt, with the iteration
 * count kept per row so it can be raised later. A 4-6 digit PIN falls to an offline
 * search whatever the hash; what protects it at the counter is the lock-out, and the hash
 * keeps the PIN itself out of the file. Comparison is constant-time (CRYPTO_memcmp).
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "tickets/tickets_private.h"

#define SALT_LEN 16
#define HASH_LEN 32
#define DEFAULT_ITERATIONS 200000

static long setting_long(rb_ticket_store *s, const char *key, long fallback, long min, long max)
{
    const char *v = rb_context_setting(s->ctx, key, NULL);
    if (!v || !*v)
        return fallback;
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (*end || n < min || n > max)
        return fallback;
    return n;
}

static rb_status check_pin(rb_ticket_store *s, const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < 4 || n > 12)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "a PIN has 4 to 12 digits");
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return rb__tk_err(s, RB_ERR_INVALID_ARG, "a PIN has digits only");
    return RB_OK;
}

static rb_status check_name(rb_ticket_store *s, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 64)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "a staff name has 1 to 64 characters");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return rb__tk_err(s, RB_ERR_INVALID_ARG, "a staff name has no control characters");
    return RB_OK;
}

static int derive(const char *pin, const unsigned char *salt, int iterations,
                  unsigned char out[HASH_LEN])
{
    return PKCS5_PBKDF2_HMAC(pin, (int)strlen(pin), salt, SALT_LEN, iterations, EVP_sha256(),
                             HASH_LEN, out) == 1;
}

/* Binds salt, hash and iterations for a new PIN to parameters first..first+2. */
static rb_status hash_new_pin(rb_ticket_store *s, const char *pin, sqlite3_stmt *st, int first,
                              unsigned char salt[SALT_LEN], unsigned char hash[HASH_LEN])
{
    int iters = (int)setting_long(s, "tickets.pin_iterations", DEFAULT_ITERATIONS, 1000, 10000000);
    if (RAND_bytes(salt, SALT_LEN) != 1 || !derive(pin, salt, iters, hash))
        return rb__tk_err(s, RB_ERR_GENERIC, "cannot hash the PIN (OpenSSL)");
    sqlite3_bind_blob(st, first, salt, SALT_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, first + 1, hash, HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, first + 2, iters);
    return RB_OK;
}

static rb_status require_admin(rb_ticket_store *s)
{
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK && !s->staff_admin)
        st = rb__tk_err(s, RB_ERR_PERMISSION, "only an administrator may manage staff");
    return st;
}

rb_status rb_ticket_staff_add(rb_ticket_store *s, const char *name, const char *pin, int is_admin)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    rb_status st = check_name(s, name);
    if (st == RB_OK)
        st = check_pin(s, pin);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT count(*) FROM staff");
    int existing = q && sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    if (existing < 0)
        return rb__tk_end(s, rb__tk_dberr(s, "staff"));
    if (existing == 0)
        is_admin = 1; /* the first member sets the shop up */
    else if ((st = require_admin(s)) != RB_OK)
        return rb__tk_end(s, st);
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *ins = rb__tk_prepare(s,
        "INSERT INTO staff(name, is_admin, pin_salt, pin_hash, pin_iterations, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    unsigned char salt[SALT_LEN], hash[HASH_LEN];
    if (!ins)
        return rb__tk_end(s, rb__errs_status(s->err));
    sqlite3_bind_text(ins, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 2, is_admin ? 1 : 0);
    sqlite3_bind_text(ins, 6, now, -1, SQLITE_STATIC);
    st = hash_new_pin(s, pin, ins, 3, salt, hash);
    if (st == RB_OK) {
        int rc = sqlite3_step(ins);
        if (rc == SQLITE_CONSTRAINT || sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
            st = rb__tk_err(s, RB_ERR_CONFLICT, "a staff member with that name exists");
        else if (rc != SQLITE_DONE)
            st = rb__tk_dberr(s, "add staff");
    }
    sqlite3_finalize(ins);
    OPENSSL_cleanse(hash, sizeof hash);
    return rb__tk_end(s, st);
}

/* Every write of a sign-in is checked: an attempt that cannot be recorded, or a wrong PIN
 * that cannot be counted, must not leave a way to guess without limit. */
static rb_status log_attempt(rb_ticket_store *s, const char *name, const char *result)
{
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *ins = rb__tk_prepare(s, "INSERT INTO sign_ins(at, name, result) VALUES (?, ?, ?)");
    if (!ins)
        return rb__errs_status(s->err);
    sqlite3_bind_text(ins, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, result, -1, SQLITE_STATIC);
    rb_status st = sqlite3_step(ins) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "record the sign-in");
    sqlite3_finalize(ins);
    return st;
}

static rb_status set_counters(rb_ticket_store *s, int64_t id, int failed, int64_t until,
                              const char *signed_in_at)
{
    sqlite3_stmt *u = rb__tk_prepare(s, signed_in_at
        ? "UPDATE staff SET failed_attempts = ?1, locked_until = ?2, last_sign_in = ?4"
          " WHERE id = ?3"
        : "UPDATE staff SET failed_attempts = ?1, locked_until = ?2 WHERE id = ?3");
    if (!u)
        return rb__errs_status(s->err);
    sqlite3_bind_int(u, 1, failed);
    sqlite3_bind_int64(u, 2, until);
    sqlite3_bind_int64(u, 3, id);
    if (signed_in_at)
        sqlite3_bind_text(u, 4, signed_in_at, -1, SQLITE_STATIC);
    rb_status st = RB_OK;
    if (sqlite3_step(u) != SQLITE_DONE)
        st = rb__tk_dberr(s, "count the attempt");
    else if (sqlite3_changes(s->db) != 1)
        st = rb__tk_err(s, RB_ERR_DB, "count the attempt: the staff row did not change");
    sqlite3_finalize(u);
    return st;
}

rb_status rb_ticket_store_sign_in(rb_ticket_store *s, const char *name, const char *pin)
{
    if (!s || !name || !pin)
        return RB_ERR_INVALID_ARG;
    rb_ticket_store_sign_out(s);
    char *clean = rb__tk_utf8_clean(name);
    if (!clean)
        return RB_ERR_NOMEM;
    if (strlen(clean) > 64)
        clean[64] = '\0';
    /* The whole check runs under the write lock, so that two counters guessing at once
     * cannot both slip past the failure count. */
    rb_status st = rb__tk_begin(s);
    if (st != RB_OK) {
        free(clean);
        return st;
    }
    long max = 0, secs = 0;
    if ((st = rb__tk_setting_long(s, "tickets.pin_max_failures", &max)) != RB_OK ||
        (st = rb__tk_setting_long(s, "tickets.pin_lockout_seconds", &secs)) != RB_OK) {
        free(clean);
        return rb__tk_end(s, st);
    }
    sqlite3_stmt *q = rb__tk_prepare(s,
        "SELECT id, name, is_admin, disabled, pin_salt, pin_hash, pin_iterations,"
        " failed_attempts, locked_until FROM staff WHERE name = ?");
    if (!q) {
        free(clean);
        return rb__tk_end(s, rb__errs_status(s->err));
    }
    sqlite3_bind_text(q, 1, clean, -1, SQLITE_STATIC);
    int64_t now = rb__tk_now();
    const char *result = "unknown_name";
    unsigned char hash[HASH_LEN];
    int64_t ok_id = 0;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0);
        int failed = sqlite3_column_int(q, 7);
        int64_t locked_until = sqlite3_column_int64(q, 8);
        if (sqlite3_column_int(q, 3)) {
            result = "disabled";
        } else if (locked_until > now) {
            result = "locked";
        } else if (sqlite3_column_bytes(q, 4) == SALT_LEN && sqlite3_column_bytes(q, 5) == HASH_LEN &&
                   derive(pin, sqlite3_column_blob(q, 4), sqlite3_column_int(q, 6), hash)) {
            int ok = CRYPTO_memcmp(hash, sqlite3_column_blob(q, 5), HASH_LEN) == 0;
            result = ok ? "ok" : "wrong_pin";
            OPENSSL_cleanse(hash, sizeof hash);
        } else {
            result = "wrong_pin";
        }
        if (strcmp(result, "ok") == 0) {
            char iso[32];
            rb__tk_now_iso(iso);
            st = set_counters(s, id, 0, 0, iso);
            ok_id = id;
            free(s->staff_name);
            s->staff_name = rb__tk_col(q, 1);
            s->staff_admin = sqlite3_column_int(q, 2);
            if (st == RB_OK && !s->staff_name)
                st = RB_ERR_NOMEM;
        } else if (strcmp(result, "wrong_pin") == 0) {
            failed++;
            int64_t until = 0;
            if (failed >= max) {
                until = now + secs;
                result = "wrong_pin_locked";
                failed = 0; /* a new series of attempts after the lock-out */
            }
            st = set_counters(s, id, failed, until, NULL);
        }
    } else if (rc != SQLITE_DONE) {
        st = rb__tk_dberr(s, "sign in");
    } else {
        /* Spend the same time on an unknown name, so timing does not reveal who exists. */
        long iters = 0;
        unsigned char salt[SALT_LEN] = {0};
        iters = setting_long(s, "tickets.pin_iterations", DEFAULT_ITERATIONS, 1000, 10000000);
        derive(pin, salt, (int)iters, hash);
    }
    sqlite3_finalize(q);
    if (st == RB_OK)
        st = log_attempt(s, clean, result);
    free(clean);
    if (st != RB_OK) {
        char why[RB__ERR_MSG];
        rb__errs_get(s->err, why, sizeof why);
        rb_ticket_store_sign_out(s);
        return rb__tk_err(s, rb__tk_end(s, st), "sign-in refused: the attempt could not be "
                          "recorded (%s)", why);
    }
    st = rb__tk_end(s, RB_OK);
    if (st != RB_OK) {
        rb_ticket_store_sign_out(s);
        return st;
    }
    if (ok_id) {
        s->staff_id = ok_id;
        return RB_OK;
    }
    if (strcmp(result, "locked") == 0 || strcmp(result, "wrong_pin_locked") == 0)
        return rb__tk_err(s, RB_ERR_LOCKED, "too many wrong PINs; try again later or ask an "
                      "administrator to unlock");
    if (strcmp(result, "disabled") == 0)
        return rb__tk_err(s, RB_ERR_AUTH, "this staff member is disabled");
    return rb__tk_err(s, RB_ERR_AUTH, "wrong name or PIN");
}

static rb_status admin_update(rb_ticket_store *s, const char *name, const char *sql,
                              const char *pin)
{
    if (!s || !name)
        return RB_ERR_INVALID_ARG;
    rb_status st = pin ? check_pin(s, pin) : RB_OK;
    if (st == RB_OK)
        st = require_admin(s);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    sqlite3_stmt *u = rb__tk_prepare(s, sql);
    unsigned char salt[SALT_LEN], hash[HASH_LEN];
    if (!u)
        return rb__tk_end(s, rb__errs_status(s->err));
    sqlite3_bind_text(u, 1, name, -1, SQLITE_STATIC);
    if (pin)
        st = hash_new_pin(s, pin, u, 2, salt, hash);
    if (st == RB_OK && sqlite3_step(u) != SQLITE_DONE)
        st = rb__tk_dberr(s, "staff");
    sqlite3_finalize(u);
    if (st == RB_OK && sqlite3_changes(s->db) == 0)
        st = rb__tk_err(s, RB_ERR_NOT_FOUND, "no staff member of that name");
    return rb__tk_end(s, st);
}

rb_status rb_ticket_staff_set_pin(rb_ticket_store *s, const char *name, const char *pin)
{
    if (!pin)
        return RB_ERR_INVALID_ARG;
    return admin_update(s, name, "UPDATE staff SET pin_salt = ?2, pin_hash = ?3,"
                        " pin_iterations = ?4, failed_attempts = 0, locked_until = 0"
                        " WHERE name = ?1", pin);
}

rb_status rb_ticket_staff_unlock(rb_ticket_store *s, const char *name)
{
    return admin_update(s, name, "UPDATE staff SET failed_attempts = 0, locked_until = 0"
                        " WHERE name = ?1", NULL);
}

rb_status rb_ticket_staff_disable(rb_ticket_store *s, const char *name)
{
    return admin_update(s, name, "UPDATE staff SET disabled = 1 WHERE name = ?1", NULL);
}

rb_status rb_ticket_staff_list_get(rb_ticket_staff_list **out, rb_ticket_store *s)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT name, is_admin, disabled, failed_attempts,"
                                    " locked_until, created_at, last_sign_in FROM staff ORDER BY name");
    if (!q)
        return rb__errs_status(s->err);
    rb_ticket_staff_list *l = calloc(1, sizeof *l);
    rb_status st = l ? RB_OK : RB_ERR_NOMEM;
    int64_t now = rb__tk_now();
    int rc = SQLITE_DONE;
    while (st == RB_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        rb_ticket_staff_info *grown = realloc(l->items, (l->count + 1) * sizeof *grown);
        if (!grown) {
            st = RB_ERR_NOMEM;
            break;
        }
        l->items = grown;
        rb_ticket_staff_info *i = &l->items[l->count++];
        memset(i, 0, sizeof *i);
        i->name = rb__tk_col(q, 0);
        i->is_admin = sqlite3_column_int(q, 1);
        i->disabled = sqlite3_column_int(q, 2);
        i->failed_attempts = sqlite3_column_int(q, 3);
        int64_t until = sqlite3_column_int64(q, 4);
        char iso[32] = "";
        if (until > now)
            rb__utc_iso8601(until, iso);
        i->locked_until = rb__strdup(iso);
        i->created_at = rb__tk_col(q, 5);
        i->last_sign_in = rb__tk_col(q, 6);
        if (!i->name || !i->locked_until || !i->created_at || !i->last_sign_in)
            st = RB_ERR_NOMEM;
    }
    if (st == RB_OK && rc != SQLITE_DONE)
        st = rb__tk_dberr(s, "staff list");
    sqlite3_finalize(q);
    if (st != RB_OK) {
        rb_ticket_staff_list_free(l);
        return st;
    }
    *out = l;
    return RB_OK;
}

void rb_ticket_staff_list_free(rb_ticket_staff_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].name);
        free(l->items[i].locked_until);
        free(l->items[i].created_at);
        free(l->items[i].last_sign_in);
    }
    free(l->items);
    free(l);
}
