/*
 * rescuebay/tickets.h - the counter's record of every device, customer and action.
 *
 * A ticket store is the SQLite file `tickets.db` in the data home (rb_context_home). It
 * holds tickets (customer, device identity, problem, status, resolution), an append-only
 * event log per ticket that the engine fills by itself (device detected, backup verified,
 * firmware fetched, restore steps, outcome...), and the staff who may change tickets.
 *
 * Who and when: every change records the signed-in staff member and a UTC ISO 8601 time
 * ("2026-11-23T18:44:25Z"). Creating, updating and closing tickets needs a signed-in
 * staff member (rb_ticket_store_sign_in); engine events may be appended without one and
 * are then recorded as done by "engine".
 *
 * Privacy: nothing in this API takes a password, and free text (fields, notes, event
 * summaries and details) that carries one ("password: ...", a JSON key named like a
 * password) is refused with RB_ERR_INVALID_ARG, so backup passwords never reach the file.
 * rb_ticket_erase_personal_data removes a customer's data but keeps the anonymised repair
 * record; `tickets.retention_days` in the settings makes rb_ticket_purge_expired do the
 * same for tickets closed longer ago than that.
 *
 * Text: every string is UTF-8; invalid sequences are stored as U+FFFD. A field may hold up
 * to RB_TICKET_FIELD_MAX bytes, an event detail RB_TICKET_DETAIL_MAX. Strings the engine returns are never NULL ("" if unset).
 *
 * Threading: a store handle is used by one thread at a time (the kiosk gives it one
 * worker thread; the sign-in state is per handle); open one handle per thread to work in
 * parallel. Several processes (the kiosk and the CLI) may open the same file; writers
 * wait for each other (busy timeout). The *_name / *_from_name / *_init functions are pure
 * and may be called from any thread. Errors follow the engine's one model (context.h,
 * "Errors"): the detail is on the store, read with rb_ticket_store_last_error on the
 * thread that made the call.
 */
#ifndef RESCUEBAY_TICKETS_H
#define RESCUEBAY_TICKETS_H

#include <stdio.h>

#include "common.h"
#include "context.h"
#include "device.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RB_TICKET_FIELD_MAX 65536
/* An event detail may be larger: it can carry a device's previous restore log. */
#define RB_TICKET_DETAIL_MAX (1024 * 1024)

typedef struct rb_ticket_store rb_ticket_store;

typedef enum rb_ticket_status {
    RB_TICKET_OPEN = 1,
    RB_TICKET_WAITING_FOR_CUSTOMER = 2,
    RB_TICKET_IN_PROGRESS = 3,
    RB_TICKET_DONE = 4,
    RB_TICKET_COLLECTED = 5
} rb_ticket_status;

/* Event types of the log. Stored by name, so values may only be appended. */
typedef enum rb_ticket_event_type {
    RB_TICKET_EVENT_CREATED = 1,
    RB_TICKET_EVENT_UPDATED = 2,
    RB_TICKET_EVENT_STATUS_CHANGED = 3,
    RB_TICKET_EVENT_NOTE = 4,
    RB_TICKET_EVENT_DEVICE_DETECTED = 5,
    RB_TICKET_EVENT_BACKUP_VERIFIED = 6,   /* summary: the verdict ("ok", "corrupt"...) */
    RB_TICKET_EVENT_FIRMWARE_FETCHED = 7,
    RB_TICKET_EVENT_RESTORE_STEP = 8,
    RB_TICKET_EVENT_INTERRUPTED = 9,
    RB_TICKET_EVENT_RESUMED = 10,
    RB_TICKET_EVENT_OUTCOME = 11,          /* summary: "success", "failed: ..." */
    RB_TICKET_EVENT_CONSENT_RECORDED = 12,
    RB_TICKET_EVENT_PREVIOUS_RESTORE_LOG = 13,
    RB_TICKET_EVENT_PERSONAL_DATA_ERASED = 14
} rb_ticket_event_type;

