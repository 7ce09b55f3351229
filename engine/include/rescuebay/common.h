/*
 * rescuebay/common.h - status codes, progress reporting and version, shared by every
 * capability header.
 *
 * Every engine call returns an rb_status: RB_OK (0) on success, a negative code on
 * failure. The human-readable detail of the failure is kept on the handle the call was
 * made with, for the calling thread (the one error model: context.h, "Errors").
 *
 * Threading: everything declared here is pure (static tables) and may be called from
 * any thread; rb_free is free().
 */
#ifndef RESCUEBAY_COMMON_H
#define RESCUEBAY_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(RB_SHARED_BUILD)
#define RB_EXTERN __declspec(dllexport)
#else
#define RB_EXTERN
#endif

/*
 * Status codes. Values are part of the ABI and of the CLI's --json output: never
 * renumber, only append (retired codes stay as RB_ERR_OBSOLETE_<n>).
 */
typedef enum rb_status {
    RB_OK = 0,
    RB_ERR_GENERIC = -1,         /* unexpected failure; the message says more */
    RB_ERR_NOMEM = -2,           /* out of memory */
    RB_ERR_INVALID_ARG = -3,     /* a caller passed a bad argument */
    RB_ERR_NOT_FOUND = -4,       /* no such device, file, ticket, build... */
    RB_ERR_IO = -5,              /* reading or writing a file failed */
    RB_ERR_PARSE = -6,           /* malformed input (plist, JSON, CSV, protocol message) */
    RB_ERR_CANCELLED = -7,       /* a progress callback asked to stop */
    RB_ERR_TIMEOUT = -8,         /* the other side did not answer in time */
    RB_ERR_UNSUPPORTED = -9,     /* cannot be done (by software, on this device, here) */
    RB_ERR_BUSY = -10,           /* another job/process holds the resource */
    RB_ERR_PERMISSION = -11,     /* the operating system refused access */
    RB_ERR_DEVICE = -12,         /* the device answered wrongly or hung up */
    RB_ERR_NOT_PAIRED = -13,     /* the device has not trusted this computer */
    RB_ERR_PAIR_PENDING = -14,   /* the Trust prompt is showing on the device */
    RB_ERR_PAIR_REFUSED = -15,   /* the customer tapped Don't Trust */
    RB_ERR_NETWORK = -16,        /* connection failed or dropped */
    RB_ERR_HTTP = -17,           /* the server answered with an HTTP error */
    RB_ERR_VERIFY = -18,         /* a hash or size check failed */
    RB_ERR_DISK_FULL = -19,      /* no space left where we write */
    RB_ERR_DB = -20,             /* the database refused or is damaged */
    RB_ERR_CORRUPT = -21,        /* data is damaged (backup, cache file, record) */
    RB_ERR_PASSWORD = -22,       /* a password is needed or was wrong */
    RB_ERR_AUTH = -23,           /* sign-in failed (wrong PIN) */
    RB_ERR_LOCKED = -24,         /* locked out after too many failures */
    RB_ERR_CONFLICT = -25,       /* already exists / changed underneath us */
    RB_ERR_NEEDS_BUTTONS = -26,  /* only the device's buttons can do this (e.g. leave DFU) */
    RB_ERR_REFUSED = -27         /* a safety check said no (restore preflight); see the job */
} rb_status;

/* The symbolic name of a status code ("RB_ERR_TIMEOUT"); never NULL. */
RB_EXTERN const char *rb_status_name(rb_status status);

/* A short English description of a status code; never NULL. Staff-facing text is made
 * by the UI's translation layer from the code, not from this string. */
RB_EXTERN const char *rb_strerror(rb_status status);

/* Progress of long work. `step` is a module-specific enum value. */
typedef struct rb_progress {
    unsigned int version;        /* RB_PROGRESS_VERSION */
    int step;
    double step_fraction;        /* 0.0 .. 1.0 of the current step, or -1 if unknown */
    uint64_t bytes_done;
    uint64_t bytes_total;        /* 0 if unknown */
    uint64_t items_done;         /* files, events, ... */
    uint64_t items_total;
} rb_progress;

#define RB_PROGRESS_VERSION 1

/* Progress callback: return 0 to go on, a negative value to cancel (the call then
 * returns RB_ERR_CANCELLED). Called on the thread doing the work. */
typedef int (*rb_progress_cb)(const rb_progress *progress, void *payload);

/* Library version as "MAJOR.MINOR.PATCH". */
RB_EXTERN const char *rb_version(void);

/* Frees memory the engine handed to the caller (strings, arrays) where a header says so. */
RB_EXTERN void rb_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
