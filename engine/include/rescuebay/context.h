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
 * A context may be used from several threads; the last-error detail is per context and
 * is only meaningful right after the failing call on that context.
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

/* Value of setting `key`, or `fallback` if unset. Owned by the context. */
RB_EXTERN const char *rb_context_setting(const rb_context *ctx, const char *key,
                                         const char *fallback);

/* Sets a setting and writes the settings file (atomically). value NULL removes it. */
RB_EXTERN rb_status rb_context_set_setting(rb_context *ctx, const char *key, const char *value);

/* Detail of the last failure on this context ("" if none); valid until the next call. */
RB_EXTERN const char *rb_context_last_error(const rb_context *ctx);

/* Status code of the last failure on this context (RB_OK if none). */
RB_EXTERN rb_status rb_context_last_status(const rb_context *ctx);

#ifdef __cplusplus
}
#endif

#endif