#define RB_TICKET_STORE_OPTIONS_VERSION 2
typedef struct rb_ticket_store_options {
    unsigned int version;      /* RB_TICKET_STORE_OPTIONS_VERSION (1 is still accepted) */
    const char *path;          /* NULL: tickets.db in the data home */
    int busy_timeout_ms;       /* 0: 10000; how long a writer waits for another, and the
                                * bound of an erase's wait for readers to let go */
    int read_only;             /* 1: never migrate or write */
    /* version 2 */
    int must_exist;            /* 1: RB_ERR_NOT_FOUND when there is no database yet, and
                                * no file is created (for commands that only read) */
} rb_ticket_store_options;
#define RB_TICKET_STORE_OPTIONS_INIT { RB_TICKET_STORE_OPTIONS_VERSION, NULL, 0, 0, 0 }
/* Fills opts with the defaults (as RB_TICKET_STORE_OPTIONS_INIT). */
RB_EXTERN rb_status rb_ticket_store_options_init(rb_ticket_store_options *opts,
                                                 unsigned int version);

/* Opens (creating or migrating) the store. Before a migration the file is copied to
 * "tickets.db.v<N>-<UTC time>.bak" next to it. The context must outlive the store. On
 * failure *out is still set when a handle could be made, so that its last error can be
 * read; free it either way. Refused, touching nothing:
 *   RB_ERR_NOT_FOUND  no database and opts->must_exist;
 *   RB_ERR_CORRUPT    a journal (tickets.db-wal) without its database (it may hold the
 *                     latest tickets: SQLite would discard it), or a database that fails
 *                     SQLite's quick_check.
 * A database or journal readable by others is made owner-only (0600) first. */
RB_EXTERN rb_status rb_ticket_store_open(rb_ticket_store **out, rb_context *ctx,
                                         const rb_ticket_store_options *opts);

/* Closes the store; NULL is a no-op. */
RB_EXTERN void rb_ticket_store_free(rb_ticket_store *store);

/* Detail of the calling thread's last failure on this store ("" if none). */
RB_EXTERN const char *rb_ticket_store_last_error(const rb_ticket_store *store);

/* Schema version of the open file, and the version this engine writes. */
RB_EXTERN int rb_ticket_store_schema_version(const rb_ticket_store *store);
RB_EXTERN int rb_ticket_schema_current(void);

/* ---- staff ---------------------------------------------------------------------- */

/* Adds a staff member with a PIN (4 to 12 digits). The very first staff member may be
 * added without signing in and is an administrator; after that an administrator must be
 * signed in. RB_ERR_CONFLICT if the name exists. */
RB_EXTERN rb_status rb_ticket_staff_add(rb_ticket_store *store, const char *name,
                                        const char *pin, int is_admin);

/* Signs in. RB_ERR_AUTH on a wrong PIN or unknown name, RB_ERR_LOCKED after
 * `tickets.pin_max_failures` (default 5) failures in a row, for
 * `tickets.pin_lockout_seconds` (default 300): both are database settings
 * (rb_ticket_setting_set), never read from rescuebay.conf. Every attempt is recorded;
 * when the record or the failure count cannot be written the sign-in fails (RB_ERR_DB,
 * RB_ERR_IO...), even with the right PIN. */
RB_EXTERN rb_status rb_ticket_store_sign_in(rb_ticket_store *store, const char *name,
                                            const char *pin);
/* Forgets the signed-in member (changes then need a new sign-in). */
RB_EXTERN void rb_ticket_store_sign_out(rb_ticket_store *store);

/* Name of the signed-in staff member, or NULL. */
RB_EXTERN const char *rb_ticket_store_staff(const rb_ticket_store *store);

/* Administrator only: change a PIN, lift a lock-out, or disable a member. */
RB_EXTERN rb_status rb_ticket_staff_set_pin(rb_ticket_store *store, const char *name,
                                            const char *pin);
/* Lifts a lock-out (administrator only). */
RB_EXTERN rb_status rb_ticket_staff_unlock(rb_ticket_store *store, const char *name);
/* Disables a member: they can no longer sign in (administrator only). */
RB_EXTERN rb_status rb_ticket_staff_disable(rb_ticket_store *store, const char *name);

typedef struct rb_ticket_staff_info {
    char *name;
    int is_admin;
    int disabled;
    int failed_attempts;
    char *locked_until;        /* "" unless locked now */
    char *created_at;
    char *last_sign_in;
} rb_ticket_staff_info;

typedef struct rb_ticket_staff_list {
    size_t count;
    rb_ticket_staff_info *items;
} rb_ticket_staff_list;

