/*
 * rescuebay/context.h - the engine's entry point: where its data lives, its settings,
 * and the detail of the last error.
 *
 * Data home: the directory given to rb_context_new, else $RESCUEBAY_HOME, else the
 * platform's data folder (Linux: $XDG_DATA_HOME/rescuebay or ~/.local/share/rescuebay;
 * macOS: ~/Library/Application Support/rescuebay; Windows: %LOCALAPPDATA%\rescuebay).
 *
 * Settings: the file `rescuebay.conf` in the data home, lines of `key = value`
 * (`#` starts a comment), e.g. `firmware.catalog_url = https://api.ipsw.me/v4`.
 *
 * Some settings can also be given by an environment variable, which wins over the file
 * and is never written to it (tests, demo mode): device.grace_ms
 * ($RESCUEBAY_DEVICE_GRACE_MS), firmware.backoff_ms ($RESCUEBAY_FW_BACKOFF_MS),
 * firmware.catalog_url ($RESCUEBAY_CATALOG_URL), catalog.data_dir ($RESCUEBAY_DATA_DIR).
 *
 * Errors (the engine's one model, the same on every handle): a call returns an rb_status;
 * the detail of a failure is kept on the handle the call was made with (for calls that
 * take a context and no handle of their own, on the context), per calling thread.
 * rb_<handle>_last_error(h) returns the detail of the calling thread's most recent
 * failure on h, copied out under the handle's lock into storage of the calling thread
 * that stays valid until that thread's next call into the engine. So several threads may
 * share a handle and each reads its own failure, never another's or torn text. Read the
 * detail on the thread that made the call (the kiosk shim does this before it hops to
 * the GUI thread) and copy it if you need it later. Why not one per-thread last error as
 * libgit2's git_error_last(): the detail belongs to the handle and dies with it, and a
 * message is never reported against a handle it was not about.
 *
 * Threading: a context may be shared by any number of threads. rb_context_setting and
 * rb_context_set_setting may race: reads take the context's lock, and a value returned
 * stays valid until rb_context_free even if the setting is changed or removed meanwhile.
 * rb_context_free must not race with any other use.
 */
#ifndef RESCUEBAY_CONTEXT_H
#define RESCUEBAY_CONTEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rb_context rb_context;

/* Opens a context with its data home (NULL: see above). Creates the folder if needed. */
RB_EXTERN rb_status rb_context_new(rb_context **out, const char *home);

/* Releases the context; NULL is a no-op. */
RB_EXTERN void rb_context_free(rb_context *ctx);

/* Absolute path of the data home; owned by the context. */
RB_EXTERN const char *rb_context_home(const rb_context *ctx);

/* Value of setting `key` (its environment variable first, see above), or `fallback` if
 * unset. Owned by the context, valid until rb_context_free. */
RB_EXTERN const char *rb_context_setting(const rb_context *ctx, const char *key,
                                         const char *fallback);

/* Sets a setting and writes the settings file (atomically). value NULL removes it. */
RB_EXTERN rb_status rb_context_set_setting(rb_context *ctx, const char *key, const char *value);

/* Detail of the calling thread's last failure on this context ("" if none); see "Errors"
 * above for how long the pointer stays valid. */
RB_EXTERN const char *rb_context_last_error(const rb_context *ctx);

/* Status code of the calling thread's last failure on this context (RB_OK if none). */
RB_EXTERN rb_status rb_context_last_status(const rb_context *ctx);

#ifdef __cplusplus
}
#endif

#endif