/* Every staff member, by name, with lock-out state. Free with rb_ticket_staff_list_free. */
RB_EXTERN rb_status rb_ticket_staff_list_get(rb_ticket_staff_list **out, rb_ticket_store *store);
/* Releases a staff list; NULL is a no-op. */
RB_EXTERN void rb_ticket_staff_list_free(rb_ticket_staff_list *list);

/* ---- settings kept in the database ---------------------------------------------- */

/* The keys, by index from 0; NULL past the last ("tickets.pin_max_failures" 1..1000,
 * default 5; "tickets.pin_lockout_seconds" 1..2592000, default 300). */
RB_EXTERN const char *rb_ticket_setting_name(size_t index);
/* The value in force (the default if unset) as text; free with rb_free. */
RB_EXTERN rb_status rb_ticket_setting_get(char **out, rb_ticket_store *store, const char *key);
/* Sets a key (value NULL: back to the default). A signed-in administrator only
 * (RB_ERR_AUTH / RB_ERR_PERMISSION); RB_ERR_INVALID_ARG for an unknown key or a value
 * out of range. */
RB_EXTERN rb_status rb_ticket_setting_set(rb_ticket_store *store, const char *key,
                                          const char *value);

/* ---- tickets -------------------------------------------------------------------- */

/* Input for create and update. NULL members are left unchanged (on create: empty). */
#define RB_TICKET_FIELDS_VERSION 1
typedef struct rb_ticket_fields {
    unsigned int version;      /* RB_TICKET_FIELDS_VERSION */
    const char *customer_name;
    const char *customer_phone;
    const char *customer_email;
    const char *device_model;  /* "iPhone 11" */
    const char *product_type;  /* "iPhone12,1" */
    const char *serial;
    const char *ecid;          /* decimal or 0x-hex */
    const char *udid;
    const char *ios_version;
    const char *imei;
    const char *problem;
    const char *resolution;
    const char *assigned_staff;
    char ecid_text_[24];       /* storage for rb_ticket_fields_set_device */
} rb_ticket_fields;
#define RB_TICKET_FIELDS_INIT { RB_TICKET_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, \
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, {0} }
/* Fills fields with "nothing set" (as RB_TICKET_FIELDS_INIT). */
RB_EXTERN rb_status rb_ticket_fields_init(rb_ticket_fields *fields, unsigned int version);

/* Points the device members of `fields` at the values known in `info` (which must outlive
 * the fields); unknown (empty) values are left as they were. */
RB_EXTERN rb_status rb_ticket_fields_set_device(rb_ticket_fields *fields,
                                                const rb_device_info *info);

typedef struct rb_ticket {
    unsigned int version;
    int64_t id;
    char *number;              /* "RB-2026-00042": store prefix, year, sequence */
    rb_ticket_status status;
    char *customer_name, *customer_phone, *customer_email;
    char *device_model, *product_type, *serial, *ecid, *udid, *ios_version, *imei;
    char *problem, *resolution, *assigned_staff;
    char *created_at, *created_by, *updated_at, *updated_by;
    char *closed_at;           /* "" while not done/collected */
    char *erased_at;           /* "" unless the personal data was erased */
} rb_ticket;

typedef struct rb_ticket_list {
    size_t count;
    rb_ticket **items;
} rb_ticket_list;

/* Creates a ticket (status open); *number_out (may be NULL) gets its number, free with
 * rb_free. The number is allocated inside the same transaction: once this returns RB_OK
 * the ticket is on disk. */
RB_EXTERN rb_status rb_ticket_create(char **number_out, rb_ticket_store *store,
                                     const rb_ticket_fields *fields);
/* Changes the non-NULL fields; logs the names (not values) of those that changed. */
RB_EXTERN rb_status rb_ticket_update(rb_ticket_store *store, const char *number,
                                     const rb_ticket_fields *fields);
/* Moves the ticket to `status` (logged as status_changed), with an optional note. */
RB_EXTERN rb_status rb_ticket_set_status(rb_ticket_store *store, const char *number,
                                         rb_ticket_status status, const char *note);
/* Sets the resolution and the status (RB_TICKET_DONE or RB_TICKET_COLLECTED). */
RB_EXTERN rb_status rb_ticket_close(rb_ticket_store *store, const char *number,
                                    const char *resolution, rb_ticket_status status);

/* Reads one ticket by number (case-insensitive). RB_ERR_NOT_FOUND if there is none.
 * Free with rb_ticket_free. */
RB_EXTERN rb_status rb_ticket_get(rb_ticket **out, rb_ticket_store *store, const char *number);
/* Releases a ticket; NULL is a no-op. */
RB_EXTERN void rb_ticket_free(rb_ticket *ticket);
/* Releases a list and its tickets; NULL is a no-op. */
RB_EXTERN void rb_ticket_list_free(rb_ticket_list *list);

/* The newest ticket not yet collected for a device (ECID, UDID or serial), for the
 * engine's jobs to log against. RB_ERR_NOT_FOUND if none. Free *number_out with rb_free. */
RB_EXTERN rb_status rb_ticket_find_for_device(char **number_out, rb_ticket_store *store,
                                              const char *device_id);

typedef enum rb_ticket_search_field {
    RB_TICKET_SEARCH_ANY = 0,      /* number, else free text over every field */
    RB_TICKET_SEARCH_NUMBER = 1,
    RB_TICKET_SEARCH_CUSTOMER = 2, /* name or e-mail */
    RB_TICKET_SEARCH_PHONE = 3,    /* digits only; matches the end of stored numbers */
    RB_TICKET_SEARCH_SERIAL = 4,
    RB_TICKET_SEARCH_IMEI = 5,
    RB_TICKET_SEARCH_TEXT = 6      /* FTS5 over all text, notes included */
} rb_ticket_search_field;

#define RB_TICKET_QUERY_VERSION 1
typedef struct rb_ticket_query {
    unsigned int version;          /* RB_TICKET_QUERY_VERSION */
    rb_ticket_search_field field;
    const char *text;              /* NULL or "": no search, list by filter */
    int status;                    /* 0: any, else an rb_ticket_status */
    int active_only;               /* 1: not collected */
    size_t limit;                  /* 0: 100; newest first */
    size_t offset;
} rb_ticket_query;
#define RB_TICKET_QUERY_INIT { RB_TICKET_QUERY_VERSION, RB_TICKET_SEARCH_ANY, NULL, 0, 0, 0, 0 }
/* Fills query with "every ticket, newest first" (as RB_TICKET_QUERY_INIT). */
RB_EXTERN rb_status rb_ticket_query_init(rb_ticket_query *query, unsigned int version);

/* Lists or searches tickets (see rb_ticket_search_field); query NULL lists the newest.
 * RB_ERR_INVALID_ARG for a phone search of fewer than 4 digits or an empty text search.
 * Free with rb_ticket_list_free. */
RB_EXTERN rb_status rb_ticket_search(rb_ticket_list **out, rb_ticket_store *store,
                                     const rb_ticket_query *query);

/* ---- event log ------------------------------------------------------------------ */

typedef struct rb_ticket_event {
    int64_t id;
    char *at;
    rb_ticket_event_type type;
    char *actor;
    char *summary;
    char *detail;              /* JSON text or "" */
    int redacted;              /* 1: summary/detail removed by a personal-data erase */
} rb_ticket_event;

typedef struct rb_ticket_event_list {
    size_t count;
    rb_ticket_event *items;
} rb_ticket_event_list;

/* Appends to the log (never edits it). detail is NULL or a JSON object. */
RB_EXTERN rb_status rb_ticket_event_append(rb_ticket_store *store, const char *number,
                                           rb_ticket_event_type type, const char *summary,
                                           const char *detail_json);
/* The whole log of a ticket, oldest first. Free with rb_ticket_event_list_free. */
RB_EXTERN rb_status rb_ticket_events_get(rb_ticket_event_list **out, rb_ticket_store *store,
                                         const char *number);
/* Releases an event list; NULL is a no-op. */
RB_EXTERN void rb_ticket_event_list_free(rb_ticket_event_list *list);

/* "open", "waiting_for_customer"...; "device_detected", "backup_verified"... and back.
 * The parsers return 0 for an unknown name. */
RB_EXTERN const char *rb_ticket_status_name(rb_ticket_status status);
RB_EXTERN rb_ticket_status rb_ticket_status_from_name(const char *name);
RB_EXTERN const char *rb_ticket_event_type_name(rb_ticket_event_type type);
RB_EXTERN rb_ticket_event_type rb_ticket_event_type_from_name(const char *name);

/* ---- export and receipt --------------------------------------------------------- */

typedef enum rb_ticket_export_format {
    RB_TICKET_EXPORT_CSV = 1,  /* RFC 4180; cells starting with = + - @ get a ' */
    RB_TICKET_EXPORT_JSON = 2  /* an array of rb_ticket_json objects, with their events */
} rb_ticket_export_format;

/* rb_ticket_json flag: add the ticket's "events". */
#define RB_TICKET_JSON_EVENTS 0x1u

/* One ticket as a JSON object text: the one shape of a ticket in every JSON output (the
 * CLI's list, search and show, and each element of a JSON export). Its fields as strings
 * ("" when unset): number status created_at created_by updated_at updated_by closed_at
 * customer_name customer_phone customer_email device_model product_type serial imei
 * ecid udid ios_version problem resolution assigned_staff erased_at; with
 * RB_TICKET_JSON_EVENTS also "events", oldest first: {"at", "type", "actor", "summary",
 * "detail" (the event's JSON object, or null), "redacted" (bool)}. `store` is needed
 * (and read) only for the events. Free *out with rb_free. */
RB_EXTERN rb_status rb_ticket_json(char **out, rb_ticket_store *store, const rb_ticket *ticket,
                                   unsigned int flags);

/* Writes the tickets the query selects (limit 0 here means all). All or nothing: the
 * export is made in memory and written to `out` only once complete, so a failure writes
 * nothing (never half a JSON array). For large exports prefer rb_ticket_export_file. */
RB_EXTERN rb_status rb_ticket_export(rb_ticket_store *store, FILE *out,
                                     rb_ticket_export_format format,
                                     const rb_ticket_query *query);
/* The same into the file `path`, all or nothing: written to a new owner-only (0600) file
 * next to it and renamed over `path` once complete and synced; on failure `path` is as
 * it was. A regular file at `path` is replaced; a symbolic link (never followed), a
 * folder or anything else there is refused. */
RB_EXTERN rb_status rb_ticket_export_file(rb_ticket_store *store, const char *path,
                                          rb_ticket_export_format format,
                                          const rb_ticket_query *query);

typedef struct rb_ticket_receipt_line {
    char *at;
    char *text;                /* "Backup verified: ok", "Restore finished: success" */
} rb_ticket_receipt_line;

/* What the kiosk prints for the customer. Shop details come from the settings
 * store.name, store.address, store.phone and tickets.receipt_terms. */
typedef struct rb_ticket_receipt {
    char *store_name, *store_address, *store_phone;
    char *number, *status, *created_at, *closed_at;
    char *customer_name, *customer_phone;
    char *device_model, *serial, *imei;
    char *problem, *resolution, *staff;
    char *terms;
    size_t line_count;
    rb_ticket_receipt_line *lines;
} rb_ticket_receipt;

/* The receipt of one ticket. Free with rb_ticket_receipt_free. */
RB_EXTERN rb_status rb_ticket_receipt_get(rb_ticket_receipt **out, rb_ticket_store *store,
                                          const char *number);
/* The receipt as a JSON object text; free with rb_free. */
RB_EXTERN rb_status rb_ticket_receipt_json(char **out, const rb_ticket_receipt *receipt);
RB_EXTERN void rb_ticket_receipt_free(rb_ticket_receipt *receipt);

/* ---- privacy -------------------------------------------------------------------- */

/* Erases the customer's personal data from a ticket: name, phone, e-mail, the device's
 * serial, IMEI, UDID and ECID, the text of notes and of every event detail, and its
 * search index entries; then checkpoints the journal so that nothing remains in the file
 * (secure_delete is on). Keeps the number, model, problem, resolution, status, times
 * and event types. Signed-in staff only; logged as personal_data_erased.
 * All or nothing on disk: while another connection holds a read transaction the
 * checkpoint cannot run; the erase waits up to the store's busy timeout and then fails
 * with RB_ERR_BUSY ("personal data not yet erased from disk: ..."). If that happens after
 * the rows were changed, calling it again (once the reader let go) finishes the job. */
RB_EXTERN rb_status rb_ticket_erase_personal_data(rb_ticket_store *store, const char *number);

/* Erases the personal data of every ticket closed more than `tickets.retention_days`
 * (setting; unset or 0 keeps everything) ago. *count_out gets how many. dry_run: count
 * only. */
RB_EXTERN rb_status rb_ticket_purge_expired(size_t *count_out, rb_ticket_store *store,
                                            int dry_run);

#ifdef __cplusplus
}
#endif

#endif
